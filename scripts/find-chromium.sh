#!/usr/bin/env bash
# Prints the path of a Chromium the browser tests can drive. Playwright cannot download its own
# browsers on these machines, so we use Debian's package: found if present, installed with apt
# when running as root, otherwise we stop and print the exact command to run.
set -euo pipefail
for c in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$c" ] && [ -x "$c" ]; then echo "$c"; exit 0; fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Chromium not found: installing Debian's chromium with apt-get (needs the network to Debian's mirrors)..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  [ -x /usr/bin/chromium ] && { echo /usr/bin/chromium; exit 0; }
fi
echo "The browser tests need Debian's Chromium. Install it with:" >&2
echo "  sudo apt-get update && sudo apt-get install -y chromium" >&2
echo "or set CHROMIUM_PATH to a Chromium binary." >&2
exit 1
