"""Action cards: the corpus's `<div class="action-cards" data-richtlijn=".." data-fase="..">` placeholders,
filled at build time from the action registry (NeRDS fills them with a MkDocs hook; we do it here, offline).
"""

from __future__ import annotations

import re

from reader.core.model import Action, Corpus
from reader.core.render_tree import Element, Text

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


def card(action: Action) -> Element:
    """One card as elements; every corpus string is a Text node, so it is escaped on output."""
    art = Element("article", {"class": "rl-action-card"})
    meta = art.append(Element("p", {"class": "rl-action-meta"}))
    if action.status:
        badge = meta.append(Element("span", {"class": f"rl-badge rl-badge-{_slug(action.status)}"}))
        badge.append(Text(STATUS_LABELS.get(action.status.lower(), action.status)))  # type: ignore[union-attr]
    if action.type:
        if action.status:
            meta.append(Text(" "))  # type: ignore[union-attr]
        kind = meta.append(Element("span", {"class": "rl-action-type"}))
        kind.append(Text(action.type))  # type: ignore[union-attr]
    name = art.append(Element("p", {"class": "rl-action-name"}))
    name.append(Text(action.name))  # type: ignore[union-attr]
    if action.description:
        desc = art.append(Element("p", {"class": "rl-action-description"}))
        desc.append(Text(action.description))  # type: ignore[union-attr]
    if action.url:
        p = art.append(Element("p", {"class": "rl-action-link"}))
        # Rendering later treats this like any other external link (class, marker, rel).
        a = p.append(Element("a", {"href": action.url}))  # type: ignore[union-attr]
        a.append(Text(action.action or "Openen"))  # type: ignore[union-attr]
    return art


def fill(el: Element, corpus: Corpus) -> int:
    """Fill a placeholder with the matching cards; returns how many (0: caller removes the placeholder)."""
    actions = corpus.actions_for(el.attrs.get("data-richtlijn") or None, el.attrs.get("data-fase") or None)
    el.children.clear()
    el.add_class("rl-action-cards")
    for action in actions:
        el.append(card(action))
    return len(actions)
