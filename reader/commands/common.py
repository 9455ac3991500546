"""Options a command accepts before or after its subcommand, action and positionals.

argparse parses a subcommand (and a sub-action such as `bookmarks add`) into a fresh namespace and then copies every
attribute of it over the namespace of the level above, defaults included. An option that is accepted at two levels
therefore has its real default only at the upper level and `default=argparse.SUPPRESS` at the lower one: given at the
lower level it wins, not given it leaves the upper level's value (or default) alone.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

VERBOSE_HELP = "log more detail to stderr"


def add_verbose(parser: argparse.ArgumentParser, default: Any = argparse.SUPPRESS) -> None:
    """`-v/--verbose`: the program's own option (default False) and, suppressed, every level below it."""
    parser.add_argument("-v", "--verbose", action="store_true", default=default, help=VERBOSE_HELP)


class CommandParser(argparse.ArgumentParser):
    """The parser of a subcommand or sub-action: it also takes the global `-v/--verbose`.

    `add_subparsers` hands its parser class down to nested subparsers, so every level gets the option.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_verbose(self)


def shared_options(add_options: Callable[[argparse.ArgumentParser, bool], None]) -> argparse.ArgumentParser:
    """A parent parser (`parents=[...]`) for the sub-actions of a command, with the options of the command itself.

    `add_options(parser, below)` adds the options: with their real defaults when `below` is False (the command calls
    it so on its own parser), with `argparse.SUPPRESS` as default when True (the parent returned here).
    """
    parent = argparse.ArgumentParser(add_help=False)
    add_options(parent, True)
    return parent
