#!/bin/sh
# Adds Richtlijnenlezer (this unpacked folder) to the desktop's application menu, or removes it again.
#
#   ./install.sh              for the current user (~/.local), no administrator rights needed
#   sudo ./install.sh --system   for every user of this machine (/usr/local)
#   ./install.sh --uninstall [--system]
#
# The application itself stays in this folder; move the folder first if you want it elsewhere, then run this.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX="${XDG_DATA_HOME:-$HOME/.local/share}"
BIN="$HOME/.local/bin"
ACTION=install
for arg in "$@"; do
  case "$arg" in
    --system) PREFIX=/usr/local/share; BIN=/usr/local/bin ;;
    --uninstall) ACTION=uninstall ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done
SIZES="16 24 32 48 64 128 256 512"
if [ "$ACTION" = uninstall ]; then
  rm -f "$PREFIX/applications/richtlijnenlezer.desktop" "$PREFIX/metainfo/nl.overheid.richtlijnenlezer.metainfo.xml"
  for s in $SIZES; do rm -f "$PREFIX/icons/hicolor/${s}x${s}/apps/richtlijnenlezer.png"; done
  rm -f "$PREFIX/icons/hicolor/scalable/apps/richtlijnenlezer.svg"
  [ -L "$BIN/richtlijnenlezer" ] && rm -f "$BIN/richtlijnenlezer"
else
  mkdir -p "$PREFIX/applications" "$PREFIX/metainfo" "$BIN"
  for s in $SIZES; do
    mkdir -p "$PREFIX/icons/hicolor/${s}x${s}/apps"
    cp "$HERE/share/icons/hicolor/${s}x${s}/apps/richtlijnenlezer.png" "$PREFIX/icons/hicolor/${s}x${s}/apps/"
  done
  mkdir -p "$PREFIX/icons/hicolor/scalable/apps"
  cp "$HERE/share/icons/hicolor/scalable/apps/richtlijnenlezer.svg" "$PREFIX/icons/hicolor/scalable/apps/"
  cp "$HERE/share/metainfo/nl.overheid.richtlijnenlezer.metainfo.xml" "$PREFIX/metainfo/"
  # Point the menu entry at this folder's executable (quoted: the path may contain spaces).
  sed -e "s|^Exec=.*|Exec=\"$HERE/richtlijnenlezer\"|" -e "s|^TryExec=.*|TryExec=$HERE/richtlijnenlezer|" \
    "$HERE/share/applications/richtlijnenlezer.desktop" > "$PREFIX/applications/richtlijnenlezer.desktop"
  ln -sf "$HERE/richtlijnenlezer" "$BIN/richtlijnenlezer"
fi
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$PREFIX/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$PREFIX/icons/hicolor" || true
echo "Richtlijnenlezer: $ACTION done ($PREFIX)"
