"""Diff benchmark: `diff_editions` on the two NeRDS editions and on two generated 5,000-page editions with 5% of the
pages changed, against baselines in the same run: `diff -r` over the two sources' docs folders, and opening both
editions (the floor: the diff opens them too).

    .venv/bin/python tests/benchmarks/bench_diff.py [--pages 5000] [--changed 0.05] [--repeat 5] [--work DIR]
        [--out FILE]

The generated pair: gen_corpus.py's corpus, and a copy in which every 20th page (for 5%) has a known edit, in turn:
a sentence of a section reworded, a section added, the title changed, a section removed; and another 1% of the
pages only re-wrapped (the same words on other lines), which must not count; and two pages per thousand
moved (renamed, the nav following), removed and added. Both are built with the reader's
builder (not timed against the target; reported). `--work DIR` keeps the sources and editions there and reuses
them on the next run. Also reported once: an eager diff that reads and splits every page of both editions, which is
what the lazy path (section hashes first) saves. Prints one JSON object (and writes it to --out).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

from reader.core.diff import diff_editions, page_sections
from reader.core.edition import Edition, build_edition

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # gen_corpus lives next to this file

CORPORA = REPO.parent / "shared" / "corpora"
NERDS_OLD, NERDS_NEW = CORPORA / "nerds-2025-12", CORPORA / "nerds-2026-03"
ICONS = REPO / "resources" / "icons"
TARGET_NERDS_S = 1.0
TARGET_GENERATED_S = 20.0
EDIT_KINDS = ("reworded", "section-added", "title", "section-removed")


def median_s(fn: Callable[[], object], repeat: int) -> tuple[float, list[float]]:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs), runs


def diff_r(old_docs: Path, new_docs: Path) -> None:
    subprocess.run(["diff", "-r", "-q", str(old_docs), str(new_docs)], stdout=subprocess.DEVNULL, check=False)


def eager(old: Path, new: Path) -> int:
    """Read and split every page of both editions (what a diff without section hashes would have to do)."""
    count = 0
    for root in (old, new):
        edition = Edition.open(root)
        for page_id in edition.pages:
            count += len(page_sections(edition.page_file(page_id).read_text(encoding="utf-8")))
    return count


def measure(name: str, old_src: Path, new_src: Path, old_ed: Path, new_ed: Path, repeat: int,
            target: float) -> dict[str, Any]:
    diff_s, diff_runs = median_s(lambda: diff_editions(old_ed, new_ed), repeat)
    open_s, _ = median_s(lambda: (Edition.open(old_ed), Edition.open(new_ed)), repeat)
    diffr_s, _ = median_s(lambda: diff_r(old_src / "docs", new_src / "docs"), repeat)
    result = diff_editions(old_ed, new_ed)
    t = time.perf_counter()
    sections = eager(old_ed, new_ed)
    eager_s = time.perf_counter() - t
    return {
        "corpus": name,
        "pages_old": result.old.page_count, "pages_new": result.new.page_count,
        "counts": result.counts(),
        "diff_s": round(diff_s, 4), "diff_runs_s": [round(r, 4) for r in diff_runs],
        "baseline_open_both_s": round(open_s, 4),
        "baseline_diff_r_s": round(diffr_s, 4),
        "ratio_diff_to_open": round(diff_s / open_s, 2) if open_s else None,
        "ratio_diff_to_diff_r": round(diff_s / diffr_s, 2) if diffr_s else None,
        "eager_read_all_pages_s": round(eager_s, 3), "eager_sections": sections,
        "target_s": target, "met": diff_s < target,
    }


def edit_generated(old_src: Path, new_src: Path, share: float) -> dict[str, set[str]]:
    """Copy `old_src` to `new_src` with known edits; returns the page paths edited, by kind."""
    shutil.copytree(old_src, new_src)
    pages = sorted(p for p in (new_src / "docs").rglob("*.md") if p.parent.name != "action-registry")
    step = max(1, round(1 / share)) if share > 0 else 0
    kinds = EDIT_KINDS
    done: dict[str, set[str]] = {k: set() for k in kinds + ("rewrapped",)}
    for n, path in enumerate(pages):
        rel = path.relative_to(new_src / "docs").as_posix()
        text = path.read_text(encoding="utf-8")
        if step and n % step == 0:
            kind = kinds[(n // step) % len(kinds)]
            if kind == "reworded":
                head, sep, tail = text.partition("\n## ")
                para_end = tail.index("\n\n", tail.index("\n\n") + 2)
                tail = tail[:para_end] + " Deze zin is nieuw in de tweede editie." + tail[para_end:]
                text = head + sep + tail
            elif kind == "section-added":
                text += "\n## Nieuw in deze editie\n\nEen geheel nieuwe sectie met een paar woorden tekst.\n"
            elif kind == "title":
                text = text.replace('title: "', 'title: "Herzien: ', 1).replace("\n# ", "\n# Herzien: ", 1)
            else:  # the last ### subsection goes
                cut = text.rindex("\n### ")
                end = text.find("\n## ", cut + 1)
                text = text[:cut] + (text[end:] if end >= 0 else "\n")
            done[kind].add(rel)
        elif step and n % 100 == 7:
            # The first body paragraph re-wrapped: the same words, one per line.
            head, sep, tail = text.partition("\n\n# ")
            title_end = tail.index("\n\n") + 2
            para_end = tail.index("\n\n", title_end)
            tail = tail[:title_end] + "\n".join(tail[title_end:para_end].split(" ")) + tail[para_end:]
            text = head + sep + tail
            done["rewrapped"].add(rel)
        path.write_text(text, encoding="utf-8")
    # Pages moved (renamed in their folder, the nav following), removed (and out of the nav) and added (outside
    # it), a few per thousand, none of them an edited page.
    config = new_src / "mkdocs.yml"
    nav = config.read_text(encoding="utf-8")
    done |= {"moved": set(), "removed": set(), "added": set()}
    for n, path in enumerate(pages):
        rel = path.relative_to(new_src / "docs").as_posix()
        if n % 500 == 250 and rel.endswith(".md") and not rel.endswith("index.md"):
            target = rel[: -len(".md")] + "-verplaatst.md"
            path.rename(new_src / "docs" / target)
            nav = nav.replace(f": {rel}\n", f": {target}\n")
            done["moved"].add(rel)
        elif n % 500 == 310 and not rel.endswith("index.md"):
            path.unlink()
            nav = "\n".join(line for line in nav.split("\n") if not line.endswith(f": {rel}"))
            done["removed"].add(rel)
    config.write_text(nav, encoding="utf-8")
    for k in range(max(1, len(pages) // 500)):
        rel = f"richtlijnen/nieuw-{k:03d}.md"
        (new_src / "docs" / rel).write_text(
            f"---\ntitle: Nieuw {k}\nsummary: Een nieuwe pagina.\n---\n\n# Nieuw {k}\n\nNieuwe tekst {k}.\n"
            f"\n## Meer\n\nNog meer nieuwe tekst over pagina {k}.\n", encoding="utf-8")
        done["added"].add(rel)
    return done


def build(source: Path, out: Path) -> float:
    if (out / "manifest.json").is_file():
        return 0.0
    t = time.perf_counter()
    build_edition(source, out, icons_dir=ICONS)
    return time.perf_counter() - t


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--changed", type=float, default=0.05, help="share of generated pages edited")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--work", type=Path, help="keep (and reuse) sources and editions here")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()

    from gen_corpus import generate

    tmp = None
    if args.work is None:
        tmp = tempfile.TemporaryDirectory(prefix="bench-diff-")
        work = Path(tmp.name)
    else:
        work = args.work
        work.mkdir(parents=True, exist_ok=True)
    out: dict[str, Any] = {"benchmark": "diff", "repeat": args.repeat, "runs": []}
    try:
        if NERDS_OLD.is_dir() and NERDS_NEW.is_dir():
            built = {"old": build(NERDS_OLD, work / "nerds-old"), "new": build(NERDS_NEW, work / "nerds-new")}
            row = measure("nerds-2025-12 -> nerds-2026-03", NERDS_OLD, NERDS_NEW, work / "nerds-old",
                          work / "nerds-new", args.repeat, TARGET_NERDS_S)
            out["runs"].append(row | {"build_s": {k: round(v, 2) for k, v in built.items()}})
        tag = f"gen-{args.pages}-{args.changed}"
        old_src, new_src = work / f"{tag}-src-old", work / f"{tag}-src-new"
        edits_file = work / f"{tag}-edits.json"
        if not edits_file.is_file():
            for p in (old_src, new_src):
                shutil.rmtree(p, ignore_errors=True)
            generate(old_src, args.pages, seed=0)
            edits = edit_generated(old_src, new_src, args.changed)
            edits_file.write_text(json.dumps({k: sorted(v) for k, v in edits.items()}), encoding="utf-8")
        edits = {k: set(v) for k, v in json.loads(edits_file.read_text(encoding="utf-8")).items()}
        built = {"old": build(old_src, work / f"{tag}-ed-old"), "new": build(new_src, work / f"{tag}-ed-new")}
        row = measure(f"generated {args.pages} pages, {args.changed:.0%} edited", old_src, new_src,
                      work / f"{tag}-ed-old", work / f"{tag}-ed-new", args.repeat, TARGET_GENERATED_S)
        result = diff_editions(work / f"{tag}-ed-old", work / f"{tag}-ed-new")
        found = {c.new_path for c in result.changed}
        edited = set().union(*(v for k, v in edits.items() if k in EDIT_KINDS))
        row |= {
            "build_s": {k: round(v, 2) for k, v in built.items()},
            "edited_pages": {k: len(v) for k, v in edits.items()},
            "changed_found_equals_edited": found == edited,
            "moved_found_equals_moved": {m.old_path for m in result.moved} == edits.get("moved", set()),
            "removed_found_equals_removed": {p.path for p in result.removed} == edits.get("removed", set()),
            "added_found_equals_added": {p.path for p in result.added} == edits.get("added", set()),
            "rewrapped_reported": len(found & edits["rewrapped"]),
        }
        out["runs"].append(row)
    finally:
        if tmp is not None:
            tmp.cleanup()
    text = json.dumps(out, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
