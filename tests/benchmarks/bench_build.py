"""Benchmark `richtlijnenlezer build` against `mkdocs build` with Material, side by side; prints one JSON object.

    .venv/bin/python tests/benchmarks/bench_build.py [--runs 3] [--corpora ../shared/corpora] [--pages 250]
                                                     [--glossary 100] [--only NAME ...] [--mkdocs-venv DIR]

The baseline is MkDocs as a corpus's authors run it: `mkdocs build` with mkdocs-material and the corpus's plugins
that can be installed, in a throwaway virtual environment this benchmark creates in a temporary folder (MkDocs is
not a dependency of the reader; `--mkdocs-venv` reuses one to save the install). Each corpus is copied so that its
mkdocs.yml can be adapted where MkDocs could not build it here at all, and the JSON says what was taken out:
plugins that need a git checkout or the network (git-committers, git-revision-date-localized, privacy, social) or
that could not be installed, hooks and a theme `custom_dir` whose files are not in the snapshot. The reader builds
the original source with `--keep-going`.

Both sides run as subprocesses timed from spawn to exit on the same clock, alternating run by run, on every corpus
in --corpora and on two generated corpora (tests/benchmarks/gen_corpus.py): --pages pages that auto_append a
glossary of --glossary abbreviations, and the same pages without it. Reported: the median of --runs runs per
side, `speedup` = mkdocs / reader, and `glossary.ratio` = reader time with the glossary / without it.
Targets (issue 12): the reader at least 5x faster than mkdocs on each corpus; the glossary ratio at most 1.3.
Not part of the test suite (it installs packages and takes minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CORPORA = REPO.parent / "shared" / "corpora"
sys.path.insert(0, str(HERE))  # gen_corpus lives next to this file

TARGET_SPEEDUP = 5.0
TARGET_GLOSSARY_RATIO = 1.3
# Plugins outside mkdocs-material, by the name mkdocs.yml gives them.
PLUGIN_PACKAGES = {
    "awesome-pages": "mkdocs-awesome-pages-plugin",
    "glightbox": "mkdocs-glightbox",
    "minify": "mkdocs-minify-plugin",
    "mike": "mike",
    "macros": "mkdocs-macros-plugin",
    "redirects": "mkdocs-redirects",
    "static-i18n": "mkdocs-static-i18n",
    "i18n": "mkdocs-static-i18n",
    "include-markdown": "mkdocs-include-markdown-plugin",
    "mermaid2": "mkdocs-mermaid2-plugin",
    "section-index": "mkdocs-section-index",
    "literate-nav": "mkdocs-literate-nav",
    "autorefs": "mkdocs-autorefs",
    "table-reader": "mkdocs-table-reader-plugin",
}
BUILT_IN = {"search", "blog", "tags", "offline", "meta", "info", "group", "optimize", "typeset", "projects"}
# These cannot work here: they read the git history of a checkout or fetch from the network.
UNUSABLE = {
    "git-committers": "needs the git history and the GitHub API",
    "git-revision-date-localized": "needs the git history of a checkout",
    "git-authors": "needs the git history of a checkout",
    "privacy": "downloads external assets",
    "social": "downloads fonts and needs Cairo",
}
_PLUGIN_ENTRY = re.compile(r"^(?P<indent>\s*)-\s*(?:material/)?(?P<name>[\w.-]+)\s*:?\s*(?:#.*)?$")


def median_run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, str]:
    """Seconds from spawn to exit, and the tail of its output when it failed ('' when it succeeded)."""
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=1800)
    seconds = time.perf_counter() - start
    return seconds, "" if result.returncode == 0 else (result.stderr or result.stdout)[-1500:]


def plugin_names(config_text: str) -> list[str]:
    block = _block(config_text.splitlines(), "plugins")
    if block is None:
        return []
    lines = config_text.splitlines()[block[0] + 1 : block[1]]
    entry_indent = min((len(line) - len(line.lstrip()) for line in lines if line.strip().startswith("-")), default=0)
    names = []
    for line in lines:
        match = _PLUGIN_ENTRY.match(line)
        if match and len(match.group("indent")) == entry_indent:
            names.append(match.group("name"))
    return names


def _block(lines: list[str], key: str) -> tuple[int, int] | None:
    """(line of `key:`, line after its block) for a top-level key."""
    start = next((i for i, line in enumerate(lines) if re.match(rf"^{key}\s*:", line)), None)
    if start is None:
        return None
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t-#"):
        end += 1
    return start, end


def _drop_entries(lines: list[str], key: str, drop: set[str], name_of: Any) -> list[str]:
    """`lines` without the list entries (and their option lines) of top-level `key` for which name_of(entry) is in
    `drop`; the key itself goes when no entry is left."""
    block = _block(lines, key)
    if block is None:
        return lines
    start, end = block
    body = lines[start + 1 : end]
    kept: list[str] = []
    skipping_indent: int | None = None
    for line in body:
        indent = len(line) - len(line.lstrip())
        if skipping_indent is not None and (not line.strip() or indent > skipping_indent):
            continue
        skipping_indent = None
        if line.lstrip().startswith("-") and name_of(line) in drop:
            skipping_indent = indent
            continue
        kept.append(line)
    if not any(line.lstrip().startswith("-") for line in kept):
        return lines[:start] + lines[end:]
    return lines[: start + 1] + kept + lines[end:]


def prepare_mkdocs_copy(source: Path, dest: Path, installed: set[str], theme_templates: Path) -> list[str]:
    """Copy `source` to `dest` and adapt its mkdocs.yml where MkDocs cannot build it here; what was changed."""
    shutil.copytree(source, dest, symlinks=True)
    config_path = dest / "mkdocs.yml"
    text = config_path.read_text(encoding="utf-8")
    lines = text.splitlines()
    changes: list[str] = []
    drop: set[str] = set()
    for name in plugin_names(text):
        if name in UNUSABLE:
            drop.add(name)
            changes.append(f"plugin {name} stripped: {UNUSABLE[name]}")
        elif name not in BUILT_IN and PLUGIN_PACKAGES.get(name) not in installed:
            drop.add(name)
            changes.append(f"plugin {name} stripped: no installable package known or the install failed")

    def plugin_name(line: str) -> str:
        match = _PLUGIN_ENTRY.match(line)
        return match.group("name") if match else ""

    lines = _drop_entries(lines, "plugins", drop, plugin_name)
    missing_hooks = set()
    hooks = _block(lines, "hooks")
    if hooks is not None:
        for line in lines[hooks[0] + 1 : hooks[1]]:
            hook = line.strip().lstrip("-").strip() if line.strip().startswith("-") else ""
            if hook and not (dest / hook).is_file():
                missing_hooks.add(hook)
                changes.append(f"hook {hook} stripped: not in the snapshot")
    lines = _drop_entries(lines, "hooks", missing_hooks, lambda line: line.strip().lstrip("-").strip())
    for line in lines:
        match = re.match(r"^\s+custom_dir\s*:\s*['\"]?([^'\"#]+?)['\"]?\s*(?:#.*)?$", line)
        if not match:
            continue
        overrides = dest / match.group(1)
        if not overrides.is_dir():
            overrides.mkdir(parents=True)
            changes.append(f"theme custom_dir {match.group(1)} is not in the snapshot: created empty")
        # Page templates named in front matter (`template: home.html`) that neither the snapshot nor Material has:
        # stand-ins that extend main.html keep MkDocs building (the page's own content is rendered as usual).
        templates = sorted({
            m.group(1) for page in dest.rglob("*.md")
            for m in [re.search(r"^template:\s*['\"]?([\w./-]+\.html)", _head(page), re.MULTILINE)] if m
        })
        missing = [t for t in templates if not (overrides / t).exists() and not (theme_templates / t).exists()]
        for template in missing:
            (overrides / template).parent.mkdir(parents=True, exist_ok=True)
            (overrides / template).write_text('{% extends "main.html" %}\n', encoding="utf-8")
        if missing:
            changes.append(f"templates {', '.join(missing)} are not in the snapshot: stand-ins extending main.html")
    config_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changes


def _head(page: Path) -> str:
    try:
        return page.read_text(encoding="utf-8", errors="replace")[:4000]
    except OSError:
        return ""


def strip_hooks(config_path: Path) -> list[str]:
    """Take every hook out of mkdocs.yml (after a build failed with them); what was taken out."""
    lines = config_path.read_text(encoding="utf-8").splitlines()
    block = _block(lines, "hooks")
    if block is None:
        return []
    body = lines[block[0] + 1 : block[1]]
    hooks = [line.strip().lstrip("-").strip() for line in body if line.strip().startswith("-")]
    config_path.write_text("\n".join(lines[: block[0]] + lines[block[1] :]) + "\n", encoding="utf-8")
    return hooks


def make_mkdocs_venv(where: Path, packages: list[str]) -> tuple[Path, set[str], dict[str, str]]:
    """A virtual environment with mkdocs-material and as many of `packages` as install; (mkdocs, installed,
    versions)."""
    if not (where / "bin" / "mkdocs").exists():
        subprocess.run([sys.executable, "-m", "venv", str(where)], check=True)
    pip = [str(where / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "mkdocs-material"], check=True, capture_output=True, timeout=900)
    installed = {"mkdocs-material"}
    if subprocess.run([*pip, *packages], capture_output=True, timeout=900).returncode == 0:
        installed.update(packages)
    else:
        for package in packages:
            if subprocess.run([*pip, package], capture_output=True, timeout=900).returncode == 0:
                installed.add(package)
    freeze = subprocess.run([str(where / "bin" / "python"), "-m", "pip", "freeze"], capture_output=True, text=True)
    versions = dict(
        line.split("==", 1) for line in freeze.stdout.splitlines()
        if "==" in line and line.split("==", 1)[0].lower() in {p.lower() for p in installed | {"mkdocs"}}
    )
    return where / "bin" / "mkdocs", installed, versions


def bench_corpus(
    name: str, source: Path, work: Path, mkdocs: Path, installed: set[str], runs: int
) -> dict[str, Any]:
    copy = work / "mkdocs-src" / name
    theme_templates = next(mkdocs.parent.parent.glob("lib/python*/site-packages/material/templates"), Path())
    changes = prepare_mkdocs_copy(source, copy, installed, theme_templates)
    site = work / "site" / name
    edition = work / "edition" / name
    mkdocs_cmd = [str(mkdocs), "build", "-q", "-f", str(copy / "mkdocs.yml"), "-d", str(site)]
    reader_cmd = [sys.executable, "-m", "reader", "build", str(source), "--out", str(edition), "--keep-going"]
    # Bytecode caching as a user has it: an environment that forbids writing .pyc files (as some sandboxes and CI
    # set) would make the reader, run from its source tree, compile every module on every run, while MkDocs' files
    # were compiled when pip installed them.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    mkdocs_times: list[float] = []
    reader_times: list[float] = []
    failures: dict[str, str] = {}
    # One untimed run of each side first: it finds out whether MkDocs builds at all, and warms the disk cache
    # for both alike.
    _, error = median_run(mkdocs_cmd, copy, env)
    if error:
        hooks = strip_hooks(copy / "mkdocs.yml")
        if hooks:
            last = error.strip().splitlines()[-1] if error.strip() else ""
            changes.append(f"hooks {', '.join(hooks)} stripped: the build failed with them ({last})")
    median_run(reader_cmd, REPO, env)
    for _ in range(runs):  # alternating, so drifting machine load touches both sides alike
        seconds, error = median_run(mkdocs_cmd, copy, env)
        if error:
            failures["mkdocs"] = error
        else:
            mkdocs_times.append(seconds)
        seconds, error = median_run(reader_cmd, REPO, env)
        if error:
            failures["reader"] = error
        else:
            reader_times.append(seconds)
    mkdocs_s = statistics.median(mkdocs_times) if mkdocs_times else None
    reader_s = statistics.median(reader_times) if reader_times else None
    speedup = round(mkdocs_s / reader_s, 2) if mkdocs_s and reader_s else None
    pages = None
    manifest = edition / "manifest.json"
    if manifest.exists():
        pages = json.loads(manifest.read_text(encoding="utf-8")).get("page_count")
    return {
        "pages": pages,
        "mkdocs_s": round(mkdocs_s, 3) if mkdocs_s else None,
        "reader_s": round(reader_s, 3) if reader_s else None,
        "mkdocs_runs": [round(t, 3) for t in mkdocs_times],
        "reader_runs": [round(t, 3) for t in reader_times],
        "speedup": speedup,
        "target_speedup": TARGET_SPEEDUP,
        "met": speedup is not None and speedup >= TARGET_SPEEDUP,
        "mkdocs_config_changes": changes,
        **({"failures": failures} if failures else {}),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--pages", type=int, default=250)
    parser.add_argument("--glossary", type=int, default=100)
    parser.add_argument("--only", nargs="*", help="corpus names to run (generated: glossary, no-glossary)")
    parser.add_argument("--mkdocs-venv", type=Path, help="reuse (or create) the MkDocs environment here")
    args = parser.parse_args()

    from gen_corpus import generate

    corpora = sorted(p for p in args.corpora.iterdir() if (p / "mkdocs.yml").exists()) if args.corpora.is_dir() else []
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        work = Path(tmp)
        sources = {p.name: p for p in corpora}
        sources["glossary"] = generate(work / "gen" / "glossary", args.pages, seed=0, glossary=args.glossary)
        sources["no-glossary"] = generate(
            work / "gen" / "no-glossary", args.pages, seed=0, glossary=args.glossary, append_glossary=False
        )
        if args.only:
            sources = {k: v for k, v in sources.items() if k in args.only}
        wanted = sorted({
            PLUGIN_PACKAGES[name] for source in sources.values()
            for name in plugin_names((source / "mkdocs.yml").read_text(encoding="utf-8"))
            if name in PLUGIN_PACKAGES and name not in UNUSABLE
        })
        started = time.perf_counter()
        mkdocs, installed, versions = make_mkdocs_venv(args.mkdocs_venv or work / "mkdocs-venv", wanted)
        install_s = time.perf_counter() - started
        results = {name: bench_corpus(name, source, work, mkdocs, installed, args.runs)
                   for name, source in sources.items()}
    glossary: dict[str, Any] = {}
    with_g, without_g = results.get("glossary", {}), results.get("no-glossary", {})
    if with_g.get("reader_s") and without_g.get("reader_s"):
        ratio = with_g["reader_s"] / without_g["reader_s"]
        glossary = {
            "abbreviations": args.glossary, "pages": args.pages,
            "reader_with_s": with_g["reader_s"], "reader_without_s": without_g["reader_s"],
            "ratio": round(ratio, 3), "target_ratio": TARGET_GLOSSARY_RATIO, "met": ratio <= TARGET_GLOSSARY_RATIO,
            "mkdocs_with_s": with_g.get("mkdocs_s"), "mkdocs_without_s": without_g.get("mkdocs_s"),
        }
    print(json.dumps({
        "runs": args.runs,
        "load_average": os.getloadavg(),
        "mkdocs_environment": {"packages": versions, "install_s": round(install_s, 1),
                               "not_installed": sorted(set(wanted) - installed)},
        "corpora": results,
        "glossary": glossary,
        "all_met": all(r["met"] for r in results.values()) and bool(glossary.get("met")),
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
