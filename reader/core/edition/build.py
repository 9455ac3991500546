"""Building an edition: a corpus rendered, indexed and written with its manifest, in a temporary directory next
to its destination and renamed into place, so a reader never sees half an edition. Also the cache of built
editions, keyed by the source's content hash and the format versions.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.edition.identity import corpus_id_for, valid_corpus_id, valid_edition_date
from reader.core.edition.manifest import (
    ASSETS_DIR,
    INDEX_DIR,
    MANIFEST,
    NAV_JSON,
    PAGES_DIR,
    PAGES_JSON,
    EditionError,
    PageInfo,
    nav_to_json,
)
from reader.core.edition.selection import InvalidEdition, read_edition, select_edition
from reader.core.errors import ReaderError
from reader.core.formats import EDITION_FORMAT_VERSION, INDEX_FORMAT_VERSION
from reader.core.model import RELATION, WARNING, Corpus, Problem
from reader.core.parallel import ordered_map, worker_count

if TYPE_CHECKING:
    from reader.core.corpus import RelationIndex
    from reader.core.render import IconSet

log = logging.getLogger("reader.edition")
ICONS_CACHE = "icons"  # the folder of the user cache that keeps the decoded icon tables (render.icons)


class BuildRefused(ReaderError):
    """The source has errors and the build was not asked to keep going; `errors` are the problems."""

    def __init__(self, errors: list[Problem]):
        super().__init__("build-refused", count=len(errors))
        self.errors = errors


def source_hash(source: Path) -> str:
    """sha256 over every file of the source (paths and bytes), symlinks excluded: the edition's cache key."""
    source = Path(source)
    digest = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(source):
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and not os.path.islink(os.path.join(dirpath, d))
        )
        for name in sorted(filenames):
            path = Path(dirpath) / name
            try:
                mode = path.lstat().st_mode
            except OSError:
                continue
            if name.startswith(".") or not stat.S_ISREG(mode):
                continue  # symlinks, and pipes or devices, which reading would block on
            # Raw bytes (fsencode): a name that is not UTF-8 is hashed as it is, instead of crashing the build.
            digest.update(os.fsencode(path.relative_to(source).as_posix()) + b"\0")
            try:
                digest.update(hashlib.sha256(path.read_bytes()).digest())
            except OSError:
                digest.update(b"unreadable")  # the importer reports it; the key still changes when it is fixed
    return digest.hexdigest()


@dataclass
class BuildReport:
    edition: Path
    pages: int
    left_out: list[Problem]
    warnings: list[Problem]
    seconds: float
    # Every problem, errors and infos included, counted as `check` counts them (`build --json` reports them).
    problems: list[Problem] = field(default_factory=list)


