"""`pymdownx.snippets` includes, resolved at import time and only inside the project.

Supported: the single-line form `--8<-- "file.md"` (also `file.md:3:7` line ranges), the block form
(`--8<--` / file names / `--8<--`), nested includes, `;--8<--` escapes, and `auto_append` files. Every output line
remembers where it came from so that messages about included text name the right file and line.

An `auto_append` file that holds only abbreviation definitions (a glossary) is not appended: `with_glossary` reads it
once per build and rendering hands it to the `abbr` extension as its `glossary` option. Python-Markdown re-scans a
block of definitions once per definition, so appending a 100-entry glossary to every page made builds 20x slower.

The work per page is bounded: at most MAX_INCLUDES includes and MAX_EXPANDED_CHARS of included text; past either
the page is left out (`IncludeBudgetExceeded`), so a fan-out of includes can neither hang an import nor make a page
larger than the page limit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reader.core.model import ERROR, WARNING, Problem

# The marker is any `-8<-` with one or more dashes each side, as in pymdownx.snippets.
_SINGLE = re.compile(r'^(?P<indent>[ \t]*)(?P<escape>;*)-+8<-+[ \t]+(?P<quote>["\'])(?P<name>.+?)(?P=quote)[ \t]*$')
_BLOCK = re.compile(r"^(?P<indent>[ \t]*)(?P<escape>;*)-+8<-+[ \t]*$")
_RANGE = re.compile(r"^(?P<path>.*?)(?::(?P<start>-?\d*)(?::(?P<end>-?\d*))?)?$")
_SECTION_SPEC = re.compile(r"^(?P<path>.*?):(?P<section>[a-zA-Z][-_0-9a-zA-Z]*)$")
_SECTION_MARK = re.compile(
    r"-+8<-+[ \t]+\[[ \t]*(?P<kind>start|end)[ \t]*:[ \t]*(?P<name>[a-zA-Z][-_0-9a-zA-Z]*)[ \t]*\]", re.IGNORECASE
)
_ESCAPED = re.compile(r";(-+8<-+)")
MAX_DEPTH = 8
MAX_SNIPPET_BYTES = 5 << 20
MAX_INCLUDES = 1_000  # per page; real pages include a few dozen files at most
MAX_EXPANDED_CHARS = 5 << 20  # the page limit, applied to the text the includes add
# A definition line as Python-Markdown's AbbrBlockprocessor reads it (`[^\\]*?`: the key may hold `]`).
_GLOSSARY_DEF = re.compile(r"^\*\[(?P<abbr>[^\\\n]*?)\][ ]?:[ ]*(?P<title>.*)$")
_ONE_LINE_COMMENT = re.compile(r"^<!--.*-->$")


@dataclass(frozen=True)
class SnippetConfig:
    base_paths: tuple[Path, ...]  # absolute, inside the project root
    auto_append: tuple[str, ...] = ()
    check_paths: bool = False
    config_file: str = "mkdocs.yml"  # where auto_append is configured (for messages)
    glossary: tuple[tuple[str, str], ...] = ()  # from auto_append files that hold only abbreviation definitions

    @classmethod
    def from_mkdocs(cls, root: Path, ext_config: dict[str, Any] | None) -> "SnippetConfig | None":
        """None when the corpus does not enable `pymdownx.snippets`."""
        if ext_config is None:
            return None
        base = ext_config.get("base_path", ["."])
        if isinstance(base, str):
            base = [base]
        bases = tuple((root / b) for b in base if isinstance(b, str)) or (root,)
        append = ext_config.get("auto_append", [])
        if isinstance(append, str):
            append = [append]
        return cls(
            base_paths=bases,
            auto_append=tuple(a for a in append if isinstance(a, str)),
            check_paths=bool(ext_config.get("check_paths", False)),
        )


    def with_glossary(self, root: Path) -> "SnippetConfig":
        """This config with its glossary-only auto_append files taken out and their definitions in `glossary`.

        Called once per import; the files are read here and never again.
        """
        resolver = SnippetResolver(root, self)
        kept: list[str] = []
        entries: dict[str, str] = dict(self.glossary)
        for name in self.auto_append:
            path, _ = resolver._find(name)
            content = resolver._read(path) if path is not None else None
            definitions = glossary_definitions(content) if content is not None else None
            if definitions is None:
                kept.append(name)  # appended as before (or reported missing when resolving)
            else:
                entries.update(definitions)  # later files override earlier ones, as when appended in order
        return replace(self, auto_append=tuple(kept), glossary=tuple(entries.items()))


def glossary_definitions(lines: list[str]) -> dict[str, str] | None:
    """The definitions of a text made only of `*[X]: title` lines, blank lines and HTML comments; else None.

    Anything that the abbr extension would read differently as a block (an empty title, which takes the next line,
    a `''` title, which deletes an abbreviation) or that is more than definitions makes the file an ordinary
    snippet, appended as text.
    """
    definitions: dict[str, str] = {}
    in_comment = False
    for line in lines:
        stripped = line.strip()
        if in_comment:
            if "-->" in stripped:
                if not stripped.endswith("-->"):
                    return None
                in_comment = False
            continue
        if not stripped or _ONE_LINE_COMMENT.match(stripped):
            continue
        if stripped.startswith("<!--"):
            in_comment = True
            continue
        match = _GLOSSARY_DEF.match(line.expandtabs(4))  # as Python-Markdown normalizes whitespace
        if match is None:
            return None
        abbr, title = match.group("abbr").strip(), match.group("title").strip()
        if not abbr or not title or title in ("''", '""'):
            return None
        definitions[abbr] = title
    return definitions if definitions and not in_comment else None


class IncludeBudgetExceeded(Exception):
    """A page's includes went past MAX_INCLUDES or MAX_EXPANDED_CHARS; `problem` says where."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@dataclass(slots=True)
