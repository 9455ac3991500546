"""The reader's data model: plain frozen values, no Qt, no I/O.

Everything the import layer learns about a corpus, everything an edition stores and everything the
window shows is expressed in these types. Saved data (bookmarks, history) refers to pages by `Page.id`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

ERROR = "error"  # the page (or the source) cannot be used as it is: left out of an edition
WARNING = "warning"  # the page is used, but something in it will not work as its author meant
INFO = "info"  # nothing is broken; the reader filled in something the author could add (a title, a summary)
SEVERITIES = (ERROR, WARNING, INFO)  # most severe first


@dataclass(frozen=True)
class Problem:
    """Something wrong with the corpus, precise enough to fix: file (relative to the source root), line."""

    severity: str  # ERROR, WARNING or INFO
    code: str  # stable, machine-readable, e.g. "frontmatter-yaml"
    file: str  # posix path relative to the source root ("" when the source itself is the problem)
    line: int | None  # 1-based, None when the problem has no line
    message: str  # one sentence: what is wrong and what to do

    def to_json(self) -> dict[str, Any]:
        return {
            "severity": self.severity, "file": self.file, "line": self.line, "code": self.code, "message": self.message,
        }

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        return f"{where}: {self.severity} [{self.code}] {self.message}"


def problem_counts(problems: list[Problem]) -> dict[str, Any]:
    """How many problems of each severity and of each code (with its severity): what `check` and `build --json`
    both report, so that the two can be compared."""
    by_severity = {severity: 0 for severity in SEVERITIES}
    by_code: dict[str, dict[str, Any]] = {}
    for problem in problems:
        by_severity[problem.severity] = by_severity.get(problem.severity, 0) + 1
        entry = by_code.setdefault(problem.code, {"severity": problem.severity, "count": 0})
        entry["count"] += 1
        if _rank(problem.severity) < _rank(entry["severity"]):
            entry["severity"] = problem.severity  # one code, two severities: the worse one
    order = sorted(by_code, key=lambda code: (_rank(by_code[code]["severity"]), -by_code[code]["count"], code))
    return {"by_severity": by_severity, "by_code": {code: by_code[code] for code in order}}


def _rank(severity: str) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


@dataclass(frozen=True)
class Heading:
    level: int  # 1..6
    text: str  # plain text as shown
    anchor: str  # the id Python-Markdown's toc extension gives it
    line: int = 0  # 1-based line in the source file (0 when unknown)


@dataclass(frozen=True)
class Page:
    id: str  # stable identity: docs-relative path without .md, trailing "/index" removed
    path: str  # source file, posix path relative to the docs dir
    title: str
    summary: str
    body: str  # Markdown after the front matter, with snippets resolved
    body_line: int  # 1-based line of the file where `body` starts (for messages)
    relations: tuple[str, ...] = ()  # relation references as written in front matter
    aliases: tuple[str, ...] = ()  # front matter `id`, kept as an alternative name
    headings: tuple[Heading, ...] = ()
    abbreviations: Mapping[str, str] = field(default_factory=dict, compare=False)
    metadata: Mapping[str, Any] = field(default_factory=dict, compare=False)  # every other front matter key
    content_hash: str = ""  # sha256 of the source bytes
    # From the page's one Markdown pass (reader.core.render.single_pass), filled in by the importer.
    html: str = field(default="", compare=False, repr=False)  # Markdown output, not yet sanitized ("": not parsed)
    ids: frozenset[str] = field(default=frozenset(), compare=False, repr=False)  # every id of the page
    summary_derived: bool = False  # `summary` was made from the opening paragraph: the front matter gives none
    # i18n (mkdocs-static-i18n): the page's language, every language version of it (language -> page id, the
    # default language first, this page included) and, for a translation, the default-language page it translates.
    language: str = ""
    variants: Mapping[str, str] = field(default_factory=dict, compare=False)
    variant_of: str = ""

    @property
    def anchors(self) -> frozenset[str]:
        return frozenset(h.anchor for h in self.headings)


@dataclass(frozen=True)
class NavItem:
    title: str
    page: str | None = None  # page id, for an entry that opens a page (a section may have one: its index)
    url: str | None = None  # external link in the nav
    children: tuple["NavItem", ...] = ()
    role: str = ""  # "unlisted": the section of pages the site's own navigation does not place (title translated)


RELATION = "relation"
LINK = "link"


@dataclass(frozen=True)
class Edge:
    """A typed edge between two pages: a front matter relation or a link in the body."""

    source: str
    target: str
    kind: str  # RELATION or LINK
    anchor: str | None = None


@dataclass(frozen=True)
class Action:
    """An entry of the corpus action registry (docs/action-registry/actions.yaml in NeRDS)."""

    id: str
    name: str
    description: str = ""
    url: str = ""  # `source` in NeRDS
    action: str = ""  # the verb on the card ("Starten", "Verkennen")
    type: str = ""
    status: str = ""  # beschikbaar / concept / ontwikkeling ...
    richtlijn: tuple[str, ...] = ()
    fase: tuple[str, ...] = ()

    def matches(self, richtlijn: str | None, fase: str | None) -> bool:
        if richtlijn and richtlijn not in self.richtlijn:
            return False
        if fase and fase not in self.fase:
            return False
        return True


@dataclass
class Corpus:
    """A whole imported corpus. Mutable only while the importer builds it."""

    root: Path  # the source directory (MkDocs project or folder of .md files)
    docs_dir: Path  # where pages live (root for a plain folder)
    title: str
    pages: dict[str, Page] = field(default_factory=dict)  # in reading (nav) order
    nav: tuple[NavItem, ...] = ()
    edges: tuple[Edge, ...] = ()
    actions: tuple[Action, ...] = ()
    assets: tuple[str, ...] = ()  # non-Markdown files under docs_dir, posix, docs-relative
    problems: list[Problem] = field(default_factory=list)
    language: str = "nl"
    # Abbreviations of auto_append glossaries, read once and given to the abbr extension (not appended per page).
    glossary: Mapping[str, str] = field(default_factory=dict)
    language_names: Mapping[str, str] = field(default_factory=dict)  # i18n: language code -> its name, for switches
    site_url: str = ""  # mkdocs.yml's site_url: the corpus id derives from it (edition.identity)
    corpus_id: str = ""  # mkdocs.yml's extra.richtlijnenlezer.corpus_id: an id the authors pinned themselves
    organisation: str = ""  # who publishes it (edition.identity.organisation_for)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def infos(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == INFO]

    def page_by_path(self, path: str) -> Page | None:
        for page in self.pages.values():
            if page.path == path:
                return page
        return None

    def breadcrumb(self, page_id: str) -> tuple[str, ...]:
        """Titles of the nav sections that lead to the page (not the page itself)."""

        def walk(items: tuple[NavItem, ...], trail: tuple[str, ...]) -> tuple[str, ...] | None:
            for item in items:
                if item.page == page_id and not item.children:
                    return trail
                if item.children:
                    if item.page == page_id:
                        return trail
                    found = walk(item.children, trail + (item.title,))
                    if found is not None:
                        return found
            return None

        return walk(self.nav, ()) or ()

    def related(self, page_id: str, kind: str | None = None) -> list[Edge]:
        return [e for e in self.edges if e.source == page_id and (kind is None or e.kind == kind)]

    def backlinks(self, page_id: str) -> list[Edge]:
        return [e for e in self.edges if e.target == page_id and e.source != page_id]

    def actions_for(self, richtlijn: str | None, fase: str | None) -> list[Action]:
        return [a for a in self.actions if a.matches(richtlijn, fase)]


@dataclass(frozen=True)
class Section:
    """One searchable section of a rendered page: the intro (anchor "") or a ##/### heading."""

    anchor: str
    title: str
    level: int
    text: str  # plain text, as a reader sees it


@dataclass(frozen=True)
class RenderedPage:
    page_id: str
    html: str  # sanitized HTML fragment of the page body
    sections: tuple[Section, ...]
    headings: tuple[Heading, ...]  # the outline, ids as in `html`
    checklist: tuple[str, ...] = ()  # task list item texts, in order (for saved checkbox state)
    remote_images: tuple[str, ...] = ()  # remote image URLs replaced by placeholders
    problems: tuple[Problem, ...] = ()
    opening: str = ""  # plain text of the first paragraph at the top of the page
