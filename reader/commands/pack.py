"""`richtlijnenlezer pack EDITION --out FILE.rlpack [--sign KEY] [--json]`: one file that ships an edition, with
the SHA-256 of every file and, with a key, an Ed25519 signature (reader.core.pack)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("pack", help="verpak een editie in één bestand (.rlpack), desgewenst ondertekend")
    p.add_argument("edition", type=Path, help="de map van de editie (uitvoer van 'richtlijnenlezer build')")
    p.add_argument("--out", type=Path, required=True, help="het pakket dat wordt geschreven, bv. nerds.rlpack")
    p.add_argument("--sign", type=Path, metavar="KEY",
                   help="onderteken met deze privésleutel (van 'richtlijnenlezer keygen')")
    p.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    from reader.core.errors import ReaderError
    from reader.core.pack import write_pack
    from reader.messages import describe

    try:
        info = write_pack(args.edition, args.out, private_key=args.sign)
    except ReaderError as exc:
        print(f"richtlijnenlezer pack: {describe(exc)}", file=sys.stderr)
        print(f"richtlijnenlezer pack: er is niets geschreven ({args.out} is ongewijzigd).", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({
            "pack": str(info.path), "files": info.files, "total_bytes": info.total_bytes,
            "pack_bytes": info.pack_bytes, "signer": info.signer or None, "corpus_id": info.corpus_id,
            "edition_date": info.edition_date,
        }, ensure_ascii=False))
        return 0
    signed = f"ondertekend met {info.signer}" if info.signer else "niet ondertekend"
    print(f"{info.files} bestanden ({info.total_bytes / 1e6:.1f} MB) verpakt in {info.path} "
          f"({info.pack_bytes / 1e6:.1f} MB), {signed}.")
    print(f"Corpus {info.corpus_id}, editie van {info.edition_date}.")
    return 0
