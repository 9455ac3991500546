"""The page stylesheet: WCAG 2.1 AA contrast in every theme, nothing fetched, the theme contract in place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

RAW_CSS = (Path(__file__).resolve().parents[2] / "resources" / "css" / "page.css").read_text(encoding="utf-8")
CSS = re.sub(r"/\*.*?\*/", "", RAW_CSS, flags=re.S)
_BLOCK = re.compile(r"([^{}]+)\{([^{}]*)\}")
_VAR = re.compile(r"(--rl-[a-z-]+)\s*:\s*(#[0-9a-fA-F]{6})")


def _vars(selector: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for sel, body in _BLOCK.findall(CSS):
        if sel.strip() == selector:
            found.update(dict(_VAR.findall(body)))
    assert found, selector
    return found


LIGHT = _vars(":root")
THEMES = {
    "light": LIGHT,
    "dark (system)": {**LIGHT, **_vars(":root:not([data-theme])")},
    "dark": {**LIGHT, **_vars(':root[data-theme="dark"]')},
    "contrast": {**LIGHT, **_vars(':root[data-theme="contrast"]')},
}


def _luminance(hex_color: str) -> float:
    rgb = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# (text colour, background) pairs that really occur on a page
PAIRS = [
    ("--rl-fg", "--rl-bg"), ("--rl-muted", "--rl-bg"), ("--rl-accent", "--rl-bg"), ("--rl-link", "--rl-bg"),
    ("--rl-link-visited", "--rl-bg"), ("--rl-missing", "--rl-bg"), ("--rl-surface-fg", "--rl-surface"),
    ("--rl-surface-fg", "--rl-code-bg"), ("--rl-muted", "--rl-surface"), ("--rl-link", "--rl-surface"),
    ("--rl-mark-fg", "--rl-mark"),
    ("--rl-note", "--rl-note-bg"), ("--rl-tip", "--rl-tip-bg"), ("--rl-warn", "--rl-warn-bg"),
    ("--rl-danger", "--rl-danger-bg"), ("--rl-example", "--rl-example-bg"), ("--rl-quote", "--rl-quote-bg"),
    ("--rl-fg", "--rl-note-bg"), ("--rl-fg", "--rl-tip-bg"), ("--rl-fg", "--rl-warn-bg"), ("--rl-fg", "--rl-danger-bg"),
    ("--rl-fg", "--rl-example-bg"), ("--rl-fg", "--rl-quote-bg"),
    ("--rl-link", "--rl-note-bg"), ("--rl-link", "--rl-warn-bg"), ("--rl-link", "--rl-tip-bg"),
    ("--rl-badge-ok", "--rl-badge-ok-bg"), ("--rl-badge-concept", "--rl-badge-concept-bg"),
    ("--rl-badge-dev", "--rl-badge-dev-bg"),
    ("--rl-bg", "--rl-link"),  # primary buttons: page colour on link colour
]


@pytest.mark.parametrize("theme", list(THEMES))
def test_text_contrast_meets_wcag_aa(theme):
    colors = THEMES[theme]
    failures = []
    for fg, bg in PAIRS:
        ratio = contrast(colors[fg], colors[bg])
        if ratio < 4.5:
            failures.append(f"{fg} on {bg}: {colors[fg]} / {colors[bg]} = {ratio:.2f}")
    assert not failures, failures


def test_high_contrast_is_at_least_aaa():
    colors = THEMES["contrast"]
    for fg, bg in PAIRS:
        assert contrast(colors[fg], colors[bg]) >= 7, (fg, bg)


def test_system_dark_and_chosen_dark_are_the_same_palette():
    assert _vars(":root:not([data-theme])") == _vars(':root[data-theme="dark"]')


def test_stylesheet_fetches_nothing():
    lowered = CSS.lower()
    assert "url(" not in lowered and "@import" not in lowered and "@font-face" not in lowered
    assert "http" not in lowered


def test_theme_and_print_contract():
    assert "@media (prefers-color-scheme: dark)" in CSS
    for theme in ("dark", "contrast"):
        assert f':root[data-theme="{theme}"]' in CSS
    assert "@media print" in CSS
    # tables scroll instead of overflowing; tabs switch without scripts
    assert re.search(r"\.rl-table-scroll\s*\{[^}]*overflow-x:\s*auto", CSS)
    assert ":checked ~ .tabbed-content" in CSS
