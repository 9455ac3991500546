"""The Relaties tab's rows: "title\nsummary" drawn as a title line over a muted, elided summary line. Apart from
relations.py so that the start does not import the Qt style classes it needs (the tab is made hidden)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem


class TitleAndSummary(QStyledItemDelegate):
    """Draws "title\nsummary" entries as a title line over a muted, elided summary line."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        title, _, summary = str(index.data() or "").partition("\n")
        if not summary:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QStyle()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        line = opt.fontMetrics.height()
        painter.save()
        painter.setPen(opt.palette.color(role))
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), line), int(Qt.AlignmentFlag.AlignLeft),
                         opt.fontMetrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width()))
        small = QFont(opt.font)
        small.setPointSizeF(max(7.0, opt.font.pointSizeF() * 0.9))
        painter.setFont(small)
        if not selected:
            # Softer than the title but still readable (the "disabled" grey is too faint for WCAG AA).
            muted = opt.palette.color(QPalette.ColorRole.Text)
            muted.setAlphaF(0.75)
            painter.setPen(muted)
        metrics = painter.fontMetrics()
        painter.drawText(QRect(rect.left(), rect.top() + line, rect.width(), metrics.height()),
                         int(Qt.AlignmentFlag.AlignLeft),
                         metrics.elidedText(summary, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if "\n" in str(index.data() or ""):
            size.setHeight(option.fontMetrics.height() * 2 + 6)
        return size
