"""Subcommands of `richtlijnenlezer`. Each module has `add_parser(subparsers)` and `run(args) -> int`.

Modules of commands that need no window never import PySide6 (checked by a test).
"""

COMMANDS = (
    "open", "build", "check", "search", "bookmarks", "diff", "library", "install", "remove", "pack", "keygen", "verify",
)
