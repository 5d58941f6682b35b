#!/usr/bin/env bash
# End-to-end check of `loa publish` over SFTP against a real OpenSSH server.
#
# Starts a throwaway sshd on 127.0.0.1 (fresh ed25519 host and user keys, a free port,
# root login by key only, internal-sftp), builds the site, publishes it twice, and
# checks that the second run sends 0 files and that the server's folder equals the
# build output byte for byte. Exits non-zero on any failure. Installs nothing: the
# caller provides openssh-server and openssh-client. Must run as root.
#
# Environment:
#   LOA          path to the loa binary (needed unless PUBLISH_CMD and OUTPUT_DIR are set)
#   SITE         the site folder to build (a copy is used; its site.toml gets [publish.ci])
#   OUTPUT_DIR   an already built output folder: skips `loa build`
#   PUBLISH_CMD  overrides how publish runs, until the CLI is wired; called as
#                  $PUBLISH_CMD <output_dir> <target-url> <identity_file>
#                e.g. PUBLISH_CMD=target/debug/examples/publish_cli
#   SSHD         sshd binary (default /usr/sbin/sshd)
#   KEEP_TMP     set to keep the temporary folder for inspection
set -euo pipefail

say() { echo "sftp-publish: $*" >&2; }
fail() {
    say "FAIL: $*"
    exit 1
}

SSHD=${SSHD:-/usr/sbin/sshd}
[[ $(id -u) == 0 ]] || fail "run as root: sshd must start as root, and the test logs in as root"
[[ -x $SSHD ]] || fail "$SSHD not found; install openssh-server (apt-get install -y openssh-server)"
for tool in sftp ssh ssh-keygen diff; do
    command -v "$tool" >/dev/null || fail "$tool not found; install openssh-client and diffutils"
done

publish_cmd=()
if [[ -n ${PUBLISH_CMD:-} ]]; then
    read -r -a publish_cmd <<<"$PUBLISH_CMD"
