#!/usr/bin/env bash
# Install the Debian packages the tests need when they are missing:
# - chromium: the browser tests (Playwright drives /usr/bin/chromium; it cannot download its own);
# - fonts-noto-color-emoji: emoji in names look in screenshots as they do on a projector;
# - libreoffice-writer, poppler-utils: the minute's rendering check (.docx -> PDF -> pictures);
# - fonts-crosextra-carlito: Calibri's metrics, so LibreOffice lays out the minute as Word does;
# - postgresql: the tests start a private server of their own to prove DATABASE_URL=postgresql:// works.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
for package in fonts-noto-color-emoji libreoffice-writer poppler-utils fonts-crosextra-carlito postgresql; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
