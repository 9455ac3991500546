"""Which file answers a reader URL. Pure path logic, kept apart from Qt so that it is tested without a display.

Only files inside the edition (pages, assets) or the reader's own resources are ever served: no `..`, no absolute
paths, no symlinks that lead out, nothing hidden.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from reader.core.links import parse_reader_url

# Types the web engine needs to see exactly; everything else falls back to mimetypes.
_MIME = {
    ".html": "text/html;charset=utf-8",
    ".css": "text/css;charset=utf-8",
    ".js": "text/javascript;charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".pdf": "application/pdf",
    ".json": "application/json",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
}

# Attachments: files a page links to that the view never opens; the reader offers to open them with the system's
# program or to save them. Named here because the system's table (mimetypes; the registry on Windows) varies.
ATTACHMENT_TYPES = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".dot": "application/msword",
    ".dotx": "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".ppt": "application/vnd.ms-powerpoint",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".odp": "application/vnd.oasis.opendocument.presentation",
    ".odg": "application/vnd.oasis.opendocument.graphics",
    ".rtf": "application/rtf",
    ".csv": "text/csv",
    ".epub": "application/epub+zip",
    ".zip": "application/zip",
    ".7z": "application/x-7z-compressed",
    ".rar": "application/vnd.rar",
    ".tar": "application/x-tar",
    ".gz": "application/gzip",
    ".tgz": "application/gzip",
    ".bz2": "application/x-bzip2",
    ".xz": "application/x-xz",
}


# Types a corpus file (an asset) may be served as. Anything else the engine could open as an active document:
# an HTML or SVG-in-XML file from the corpus, opened in the view, would be unsanitized markup, and Chromium
# acts on some of it (`<link rel=preconnect>`, DNS prefetch) without asking the request interceptor. So other
# textual or XML types are served as plain text and the rest as opaque bytes. SVG stays an image for `<img>`;
# the navigation policy keeps the view from opening one as a document.
_ASSET_TYPES = frozenset(
    {
        "image/png", "image/jpeg", "image/gif", "image/webp", "image/avif", "image/bmp", "image/x-icon",
        "image/vnd.microsoft.icon", "image/svg+xml", "application/pdf", "text/plain", "text/csv",
        "application/json", "font/woff2", "font/woff", "font/ttf", "font/otf",
    }
) | frozenset(ATTACHMENT_TYPES.values())  # the view never opens these (see `opens_in_view`), Chromium renders none
# What the view shows itself when a link leads to it: raster images and text. SVG is refused as a document by the
# navigation policy; everything else is an attachment.
_VIEWABLE = frozenset(
    {
        "image/png", "image/jpeg", "image/gif", "image/webp", "image/avif", "image/bmp", "image/x-icon",
        "image/vnd.microsoft.icon", "image/svg+xml", "text/plain", "application/json",
    }
)
_INERT_TEXT = "text/plain;charset=utf-8"
_INERT_BYTES = "application/octet-stream"


@dataclass(frozen=True)
class Served:
    path: Path
    mime: str


def safe_join(root: Path, relative: str) -> Path | None:
    """`root/relative` if it stays inside `root` and is a regular file; None for anything else."""
    if not relative or "\0" in relative or "\\" in relative:
        return None
    rel = PurePosixPath(relative)
    if rel.is_absolute() or any(part in ("..", ".", "") or part.startswith(".") for part in rel.parts):
        return None
    if ":" in rel.parts[0]:  # a drive letter (C:) on Windows
        return None
    try:
        root_real = root.resolve(strict=True)
        candidate = (root / rel).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if root_real != candidate and root_real not in candidate.parents:
        return None  # a symlink led out of the root
    return candidate if candidate.is_file() else None


def mime_for(path: Path | PurePosixPath) -> str:
    suffix = path.suffix.lower()
    if suffix in _MIME:
        return _MIME[suffix]
    if suffix in ATTACHMENT_TYPES:
        return ATTACHMENT_TYPES[suffix]
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def asset_mime_for(path: Path | PurePosixPath) -> str:
    """The type a corpus file is served as: its own when inert (see `_ASSET_TYPES`), else plain text or bytes."""
    mime = mime_for(path)
    base = mime.split(";")[0].strip().lower()
    if base in _ASSET_TYPES:
        return mime
    if base.startswith("text/") or base.endswith(("+xml", "/xml")) or base in ("message/rfc822", "multipart/related"):
        return _INERT_TEXT
    return _INERT_BYTES


def opens_in_view(asset_path: str) -> bool:
    """Whether a link to this corpus file shows it in the view (an image, text); else it is an attachment."""
    return asset_mime_for(PurePosixPath(asset_path)).split(";")[0] in _VIEWABLE


def attachment_file(url: str, edition_root: Path) -> Served | None:
    """The file of the edition an asset URL names, with the type it is served as; None for anything else."""
    target = parse_reader_url(url)
    if target is None or target.kind != "asset":
        return None
    path = safe_join(Path(edition_root) / "assets", target.path)
    return Served(path, asset_mime_for(path)) if path else None


def resolve_url(url: str, edition_root: Path, resources_root: Path) -> Served | None:
    """The file that answers `url`, or None (the scheme handler then fails the request as not found)."""
    target = parse_reader_url(url)
    if target is None:
        return None
    if target.kind == "page":
        path = safe_join(edition_root / "pages", target.path + ".html")
    elif target.kind == "asset":
        path = safe_join(edition_root / "assets", target.path)
        return Served(path, asset_mime_for(path)) if path else None
    else:
        path = safe_join(resources_root, target.path)
    return Served(path, mime_for(path)) if path else None
