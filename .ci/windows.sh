#!/usr/bin/env bash
# loa.exe, the binary the offices run on their Windows PCs: cross-built here for
# x86_64-pc-windows-gnu (Rust's target, Debian's mingw-w64 linker) and run under Wine
# (Debian's wine64). Checks, each against the Linux binary where the output can differ:
#   - clippy for the Windows target (the cfg(windows) code in src/platform/);
#   - the demo portal builds byte-identical to the Linux build;
#   - a second build says nothing changed (the unchanged check on Windows), an edited
#     page builds again;
#   - a folder held open by another program: the swap waits for it (hold.exe lets go
#     after a second), or gives up with E080 and leaves public/ as it was;
#   - a failed build leaves public/ untouched and names the file;
#   - check, speak, broadcast, new, init (a Vietnamese folder name), a file:// publish;
#   - Vietnamese on a console whose code page is 437, as cmd.exe and PowerShell start;
#   - serve answers, and --open hands its address to the default browser;
#   - a site written the Windows way: CRLF and BOMs everywhere (site.toml, pages, data,
#     templates), a file name in decomposed (NFD) Vietnamese, an image path with `\`.
# What Wine cannot show, and why, is in the comments at the end (SFTP with Windows'
# OpenSSH client, a file open inside the folder, PowerShell's pipes).
# Usage: LOA=target/release/loa .ci/windows.sh   (LOA: the Linux binary to compare with)
# A machine without the Windows target, mingw-w64 or Wine prints "SKIPPED: <reason>".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
TODAY=${TODAY:-2026-11-28}
LOA=${LOA:-$root/target/release/loa}
target=x86_64-pc-windows-gnu
export CARGO_TERM_COLOR=never

skip() {
    echo "SKIPPED: $*"
    exit 0
}
fail() {
    echo "FAILED: $*" >&2
    exit 1
}
say() { printf -- '-- %s\n' "$*"; }

# Debian packages, when this machine may install them (CI runs as root).
apt_install() {
    [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null || return 1
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

LOA=$(realpath "$LOA" 2>/dev/null || echo "$LOA")
[[ -x $LOA ]] || fail "no Linux loa binary to compare with at $LOA (set LOA)"
if ! rustup target list --installed 2>/dev/null | grep -qx "$target"; then
    rustup target add "$target" >/dev/null 2>&1 ||
        skip "the Rust standard library for $target cannot be installed here (rustup target add $target failed)"
fi
command -v x86_64-w64-mingw32-gcc >/dev/null || apt_install gcc-mingw-w64-x86-64 || true
command -v x86_64-w64-mingw32-gcc >/dev/null ||
    skip "no mingw-w64 linker for loa.exe (Debian package gcc-mingw-w64-x86-64), and it cannot be installed here"
find_wine() {
    local w
    for w in /usr/lib/wine/wine64 "$(command -v wine64 || true)" "$(command -v wine || true)"; do
        [[ -n $w && -x $w ]] && { echo "$w"; return 0; }
    done
    return 1
}
wine=$(find_wine) || { apt_install wine wine64 || true; wine=$(find_wine) || true; }
[[ -n $wine ]] || skip "Wine is not installed and cannot be installed here (Debian packages wine, wine64)"

say "cargo clippy --target $target --all-targets -- -D warnings"
cargo clippy --target "$target" --all-targets --locked -- -D warnings

# The ci-windows profile (Cargo.toml): release with opt-level 1, to keep the cold
# cross-build inside CI's budget; scripts/release.sh builds the shipped one.
say "cargo build --profile ci-windows --target $target"
cargo build --profile ci-windows --target "$target" --locked
exe=${CARGO_TARGET_DIR:-$root/target}/$target/ci-windows/loa.exe

tmp=$(mktemp -d)
export WINEPREFIX=$tmp/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
cleanup() {
    local server
    server=$(dirname "$wine")/wineserver
    [[ -x $server ]] || server=$(command -v wineserver || true)
    [[ -n $server ]] && "$server" -k >/dev/null 2>&1 || true
    rm -rf "$tmp"
}
trap cleanup EXIT

# The harness: loa.exe, the ProcessPrng shim (Debian's Wine 8 lacks ProcessPrng, which
# Rust's std calls; Windows 10 and 11 have it, so the shim is never shipped), hold.exe.
bin=$tmp/bin
mkdir -p "$bin"
cp "$exe" "$bin/loa.exe"
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$bin/bcryptprimitives.dll" .ci/windows/bcryptprimitives.c -ladvapi32
x86_64-w64-mingw32-gcc -municode -O2 -s -o "$bin/hold.exe" .ci/windows/hold.c
"$wine" wineboot -i >/dev/null 2>&1 || true
# Once in a few runs on a loaded machine, Wine's wineserver SIGKILLs a process whose
# threads are slow to go at exit (status 137, after everything was said and written).
# That is Wine's, not loa's: `winloa` (a command that must succeed) lets it pass with a
# note, since what it said and wrote is checked after it; a command that must fail runs
# as `loa_exe` and goes through `failed_as_expected`. Any other status fails.
loa_exe() { "$wine" "$bin/loa.exe" "$@"; }
killed_by_wine() { echo "note: Wine killed loa.exe as it exited (status 137); what it said and wrote is checked"; }
winloa() {
    local status=0
    loa_exe "$@" || status=$?
    [[ $status == 137 ]] && { killed_by_wine; return 0; }
    return "$status"
}
failed_as_expected() { # STATUS WHAT
    case $1 in
    1) ;;
    137) killed_by_wine ;;
    *) fail "$2 made loa.exe exit $1, not 1" ;;
    esac
}
"$wine" "$bin/loa.exe" --version >/dev/null 2>&1 || skip "Wine cannot run loa.exe on this machine: $("$wine" "$bin/loa.exe" --version 2>&1 | head -3)"

