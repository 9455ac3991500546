#!/usr/bin/env bash
# Sets up a development/run environment on Debian or Ubuntu: the system libraries QtWebEngine needs, fonts,
# and a virtual environment in .venv with the reader installed (editable). Safe to run again.
#   EXTRAS=test,packaging bash packaging/setup.sh   # which optional dependencies to install (default: test)
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

# From ../shared/FIELD-NOTES.md: what QtWebEngine needs on a minimal Debian 12 (offscreen and xcb), plus fonts:
# without any font installed pages load but their text is invisible. fonts-texgyre-math: an OpenType MATH font,
# without which Chromium draws no radicals or stretchy brackets in the MathML the reader makes of a corpus's math.
PACKAGES=(
  python3 python3-venv python3-pip
  libasound2 libbrotli1 libdbus-1-3 libegl1 libfontconfig1 libfreetype6 libgbm1 libgl1 libglib2.0-0 libnspr4
  libnss3 libx11-6 libxcb-dri3-0 libxcb1 libxcomposite1 libxdamage1 libxext6 libxfixes3 libxkbcommon0 libxkbfile1
  libxrandr2 libxtst6 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0
  libxkbcommon-x11-0 libxshmfence1 libxss1 libopengl0
  fonts-dejavu-core fonts-liberation2 fonts-noto-core fonts-texgyre-math
  binutils
)
missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "The reader needs Python 3.11 or newer; $("$PYTHON" --version 2>&1) found. Set PYTHON=/path/to/python3.11." >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/pip install --quiet --disable-pip-version-check -e ".[${EXTRAS:-test}]"
# The English interface: Qt .qm files from the .ts sources (built artefacts, not committed).
for ts in resources/translations/*.ts; do
  .venv/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
echo "Ready: .venv/bin/richtlijnenlezer"
