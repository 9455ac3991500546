"""`load_corpus`: the orchestrator of an import (sources, pages in parallel when many, nav, links, relations).

Each page is read (front matter, snippets) and then rendered once by the Markdown pass (reader.core.render), which
also gives its headings, ids and links; link and anchor checking runs over those of every page, and the edition
build works on the stored HTML without parsing Markdown again.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import posixpath
import sys
from collections.abc import Callable
from itertools import repeat
from pathlib import Path

from reader.core.corpus.actions import (
    find_placeholders,
    find_registry,
    load_actions,
)
from reader.core.corpus.errors import _problem
from reader.core.corpus.extensions import markdown_settings
from reader.core.corpus.link_check import _check_links, _suggest_relation
from reader.core.corpus.mkdocs import organisation_for, pinned_corpus_id
from reader.core.corpus.nav import build_navigation
from reader.core.corpus.pages import _Draft, _read_page, _titles
from reader.core.corpus.relations import RelationIndex
from reader.core.corpus.snippets import SnippetConfig, SnippetResolver
from reader.core.corpus.sources import (
    _config,
    _docs_dir,
    _exclude_patterns,
    _source_root,
    _unportable,
    _walk,
)
from reader.core.markdown_settings import MarkdownSettings
from reader.core.model import (
    ERROR,
    RELATION,
    WARNING,
    Action,
    Corpus,
    Edge,
    Heading,
    Page,
    Problem,
)
from reader.core.parallel import fork_is_safe, ordered_map, worker_count
from reader.core.render import derived_summary, fallback_source, markdown_pass

log = logging.getLogger("reader.corpus")
Progress = Callable[[int, int, str], None]  # (done, total, current file)


# --------------------------------------------------------------------------------------------------- reading


PARALLEL_MIN_PAGES = 800  # without fork (spawned workers start a fresh interpreter): below this, they cost more
_CHUNK_PAGES = 250


def _default_workers(pages: int) -> int:
    env = os.environ.get("RICHTLIJNENLEZER_IMPORT_WORKERS", "")
    if env.isdigit():
        return max(1, int(env))
    if fork_is_safe():
        return worker_count(pages)  # forked workers pay from a dozen pages on
    if pages < PARALLEL_MIN_PAGES or getattr(sys, "frozen", False):
        # A frozen app would re-launch itself as the worker; keep it to one process.
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


@dataclasses.dataclass(frozen=True)
class _ReadJob:
    """What reading one page needs; forked workers inherit it."""

    root: Path
    prefix: str
    resolver: SnippetResolver | None
    settings: MarkdownSettings


def _read_one(job: _ReadJob, item: tuple[str, Path]) -> tuple[_Draft | None, list[Problem]]:
    rel, path = item
    draft, problems = _read_page(rel, path, job.prefix + rel, job.root, job.resolver)
    if draft is not None and not _parse(draft, problems, job.settings):
        draft = None
    return draft, problems


def _read_chunk(
    items: list[tuple[str, Path]], root: Path, prefix: str, snippet_cfg: SnippetConfig | None,
    settings: MarkdownSettings, progress: Progress | None = None,
) -> list[tuple[_Draft | None, list[Problem]]]:
    job = _ReadJob(root, prefix, SnippetResolver(root, snippet_cfg) if snippet_cfg is not None else None, settings)
    results = []
    for done, item in enumerate(items):
        if progress is not None:
            progress(done, len(items), prefix + item[0])
        results.append(_read_one(job, item))
    return results


MAX_OPEN_BRACKETS = 500  # per paragraph; Python-Markdown's link search is quadratic in them (1,000: 0.6 s, 8,000: 20 s)


def _open_brackets(body: str) -> tuple[int, int] | None:
    """(offset, count) of the first paragraph with more than MAX_OPEN_BRACKETS unclosed `[`, or None. Linear."""
    if body.count("[") <= MAX_OPEN_BRACKETS:
        return None
    offset = 0
    for block in body.split("\n\n"):
        count = block.count("[") - block.count("]")
        if count > MAX_OPEN_BRACKETS:
            return offset, count
        offset += len(block) + 2
    return None


def _parse(draft: _Draft, problems: list[Problem], settings: MarkdownSettings) -> bool:
    """The page's one Markdown pass: its HTML, headings (with source lines), ids, links, abbreviations, action-card
    placeholders, then its title and summary. False when Python-Markdown fails on the page (it is left out)."""
    crowded = _open_brackets(draft.body)
    if crowded is not None:
        offset, count = crowded
        file, line = draft.origin(offset)
        problems.append(_problem(
            ERROR, "brackets-unclosed", file, line,
            f"This paragraph opens {count:,} [ brackets that never close, which Python-Markdown cannot parse in "
            "reasonable time; close them or write them as \\[.",
        ))
        return False
    try:
        parsed = markdown_pass(draft.body, settings)
    except Exception as exc:  # Python-Markdown on hostile input: the page must not take the import down
        problems.append(_problem(
            ERROR, "markdown-error", draft.file, None,
            f"The Markdown of this page cannot be parsed ({type(exc).__name__}); "
            "simplify the page around unusual constructs.",
        ))
        return False
    draft.html = parsed.html
    headings = []
    for h in parsed.headings:
        line = 0
        if h.line_index >= 0:
            if draft.origins is None:
                line = draft.body_line + h.line_index
            elif h.line_index < len(draft.origins) and draft.origins[h.line_index].file == draft.file:
                line = draft.origins[h.line_index].line  # snippets moved lines: only this file's lines count
        headings.append(Heading(h.level, h.text, h.anchor, line))
    draft.headings = tuple(headings)
    draft.extra_ids = parsed.ids
    draft.raw_links = list(parsed.links)
    draft.abbreviations = parsed.abbreviations
    if "action-cards" in draft.body:
        # A placeholder shown as code is escaped in the HTML: only those the page really holds count.
        draft.placeholders = [
            ph for ph in find_placeholders(draft.body, draft.path, draft.body_line)
            if draft.body[ph.start : ph.end] in parsed.html
        ]
    draft.opening = derived_summary(parsed.opening)
    for code, message, needle in parsed.notes:  # what the pass left out (template tags), at its line
        offset = draft.body.find(needle)
        where: tuple[str, int | None] = draft.origin(offset) if offset >= 0 else (draft.file, None)
        problems.append(_problem(WARNING, code, where[0], where[1], message))
    _titles(draft, problems)
    return True


def _read_pages(
    items: list[tuple[str, Path]], root: Path, prefix: str, snippet_cfg: SnippetConfig | None,
    settings: MarkdownSettings, workers: int | None, progress: Progress | None = None,
) -> list[tuple[_Draft | None, list[Problem]]]:
    """`_read_page` for every page, in order; in worker processes for large corpora (parsing is CPU-bound): forked
    ones where that is safe (reader.core.parallel), else spawned ones for very large corpora."""
    count = _default_workers(len(items)) if workers is None else max(1, workers)
    if count > 1 and fork_is_safe():
        job = _ReadJob(root, prefix, SnippetResolver(root, snippet_cfg) if snippet_cfg is not None else None, settings)
        return ordered_map(
            _read_one, job, items, workers=count,
            progress=None if progress is None else lambda done, item: progress(done, len(items), prefix + item[0]),
        )
    if count > 1 and len(items) > _CHUNK_PAGES:
        # Imported here: a small corpus never starts a process, and these cost ~10 ms to import.
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool
        from pickle import PicklingError

        chunks = [items[i : i + _CHUNK_PAGES] for i in range(0, len(items), _CHUNK_PAGES)]
        try:
            # spawn: without a safe fork (Windows, or a GUI process with Qt and threads), a fresh interpreter.
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=min(count, len(chunks)), mp_context=context) as pool:
                results = []
                for chunk in pool.map(
                    _read_chunk, chunks, repeat(root), repeat(prefix), repeat(snippet_cfg), repeat(settings)
                ):
                    results.append(chunk)
                    if progress is not None:
                        progress(sum(map(len, results)), len(items), "")
            return [item for chunk in results for item in chunk]
        except (OSError, BrokenProcessPool, RuntimeError, PicklingError) as exc:
            log.warning("parallel import failed (%s); reading pages in one process", exc)
    return _read_chunk(items, root, prefix, snippet_cfg, settings, progress)


# --------------------------------------------------------------------------------------------------- corpus


def load_corpus(source: Path, *, workers: int | None = None, progress: Progress | None = None) -> Corpus:
    """Import a corpus. See the module docstring for the error contract.

    `progress(done, total, file)`: called as pages are read and parsed (per chunk when in worker processes).

    `workers`: processes that read and parse pages; None picks one per CPU (at most 4) for corpora of
    PARALLEL_MIN_PAGES pages or more and one otherwise. The result does not depend on it.
    """
    source = Path(source)
    root = _source_root(source)
    config = _config(root)
    docs = _docs_dir(root, config)
    listing = _walk(root, docs, _exclude_patterns(config))
    prefix = docs.relative_to(root).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    problems: list[Problem] = list(listing.problems)

    snippet_cfg = SnippetConfig.from_mkdocs(root, config.extension("pymdownx.snippets"))
    if snippet_cfg is not None and config.path is not None:
        snippet_cfg = SnippetConfig(
            snippet_cfg.base_paths, snippet_cfg.auto_append, snippet_cfg.check_paths, config.path.name
        )
    if snippet_cfg is not None:
        snippet_cfg = snippet_cfg.with_glossary(root)  # glossary files read once here, never appended per page
    # The corpus's own markdown_extensions (reader.core.corpus.extensions), with the glossary given to `abbr`.
    # What check says about them (extensions, functions, hooks and plugins the reader does not run) is reported.
    settings, config_problems = markdown_settings(config)
    problems.extend(config_problems)
    if snippet_cfg is not None and snippet_cfg.glossary:
        settings = dataclasses.replace(settings, glossary={**settings.glossary, **dict(snippet_cfg.glossary)})

    drafts: dict[str, _Draft] = {}  # by docs-relative path
    by_id: dict[str, _Draft] = {}
    by_folded: dict[str, _Draft] = {}
    # One result per page, in order.
    page_results = _read_pages(listing.pages, root, prefix, snippet_cfg, settings, workers, progress)
    for (rel, _), (draft, page_problems) in zip(listing.pages, page_results, strict=True):
        file = prefix + rel
        problems.extend(page_problems)
        if draft is None:
            continue
        other = by_id.get(draft.page_id)
        if other is not None:
            problems.append(_problem(
                ERROR, "duplicate-id", file, None,
                f"This page gets the id {draft.page_id!r}, which {other.file} already has; "
                "rename or move one of the two.",
            ))
            continue
        folded = draft.page_id.casefold()
        other = by_folded.get(folded)
        if other is not None:
            problems.append(_problem(
                ERROR, "duplicate-id-case", file, None,
                f"This page's id {draft.page_id!r} differs from that of {other.file} only in upper/lower case, "
                "which Windows and macOS cannot keep apart; rename one of the two.",
            ))
            continue
        bad_name = _unportable(rel)
        if bad_name:
            problems.append(_problem(
                ERROR, "unportable-name", file, None,
                f"The name {bad_name!r} cannot be used on Windows; "
                "rename it (no < > : \" | ? * or names like CON, and no trailing dot or space).",
            ))
            continue
        by_folded[folded] = draft
        by_id[draft.page_id] = draft
        drafts[rel] = draft

    if not listing.pages:
        problems.append(_problem(
            ERROR, "no-pages", prefix.rstrip("/") or ".", None,
            "No Markdown (.md) pages were found; point at the folder with mkdocs.yml or with the .md files.",
        ))

    # Navigation and reading order: nav, awesome-pages, i18n variants, blog posts, unlisted pages (nav.py).
    navigation = build_navigation(config, docs, prefix, drafts, {rel for rel, _ in listing.pages}, problems)
    nav, order = list(navigation.nav), navigation.order

    # Aliases (front matter `id`).
    aliases: dict[str, str] = {}
    for draft in drafts.values():
        for alias in draft.aliases:
            if alias in by_id and by_id[alias] is not draft:
                problems.append(_problem(
                    WARNING, "duplicate-alias", draft.file, draft.fm_line("id"),
                    f"The front matter id {alias!r} is already the id of {by_id[alias].file}; choose another id.",
                ))
            elif alias in aliases and aliases[alias] != draft.page_id:
                problems.append(_problem(
                    WARNING, "duplicate-alias", draft.file, draft.fm_line("id"),
                    f"The front matter id {alias!r} is also used by {by_id[aliases[alias]].file}; "
                    "give each page its own id.",
                ))
            else:
                aliases[alias] = draft.page_id

    pages_by_path = {rel: d.page_id for rel, d in drafts.items()}
    for rel, d in drafts.items():
        # MkDocs serves a README.md as its folder's index when there is no index.md: `folder/` links reach it.
        if posixpath.basename(rel).lower() == "readme.md":
            index_path = posixpath.join(posixpath.dirname(rel), "index.md")
            pages_by_path.setdefault(index_path, d.page_id)
    asset_set = frozenset(listing.assets)
    index = RelationIndex(by_id.keys(), aliases, pages_by_path)
    edges: list[Edge] = []
    seen_edges: set[tuple[str, str, str, str | None]] = set()

    def add_edge(edge: Edge) -> None:
        key = (edge.source, edge.target, edge.kind, edge.anchor)
        if key not in seen_edges:
            seen_edges.add(key)
            edges.append(edge)

    for page_id in order:
        draft = by_id[page_id]
        for ref in draft.relations:
            target = index.resolve(ref, draft.path)
            if target is None:
                problems.append(_problem(
                    WARNING, "relation-missing", draft.file, draft.fm_line("relations", ref),
                    f"Relation {ref!r} matches no page; "
                    f"use a page's folder name, id or path{_suggest_relation(ref, index)}.",
                ))
            elif target == page_id:
                problems.append(_problem(
                    WARNING, "relation-self", draft.file, draft.fm_line("relations", ref),
                    f"Relation {ref!r} points at this page itself; remove it.",
                ))
            else:
                add_edge(Edge(page_id, target, RELATION))
        fallback = fallback_source(draft.path, navigation.variants.language.get(page_id, ""), navigation.language)
        _check_links(draft, by_id, pages_by_path, asset_set, problems, add_edge, fallback)
        draft.raw_links = []  # done with them: keep the peak memory down on big corpora

    # Actions.
    actions: tuple[Action, ...] = ()
    registry = find_registry(docs)
    if registry is None:  # "or the path the corpus uses": any actions.yaml in the docs folder
        found = next((a for a in listing.assets if posixpath.basename(a) in ("actions.yaml", "actions.yml")), None)
        registry = docs / found if found else None
    if registry is not None:
        actions, action_problems = load_actions(registry, prefix + registry.relative_to(docs).as_posix())
        problems.extend(action_problems)
    for page_id in order:
        draft = by_id[page_id]
        for ph in draft.placeholders:
            if registry is None:
                problems.append(_problem(
                    WARNING, "actions-registry-missing", draft.file, ph.line,
                    "This page asks for action cards but the corpus has no action registry "
                    "(action-registry/actions.yaml); add it or remove the placeholder.",
                ))
            elif not any(a.matches(ph.richtlijn, ph.fase) for a in actions):
                problems.append(_problem(
                    WARNING, "actions-none", draft.file, ph.line,
                    f"No action in the registry matches richtlijn {ph.richtlijn!r}"
                    + (f" and fase {ph.fase!r}" if ph.fase else "")
                    + "; the placeholder stays empty. Fix data-richtlijn/data-fase or add actions.",
                ))

    pages: dict[str, Page] = {}
    for page_id in order:
        d = by_id[page_id]
        pages[page_id] = Page(
            id=page_id,
            path=d.path,
            title=d.title,
            summary=d.summary,
            body=d.body,
            body_line=d.body_line,
            relations=d.relations,
            aliases=d.aliases,
            headings=d.headings,
            html=d.html,
            ids=d.anchors,
            summary_derived=d.summary_derived,
            abbreviations=d.abbreviations,
            metadata={k: v for k, v in d.meta.items() if k not in ("title", "summary", "relations", "id")},
            content_hash=d.content_hash,
            language=navigation.variants.language.get(page_id, ""),
            variants=navigation.variants.variants.get(page_id, {}),
            variant_of=navigation.variants.variant_of.get(page_id, ""),
        )

    title = config.site_name or root.name
    unique_problems = list(dict.fromkeys(problems))
    unique_problems.sort(key=lambda p: (p.file, p.line or 0))
    return Corpus(
        root=root,
        docs_dir=docs,
        title=title,
        pages=pages,
        nav=tuple(nav),
        edges=tuple(edges),
        actions=actions,
        assets=tuple(listing.assets),
        problems=unique_problems,
        language=navigation.language or config.language or "nl",
        language_names=navigation.language_names,
        glossary=dict(snippet_cfg.glossary) if snippet_cfg is not None else {},
        site_url=str(config.raw.get("site_url") or "") if isinstance(config.raw.get("site_url"), str) else "",
        organisation=organisation_for(config.raw),
        corpus_id=pinned_corpus_id(config.raw),
    )