# A copy of the demo site (what a build reads).
copy_site() {
    mkdir -p "$1"
    local d
    for d in site.toml content static assets themes; do
        [[ -e $d ]] && cp -a "$d" "$1/"
    done
    # Without its [broadcast.audio] table: Wine has no speech engine, a missing engine is a
    # warning (W070), and a build with warnings is never "unchanged" (they are shown every
    # time), so the unchanged check could not be seen. Audio is checked by .ci/audio.sh.
    awk '/^\[/ { skip = ($0 ~ /^\[broadcast\.audio[].]/) } !skip' "$1/site.toml" >"$1/site.toml.new"
    mv "$1/site.toml.new" "$1/site.toml"
    return 0
}
same_tree() { # same_tree A B WHAT
    # loa's own listings beside public/ hold times and inodes, which differ by nature.
    diff -r -x '.*.loa-*' "$1" "$2" >"$tmp/diff" 2>&1 || { head -20 "$tmp/diff" >&2; fail "$3"; }
}

say "the demo builds under Wine byte-identical to the Linux build"
copy_site "$tmp/lin"
copy_site "$tmp/win"
"$LOA" build --root "$tmp/lin" --today "$TODAY" -q
cd "$tmp/win"
winloa build --today "$TODAY"
same_tree "$tmp/lin/public" "$tmp/win/public" "loa.exe built the demo differently from loa"

say "a second build says nothing changed; an edited page builds again"
said=$(winloa build --today "$TODAY" 2>&1)
echo "$said"
grep -q "Không có gì thay đổi" <<<"$said" || fail "the second build under Wine did not say nothing changed"
printf '\nMột dòng sửa thêm.\n' >>content/gioi-thieu.md
said=$(winloa build --today "$TODAY" 2>&1)
grep -q "^Đã dựng" <<<"$said" || fail "an edited page did not make the build run again: $said"
grep -q "Một dòng sửa thêm" public/gioi-thieu/index.html || fail "the edit is not in the built page"
said=$(winloa build --today "$TODAY" 2>&1)
grep -q "Không có gì thay đổi" <<<"$said" || fail "the build after the edit did not say nothing changed next time"

# Windows refuses to rename a folder while another program has it (or, on Windows but
# not in Wine, a file inside it) open without sharing deletion: File Explorer, a
# preview pane, a console standing in it. hold.exe holds public\ like that.
hold() { # hold SECONDS: hold public\ until SECONDS have passed; returns once held
    "$wine" "$bin/hold.exe" 'public' "$1" >"$tmp/held" 2>&1 &
    held_pid=$!
    local i
    for i in $(seq 100); do
        grep -q held "$tmp/held" && return 0
        sleep 0.1
    done
    fail "hold.exe did not take public: $(cat "$tmp/held")"
}
say "public\\ held open for a second: the build waits for it and succeeds"
printf '\nSửa lần hai.\n' >>content/gioi-thieu.md
hold 1
winloa build --today "$TODAY" || fail "the build did not wait for public\\ to be let go"
wait "$held_pid"
grep -q "Sửa lần hai" public/gioi-thieu/index.html || fail "the build that waited did not publish the edit"

say "public\\ held open for longer: E080, and public\\ is left as it was"
printf '\nSửa lần ba.\n' >>content/gioi-thieu.md
cp -a public "$tmp/before"
hold 6
status=0
loa_exe build --today "$TODAY" 2>"$tmp/err" || status=$?
wait "$held_pid"
cat "$tmp/err"
failed_as_expected "$status" "a held folder"
grep -q "lỗi\[E080\]" "$tmp/err" || fail "a held folder did not say E080"
same_tree "$tmp/before" public "the failed swap changed public\\"

