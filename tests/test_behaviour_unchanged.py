"""The reader shows what it showed before a refactoring: every smoke-tested page of both NeRDS editions and the
search answers to a fixed query list match the golden fingerprints (see tests/behaviour_snapshot.py)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SPEC = importlib.util.spec_from_file_location("behaviour_snapshot", HERE / "behaviour_snapshot.py")
assert SPEC and SPEC.loader
snapshot = importlib.util.module_from_spec(SPEC)
sys.modules["behaviour_snapshot"] = snapshot
SPEC.loader.exec_module(snapshot)

pytestmark = [pytest.mark.slow, pytest.mark.gui]


@pytest.mark.skipif(
    not all((snapshot.SHARED / name).is_dir() for name in snapshot.EDITIONS), reason="NeRDS corpora not present"
)
def test_smoke_and_search_output_match_the_golden_fingerprints(tmp_path: Path) -> None:
    records = snapshot.collect(tmp_path)
    golden = json.loads(snapshot.GOLDEN.read_text(encoding="utf-8"))
    differing = snapshot.compare(snapshot.fingerprints(records), golden)
    shown = {key: records.get(key, "(missing)") for key in differing[:3]}
    assert not differing, f"{len(differing)} records differ, e.g. {json.dumps(shown, ensure_ascii=False)[:3000]}"


def test_compare_names_changed_added_and_missing_records() -> None:
    golden = {"a": "1", "b": "2", "c": "3"}
    current = {"a": "1", "b": "x", "d": "4"}
    assert snapshot.compare(current, golden) == ["b", "c", "d"]
