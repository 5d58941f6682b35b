#!/usr/bin/env bash
# The release archives, one per platform, from one commit:
#   dist/loa-VERSION-linux-x86_64.tar.gz   loa, HUONG-DAN.txt, README.md
#   dist/loa-VERSION-windows-x86_64.zip    loa.exe, HUONG-DAN.txt (CRLF, for Notepad), README.md
#   dist/SHA256SUMS
# Built with the release profile (PROFILE=ci-windows makes a quicker trial of the
# packaging; never ship that). The Windows binary is cross-built as in .ci/windows.sh:
# rustup's x86_64-pc-windows-gnu and Debian's gcc-mingw-w64-x86-64. The ProcessPrng shim
# of .ci/windows/ is for Wine only and is never packed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
profile=${PROFILE:-release}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
dist=$root/dist
windows=x86_64-pc-windows-gnu
built=${CARGO_TARGET_DIR:-$root/target}

rustup target list --installed | grep -qx "$windows" || rustup target add "$windows"
command -v x86_64-w64-mingw32-gcc >/dev/null || {
    echo "no mingw-w64 linker: apt install gcc-mingw-w64-x86-64" >&2
    exit 1
}

cargo build --locked --profile "$profile"
cargo build --locked --profile "$profile" --target "$windows"

rm -rf "$dist"
mkdir -p "$dist"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

linux=loa-$version-linux-x86_64
mkdir "$stage/$linux"
cp "$built/$profile/loa" "$stage/$linux/loa"
cp scripts/HUONG-DAN.txt README.md "$stage/$linux/"
# Fixed owner and times, so one commit gives one archive.
tar -C "$stage" --owner=0 --group=0 --numeric-owner --mtime='2000-01-01 00:00Z' \
    --sort=name -czf "$dist/$linux.tar.gz" "$linux"

win=loa-$version-windows-x86_64
mkdir "$stage/$win"
cp "$built/$windows/$profile/loa.exe" "$stage/$win/loa.exe"
cp README.md "$stage/$win/"
# Notepad on older Windows 10 reads UTF-8 only with a BOM, and wants CRLF.
{ printf '\xef\xbb\xbf'; sed 's/$/\r/' scripts/HUONG-DAN.txt; } >"$stage/$win/HUONG-DAN.txt"
python3 - "$stage" "$win" "$dist/$win.zip" <<'PY'
import pathlib, sys, zipfile
stage, name, out = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for p in sorted((stage / name).rglob("*")):
        info = zipfile.ZipInfo(str(p.relative_to(stage)), date_time=(2000, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o755 << 16
        z.writestr(info, p.read_bytes())
PY

(cd "$dist" && sha256sum -- *.tar.gz *.zip >SHA256SUMS)
ls -l "$dist"
cat "$dist/SHA256SUMS"
