"""Export to PDF: a real PDF whose pages carry the footer (page title, corpus edition and date, page id)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.gui


def _pdf_text(path: Path) -> list[str]:
    # Qt's own PDF engine (PySide6 QtPdf) reads the text back; no external tool needed.
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    pages = [doc.getAllText(i).text() for i in range(doc.pageCount())]
    doc.close()
    return pages


def test_pdf_export_has_the_footer_on_every_page(open_reader, run_js, qtbot, nerds_edition, tmp_path):
    reader = open_reader(nerds_edition, "richtlijnen/samenwerking")
    window = reader.window
    footer = window.footer_text()
    date = window.edition.built_at[:10]
    assert footer == (
        f"8. Deel, hergebruik en werk samen \u00b7 {window.edition.title}, editie van {date}"
        " \u00b7 richtlijnen/samenwerking"
    )
    out = tmp_path / "samenwerking.pdf"
    with qtbot.waitSignal(window.pdf_exported, timeout=30000) as blocker:
        window.export_pdf(out)
    assert blocker.args == [str(out), True]
    assert out.read_bytes().startswith(b"%PDF-")
    pages = _pdf_text(out)
    assert len(pages) >= 2
    for text in pages:
        flat = " ".join(text.split())
        assert "richtlijnen/samenwerking" in flat
        assert date in flat
        assert window.edition.title in flat
    assert "Waarom is het belangrijk?" in " ".join(pages)
    # The footer lives in the bottom page margin (never over the text) and is gone again after printing.
    qtbot.waitUntil(
        lambda: run_js(window.page, "document.getElementById('rl-print-footer-style') === null"), timeout=5000
    )
    assert run_js(window.page, "document.querySelector('.rl-print-footer').textContent") == ""


def test_footer_text_is_css_escaped(open_reader, run_js, nerds_edition):
    window = open_reader(nerds_edition, "richtlijnen/samenwerking").window
    tricky = 'a "quoted" back\\slash } @page { x'
    run_js(window.page, "window.rlReader.setFooter(" + json.dumps(tricky) + "); 1")
    rules = run_js(
        window.page,
        "JSON.stringify(Array.from(document.getElementById('rl-print-footer-style').sheet.cssRules)"
        ".map(r => r.cssText))",
    )
    assert len(rules) == 1 and rules[0].startswith("@page")
    assert '\\"quoted\\"' in rules[0]


def test_print_action_has_ctrl_p(open_reader, content_edition):
    from PySide6.QtGui import QKeySequence

    window = open_reader(content_edition).window
    assert window.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert window.print_action.shortcut().toString() == "Ctrl+P"
