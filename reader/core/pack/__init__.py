"""Edition packs: one file (`*.rlpack`, a zip) that ships an edition, with the SHA-256 of every file in a manifest
and, optionally, an Ed25519 signature over that manifest. The format is described in `format.py`, the key files in
`keys.py`.

A pack is untrusted input: `verify_pack` and `extract_pack` refuse (PackRefused, with a code) a changed byte, a
file too many or too few, a bad signature, a path that escapes or that two systems would merge, links and
device entries, zip bombs, truncated or foreign files, and an edition this reader cannot open.

Public: `write_pack`, `verify_pack`, `extract_pack`, `generate_keypair`, `read_public_keys`, `load_public_key`,
`PackInfo`, `PackVerdict`, `PackLimits`, `PackError`, `PackRefused`, the format constants.
"""

from reader.core.pack.format import (
    DEFAULT_LIMITS,
    EDITION_PREFIX,
    MANIFEST_ENTRY,
    PACK_FORMAT,
    PACK_SUFFIX,
    PACK_VERSION,
    SIGNATURE_CONTEXT,
    SIGNATURE_ENTRY,
    SIGNATURE_FORMAT,
    STATUSES,
    PackError,
    PackInfo,
    PackLimits,
    PackRefused,
    PackVerdict,
    Status,
)
from reader.core.pack.keys import (
    PUBLIC_KEY_SUFFIX,
    PublicKey,
    fingerprint,
    generate_keypair,
    load_public_key,
    read_public_keys,
)
from reader.core.pack.verify import extract_pack, parse_manifest, verify_pack
from reader.core.pack.write import write_pack

__all__ = [
    "DEFAULT_LIMITS",
    "EDITION_PREFIX",
    "MANIFEST_ENTRY",
    "PACK_FORMAT",
    "PACK_SUFFIX",
    "PACK_VERSION",
    "PUBLIC_KEY_SUFFIX",
    "SIGNATURE_CONTEXT",
    "SIGNATURE_ENTRY",
    "SIGNATURE_FORMAT",
    "STATUSES",
    "PackError",
    "PackInfo",
    "PackLimits",
    "PackRefused",
    "PackVerdict",
    "PublicKey",
    "Status",
    "extract_pack",
    "fingerprint",
    "generate_keypair",
    "load_public_key",
    "parse_manifest",
    "read_public_keys",
    "verify_pack",
    "write_pack",
]
