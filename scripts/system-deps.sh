#!/usr/bin/env bash
# Install the Debian packages the tests need when they are missing: Chromium for the browser
# tests (Playwright drives /usr/bin/chromium; it cannot download its own browser here).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Emoji in names and notes should look in screenshots as they do on a projector.
dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || missing+=(fonts-noto-color-emoji)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
