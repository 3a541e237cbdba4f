#!/usr/bin/env bash
# The participants' web page in a real headless Chromium with axe-core (see check.mjs).
# Installs what it needs (Debian's chromium and nodejs/npm, then the npm packages in
# scripts/axe/package-lock.json), serves the page on 127.0.0.1 from a fresh database, drives the browser,
# and checks the stored answers. Usage: tests/browser/run.sh [SCREENSHOT_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
python="${PYTHON:-$root/.venv/bin/python}"

if ! command -v chromium >/dev/null || ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium nodejs npm >/dev/null
fi
# The npm packages of scripts/axe, shared with scripts/axe_check.py (installed once).
if [ ! -d "$root/scripts/axe/node_modules/playwright-core" ]; then
  npm ci --prefix "$root/scripts/axe" --no-audit --no-fund --silent
fi

work="$(mktemp -d)"
port="$("$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$python" "$here/serve.py" "$work" "$port" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
url=""
for _ in $(seq 1 100); do
  url="$(sed -n 's/^URL //p' "$work/serve.log")"
  if [ -n "$url" ] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then cat "$work/serve.log"; exit 1; fi
  sleep 0.2
done
[ -n "$url" ] || { echo "the page server did not start"; cat "$work/serve.log"; exit 1; }

node "$here/check.mjs" "$url" "${1:-}" | tee "$work/check.log"
"$python" "$here/serve.py" --count "$work"
tail -n 1 "$work/check.log"  # the closing line "browser: N passed, 0 failed" comes last