say "a failed build leaves public\\ untouched and names the file"
winloa build --today "$TODAY" -q
rm -rf "$tmp/before"
cp -a public "$tmp/before"
printf -- '---\ntitle: "Bài hỏng"\nkind: tin-tuc-sai\n---\nNội dung.\n' >content/tin-tuc/hong.md
status=0
loa_exe build --today "$TODAY" 2>"$tmp/err" || status=$?
cat "$tmp/err"
failed_as_expected "$status" "a bad page"
grep -qF 'content\tin-tuc\hong.md:3:7: lỗi[E013]' "$tmp/err" || fail "the error does not name content\\tin-tuc\\hong.md:3:7 and E013"
same_tree "$tmp/before" public "a failed build changed public\\"
rm content/tin-tuc/hong.md
cp "$root/content/gioi-thieu.md" content/

say "check, speak and broadcast say what they say on Linux"
winloa check --today "$TODAY" >"$tmp/check-win" 2>&1 || fail "loa.exe check failed: $(cat "$tmp/check-win")"
sentence="Ngày 19/3/2024, Ban Bí thư ban hành Chỉ thị số 31-CT/TW về ATVSLĐ."
winloa speak "$sentence" >"$tmp/speak-win"
"$LOA" speak "$sentence" >"$tmp/speak-lin"
cmp "$tmp/speak-win" "$tmp/speak-lin" || fail "loa.exe speak reads differently: $(cat "$tmp/speak-win")"
cat "$tmp/speak-win"
winloa broadcast --today "$TODAY" >"$tmp/bc-win"
(cd "$tmp/lin" && "$LOA" broadcast --today "$TODAY") >"$tmp/bc-lin"
cmp "$tmp/bc-win" "$tmp/bc-lin" || fail "loa.exe broadcast prints other bulletins"
[[ -s $tmp/bc-win ]] || fail "loa.exe broadcast printed nothing"

# cmd.exe and PowerShell start with the OEM code page (437, 850…), not UTF-8. Rust's std
# writes to a console with WriteConsoleW (UTF-16), so the code page does not matter; a
# program that wrote UTF-8 bytes there would show "NgÃ y". `script` gives Wine a
# terminal, so loa.exe writes to a real (Wine) console set to code page 437.
if command -v script >/dev/null; then
    say "a console on code page 437 shows loa's Vietnamese as it is"
    shown=$(cd "$bin" && timeout 60 script -qec "'$wine' cmd /c 'chcp 437 >nul & loa.exe speak 19/3/2024'" /dev/null |
        sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g' | tr -d '\r')
    echo "$shown"
    grep -q "Ngày mười chín tháng ba năm hai nghìn không trăm hai mươi tư" <<<"$shown" ||
        fail "loa.exe's Vietnamese came out garbled on a console with code page 437"
else
    echo "SKIPPED (this check only): no \`script\` (util-linux) to give Wine a console"
fi

say "new writes the page loa writes on Linux"
title="Thông báo lịch tiêm phòng dại đợt 2"
winloa new tin-tuc "$title" --today "$TODAY"
(cd "$tmp/lin" && "$LOA" new tin-tuc "$title" --today "$TODAY")
same_tree "$tmp/lin/content" "$tmp/win/content" "loa.exe new wrote another page than loa new"

say "init makes a site (in a folder with a Vietnamese name) that builds"
cd "$tmp"
winloa init "Trang thử" --today "$TODAY"
(cd "Trang thử" && winloa build --today "$TODAY")
mkdir "$tmp/lin-init"
(cd "$tmp/lin-init" && "$LOA" init "Trang thử" --today "$TODAY" >/dev/null && cd "Trang thử" && "$LOA" build --today "$TODAY" -q)
same_tree "$tmp/lin-init/Trang thử" "$tmp/Trang thử" "loa.exe init made another site than loa init"

say "a file:// publish to a folder on a drive (file:///Z:/…) sends the portal"
cd "$tmp/win"
mkdir "$tmp/dest-win" "$tmp/dest-lin"
printf '\n[publish.may-chu]\ntarget = "file:///Z:%s"\n' "$tmp/dest-win" >>site.toml
printf '\n[publish.may-chu]\ntarget = "file://%s"\n' "$tmp/dest-lin" >>"$tmp/lin/site.toml"
winloa publish --target may-chu --today "$TODAY"
(cd "$tmp/lin" && "$LOA" publish --target may-chu --today "$TODAY" -q)
same_tree "$tmp/dest-lin" "$tmp/dest-win" "loa.exe published other files than loa"
[[ -f $tmp/dest-win/index.html ]] || fail "the publish sent no index.html"

# `loa serve --open` runs `explorer URL`, which hands the address to the default
# browser; Wine's explorer hands it to winebrowser, which runs xdg-open: a stand-in
# xdg-open records the address instead of opening a browser.
say "serve answers, and --open hands its address to the default browser"
mkdir -p "$tmp/fakebin"
printf '#!/bin/sh\necho "$@" >>"%s"\n' "$tmp/opened" >"$tmp/fakebin/xdg-open"
chmod +x "$tmp/fakebin/xdg-open"
PATH=$tmp/fakebin:$PATH DISPLAY='' "$wine" "$bin/loa.exe" serve --open --port 0 --today "$TODAY" >"$tmp/serve" 2>&1 &
serve_pid=$!
url=
for _ in $(seq 300); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$tmp/serve" | head -1 || true)
    [[ -n $url && -s $tmp/opened ]] && break
    sleep 0.1
done
page=$(python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=10).read().decode())' "$url" 2>&1 || true)
kill "$serve_pid" 2>/dev/null || true
wait "$serve_pid" 2>/dev/null || true
cat "$tmp/serve"
[[ -n $url ]] || fail "loa.exe serve did not say its address"
grep -q '<html' <<<"$page" || fail "loa.exe serve did not answer $url: ${page:0:300}"
grep -qxF "$url" "$tmp/opened" 2>/dev/null || fail "loa.exe serve --open did not hand $url to the browser"

