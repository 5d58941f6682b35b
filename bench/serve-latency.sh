#!/usr/bin/env bash
# Latency of `loa serve`: the time from saving one page's markdown to its rebuilt
# HTML being served, on the synthetic corpus of ../shared/bench/gen-corpus.py.
#
#   bench/serve-latency.sh [--pages N] [--edits K] [--corpus DIR] [--loa BIN] [--poll]
#
# Generates (or reuses) a corpus of N pages (default 10000), starts
# `loa serve --port 0 --today 2025-06-01` on it, then K times (default 10) writes a new
# sentence into one page and polls the page over HTTP until the sentence is served
# ("served"), then waits for the server to report the full rebuild ("rebuilt": lists,
# feeds and search index up to date too). Prints each edit's figures and their median
# and 90th percentile, with the server's CPU time per edit and the machine's load
# average (other work on the machine stretches wall-clock times). Uses a release binary
# (built if missing); Python 3 standard library only. The edited page is restored.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
pages=10000
edits=10
corpus=""
loa="$repo/target/release/loa"
poll=""
gen="${GEN_CORPUS:-$repo/../shared/bench/gen-corpus.py}"

while [ $# -gt 0 ]; do
  case "$1" in
    --pages) pages="$2"; shift 2 ;;
    --edits) edits="$2"; shift 2 ;;
    --corpus) corpus="$2"; shift 2 ;;
    --loa) loa="$2"; shift 2 ;;
    --poll) poll="--poll"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

if [ ! -x "$loa" ]; then
  (cd "$repo" && cargo build --release --quiet)
fi
if [ -z "$corpus" ]; then
  corpus="${TMPDIR:-/tmp}/loa-serve-latency-$pages"
fi
if [ ! -f "$corpus/.gen-corpus" ]; then
  python3 "$gen" --pages "$pages" --flavor loa --out "$corpus" >/dev/null
fi

exec python3 - "$loa" "$corpus" "$edits" "$poll" <<'PY'
import http.client, os, re, statistics, subprocess, sys, tempfile, time

loa, corpus, edits, poll = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
log = tempfile.NamedTemporaryFile(prefix="loa-serve-", suffix=".log", delete=False)
# -v: the server also says how long its preview of the edited page took.
args = [loa, "-v", "serve", "--port", "0", "--today", "2025-06-01", "--root", corpus]
if poll:
    args.append(poll)
server = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=log)

def output():
    with open(log.name, encoding="utf-8", errors="replace") as f:
        return f.read()

def fail(msg):
    server.kill()
    sys.exit(f"{msg}\n--- loa serve said:\n{output()}")

started = time.monotonic()
while True:
    m = re.search(r"http://127\.0\.0\.1:(\d+)/", output())
    if m:
        port = int(m.group(1))
        break
    if server.poll() is not None:
        fail("loa serve stopped")
    if time.monotonic() - started > 300:
        fail("no address after 300 s")
    time.sleep(0.05)
first_build = time.monotonic() - started

def get(path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", path)
    r = c.getresponse()
    body = r.read().decode("utf-8", "replace")
    c.close()
    return r.status, body

# The first published news page, in file-name order.
news = os.path.join(corpus, "content", "news")
for name in sorted(os.listdir(news)):
    if name.endswith(".md") and name != "_index.md":
        text = open(os.path.join(news, name), encoding="utf-8").read()
        if "\ndraft: true" not in text.split("\n---", 2)[1]:
            break
page_file = os.path.join(news, name)
url = f"/news/{name[:-3]}/"
status, _ = get(url)
if status != 200:
    fail(f"{url} answered {status}")
original = open(page_file, encoding="utf-8").read()

def lines(prefix):
    # Complete lines only: the server may be writing the last one.
    return [l for l in output().split("\n")[:-1] if l.startswith(prefix)]

def rebuilt_lines():
    return lines("Rebuilt in")

def cpu_ms():
    # utime + stime of the server, in clock ticks.
    fields = open(f"/proc/{server.pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")

served, rebuilt, cpu, loads = [], [], [], []
time.sleep(1)
try:
    for i in range(edits):
        marker = f"Câu thử số {i} lúc {time.time_ns()}."
        text = original.rstrip("\n") + f"\n\n{marker}\n"
        before = len(rebuilt_lines())
        previews = len(lines("showed the edited page"))
        cpu0 = cpu_ms()
        t0 = time.perf_counter()
        with open(page_file, "w", encoding="utf-8") as f:
            f.write(text)
        while True:
            _, body = get(url)
            if marker in body:
                break
            if time.perf_counter() - t0 > 60:
                fail(f"edit {i}: not served after 60 s")
            time.sleep(0.002)
        served.append((time.perf_counter() - t0) * 1000)
        while len(rebuilt_lines()) <= before:
            if time.perf_counter() - t0 > 120:
                fail(f"edit {i}: no rebuild after 120 s")
            time.sleep(0.005)
        rebuilt.append((time.perf_counter() - t0) * 1000)
        cpu.append(cpu_ms() - cpu0)
        loads.append(os.getloadavg()[0])
        shown = lines("showed the edited page")[previews:]
        preview = shown[0].rsplit(" in ", 1)[1] if shown else "none"
        print(f"edit {i + 1:2}: served {served[-1]:7.1f} ms (server's preview: {preview}), "
              f"rebuilt {rebuilt[-1]:7.1f} ms, server CPU {cpu[-1]:6.0f} ms, "
              f"load {loads[-1]:.1f}", flush=True)
        time.sleep(0.5)
finally:
    with open(page_file, "w", encoding="utf-8") as f:
        f.write(original)
    server.kill()
    server.wait()

def summary(xs):
    xs = sorted(xs)
    p90 = xs[min(len(xs) - 1, int(round(0.9 * (len(xs) - 1))))]
    return (f"median {statistics.median(xs):.0f} ms, p90 {p90:.0f} ms, "
            f"min {xs[0]:.0f} ms, max {xs[-1]:.0f} ms")

print(f"\ncorpus: {corpus}; first build and start: {first_build:.1f} s; "
      f"{os.cpu_count()} CPUs, load average during the edits {min(loads):.1f}-{max(loads):.1f}")
print(f"save -> page served   ({len(served)} edits): {summary(served)}")
print(f"save -> full rebuild  ({len(rebuilt)} edits): {summary(rebuilt)}")
print(f"server CPU per edit   ({len(cpu)} edits): {summary(cpu)}")
os.unlink(log.name)
PY
