"""`richtlijnenlezer keygen --out KEY`: a new Ed25519 key pair to sign edition packs with (reader.core.pack)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("keygen", help="maak een sleutelpaar om editiepakketten mee te ondertekenen")
    p.add_argument("--out", type=Path, required=True,
                   help="de privésleutel die wordt gemaakt (alleen voor u leesbaar); de publieke sleutel komt in "
                        "KEY.pub")
    p.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    from reader.core.errors import ReaderError
    from reader.core.pack import generate_keypair, load_public_key
    from reader.messages import describe

    try:
        private, public = generate_keypair(args.out)
        fingerprint = load_public_key(public).fingerprint
    except ReaderError as exc:
        print(f"richtlijnenlezer keygen: {describe(exc)}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"private_key": str(private), "public_key": str(public), "fingerprint": fingerprint},
                         ensure_ascii=False))
        return 0
    print(f"Privésleutel: {private} (houd deze geheim; onderteken ermee met 'richtlijnenlezer pack --sign').")
    print(f"Publieke sleutel: {public} (vingerafdruk {fingerprint}).")
    print("Wie uw pakketten zonder vragen wil laten installeren, zet de publieke sleutel in de map met vertrouwde "
          "sleutels van de computer.")
    return 0
