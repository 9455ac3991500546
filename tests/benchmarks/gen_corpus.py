"""Generate a large synthetic MkDocs guideline corpus shaped like NeRDS (for benchmarks).

    python tests/benchmarks/gen_corpus.py OUT_DIR --pages 10000 [--seed 0] [--glossary 100 [--no-append]]

or from Python: `generate(out_dir, pages, seed=0, glossary=0, append_glossary=True) -> Path`. With `glossary`, the
project has a glossary of that many abbreviations (`includes/afkortingen.md`, about 230 bytes each, as real
glossaries are) that `pymdownx.snippets` `auto_append`s to every page, and each page uses a few of them;
`append_glossary=False` gives the same pages without the glossary (the pair the build benchmark compares).

The text is Dutch-looking nonsense built from a fixed
word list (no corpus text is copied). Every page has front matter (title, summary, relations), `#`/`##`/`###`
headings (with some repeated titles, so `_1` anchors occur), relative links with and without anchors, admonitions,
collapsible blocks, task lists, a table, an abbreviation, and, on guideline index pages, action-card placeholders
matched by `docs/action-registry/actions.yaml`. The result imports with 0 errors and 0 warnings.
Deterministic for a given (pages, seed).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

WORDS = (
    "richtlijn overheid digitale systemen gebruiker dienst burger organisatie ontwerp ontwikkeling beheer "
    "toegankelijkheid privacy veiligheid samenwerking standaard open bron gegevens informatie architectuur "
    "proces team leverancier inkoop contract cloud opslag netwerk toepassing beleid afspraak verantwoording "
    "kwaliteit risico maatregel toetsing onderzoek behoefte ervaring ontwerpkeuze onderhoud levenscyclus "
    "duurzaamheid energie hergebruik koppeling interface register algoritme model transparantie uitleg "
    "bewaartermijn archief document publicatie toezicht wetgeving norm eis praktijk voorbeeld stap fase "
    "verkenning bouw productie beheerder ontwikkelaar projectleider ambtenaar gemeente provincie ministerie"
).split()
FILLER = "de het een en van in op voor met door bij naar om te is zijn wordt kan moet je we dat dit deze".split()
TOPICS = (
    "gebruikersbehoeften toegankelijkheid open-source open-standaarden cloud veiligheid privacy samenwerking "
    "integratie data algoritmen inkoop duurzaamheid"
).split()
FASES = ("verkenning", "ontwerp", "bouw", "productie")
SECTION_TITLES = ("Waarom is het belangrijk?", "Hoe pas je het toe?", "Bewezen praktijken", "Voorbeelden", "Meer weten")


def _sentence(rng: random.Random, n: int | None = None) -> str:
    n = n or rng.randint(8, 18)
    words = [rng.choice(WORDS) if rng.random() < 0.6 else rng.choice(FILLER) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random, sentences: int | None = None) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences or rng.randint(2, 5)))


def _title(rng: random.Random, words: int = 4) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def _layout(pages: int) -> list[str]:
    """Docs-relative paths: index.md, richtlijnen/index.md, then per topic folder an index.md plus pages."""
    paths = ["index.md", "richtlijnen/index.md"]
    remaining = max(0, pages - len(paths))
    topic_count = max(1, min(len(TOPICS) * 40, remaining // 12 or 1))
    topics = [TOPICS[i % len(TOPICS)] + ("" if i < len(TOPICS) else f"-{i // len(TOPICS)}") for i in range(topic_count)]
    i = 0
    while len(paths) < pages:
        topic = topics[i % topic_count]
        n = i // topic_count
        paths.append(f"richtlijnen/{topic}/index.md" if n == 0 else f"richtlijnen/{topic}/onderwerp-{n:04d}.md")
        i += 1
    return paths[:pages] if pages >= 1 else []


def _glossary_terms(count: int) -> list[tuple[str, str]]:
    """`count` abbreviations with long definitions, fixed for a given count (no random state used)."""
    terms = []
    for i in range(count):
        word = WORDS[i % len(WORDS)]
        key = f"{word[:3].upper()}{i:03d}"
        text = " ".join(WORDS[(i * 7 + k) % len(WORDS)] for k in range(24)).capitalize()
        terms.append((key, f"{text}, {word} en {WORDS[(i * 3) % len(WORDS)]}"))
    return terms


def _page(
    rng: random.Random, path: str, all_paths: list[str], titles: dict[str, str], anchors: dict[str, list[str]],
    glossary: list[tuple[str, str]] | None = None,
) -> str:
    import posixpath

    here = posixpath.dirname(path)
    topic = here.split("/")[-1] if here.startswith("richtlijnen/") else None
    others = [p for p in all_paths if p.startswith("richtlijnen/") and p.endswith("/index.md") and p != path]
    relations = []
    for other in rng.sample(others, k=min(len(others), rng.randint(0, 4))):
        relations.append(posixpath.dirname(other).split("/")[-1])
    title = titles[path]
    out = ["---", f'title: "{title}"', f"summary: {_sentence(rng, 12)}"]
    if relations:
        out.append("relations:")
        out.extend(f"  - {r}" for r in relations)
    out.append(f"tags: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]")
    out += ["---", "", f"# {title}", "", _paragraph(rng), ""]
    sections = list(SECTION_TITLES[: rng.randint(2, len(SECTION_TITLES))])
    for s_index, section in enumerate(sections):
        out += [f"## {section}", "", _paragraph(rng), ""]
        kind = (s_index + len(path)) % 5
        if kind == 0:
            out += ['!!! info "Doel"', f"    {_sentence(rng)}", ""]
        elif kind == 1:
            out += [
                '??? expander "Praktische tips"', "", f"    - {_sentence(rng, 6)}", f"    - {_sentence(rng, 7)}", ""
            ]
        elif kind == 2:
            out += ["**Gewenste uitkomsten:**", ""]
            out += [f"- [ ] {_sentence(rng, 8)}" for _ in range(rng.randint(2, 5))] + [""]
        elif kind == 3:
            out += ["| Fase | Uitkomst |", "| --- | --- |"]
            out += [f"| {rng.choice(FASES)} | {_sentence(rng, 5)} |" for _ in range(3)] + [""]
        else:
            out += ["```yaml", f"sleutel: {rng.choice(WORDS)}  # [geen link](nergens.md)", "```", ""]
        for sub in range(rng.randint(1, 3)):
            sub_title = f"{sub + 1}. {_title(rng, 2)}" if rng.random() < 0.7 else "Voorbeeld"
            out += [f"### {sub_title}", "", _paragraph(rng, 2), ""]
        # Links: a sibling page, a guideline index with an anchor, an in-page anchor.
        target = rng.choice(all_paths)
        rel = posixpath.relpath(target, here or ".")
        out.append(f"Zie ook [{titles[target]}]({rel}) en [dit onderdeel](#{anchors[path][0]}).")
        target2 = rng.choice(all_paths)
        if anchors[target2]:
            rel2 = posixpath.relpath(target2, here or ".")
            out.append(f"Lees [meer]({rel2}#{rng.choice(anchors[target2])}) of bekijk de [NeRDS-site](https://example.org/nerds/).")
        out.append("")
    if topic and path.endswith("index.md"):
        out += ['<div class="aan-de-slag">', "    <h3>Zo begin je</h3>",
                f'    <div class="action-cards" data-richtlijn="{topic}"></div>', "</div>", ""]
    out += ["Dit geldt voor elke API in de keten.", "", "*[API]: Application Programming Interface", ""]
    if glossary:
        start = sum(map(ord, path)) % len(glossary)  # a few terms per page, chosen by the path, not by `rng`
        used = [glossary[(start + k * 11) % len(glossary)][0] for k in range(4)]
        out += [f"Zie ook {used[0]} en {used[1]}, naast {used[2]} ({used[3]}).", ""]
    return "\n".join(out)


def generate(out_dir: Path, pages: int, seed: int = 0, glossary: int = 0, append_glossary: bool = True) -> Path:
    """Write a synthetic MkDocs project with `pages` pages into `out_dir` (replaced if it exists). Returns out_dir."""
    import posixpath

    out_dir = Path(out_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    docs = out_dir / "docs"
    docs.mkdir(parents=True)
    rng = random.Random(seed)
    paths = _layout(pages)
    titles: dict[str, str] = {}
    for path in paths:
        if path == "index.md":
            titles[path] = "Synthetische richtlijnen"
        elif path == "richtlijnen/index.md":
            titles[path] = "Richtlijnen"
        else:
            titles[path] = _title(rng, rng.randint(3, 6))
    # Anchors every page will have (its h1 plus the fixed section titles), known before any page is written.
    from reader.core.corpus import slugify_heading

    anchors = {p: [slugify_heading(titles[p])] + [slugify_heading(s) for s in SECTION_TITLES[:2]] for p in paths}
    terms = _glossary_terms(glossary)
    for path in paths:
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_page(rng, path, paths, titles, anchors, terms), encoding="utf-8")
    # Assets and the action registry.
    (docs / "afbeeldingen").mkdir()
    (docs / "afbeeldingen" / "schema.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', encoding="utf-8"
    )
    topics = sorted(
        {posixpath.dirname(p).split("/")[-1] for p in paths if p.startswith("richtlijnen/") and p.count("/") == 2}
    )
    registry = ["actions:"]
    for number, topic in enumerate(topics):
        for k in range(2):
            registry += [
                f"  - id: actie-{number}-{k}",
                f"    name: {_title(rng, 2)}",
                f"    source: https://example.org/acties/{number}/{k}",
                f'    description: "{_sentence(rng, 6)}"',
                f"    richtlijn: {topic}" if k == 0
                else f"    richtlijn: [{topic}, {topics[(number + 1) % len(topics)]}]",
                f"    fase: [{FASES[k % len(FASES)]}]",
                "    type: tool",
                "    action: Starten",
                "    status: beschikbaar",
            ]
    (docs / "action-registry").mkdir()
    (docs / "action-registry" / "actions.yaml").write_text("\n".join(registry) + "\n", encoding="utf-8")
    # mkdocs.yml with a nested nav: one section per topic (its index opens it); every 50th page is left out of the
    # nav, as real projects forget some, so the "not in nav" section is exercised too.
    nav = ["nav:", "  - Home: index.md", "  - Richtlijnen:", "      - richtlijnen/index.md"]
    by_topic: dict[str, list[str]] = {}
    for path in paths:
        if path.startswith("richtlijnen/") and path.count("/") == 2:
            by_topic.setdefault(posixpath.dirname(path), []).append(path)
    for topic_dir, members in by_topic.items():
        index = f"{topic_dir}/index.md"
        nav.append(f'      - "{titles.get(index, topic_dir)}":')
        for number, path in enumerate(members):
            if path == index:
                nav.append(f"          - {path}")
            elif number % 50 != 49:
                nav.append(f'          - "{titles[path]}": {path}')
    config = [
        "site_name: Synthetische richtlijnen",
        "docs_dir: docs",
        "theme:",
        "  name: material",
        "  language: nl",
        "  features:",
        "    - navigation.indexes",
        *nav,
        "markdown_extensions:",
        "  - toc:",
        "      toc_depth: 3",
        "  - tables",
        "  - abbr",
        "  - admonition",
        "  - footnotes",
        "  - attr_list",
        "  - md_in_html",
        "  - pymdownx.details",
        "  - pymdownx.tasklist:",
        "      custom_checkbox: true",
        "  - pymdownx.superfences:",
        "      custom_fences:",
        "        - format: !!python/name:pymdownx.superfences.fence_code_format  # the stock code fence",
        "          class: mermaid",
        "          name: mermaid",
        "  - pymdownx.tabbed:",
        "      alternate_style: true",
    ]
    if terms and append_glossary:
        (out_dir / "includes").mkdir()
        (out_dir / "includes" / "afkortingen.md").write_text(
            "".join(f"*[{key}]: {text}\n" for key, text in terms), encoding="utf-8"
        )
        config += ["  - pymdownx.snippets:", "      auto_append:", "        - includes/afkortingen.md"]
    (out_dir / "mkdocs.yml").write_text("\n".join(config) + "\n", encoding="utf-8")
    return out_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--glossary", type=int, default=0, help="abbreviations in an auto_appended glossary")
    parser.add_argument("--no-append", action="store_true", help="the same pages without the glossary file")
    args = parser.parse_args(argv)
    generate(args.out_dir, args.pages, args.seed, args.glossary, not args.no_append)
    print(args.out_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
