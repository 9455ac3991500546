"""The action registry (`docs/action-registry/actions.yaml` in NeRDS) and the placeholders that show it.

Pages ask for action cards with a placeholder such as `<div class="action-cards" data-richtlijn="..." data-fase="...">`.
Without `data-richtlijn` the guideline is the page's directory, as NeRDS's build hook does it.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from reader.core.model import WARNING, Action, Problem

REGISTRY_NAMES = ("action-registry/actions.yaml", "action-registry/actions.yml", "actions.yaml", "actions.yml")
MAX_REGISTRY_BYTES = 5 << 20

# Only an empty div is a placeholder: NeRDS 2025-12 wrote its cards inline inside the same class.
_DIV = re.compile(r"<div\b(?P<attrs>[^<>]{0,2000})>\s*</div\s*>", re.IGNORECASE)
_CLASS = re.compile(r"""\bclass\s*=\s*(["'])(?P<v>[^"']*)\1""", re.IGNORECASE)
_ID_LINE = re.compile(r"^\s*-?\s*id\s*:\s*(.+?)\s*$")
_DATA = re.compile(r"""\bdata-(?P<k>richtlijn|fase)\s*=\s*(["'])(?P<v>[^"']*)\2""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Placeholder:
    richtlijn: str | None
    fase: str | None
    line: int  # 1-based line in the page's source file
    start: int  # offset in Page.body of the opening <div
    end: int  # offset just after the closing </div>


def find_registry(docs_dir: Path) -> Path | None:
    for name in REGISTRY_NAMES:
        candidate = docs_dir / name
        if candidate.is_file() and not candidate.is_symlink():
            return candidate
    return None


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v).strip() for v in value if v is not None and str(v).strip())
    text = str(value).strip()
    return (text,) if text else ()


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def load_actions(path: Path, rel: str) -> tuple[tuple[Action, ...], list[Problem]]:
    """Entries of an actions.yaml; problems are warnings (a broken registry must not hide the pages)."""
    problems: list[Problem] = []
    try:
        if path.stat().st_size > MAX_REGISTRY_BYTES:
            return (), [Problem(
                WARNING, "actions-too-large", rel, None,
                "The action registry is larger than 5 MB and is ignored; split or trim it.",
            )]
        text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # a safe loader
    except (OSError, UnicodeDecodeError):
        return (), [Problem(
            WARNING, "actions-unreadable", rel, None,
            "The action registry cannot be read as UTF-8 text; save it as UTF-8.",
        )]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        return (), [Problem(
            WARNING, "actions-yaml", rel, line,
            "The action registry is not valid YAML; fix the syntax at this line. No action cards are shown.",
        )]
    entries = data.get("actions") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return (), [Problem(
            WARNING, "actions-format", rel, 1,
            "The action registry needs a top-level `actions:` list; no action cards are shown.",
        )]
    id_lines: dict[str, list[int]] = {}  # `id: x` value -> its lines, to name the line of each entry
    for number, line in enumerate(text.split("\n"), start=1):
        match = _ID_LINE.match(line)
        if match:
            id_lines.setdefault(match.group(1).strip().strip("'\""), []).append(number)
    actions: list[Action] = []
    seen: dict[str, int] = {}  # id -> entries with it so far
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            problems.append(Problem(
                WARNING, "action-format", rel, None,
                f"Action #{index + 1} is not a mapping of fields; fix or remove it.",
            ))
            continue
        action_id = _text(entry.get("id"))
        occurrences = id_lines.get(action_id, [])
        line = occurrences[min(seen.get(action_id, 0), len(occurrences) - 1)] if occurrences else None
        name = _text(entry.get("name"))
        if not action_id or not name:
            problems.append(Problem(
                WARNING, "action-incomplete", rel, line, f"Action #{index + 1} lacks an `id` or `name`; add both."
            ))
            continue
        if action_id in seen:
            # NeRDS lists one tool twice for two guidelines under the same id: both cards are real, keep both.
            problems.append(Problem(
                WARNING, "action-duplicate", rel, line,
                f"Action id {action_id!r} is used more than once (both entries are kept); "
                "give each action its own id.",
            ))
        seen[action_id] = seen.get(action_id, 0) + 1
        actions.append(
            Action(
                id=action_id,
                name=name,
                description=_text(entry.get("description")),
                url=_text(entry.get("source") or entry.get("url")),
                action=_text(entry.get("action")),
                type=_text(entry.get("type")),
                status=_text(entry.get("status")),
                richtlijn=_strings(entry.get("richtlijn")),
                fase=_strings(entry.get("fase")),
            )
        )
    return tuple(actions), problems


def find_placeholders(body: str, page_path: str, body_line: int = 1) -> list[Placeholder]:
    """The action-card placeholders of a page body, with the richtlijn defaulted from the page's directory.

    The importer keeps only those its Markdown pass did not turn into code (see load.py).
    """
    if "action-cards" not in body:
        return []
    result = []
    default = posixpath.basename(posixpath.dirname(page_path)) or None
    for match in _DIV.finditer(body):
        attrs = match.group("attrs")
        cls = _CLASS.search(attrs)
        if not cls or "action-cards" not in cls.group("v").split():
            continue
        data = {m.group("k").lower(): m.group("v").strip() for m in _DATA.finditer(attrs)}
        line = body_line + body.count("\n", 0, match.start())
        result.append(
            Placeholder(data.get("richtlijn") or default, data.get("fase") or None, line, match.start(), match.end())
        )
    return result