class Origin:
    file: str  # source-root relative posix path
    line: int  # 1-based


class SnippetResolver:
    def __init__(self, root: Path, config: SnippetConfig) -> None:
        self.root = root.resolve()
        self.config = config
        self._cache: dict[Path, list[str] | None] = {}
        self._glossary: dict[str, str] | None = None
        # Work done for the page being resolved, and the include line of the page it goes through.
        self._includes = 0
        self._chars = 0
        self._via: Origin | None = None

    @property
    def glossary(self) -> dict[str, str]:
        if self._glossary is None:
            self._glossary = dict(self.config.glossary)
        return self._glossary

    def _rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def _find(self, name: str) -> tuple[Path | None, bool]:
        """(file, escaped): the first base path holding `name`; escaped when it would leave the project."""
        escaped = False
        for base in self.config.base_paths:
            candidate = (base / name)
            try:
                resolved = candidate.resolve()
            except (OSError, RuntimeError):
                continue
            if not resolved.is_relative_to(self.root):
                escaped = True
                continue
            if resolved.is_file():
                return resolved, False
        return None, escaped

    def _read(self, path: Path) -> list[str] | None:
        if path not in self._cache:
            try:
                if path.stat().st_size > MAX_SNIPPET_BYTES:
                    self._cache[path] = None
                else:
                    text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
                    # Lines as a file iterator gives them: a final newline does not add an empty line.
                    self._cache[path] = text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")
            except (OSError, UnicodeDecodeError):
                self._cache[path] = None
        return self._cache[path]

    def resolve(
        self, lines: list[str], origins: list[Origin], problems: list[Problem], depth: int = 0, append: bool = True
    ) -> tuple[list[str], list[Origin]]:
        """The lines with includes expanded (and, at depth 0, auto_append files appended).

        Raises IncludeBudgetExceeded when the page's includes go past the budget.
        """
        if depth == 0:
            self._includes = self._chars = 0
        out: list[str] = []
        out_origins: list[Origin] = []
        in_block: tuple[str, Origin] | None = None  # indent of an open block form
        # Like pymdownx.snippets, includes are expanded everywhere, fenced code included (a common use is
        # `--8<-- "example.py"` inside a fence); `;--8<--` shows the marker literally.
        for text, origin in zip(lines, origins, strict=True):  # one origin per line
            if "8<" not in text:
                if in_block is None:
                    out.append(text)
                    out_origins.append(origin)
                    continue
            block = _BLOCK.match(text)
            if block and not block.group("escape"):
                in_block = None if in_block is not None else (block.group("indent"), origin)
                continue
            if block and block.group("escape"):
                out.append(_ESCAPED.sub(r"\1", text, count=1))
                out_origins.append(origin)
                continue
            if in_block is not None:
                name = text.strip()
                if name and not name.startswith(";"):
                    self._include(name, in_block[0], origin, out, out_origins, problems, depth)
                continue
            single = _SINGLE.match(text)
            if single:
                if single.group("escape"):
                    out.append(_ESCAPED.sub(r"\1", text, count=1))
                    out_origins.append(origin)
                else:
                    self._include(
                        single.group("name"), single.group("indent"), origin, out, out_origins, problems, depth
                    )
                continue
            out.append(text)
            out_origins.append(origin)
        if append and depth == 0:
            for name in self.config.auto_append:
                path, escaped = self._find(name)
                if path is None:
                    problems.append(
                        Problem(
                            ERROR if escaped else WARNING,
                            "include-outside" if escaped else "include-missing",
                            self.config.config_file,
                            None,
                            f"auto_append file {name!r} "
                            + (
                                "lies outside the project; move it inside."
                                if escaped
                                else "does not exist; create it or remove it from mkdocs.yml."
                            ),
                        )
                    )
                    continue
                self._include(
                    name, "", Origin(self.config.config_file, 0), out, out_origins, problems, depth, quiet=True
                )
        return out, out_origins

    def _include(
        self,
        spec: str,
        indent: str,
        origin: Origin,
        out: list[str],
        out_origins: list[Origin],
        problems: list[Problem],
        depth: int,
        quiet: bool = False,
    ) -> None:
        if spec.startswith(("http://", "https://")):
            problems.append(
                Problem(WARNING, "include-remote", origin.file, origin.line or None,
                        f"Remote include {spec!r} is not fetched (the reader works offline); "
                        "copy the file into the project.")
            )
            return
        section = None
        match = None
        path, escaped = self._find(spec)
        name = spec
        if path is None:  # `file.md:3:7` line ranges or `file.md:section`
            section_match = _SECTION_SPEC.match(spec)
            if section_match:
                name, section = section_match.group("path"), section_match.group("section")
            else:
                match = _RANGE.match(spec)
                name = match.group("path") if match else spec
            path, escaped = self._find(name)
        if escaped and path is None:
            problems.append(
                Problem(ERROR, "include-outside", origin.file, origin.line or None,
                        f"Include {name!r} points outside the project and is refused; "
                        "move the file inside the project.")
            )
            return
        if path is None:
            if not quiet:
                problems.append(
                    Problem(WARNING, "include-missing", origin.file, origin.line or None,
                            f"Included file {name!r} does not exist; fix the name or remove the --8<-- line.")
                )
            return
        if depth == 0:
            self._via = origin
        self._includes += 1
        if self._includes > MAX_INCLUDES:
            self._over_budget(origin, "include-too-many", f"more than {MAX_INCLUDES:,} includes")
        if depth >= MAX_DEPTH:
            problems.append(
                Problem(ERROR, "include-loop", origin.file, origin.line or None,
                        f"Includes nest more than {MAX_DEPTH} deep at {name!r}; remove the include loop.")
            )
            return
        content = self._read(path)
        if content is None:
            problems.append(
                Problem(ERROR, "include-unreadable", origin.file, origin.line or None,
                        f"Included file {name!r} cannot be read as UTF-8 text (or is larger than 5 MB); "
                        "fix or replace it.")
            )
            return
        start, end = 1, len(content)
        if match and match.group("start") not in (None, ""):
            start = max(1, int(match.group("start")))
        if match and match.group("end") not in (None, ""):
            end = min(len(content), int(match.group("end")))
        rel = self._rel(path)
        numbered = list(enumerate(content[start - 1 : end], start=start))
        if section is not None:
            numbered = _section(numbered, section)
            if not numbered:
                problems.append(
                    Problem(WARNING, "include-missing", origin.file, origin.line or None,
                            f"Section {section!r} is not marked in {name!r}; "
                            f"add `--8<-- [start:{section}]` and `[end:{section}]` lines or fix the name.")
                )
                return
        # Section marker lines are never part of the included text.
        numbered = [(n, t) for n, t in numbered if not _SECTION_MARK.search(t)]
        self._chars += sum(len(t) + len(indent) + 1 for _, t in numbered)
        if self._chars > MAX_EXPANDED_CHARS:
            self._over_budget(origin, "include-too-large", f"more than {MAX_EXPANDED_CHARS >> 20} MB of included text")
        sub_lines = [t for _, t in numbered]
        sub_origins = [Origin(rel, n) for n, _ in numbered]
        sub_lines, sub_origins = self.resolve(sub_lines, sub_origins, problems, depth + 1, append=False)
        for text, sub_origin in zip(sub_lines, sub_origins, strict=True):
            out.append(indent + text if text else text)
            out_origins.append(sub_origin)


    def _over_budget(self, origin: Origin, code: str, what: str) -> None:
        via = self._via or origin
        where = "" if via is origin or not origin.line else f" (at {origin.file}:{origin.line})"
        raise IncludeBudgetExceeded(Problem(
            ERROR, code, via.file, via.line or None,
            f"The includes of this line add up to {what}{where}; the page is left out. "
            "Include fewer or smaller files, or split the page.",
        ))


def _section(numbered: list[tuple[int, str]], name: str) -> list[tuple[int, str]]:
    """The lines between `--8<-- [start:name]` and `--8<-- [end:name]`."""
    inside = False
    found: list[tuple[int, str]] = []
    for number, text in numbered:
        mark = _SECTION_MARK.search(text)
        if mark and mark.group("name") == name:
            if mark.group("kind").lower() == "start":
                inside = True
                continue
            if inside:
                break
        if inside:
            found.append((number, text))
    return found
