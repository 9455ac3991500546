"""Rasterise packaging/icons/richtlijnenlezer.svg into the PNG, .ico and .icns files the packages need.

    .venv/bin/python packaging/icons/make_icons.py

Run again after changing the SVG and commit the results (the build does not rasterise, so it needs no display).
Uses Qt's SVG renderer offscreen; .ico and .icns are written by Qt's image format plugins.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SVG = HERE / "richtlijnenlezer.svg"
HICOLOR = HERE.parent / "linux" / "icons" / "hicolor"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, b"PNG")
    buffer.close()
    return bytes(data.data())


ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def ico_bytes(images: list[tuple[int, bytes]]) -> bytes:
    """A Windows icon with one PNG-compressed image per size (Qt's own ICO writer stores a single image)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in images:
        dim = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def main() -> int:
    # Offscreen (no display needed); the platform is read when the application object is made, and the image
    # format plugins need that object.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(sys.argv[:1])  # kept alive until main returns
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    for size in SIZES:
        dest = HICOLOR / f"{size}x{size}" / "apps" / "richtlijnenlezer.png"
        dest.parent.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(dest), b"PNG"):
            print(f"cannot write {dest}", file=sys.stderr)
            return 1
    scalable = HICOLOR / "scalable" / "apps" / "richtlijnenlezer.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(SVG, scalable)
    # Windows: every size the shell asks for (taskbar, Start menu, Explorer views), PNG-compressed.
    (HERE / "richtlijnenlezer.ico").write_bytes(ico_bytes([(n, png_bytes(render(renderer, n))) for n in ICO_SIZES]))
    if not render(renderer, 512).save(str(HERE / "richtlijnenlezer.icns"), b"ICNS"):
        print("cannot write .icns (Qt imageformats plugin missing?)", file=sys.stderr)
        return 1
    print("icons written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
