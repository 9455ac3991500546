"""Which entry names a pack may hold: relative, `/`-separated paths that mean the same file on Linux, Windows and
macOS, and that no two of which land on the same file there.

Windows and macOS compare names case-insensitively and macOS also after Unicode normalisation, so `A.html` and
`a.html`, or `é` composed and decomposed, are one file there: such pairs are refused as duplicates. A name that is
a file and also a folder of another name cannot be unpacked either.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from reader.core.pack.format import PackRefused

MAX_NAME_BYTES = 1024
MAX_COMPONENT_BYTES = 255
_DRIVE = re.compile(r"^[A-Za-z]:")
# Characters Windows cannot store, control characters and lone surrogates (from undecodable bytes).
_BAD_CHARS = re.compile('[<>:"|?*\x00-\x1f\x7f\ud800-\udfff]')
# An empty or `.` component, or one that ends in a dot or space (Windows drops those: `a.` is `a`).
_BAD_COMPONENT = re.compile(r"(?:^|/)\.?(?:/|$)|[. ](?:/|$)")
# Windows device names, also with an extension (`nul.html` opens the device).
_RESERVED = re.compile(r"(?:^|/)(?:con|prn|aux|nul|conin\$|conout\$|com[1-9]|lpt[1-9]) *(?:\.|/|$)", re.IGNORECASE)


def shown(name: str) -> str:
    """`name` as a message may quote it: control characters escaped, at most 200 characters."""
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)
    return text if len(text) <= 200 else text[:199] + "…"


def check_name(name: str) -> None:
    """Refuse a name that is not a plain relative path (PackRefused with `name`): absolute, a drive letter, a
    backslash, `..`, an empty or `.` component, a character or device name Windows cannot store."""
    if "\\" in name:
        raise PackRefused("pack-path-backslash", name=shown(name))
    if name.startswith("/"):
        raise PackRefused("pack-path-absolute", name=shown(name))
    if _DRIVE.match(name):
        raise PackRefused("pack-path-drive", name=shown(name))
    if ".." in name and ".." in name.split("/"):
        raise PackRefused("pack-path-parent", name=shown(name))
    if (
        not name
        or len(name) > MAX_NAME_BYTES // 4 and len(name.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES
        or _BAD_CHARS.search(name)
        or _BAD_COMPONENT.search(name)
        or _RESERVED.search(name)
        or len(name) > MAX_COMPONENT_BYTES // 4
        and any(len(part.encode("utf-8", "surrogatepass")) > MAX_COMPONENT_BYTES for part in name.split("/"))
    ):
        raise PackRefused("pack-path-invalid", name=shown(name))


def name_key(name: str) -> str:
    """The form in which two names are the same file on some system we support."""
    return unicodedata.normalize("NFC", name).casefold()


def check_unique(names: Iterable[str]) -> None:
    """Refuse duplicates (also case-insensitive, after NFC) and a name that is also another name's folder."""
    files: dict[str, str] = {}
    folders: dict[str, str] = {}  # key -> the folder as first spelled
    for name in names:
        key = name_key(name)
        if key in files:
            raise PackRefused("pack-duplicate", name=shown(name), other=shown(files[key]))
        files[key] = name
        end = name.rfind("/")
        while end > 0:
            folder = name[:end]
            spelled = folders.setdefault(name_key(folder), folder)
            if spelled != folder:  # `Pages/` and `pages/`: one folder on some systems, two on others
                raise PackRefused("pack-duplicate", name=shown(folder), other=shown(spelled))
            if spelled is not folder:
                break  # seen before, and so were the folders above it
            end = name.rfind("/", 0, end)
    for key, name in files.items():
        if key in folders:
            raise PackRefused("pack-path-conflict", name=shown(name), other=shown(folders[key] + "/"))