def build_edition(
    source: Path, out: Path, *, keep_going: bool = False, icons_dir: Path | None = None,
    icons_cache: Path | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    corpus_id: str | None = None, edition_date: str | None = None,
) -> BuildReport:
    """Import, render and index `source` into the edition directory `out` (replaced atomically).

    Icons and emoji come from the bundle in `icons_dir` (the caller passes reader.paths.icons_dir(); None: no icons),
    decoded once into `icons_cache` (a folder of the user cache; None: decoded on every build).
    `progress(done, total, current)`: pages read and parsed (current: the file), then pages written (current: the
    page id), each phase counting from 0, and a last call (total, total, "") when every page is written.
    A source without a single usable page is refused even with `keep_going`: it must not replace a good edition.
    `corpus_id` and `edition_date` (YYYY-MM-DD) go into the manifest for the library; by default the id derives
    from mkdocs.yml and the date is the build's (see edition.identity).
    """
    if corpus_id is not None and not valid_corpus_id(corpus_id):
        raise ValueError(f"not a corpus id (lower-case letters, digits and '-'): {corpus_id!r}")
    if edition_date is not None and not valid_edition_date(edition_date):
        raise ValueError(f"not a date (YYYY-MM-DD): {edition_date!r}")
    # Imported here so that opening an edition never pays for Markdown and Whoosh.
    from reader.core import render, search
    from reader.core.corpus import load_corpus

    started = time.perf_counter()
    source, out = Path(source), Path(out)
    corpus = load_corpus(source, progress=progress)
    if corpus.errors and not keep_going or not corpus.pages:
        raise BuildRefused(corpus.errors)
    content_hash = source_hash(source)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    try:
        identity = {
            "corpus_id": corpus_id or (corpus.corpus_id if valid_corpus_id(corpus.corpus_id) else "")
            or corpus_id_for(corpus.site_url, corpus.title),
            "organisation": corpus.organisation,
        } | ({"edition_date": edition_date} if edition_date else {}) | _public_site(source, corpus)
        warnings = _write_edition(
            corpus, tmp, content_hash, render, search, render.icon_set(icons_dir, icons_cache), progress, identity
        )
        _replace_dir(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return BuildReport(
        edition=out,
        pages=len(corpus.pages),
        left_out=corpus.errors,
        warnings=corpus.warnings + warnings,
        seconds=time.perf_counter() - started,
        problems=corpus.problems + warnings,
    )


def _public_site(source: Path, corpus: Corpus) -> dict[str, Any]:
    """mkdocs.yml's site_url and use_directory_urls: where each page lives on the public site, for citations
    (reader.core.citation)."""
    if not corpus.site_url:
        return {}
    from reader.core.corpus import read_mkdocs_config

    directory_urls = read_mkdocs_config(source).raw.get("use_directory_urls", True)
    site: dict[str, Any] = {"site_url": corpus.site_url, "use_directory_urls": directory_urls is not False}
    if corpus.language_names:  # mkdocs-static-i18n: the default language at the root, the others under <lang>/
        languages = [corpus.language] + [lang for lang in corpus.language_names if lang != corpus.language]
        in_folders = any(p.language and p.path.startswith(p.language + "/") for p in corpus.pages.values())
        site |= {"site_languages": languages, "site_language_structure": "folder" if in_folders else "suffix"}
    return site


def _write_edition(
    corpus: Corpus, root: Path, content_hash: str, render: Any, search: Any, icons: IconSet,
    progress: Callable[[int, int, str], None] | None = None, identity: dict[str, Any] | None = None,
) -> list[Problem]:
    render_warnings: list[Problem] = []
    (root / PAGES_DIR).mkdir()
    backlinks: dict[str, list[str]] = {pid: [] for pid in corpus.pages}
    links: dict[str, list[str]] = {pid: [] for pid in corpus.pages}
    for edge in corpus.edges:
        if edge.source not in corpus.pages or edge.target not in corpus.pages or edge.source == edge.target:
            continue
        if edge.kind != RELATION and edge.target not in links[edge.source]:
            links[edge.source].append(edge.target)
        if edge.source not in backlinks[edge.target]:
            backlinks[edge.target].append(edge.source)

    # Each page is rendered, written and indexed on its own: in forked workers for a corpus large enough that it
    # pays (reader.core.parallel), in page order either way, so the edition is the same.
    job = _PageJob(corpus, root, render, search, icons, links, backlinks, _relation_index(corpus), _reported(corpus))
    pages = list(corpus.pages)
    written = ordered_map(
        _write_page, job, pages, workers=worker_count(len(pages)),
        progress=None if progress is None else lambda done, page_id: progress(done, len(pages), page_id),
    )
    infos: list[PageInfo] = []
    docs = []
    for info, page_docs, problems in written:
        infos.append(info)
        docs.extend(page_docs)
        render_warnings.extend(problems)

    assets_root = root / ASSETS_DIR
    for rel in corpus.assets:
        src = corpus.docs_dir / rel
        if src.is_symlink() or not src.is_file():
            continue  # the importer already refused links out of the source
        dst = assets_root / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        unreadable = _copy_asset(src, dst)
        if unreadable is not None:
            render_warnings.append(_asset_unreadable(corpus, src, unreadable))

    if progress is not None:
        progress(len(corpus.pages), len(corpus.pages), "")
    search.build_index(root / INDEX_DIR, docs, synonyms=search.corpus_synonyms(corpus))
    (root / PAGES_JSON).write_text(json.dumps([i.to_json() for i in infos], ensure_ascii=False), encoding="utf-8")
    (root / NAV_JSON).write_text(json.dumps(nav_to_json(corpus.nav), ensure_ascii=False), encoding="utf-8")
    manifest = {
        "format_version": EDITION_FORMAT_VERSION,
        "index_format": INDEX_FORMAT_VERSION,
        "corpus_title": corpus.title,
        "source": corpus.root.name,
        "built_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "page_count": len(infos),
        "content_hash": content_hash,
        "left_out": [p.file for p in corpus.errors],
    } | (identity or {})
    # The manifest is written last: a directory without one is never taken for an edition.
    (root / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return render_warnings


@dataclass(frozen=True)
class _PageJob:
    """What writing one page needs; a forked worker inherits it (never pickled)."""

    corpus: Corpus
    root: Path
    render: Any
    search: Any
    icons: IconSet
    links: dict[str, list[str]]
    backlinks: dict[str, list[str]]
    relation_index: RelationIndex
    reported: set[tuple[str, int | None]]


def _write_page(job: _PageJob, page_id: str) -> tuple[PageInfo, list[Any], list[Problem]]:
    """Render and write one page: its PageInfo, its search documents and what only rendering found."""
    corpus, page = job.corpus, job.corpus.pages[page_id]
    rendered = job.render.render_page(page, corpus, job.icons)
    target = job.root / PAGES_DIR / (page.id + ".html")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(job.render.page_document(rendered, page, corpus), encoding="utf-8")
    breadcrumb = corpus.breadcrumb(page.id)
    info = PageInfo(
        id=page.id,
        title=page.title,
        summary=page.summary,
        path=page.path,
        breadcrumb=breadcrumb,
        headings=tuple((h.level, h.text, h.anchor) for h in rendered.headings),
        # Each relation as written, with the page it names (None: not in this edition).
        relations=tuple((ref, job.relation_index.resolve(ref, page.path)) for ref in page.relations),
        links=tuple(job.links[page.id]),
        backlinks=tuple(job.backlinks[page.id]),
        section_hashes={s.anchor: hashlib.sha256(s.text.encode("utf-8")).hexdigest() for s in rendered.sections},
        checklist=tuple(rendered.checklist),
    )
    docs = job.search.section_docs(page, rendered, breadcrumb, backlinks=len(job.backlinks[page.id]))
    return info, docs, _render_only(rendered.problems, job.reported)


def _reported(corpus: Corpus) -> set[tuple[str, int | None]]:
    return {(p.code, p.line) for p in corpus.problems}


def _render_only(problems: Iterable[Problem], reported: set[tuple[str, int | None]]) -> list[Problem]:
    """What rendering found that the importer had not already reported (same code and line): the importer
    checks links on the same Markdown pass, so rendering repeats some of its findings."""
    return [p for p in problems if (p.code, p.line) not in reported]


def check_problems(corpus: Corpus, render: Any, icons: IconSet) -> list[Problem]:
    """Every problem a build of `corpus` reports, without writing anything: the importer's, those only rendering
    finds (rendered exactly as `build_edition` renders) and the assets it would leave out. `check` reports these,
    so `check` and `build --json` count the same problems."""
    problems = list(corpus.problems)
    pages = list(corpus.pages)
    job = (corpus, render, icons, _reported(corpus))
    for found in ordered_map(_check_page, job, pages, workers=worker_count(len(pages))):
        problems.extend(found)
    problems.extend(asset_problems(corpus))
    return problems


def _check_page(job: tuple[Corpus, Any, IconSet, set[tuple[str, int | None]]], page_id: str) -> list[Problem]:
    corpus, render, icons, reported = job
    return _render_only(render.render_page(corpus.pages[page_id], corpus, icons).problems, reported)


def asset_problems(corpus: Corpus) -> list[Problem]:
    """The assets `build_edition` would leave out because they cannot be opened: what `check` reports for them
    (opening only, no reading: a file that fails half-way is found by the build alone)."""
    problems = []
    for rel in corpus.assets:
        src = corpus.docs_dir / rel
        if src.is_symlink() or not src.is_file():
            continue
        try:
            with src.open("rb"):
                pass
        except OSError as exc:
            problems.append(_asset_unreadable(corpus, src, str(exc.strerror or exc)))
    return problems


def _asset_unreadable(corpus: Corpus, src: Path, reason: str) -> Problem:
    return Problem(
        WARNING, "asset-unreadable", _source_file(corpus, src), None,
        f"The file cannot be read ({reason}) and is left out of the edition, so links to it do not work; "
        "check its permissions.",
    )


def _copy_asset(src: Path, dst: Path) -> str | None:
    """Copy `src` to `dst`; the reason when `src` cannot be read (nothing is left at `dst` then).

    Only reading is caught: a failure to write `dst` is the edition's problem and propagates.
    """
    try:
        fsrc = src.open("rb")
    except OSError as exc:
        return str(exc.strerror or exc)
    with fsrc, dst.open("wb") as fdst:
        while True:
            try:
                chunk = fsrc.read(1 << 20)
            except OSError as exc:
                reason = str(exc.strerror or exc)
                break
            if not chunk:
                return None
            fdst.write(chunk)
    dst.unlink()
    return reason


def _source_file(corpus: Corpus, path: Path) -> str:
    """`path` as problems name files: posix, relative to the source root."""
    try:
        return path.relative_to(corpus.root).as_posix()
    except ValueError:
        return path.relative_to(corpus.docs_dir).as_posix()


def _relation_index(corpus: Corpus) -> RelationIndex:
    from reader.core.corpus import (
        RelationIndex,  # build time only: opening an edition never loads the importer
    )

    aliases = {alias: page.id for page in corpus.pages.values() for alias in page.aliases}
    return RelationIndex(corpus.pages.keys(), aliases, {page.path: page.id for page in corpus.pages.values()})


def _replace_dir(new: Path, dest: Path) -> None:
    """Rename `new` to `dest`; an existing `dest` is moved aside first and removed after."""
    if dest.exists():
        old = dest.with_name(f".{dest.name}.old-{os.getpid()}-{time.monotonic_ns()}")
        os.replace(dest, old)
        os.replace(new, dest)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(new, dest)


def edition_key(source: Path) -> str:
    return f"{source_hash(source)[:20]}-e{EDITION_FORMAT_VERSION}-i{INDEX_FORMAT_VERSION}"


def cached_edition(source: Path, cache: Path, icons_dir: Path | None = None) -> Path:
    """The edition of `source` in `cache`, built first when missing or stale (keyed by content and format)."""
    dest = Path(cache) / "editions" / edition_key(source)
    try:
        read_edition(dest, EDITION_FORMAT_VERSION)  # complete, index included: we can always rebuild it
        return dest
    except InvalidEdition:
        pass
    log.info("building the edition of %s into %s", source, dest)
    build_edition(source, dest, keep_going=True, icons_dir=icons_dir, icons_cache=Path(cache) / ICONS_CACHE)
    return dest


def choose_edition(
    bundled: Path, content: Path, cache: Path, override_dirs: list[Path], icons_dir: Path | None = None
) -> Path:
    """The edition the reader opens without `--edition`.

    The bundled one (prebuilt in a frozen bundle, else `content` built into `cache` with the icons of `icons_dir`),
    unless an administrator placed a newer valid edition in one of `override_dirs`. The caller passes the folders
    (see reader.editions).
    """
    if not (bundled / MANIFEST).exists():
        bundled = cached_edition(content, cache, icons_dir)
    chosen = select_edition(bundled, override_dirs, format_version=EDITION_FORMAT_VERSION)
    if chosen is None:
        raise EditionError("edition-none-usable", folder=str(bundled))
    return chosen
