"""The page stylesheet: WCAG 2.1 AA contrast in every theme (highlighted code included), nothing fetched, the theme
contract in place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.core.markdown_settings import MarkdownSettings
from reader.core.render import parse_fragment, sanitize_html, visible_text
from reader.core.render.markdown_setup import make_markdown

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


# --- syntax highlighting: the token palette of every theme (print included) meets WCAG contrast on the code
# background and on a highlighted line; the stylesheet styles the token classes Pygments emits; the sanitizer
# keeps exactly the markup highlighting needs.
HIGHLIGHT_THEMES = {**THEMES, "print": {**LIGHT, **_vars(":root, :root[data-theme]")}}
TOKENS = sorted(k for k in LIGHT if k.startswith("--rl-hl-") and k != "--rl-hl-line")


def test_every_theme_has_the_whole_palette():
    assert len(TOKENS) >= 12
    for name in ("dark (system)", "dark", "contrast", "print"):
        own = {k for k in HIGHLIGHT_THEMES[name] if k.startswith("--rl-hl-")}
        assert own == set(TOKENS) | {"--rl-hl-line"}, name


@pytest.mark.parametrize("theme", list(HIGHLIGHT_THEMES))
def test_token_colours_meet_wcag_on_code_and_on_a_highlighted_line(theme):
    colors = HIGHLIGHT_THEMES[theme]
    need = 7 if theme == "contrast" else 4.5
    backgrounds = ["--rl-code-bg", "--rl-hl-line"] + (["--rl-surface"] if theme != "contrast" else [])
    failures = [
        f"{token} on {bg}: {contrast(colors[token], colors[bg]):.2f}"
        for token in TOKENS + ["--rl-surface-fg"]
        for bg in backgrounds
        if contrast(colors[token], colors[bg]) < need
    ]
    assert not failures


def test_system_dark_and_chosen_dark_have_the_same_tokens():
    system = {k: v for k, v in _vars(":root:not([data-theme])").items() if k.startswith("--rl-hl-")}
    chosen = {k: v for k, v in _vars(':root[data-theme="dark"]').items() if k.startswith("--rl-hl-")}
    assert system == chosen


SAMPLES = {
    "python": 'import os\n\n@dec\nclass A(B):\n    """Doc."""\n    def f(self, x=1.5):\n        return len("s") # c\n',
    "yaml": "theme:\n  name: material  # comment\n  n: 3\n",
    "html": '<a href="x" class="y">tekst</a><!-- c -->\n',
    "bash": "echo \"$HOME\" | grep -v x && exit 1\n",
    "json": '{"a": [1, true, null]}\n',
    "diff": "+ erbij\n- eraf\n",
}


def _token_classes(html: str) -> set[str]:
    # `l l-Scalar l-Scalar-Plain`: the first class names the token, the others refine it
    return {attr.split()[0] for attr in re.findall(r'<span class="([^"]+)"', html)}


def test_the_stylesheet_colours_every_token_class_the_samples_produce():
    md = make_markdown(MarkdownSettings((("pymdownx.superfences", {}),)))
    styled = set(re.findall(r"\.highlight \.([a-z0-9]+)\b", CSS))
    # Classes that are meant to look like plain text (names, whitespace, text) are not coloured.
    plain = {"n", "w", "x", "nx", "py", "hll", "filename", "linenos", "normal", "g", "esc", "t"}
    missing = set()
    for lang, code in SAMPLES.items():
        missing |= _token_classes(md.convert(f"```{lang}\n{code}```\n")) - styled - plain
        md.reset()
    assert not missing


def test_the_sanitizer_keeps_what_highlighting_needs():
    md = make_markdown(MarkdownSettings((
        ("pymdownx.highlight", {"anchor_linenums": True, "line_spans": "__span", "pygments_lang_class": True}),
        ("pymdownx.superfences", {}),
    )))
    raw = md.convert('```python title="a.py" linenums="1" hl_lines="2"\nx = 1\ny = 2\n```\n')
    clean = sanitize_html(raw)
    for needle in ('class="language-python highlight"', '<span class="linenos" data-linenos="1 "></span>',
                   '<span class="filename">a.py</span>', '<span class="hll">', '<span class="n">x</span>',
                   'href="#__codelineno-0-1"', 'id="__codelineno-0-1"'):
        assert needle in clean
    # ... and nothing more: no inline style, no script hooks.
    assert "style=" not in clean and "onclick" not in clean
    # Line numbers are generated content: the text (search, copy) is the title and the code alone.
    assert visible_text(parse_fragment(clean)).splitlines() == ["a.py", "x = 1", "y = 2"]