# A site as Notepad and Word leave it: CRLF line ends and a BOM in every text file
# (site.toml, pages, data, templates), a page whose file name is decomposed (NFD)
# Vietnamese, an image written with `\`. The portal must be the same on both systems.
say "a site written the Windows way (CRLF, BOMs, an NFD file name, a \\ path) builds as on Linux"
make_windows_site() {
    copy_site "$1"
    python3 - "$1" <<'PY'
import pathlib, sys, unicodedata
site = pathlib.Path(sys.argv[1])
for p in site.rglob("*"):
    if p.is_file() and p.suffix in {".md", ".toml", ".yaml", ".yml", ".csv", ".html", ".xml", ".txt"}:
        text = p.read_bytes().decode("utf-8").replace("\r\n", "\n")
        p.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
page = site / "content" / "tin-tuc" / unicodedata.normalize("NFD", "thông-báo-họp-dân.md")
page.write_bytes("---\r\ntitle: \"Thông báo họp dân\"\r\ndate: 2026-11-20\r\nimage: anh\\hop-dan.png\r\nimage_alt: \"Họp dân ở nhà văn hóa\"\r\n---\r\n\r\nMời bà con dự họp.\r\n".encode())
(site / "assets" / "anh").mkdir(parents=True, exist_ok=True)
# A real picture: the build decodes every image a page shows (#19).
(site / "assets" / "anh" / "hop-dan.png").write_bytes((site / "assets" / "anh" / "tap-huan-lam-viec-tren-cao.png").read_bytes())
PY
}
make_windows_site "$tmp/crlf-win"
make_windows_site "$tmp/crlf-lin"
"$LOA" build --root "$tmp/crlf-lin" --today "$TODAY" -q
(cd "$tmp/crlf-win" && winloa build --today "$TODAY" -q)
same_tree "$tmp/crlf-lin/public" "$tmp/crlf-win/public" "loa.exe built the CRLF site differently from loa"
# The NFD name's letters become the same address as typed NFC (thong-bao-hop-dan).
grep -q 'src="/assets/anh/hop-dan-[0-9]*\.[0-9a-f]*\.png"' "$tmp/crlf-win/public/tin-tuc/thong-bao-hop-dan/index.html" ||
    fail "the NFD page is not at /tin-tuc/thong-bao-hop-dan/, or its \\ image path was not made /"

# Not checked under Wine, with the reason:
#   - The console: checked above on Wine's console with code page 437. Redirected to a
#     file or a pipe, loa writes UTF-8 (every output compared here went through one);
#     PowerShell 5.1 decodes a native program's piped output with its own
#     [Console]::OutputEncoding, which a child cannot change for it (README says how to
#     set it). loa prints no colours, so there is nothing to switch off where a console
#     has none.
#   - `loa publish` over SFTP runs `sftp` (Windows 10 and 11: OpenSSH's sftp.exe)
#     without a shell; Wine has no Windows OpenSSH, and .ci/sftp-publish.sh runs the
#     same code against a real sshd on Linux.
#   - Windows also refuses to rename a folder while a file inside it is open; Wine
#     allows that, so hold.exe holds the folder itself (the same error, the same path).
say "loa.exe passed its checks under Wine ($("$wine" --version))"
