"""Reading `mkdocs.yml` safely: no tag in it is ever imported or executed.

Real MkDocs configs carry `!!python/name:...`, `!ENV [...]` and plugin-specific tags. A SafeLoader refuses them;
the loader below turns every unknown tag into an inert `UnknownTag` value so the rest of the file stays usable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlsplit

import yaml

from reader.core.errors import Param, ReaderError

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
MAX_CONFIG_BYTES = 1 << 20  # a config larger than 1 MB is not a config


@dataclass(frozen=True)
class UnknownTag:
    """A YAML value carrying a tag we do not interpret (`!!python/name:x.y`, `!ENV`, ...). Never resolved."""

    tag: str
    value: Any  # the plain scalar / list / dict under the tag

    def __str__(self) -> str:  # keeps messages readable when such a value ends up in a title
        return f"{self.tag} {self.value}"


class InertLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader that accepts any tag as an inert value instead of failing or constructing objects.

    Built on libyaml's parser when PyYAML has it: a 10,000-entry nav takes seconds in pure Python.
    """


def _construct_unknown(loader: yaml.SafeLoader, tag_suffix: str, node: yaml.Node) -> UnknownTag:
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    return UnknownTag(node.tag, value)


# Multi-constructors keyed on the empty prefix catch every tag the SafeLoader has no constructor for.
InertLoader.add_multi_constructor("", _construct_unknown)


class MkDocsConfigError(ReaderError):
    """mkdocs.yml exists but cannot be used. `line` is 1-based when known. `code` names the reason (for the user's
    message); `problem_code` is the coarser code of the corpus Problem it becomes, with `message` for the author."""

    def __init__(
        self, code: str, message: str, line: int | None = None, *, problem_code: str | None = None, **params: Param
    ) -> None:
        super().__init__(code, **params)
        self.message = message
        self.line = line
        self.problem_code = problem_code or code


@dataclass(frozen=True)
class MkDocsConfig:
    """The parts of mkdocs.yml the reader uses. `raw` keeps everything (with UnknownTag values) for later use."""

    path: Path | None  # the config file, None for a plain folder of Markdown
    site_name: str | None
    docs_dir: str
    nav: Any  # the raw `nav` value (None when absent)
    markdown_extensions: tuple[tuple[str, dict[str, Any]], ...]  # (name, config) in order
    theme_features: tuple[str, ...]
    language: str | None
    raw: dict[str, Any] = field(default_factory=dict)
    text: str = ""  # the config text, to find line numbers of nav entries

    def extension(self, name: str) -> dict[str, Any] | None:
        for ext_name, cfg in self.markdown_extensions:
            if ext_name == name:
                return cfg
        return None

    def line_of(self, needle: str) -> int | None:
        """First line of the config mentioning `needle` (for messages about nav entries)."""
        return first_line_with(self.text, needle)


def first_line_with(text: str, needle: str) -> int | None:
    """The number of the first line of `text` that contains `needle`, for messages that name a line."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return None


def yaml_error_location(exc: BaseException) -> tuple[int | None, str]:
    """(0-based line, reason) of a YAML error, pointing where a human should look.

    For an unclosed quote or bracket the parser notices only later (at the next key, or the end of the text); the
    useful line is where the construct was opened, which PyYAML keeps as the context mark.
    """
    problem = str(getattr(exc, "problem", None) or "invalid YAML")
    context = getattr(exc, "context", None)
    reason = f"{context}: {problem}" if context else problem
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    opened = "end of stream" in problem or (context is not None and ("flow" in context or "quoted" in context))
    mark = context_mark if (opened and context_mark is not None) else (problem_mark or context_mark)
    return (mark.line if mark is not None else None), reason


def find_config(root: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = root / name
        if candidate.is_file():
            return candidate
    return None


def load_yaml_text(text: str) -> Any:
    return yaml.load(text, Loader=InertLoader)  # safe: InertLoader is a SafeLoader subclass


def _as_str(value: Any) -> str | None:
    if isinstance(value, UnknownTag):
        # `!ENV [NAME, default]`: the default is the only value we can know without reading the environment.
        if isinstance(value.value, list) and value.value and isinstance(value.value[-1], (str, int, float)):
            return str(value.value[-1])
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _extensions(value: Any) -> tuple[tuple[str, dict[str, Any]], ...]:
    result: list[tuple[str, dict[str, Any]]] = []
    items: list[Any]
    if isinstance(value, dict):
        items = [{k: v} for k, v in value.items()]
    elif isinstance(value, list):
        items = value
    else:
        return ()
    for item in items:
        if isinstance(item, str):
            result.append((item, {}))
        elif isinstance(item, dict) and len(item) == 1:
            name, cfg = next(iter(item.items()))
            if isinstance(name, str):
                result.append((name, cfg if isinstance(cfg, dict) else {}))
    return tuple(result)


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """MkDocs' INHERIT merge: mappings merge recursively, everything else in the child wins."""
    merged = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    merged.pop("INHERIT", None)
    return merged


