#!/bin/sh
# Installs what the desktop tests need and Java does not bring: headless Chromium (the HTML report
# is opened, drawn and screenshot; chromium-driver lets Selenium drive it for the web page's tests), LibreOffice Calc (the workbook is converted, recalculated and
# printed) and poppler-utils (the printed workbook's pages counted, read and kept as images).
# Debian packages; run as root (CI does). Idempotent: installs only what is missing.
set -e
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=sudo; fi
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v chromedriver >/dev/null 2>&1 || need="$need chromium-driver"
command -v soffice >/dev/null 2>&1 || need="$need libreoffice-calc-nogui"
command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
if [ -n "$need" ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $need
fi
chromium --version
chromedriver --version
soffice --version
pdftotext -v 2>&1 | head -n 1