fi
if [[ -z ${OUTPUT_DIR:-} || ${#publish_cmd[@]} -eq 0 ]]; then
    [[ -n ${LOA:-} && -x ${LOA:-} ]] || fail "set LOA to the loa binary (or PUBLISH_CMD and OUTPUT_DIR)"
    [[ -n ${SITE:-} && -f ${SITE:-}/site.toml ]] || fail "set SITE to a site folder with a site.toml"
    LOA=$(realpath "$LOA")
fi

work=$(mktemp -d /tmp/loa-sftp-publish.XXXXXX)
sshd_pid=
port=
# ssh records the throwaway host key here (loa accepts a new host's key); it is
# forgotten again at the end.
known_hosts="$(getent passwd "$(id -u)" | cut -d: -f6)/.ssh/known_hosts"
known_hosts_existed=
[[ -e $known_hosts ]] && known_hosts_existed=1
ssh_dir_existed=
[[ -d ${known_hosts%/*} ]] && ssh_dir_existed=1

forget_host_key() {
    if [[ -n $port ]] && ssh-keygen -F "[127.0.0.1]:$port" >/dev/null 2>&1; then
        ssh-keygen -R "[127.0.0.1]:$port" >/dev/null 2>&1 || true
    fi
}

cleanup() {
    local rc=$?
    if [[ -n $sshd_pid ]]; then
        kill "$sshd_pid" 2>/dev/null || true
        wait "$sshd_pid" 2>/dev/null || true
    fi
    forget_host_key
    if [[ -z $known_hosts_existed && ! -s $known_hosts ]]; then
        rm -f "$known_hosts" "$known_hosts.old"
    fi
    if [[ -z $ssh_dir_existed ]]; then
        rmdir "${known_hosts%/*}" 2>/dev/null || true
    fi
    if ((rc != 0)) && [[ -f $work/sshd.log ]]; then
        say "last lines of the sshd log:"
        tail -n 20 "$work/sshd.log" >&2 || true
    fi
    if [[ -n ${KEEP_TMP:-} ]]; then
        say "kept $work"
    else
        rm -rf "$work"
    fi
    exit "$rc"
}
trap cleanup EXIT

# Keys made for this run only.
ssh-keygen -q -t ed25519 -N '' -C loa-ci-host -f "$work/host_key"
ssh-keygen -q -t ed25519 -N '' -C loa-ci-user -f "$work/user_key"
cp "$work/user_key.pub" "$work/authorized_keys"
mkdir -p /run/sshd # sshd's privilege separation folder; Debian creates it at boot only

free_port() {
    if command -v python3 >/dev/null; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
        return
    fi
    local p
    for _ in $(seq 200); do
        p=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"
            return
        fi
    done
    return 1
}

write_sshd_config() {
    cat >"$work/sshd_config" <<EOF
Port $1
ListenAddress 127.0.0.1
HostKey $work/host_key
PidFile $work/sshd.pid
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
AuthorizedKeysFile $work/authorized_keys
StrictModes no
Subsystem sftp internal-sftp
LogLevel VERBOSE
EOF
}

# Start sshd; another process may take the port between choosing and binding, so retry.
for attempt in 1 2 3 4 5; do
    port=$(free_port) || fail "found no free port"
    write_sshd_config "$port"
    "$SSHD" -t -f "$work/sshd_config" || fail "sshd rejects the generated configuration"
    "$SSHD" -D -f "$work/sshd_config" -E "$work/sshd.log" &
    sshd_pid=$!
    ready=
    for _ in $(seq 50); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            ready=1
            break
        fi
        kill -0 "$sshd_pid" 2>/dev/null || break
        sleep 0.2
    done
    [[ -n $ready ]] && break
    say "sshd did not start on port $port (attempt $attempt)"
    kill "$sshd_pid" 2>/dev/null || true
    wait "$sshd_pid" 2>/dev/null || true
    sshd_pid=
    port=
done
[[ -n $sshd_pid ]] || fail "could not start sshd"
say "sshd (pid $sshd_pid) listens on 127.0.0.1:$port"
forget_host_key # a stale key from an earlier server on this port would be refused

www="$work/www"
url="sftp://root@127.0.0.1:$port$www"

# The site copy and its build.
if [[ -z ${OUTPUT_DIR:-} || ${#publish_cmd[@]} -eq 0 ]]; then
    mkdir -p "$work/site"
    cp -a "$SITE/." "$work/site/"
    if grep -q '^\[publish\.ci\]' "$work/site/site.toml"; then
        fail "$SITE/site.toml already declares [publish.ci]; this script adds its own"
    fi
    cat >>"$work/site/site.toml" <<EOF

[publish.ci]
target = "$url"
identity_file = "$work/user_key"
EOF
fi
if [[ -n ${OUTPUT_DIR:-} ]]; then
    output=$(realpath "$OUTPUT_DIR")
else
    say "building $SITE"
    (cd "$work/site" && "$LOA" build) || fail "loa build failed"
    out_name=$(sed -nE 's/^output_dir[[:space:]]*=[[:space:]]*"([^"]*)".*/\1/p' "$work/site/site.toml" | head -n 1)
    output="$work/site/${out_name:-public}"
fi
[[ -d $output ]] || fail "no build output at $output"
files=$(find "$output" -type f ! -path "$output/.loa-manifest.json" | wc -l)
((files > 0)) || fail "the build output $output holds no file"

run_publish() {
    if ((${#publish_cmd[@]} > 0)); then
        "${publish_cmd[@]}" "$output" "$url" "$work/user_key"
    else
        # English, for summary_counts below; tests/it/office.rs holds the Vietnamese.
        (cd "$work/site" && "$LOA" publish --target ci --lang en)
    fi
}

# Prints "<sent> <removed>" from the summary line "12 files changed, 3 removed, ...".
summary_counts() {
    local line
    line=$(grep -oE '[0-9]+ files? changed, [0-9]+ removed, .* sent in [0-9.]+ s' <<<"$1" | tail -n 1) ||
        return 1
    sed -E 's/^([0-9]+) files? changed, ([0-9]+) removed.*/\1 \2/' <<<"$line"
}

publish_once() {
    local label=$1 expect_sent=$2 log counts sent removed
    say "publish $label: $url"
    if ! log=$(run_publish 2>&1); then
        echo "$log" >&2
        fail "publish $label failed"
    fi
    echo "$log" | sed 's/^/    /' >&2
    counts=$(summary_counts "$log") || fail "publish $label printed no summary line"
    read -r sent removed <<<"$counts"
    [[ $sent == "$expect_sent" ]] || fail "publish $label sent $sent files, expected $expect_sent"
    [[ $removed == 0 ]] || fail "publish $label removed $removed files, expected 0"
}

publish_once first "$files"
publish_once second 0

[[ -f $www/.loa-manifest.json ]] || fail "no .loa-manifest.json on the server"
if command -v python3 >/dev/null; then
    python3 -m json.tool "$www/.loa-manifest.json" >/dev/null || fail "the manifest on the server is not JSON"
fi
if ! diff -r --exclude=.loa-manifest.json -- "$output" "$www" >&2; then
    fail "the server's folder differs from the build output"
fi
say "OK: $files files published over SFTP, the second run sent 0, the server's folder equals the build output"