def _inherited(root: Path, path: Path, inherit: str, text: str, depth: int) -> dict[str, Any]:
    line = next((n for n, text_line in enumerate(text.splitlines(), 1) if text_line.startswith("INHERIT")), None)
    parent = (path.parent / inherit).resolve()
    if depth >= 5:
        raise MkDocsConfigError("mkdocs-inherit-too-deep", "INHERIT chains more than 5 configs deep; flatten them.",
                                line, problem_code="mkdocs-inherit")
    if not parent.is_relative_to(root.resolve()):
        raise MkDocsConfigError(
            "mkdocs-inherit-outside",
            f"INHERIT points at {inherit!r}, outside the source; copy that config into the source.",
            line, problem_code="mkdocs-inherit", target=inherit,
        )
    if not parent.is_file():
        raise MkDocsConfigError(
            "mkdocs-inherit-missing", f"INHERIT points at {inherit!r}, which does not exist; fix the path.",
            line, problem_code="mkdocs-inherit", target=inherit,
        )
    return read_mkdocs_config(root, _config_path=parent, _depth=depth + 1).raw


def read_mkdocs_config(root: Path, *, _config_path: Path | None = None, _depth: int = 0) -> MkDocsConfig:
    """Read `root/mkdocs.yml` (or .yaml). A root without one is a plain folder: docs_dir ".".

    Raises MkDocsConfigError when the file exists but is unreadable, not YAML, or not a mapping.
    """
    path = _config_path or find_config(root)
    if path is None:
        return MkDocsConfig(None, None, ".", None, (), (), None)
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            raise MkDocsConfigError(
                "mkdocs-too-large", "mkdocs.yml is larger than 1 MB; check that it is the right file."
            )
        data = path.read_bytes()
        text = data.decode("utf-8-sig")
    except OSError as exc:
        raise MkDocsConfigError(
            "mkdocs-unreadable", f"mkdocs.yml cannot be read ({exc.strerror}); check its permissions.",
            detail=str(exc.strerror),
        ) from exc
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise MkDocsConfigError("mkdocs-encoding", "mkdocs.yml is not UTF-8 text; save it as UTF-8.", line) from exc
    text = text.replace("\r\n", "\n")
    try:
        raw = load_yaml_text(text)
    except yaml.YAMLError as exc:
        line0, reason = yaml_error_location(exc)
        raise MkDocsConfigError(
            "mkdocs-yaml", f"{path.name} is not valid YAML ({reason}); fix the syntax at this line.",
            line0 + 1 if line0 is not None else None, file=path.name, detail=reason,
        ) from exc
    except RecursionError as exc:
        raise MkDocsConfigError("mkdocs-too-deep", "mkdocs.yml nests too deeply to be read; simplify it.",
                                problem_code="mkdocs-yaml") from exc
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise MkDocsConfigError(
            "mkdocs-not-mapping",
            "mkdocs.yml must be a mapping of settings (key: value), not a list or a single value.", 1,
        )
    inherit = raw.get("INHERIT")
    if isinstance(inherit, str):
        raw = _merge(_inherited(root, path, inherit, text, _depth), raw)
    theme = raw.get("theme")
    features: tuple[str, ...] = ()
    language = None
    if isinstance(theme, dict):
        feats = theme.get("features")
        if isinstance(feats, list):
            features = tuple(f for f in feats if isinstance(f, str))
        language = _as_str(theme.get("language"))
    docs_dir = _as_str(raw.get("docs_dir")) or "docs"
    return MkDocsConfig(
        path=path,
        site_name=_as_str(raw.get("site_name")),
        docs_dir=docs_dir,
        nav=raw.get("nav"),
        markdown_extensions=_extensions(raw.get("markdown_extensions")),
        theme_features=features,
        language=language,
        raw=raw,
        text=text,
    )


def organisation_for(config: Mapping[str, Any]) -> str:
    """Who publishes the corpus, as `mkdocs.yml` says it: `site_author`, else the owner in `repo_url`."""
    author = config.get("site_author")
    if isinstance(author, str) and author.strip():
        return author.strip()
    repo = config.get("repo_url")
    if isinstance(repo, str):
        path = [part for part in urlsplit(repo.strip()).path.split("/") if part]
        if path:
            return path[0]
    return ""


def pinned_corpus_id(config: Mapping[str, Any]) -> str:
    """`extra: {richtlijnenlezer: {corpus_id: ...}}`: the id a corpus's authors pin, so that renaming the site keeps
    readers' bookmarks (checked by edition.identity.valid_corpus_id when the edition is built)."""
    extra = config.get("extra")
    ours = extra.get("richtlijnenlezer") if isinstance(extra, dict) else None
    value = ours.get("corpus_id") if isinstance(ours, dict) else None
    return value.strip() if isinstance(value, str) else ""
