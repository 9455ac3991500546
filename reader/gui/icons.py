"""Icons the reader paints itself."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF


def star_icon(colour: QColor, size: int = 32) -> QIcon:
    """The bookmark star: an outline when the page is not bookmarked, filled (gold) when it is."""
    points = QPolygonF(
        [
            QPointF(
                size / 2 + (size * 0.45 if i % 2 == 0 else size * 0.19) * math.sin(i * math.pi / 5),
                size / 2 + 1 - (size * 0.45 if i % 2 == 0 else size * 0.19) * math.cos(i * math.pi / 5),
            )
            for i in range(10)
        ]
    )
    icon = QIcon()
    for state, fill in ((QIcon.State.Off, None), (QIcon.State.On, QColor("#e0a800"))):
        pixmap = QPixmap(size, size)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(colour) if fill is None else fill.darker(130), size / 14))
        painter.setBrush(fill if fill is not None else QColor(0, 0, 0, 0))
        painter.drawPolygon(points)
        painter.end()
        icon.addPixmap(pixmap, QIcon.Mode.Normal, state)
    return icon
