"""`richtlijnenlezer verify FILE [--trust PUBKEY ...] [--require-trusted] [--json]`: check every byte of an
edition pack and its signature without installing it. Exit 0 when the pack is intact (signed by a trusted key, by
an unknown key, or not signed: the output says which), 1 when it is refused (the reason is printed), 2 when a
--trust key cannot be used. The trusted keys are the `*.pub` files in the per-machine trusted-keys folder, or
those given with --trust."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help="controleer een editiepakket (.rlpack): bestanden en ondertekening")
    p.add_argument("pack", type=Path, help="het pakket")
    p.add_argument("--trust", type=Path, action="append", metavar="PUBKEY",
                   help="vertrouw (alleen) deze publieke sleutel(s) (standaard: de .pub-bestanden in de map met "
                        "vertrouwde sleutels van de computer); mag herhaald worden")
    p.add_argument("--require-trusted", action="store_true",
                   help="weiger ook een pakket dat niet door een vertrouwde sleutel is ondertekend")
    p.add_argument("--json", action="store_true", help="print one JSON object")


STATUS_TEXT = {
    "trusted": "ondertekend met een vertrouwde sleutel ({signer})",
    "unknown-signer": "ondertekend met een onbekende sleutel ({signer}); installeren vraagt om bevestiging",
    "unsigned": "niet ondertekend; installeren vraagt om bevestiging",
}


def run(args: argparse.Namespace) -> int:
    from reader.core.errors import ReaderError
    from reader.core.pack import PackRefused, load_public_key, verify_pack
    from reader.messages import describe

    if args.trust:
        try:
            for key in args.trust:
                load_public_key(key)
        except ReaderError as exc:
            print(f"richtlijnenlezer verify: {describe(exc)}", file=sys.stderr)
            return 2
        trusted = list(args.trust)
    else:
        from reader.library import trusted_keys

        trusted = trusted_keys()
    try:
        verdict = verify_pack(args.pack, trusted, require_trusted=args.require_trusted)
    except ReaderError as exc:
        message = describe(exc)
        if args.json:
            print(json.dumps({"ok": False, "code": exc.code, "message": message, "refused": isinstance(
                exc, PackRefused)}, ensure_ascii=False))
        print(f"richtlijnenlezer verify: geweigerd: {message}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"ok": True, **verdict.to_json()}, ensure_ascii=False))
        return 0
    print(f"In orde: {verdict.files} bestanden ({verdict.total_bytes / 1e6:.1f} MB) kloppen met het manifest.")
    print(f"Corpus {verdict.corpus_id} ({verdict.corpus_title}), editie van {verdict.edition_date}, "
          f"{verdict.page_count} pagina's.")
    print("Het pakket is " + STATUS_TEXT[verdict.status].format(signer=verdict.signer) + ".")
    return 0
