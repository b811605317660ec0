#!/usr/bin/env bash
# Installs what the tests need beyond Python packages: Debian's Chromium for the
# browser tests and a CJK font (fonts-noto-cjk) so that Chinese names render in
# the browser tests and screenshots instead of empty boxes. Idempotent; does
# nothing when both are already there.
set -euo pipefail
need=()
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then need+=(chromium); fi
if ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then need+=(fonts-noto-cjk); fi
if [ "${#need[@]}" -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
echo "installing Debian's ${need[*]} for the browser tests"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
