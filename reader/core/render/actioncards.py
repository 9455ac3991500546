"""Action cards: the corpus's `<div class="action-cards" data-richtlijn=".." data-fase="..">` placeholders,
filled at build time from the action registry (NeRDS fills them with a MkDocs hook; we do it here, offline).
"""

from __future__ import annotations

import re

from reader.core.model import Action, Corpus
from reader.core.render.tree import Element, Text

STATUS_LABELS = {
    "beschikbaar": "beschikbaar",
    "concept": "concept",
    "ontwikkeling": "in ontwikkeling",
}


def is_placeholder(el: Element) -> bool:
    """An action-card container the corpus left empty for the registry to fill."""
    if el.tag != "div" or not el.has_class("action-cards"):
        return False
    if "data-richtlijn" not in el.attrs and "data-fase" not in el.attrs:
        return False
    return not any(isinstance(c, Element) or (isinstance(c, Text) and c.text.strip()) for c in el.children)


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "onbekend"


def _child(parent: Element, tag: str, attrs: dict[str, str]) -> Element:
    child = Element(tag, attrs)
    parent.append(child)
    return child


def card(action: Action) -> Element:
    """One card as elements; every corpus string is a Text node, so it is escaped on output."""
    art = Element("article", {"class": "rl-action-card"})
    meta = _child(art, "p", {"class": "rl-action-meta"})
    if action.status:
        badge = _child(meta, "span", {"class": f"rl-badge rl-badge-{_slug(action.status)}"})
        badge.append(Text(STATUS_LABELS.get(action.status.lower(), action.status)))
    if action.type:
        if action.status:
            meta.append(Text(" "))
        _child(meta, "span", {"class": "rl-action-type"}).append(Text(action.type))
    _child(art, "p", {"class": "rl-action-name"}).append(Text(action.name))
    if action.description:
        _child(art, "p", {"class": "rl-action-description"}).append(Text(action.description))
    if action.url:
        link = _child(art, "p", {"class": "rl-action-link"})
        # Rendering later treats this like any other external link (class, marker, rel).
        _child(link, "a", {"href": action.url}).append(Text(action.action or "Openen"))
    return art


def fill(el: Element, corpus: Corpus) -> int:
    """Fill a placeholder with the matching cards; returns how many (0: caller removes the placeholder)."""
    actions = corpus.actions_for(el.attrs.get("data-richtlijn") or None, el.attrs.get("data-fase") or None)
    el.children.clear()
    el.add_class("rl-action-cards")
    for action in actions:
        el.append(card(action))
    return len(actions)
