#!/usr/bin/env bash
# Browser check of the demo portal: builds it in release mode, then runs
# .ci/browser/check.mjs (axe-core WCAG 2.1 AA, Nu HTML Checker, no-JS content, 375 px
# width, screenshots under target/screenshots, no request to another host, home page
# weight) with Debian's chromium driven by playwright-core. Installs what is missing on
# a fresh Debian machine: chromium and a Java runtime from apt, the npm packages from
# the lockfile. Exits non-zero when any check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
TODAY=${TODAY:-2026-11-28}

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if ((${#missing[@]})); then
    echo "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 20)); then
    echo "warning: playwright-core wants Node.js 20 or later; this is $(node --version)" >&2
fi

# npm ci only when the lockfile changed since the last install (it re-downloads
# everything, the Nu HTML Checker's 30 MB jar included). vnu-jar's postinstall, which
# would fetch a Java runtime, is not needed: the machine's java runs the jar.
(
    cd .ci/browser
    stamp=node_modules/.loa-package-lock.json
    if ! cmp -s package-lock.json "$stamp"; then
        npm ci --no-audit --no-fund --ignore-scripts
        cp package-lock.json "$stamp"
    fi
)

# .ci/run passes the release binary it already built as LOA.
if [[ -n ${LOA:-} ]]; then
    "$LOA" build --today "$TODAY"
else
    cargo run --release --quiet -- build --today "$TODAY"
fi
node .ci/browser/check.mjs public target/screenshots
