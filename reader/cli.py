"""Command line entry point: `richtlijnenlezer [SUBCOMMAND] ...` (default subcommand: open)."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from reader import __version__
from reader.commands import COMMANDS
from reader.commands.common import CommandParser, add_verbose


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="richtlijnenlezer",
        description="Offline lezer voor richtlijnen van de Nederlandse overheid (NeRDS en andere MkDocs-corpora).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    add_verbose(parser, default=False)
    # Every subcommand and sub-action parser also takes -v/--verbose, so it may come after the subcommand too.
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=CommandParser)
    for name in COMMANDS:
        module = importlib.import_module(f"reader.commands.{name}")
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    # No subcommand (only options and maybe a page): `open` is the default.
    lead = 0
    while lead < len(argv) and argv[lead] in ("-v", "--verbose"):
        lead += 1
    rest = argv[lead:]
    if not rest or (rest[0] not in COMMANDS and rest[0] not in ("-h", "--help", "--version")):
        argv = argv[:lead] + ["open"] + rest
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    module = importlib.import_module(f"reader.commands.{args.command}")
    try:
        return int(module.run(args) or 0)
    except KeyboardInterrupt:
        return 130
