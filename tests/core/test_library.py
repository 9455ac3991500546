"""The library: editions grouped by corpus, newest read; install and remove leave the old state or the new one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.edition import build_edition
from reader.core.library import (
    BUNDLED,
    EDITION,
    MACHINE,
    MKDOCS,
    USER,
    Library,
    LibraryError,
    LibraryFolder,
    clean_leftovers,
    install,
    remove,
    source_kind,
)


def make_source(root: Path, *, corpus_id: str = "gids", title: str = "Gids", pages: int = 3, text: str = "") -> Path:
    """A small MkDocs corpus: `pages` pages, the id pinned in mkdocs.yml."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(
        f"site_name: {title}\nextra:\n  richtlijnenlezer:\n    corpus_id: {corpus_id}\n", encoding="utf-8"
    )
    for n in range(pages):
        name = "index.md" if n == 0 else f"pagina-{n}.md"
        (root / "docs" / name).write_text(f"# Pagina {n}\n\nTekst over archivering {n}. {text}\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Built editions: gids of two dates, and another corpus."""
    base = tmp_path_factory.mktemp("library-editions")
    out = {}
    for name, corpus_id, date, text in [
        ("gids-old", "gids", "2025-12-02", "oud"),
        ("gids-new", "gids", "2026-03-04", "nieuw"),
        ("ander", "ander", "2026-01-01", ""),
    ]:
        src = make_source(base / f"src-{name}", corpus_id=corpus_id, title=corpus_id.title(), text=text)
        build_edition(src, base / name, edition_date=date)
        out[name] = base / name
    return out


def library_in(tmp_path: Path, bundled: Path | None = None) -> Library:
    folders = [LibraryFolder(bundled, BUNDLED)] if bundled else []
    folders += [LibraryFolder(tmp_path / "user", USER), LibraryFolder(tmp_path / "machine", MACHINE)]
    return Library(folders)


def state(library: Library) -> dict[str, list[str]]:
    return {shelf.corpus_id: [e.key for e in shelf.editions] for shelf in library.corpora()}


def test_editions_group_by_corpus_newest_first(tmp_path: Path, editions: dict[str, Path]) -> None:
    library = library_in(tmp_path, bundled=editions["gids-old"])
    install(library, editions["gids-new"], kind=MACHINE)
    install(library, editions["ander"])
    shelves = {s.corpus_id: s for s in library.corpora()}
    assert sorted(shelves) == ["ander", "gids"]
    gids = shelves["gids"]
    assert [e.edition_date for e in gids.editions] == ["2026-03-04", "2025-12-02"]
    assert gids.current.folder.kind == MACHINE and gids.editions[1].folder.kind == BUNDLED
    assert not gids.editions[1].removable and gids.current.removable
    assert gids.current.path == tmp_path / "machine" / "gids" / gids.current.key
    assert gids.edition("2025-12-02") is gids.editions[1]
    assert gids.current.size_bytes() > 0 and gids.current.page_count == 3


def test_listing_skips_copies_in_progress_and_broken_editions(
    tmp_path: Path, editions: dict[str, Path], caplog: pytest.LogCaptureFixture
) -> None:
    user = tmp_path / "user"
    shutil.copytree(editions["gids-old"], user / "dropped-in")  # the one-level layout administrators used
    shutil.copytree(editions["ander"], user / "ander" / "x.part")  # being copied
    shutil.copytree(editions["ander"], user / ".hidden")
    broken = user / "kapot" / "e1"
    shutil.copytree(editions["gids-new"], broken)
    (broken / "manifest.json").write_text("{", encoding="utf-8")
    assert state(library_in(tmp_path)) == {"gids": [json_key(editions["gids-old"])]}
    assert "kapot" in caplog.text


def json_key(edition: Path) -> str:
    manifest = json.loads((edition / "manifest.json").read_text(encoding="utf-8"))
    return f"{manifest['edition_date']}-{manifest['content_hash'][:12]}"


def test_install_an_mkdocs_folder_builds_it(tmp_path: Path) -> None:
    library = library_in(tmp_path)
    src = make_source(tmp_path / "src", corpus_id="nieuw", pages=4)
    calls: list[tuple[int, int, str]] = []
    report = install(library, src, progress=lambda d, t, c: calls.append((d, t, c)), edition_date="2026-05-01")
    assert report.kind == MKDOCS and not report.already_installed
    assert state(library) == {"nieuw": [report.edition.key]}
    assert calls[-1] == (4, 4, "")  # the build's last progress call
    # Nothing is left in the library folder but the corpus folder.
    assert [p.name for p in (tmp_path / "user").iterdir()] == ["nieuw"]
    again = install(library, src, edition_date="2026-05-01")
    assert again.already_installed and state(library) == {"nieuw": [report.edition.key]}


def test_install_refuses_unknown_sources_and_changes_nothing(tmp_path: Path, editions: dict[str, Path]) -> None:
    library = library_in(tmp_path)
    install(library, editions["ander"])
    before = state(library)
    (tmp_path / "notes.txt").write_text("geen pakket", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    for source, code in [
        (tmp_path / "absent", "library-source-missing"),
        (tmp_path / "notes.txt", "library-source-unknown"),
        (tmp_path / "empty", "library-source-unknown"),
    ]:
        with pytest.raises(LibraryError) as caught:
            install(library, source)
        assert caught.value.code == code
    broken = tmp_path / "broken-edition"
    shutil.copytree(editions["gids-new"], broken)
    shutil.rmtree(broken / "pages")
    with pytest.raises(LibraryError) as caught:
        install(library, broken)
    assert caught.value.code == "edition-no-pages"
    assert state(library) == before
    assert not [p for p in (tmp_path / "user").iterdir() if p.name.startswith(".")]


def test_install_into_an_unusable_folder_says_so(tmp_path: Path, editions: dict[str, Path]) -> None:
    (tmp_path / "user").write_text("a file where the library folder should be", encoding="utf-8")
    with pytest.raises(LibraryError) as caught:
        install(library_in(tmp_path), editions["ander"])
    assert caught.value.code == "library-not-writable"
    assert caught.value.params["folder"] == str(tmp_path / "user")


def test_source_kinds(tmp_path: Path, editions: dict[str, Path]) -> None:
    assert source_kind(editions["ander"]) == EDITION
    assert source_kind(make_source(tmp_path / "s")) == MKDOCS
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "a.md").write_text("# A\n", encoding="utf-8")
    assert source_kind(plain) == MKDOCS


def test_remove_one_edition_then_the_corpus(tmp_path: Path, editions: dict[str, Path]) -> None:
    library = library_in(tmp_path)
    old = install(library, editions["gids-old"]).edition
    new = install(library, editions["gids-new"]).edition
    install(library, editions["ander"])
    removed = remove(library, "gids", "2025-12-02")
    assert [e.key for e in removed] == [old.key] and not old.path.exists()
    assert state(library)["gids"] == [new.key]
    remove(library, "gids")
    assert "gids" not in state(library) and not (tmp_path / "user" / "gids").exists()
    with pytest.raises(LibraryError) as caught:
        remove(library, "gids")
    assert caught.value.code == "library-no-corpus"
    with pytest.raises(LibraryError) as caught:
        remove(library, "ander", "1999-01-01")
    assert caught.value.code == "library-no-edition"


def test_the_bundled_edition_cannot_be_removed(tmp_path: Path, editions: dict[str, Path]) -> None:
    library = library_in(tmp_path, bundled=editions["gids-old"])
    with pytest.raises(LibraryError) as caught:
        remove(library, "gids")
    assert caught.value.code == "library-remove-bundled"
    install(library, editions["gids-new"])
    assert [e.edition_date for e in remove(library, "gids")] == ["2026-03-04"]  # the bundled one stays
    assert editions["gids-old"].is_dir() and state(library) == {"gids": [json_key(editions["gids-old"])]}


def test_leftovers_of_killed_processes_are_cleaned_up(tmp_path: Path) -> None:
    folder = tmp_path / "user"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = folder / f".staging-{dead.stdout.strip()}-abc"
    live = folder / f".staging-{os.getpid()}-def"
    removing = folder / ".removing-gids-x-1"
    for path in (stale, live, removing):
        (path / "edition").mkdir(parents=True)
    assert sorted(p.name for p in clean_leftovers(folder)) == sorted([stale.name, removing.name])
    assert live.exists() and not stale.exists() and not removing.exists()


def run_cli(*args: str, env_dir: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {
        "RICHTLIJNENLEZER_USER_EDITIONS": str(env_dir / "user"),
        "RICHTLIJNENLEZER_MACHINE_DIR": str(env_dir / "machine"),
    }
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_cli_install_library_remove(tmp_path: Path, editions: dict[str, Path]) -> None:
    done = run_cli("install", str(editions["gids-new"]), "--machine", "--json", env_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert (summary["corpus_id"], summary["edition_date"], summary["source"]) == ("gids", "2026-03-04", "edition")
    assert Path(summary["path"]).is_relative_to(tmp_path / "machine" / "editions")
    listing = json.loads(run_cli("library", "--json", env_dir=tmp_path).stdout)
    shelves = {c["corpus_id"]: c for c in listing["corpora"]}
    assert shelves["gids"]["editions"][0]["folder"] == "machine"
    assert "richtlijnenlezer-handleiding" in shelves  # the bundled corpus is always there
    human = run_cli("library", env_dir=tmp_path).stdout
    assert "[gids]" in human and "2026-03-04" in human and "deze computer" in human
    gone = run_cli("remove", "gids", env_dir=tmp_path)
    assert gone.returncode == 0 and "Verwijderd" in gone.stdout
    refused = run_cli("remove", "gids", env_dir=tmp_path)
    assert refused.returncode == 1 and "geen richtlijnen met id gids" in refused.stderr
    missing = run_cli("install", str(tmp_path / "nergens"), env_dir=tmp_path)
    assert missing.returncode == 1 and "bestaat niet" in missing.stderr and "niets geïnstalleerd" in missing.stderr


def test_cli_progress_json_for_the_window(tmp_path: Path) -> None:
    src = make_source(tmp_path / "src", corpus_id="voortgang", pages=5)
    done = run_cli("install", str(src), "--progress-json", env_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    events = [json.loads(line) for line in done.stdout.splitlines()]
    progress = [e for e in events if e["event"] == "progress"]
    assert {e["phase"] for e in progress} == {"read", "write"}
    assert all(e["total"] == 5 for e in progress)
    assert events[-1]["event"] == "done" and events[-1]["corpus_id"] == "voortgang"
    failed = run_cli("install", str(tmp_path / "nergens"), "--progress-json", env_dir=tmp_path)
    last = json.loads(failed.stdout.splitlines()[-1])
    assert failed.returncode == 1 and last["event"] == "error" and last["code"] == "library-source-missing"


def test_the_reader_opens_the_newest_installed_edition_of_the_bundled_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader import paths
    from reader.editions import default_edition

    monkeypatch.setenv("RICHTLIJNENLEZER_USER_EDITIONS", str(tmp_path / "user"))
    bundled = default_edition()
    library = library_in(tmp_path, bundled=bundled)
    install(library, paths.content_dir(), edition_date="2000-01-01")  # older: the bundled one stays
    assert default_edition() == bundled
    newer = install(library, paths.content_dir(), edition_date="2099-01-01").edition
    assert default_edition() == newer.path
    install(library, make_source(tmp_path / "other", corpus_id="ander"), edition_date="2099-12-31")
    assert default_edition() == newer.path  # another corpus never replaces the bundled one


def test_cli_remove_keeps_bookmarks_unless_forget(tmp_path: Path, editions: dict[str, Path]) -> None:
    from reader.core.userdata import UserData

    profile = tmp_path / "profile"
    store = UserData.open(profile, corpus_id="gids")
    store.add_bookmark("index", title="Pagina 0")
    store.close()

    def bookmarks() -> int:
        store = UserData.open(profile, corpus_id="gids")
        try:
            return len(store.bookmarks())
        finally:
            store.close()

    assert run_cli("install", str(editions["gids-new"]), env_dir=tmp_path).returncode == 0
    kept = run_cli("remove", "gids", "--profile", str(profile), env_dir=tmp_path)
    assert kept.returncode == 0 and "blijven bewaard" in kept.stdout and bookmarks() == 1
    assert run_cli("remove", "gids", "--edition", "2026-03-04", "--forget", env_dir=tmp_path).returncode == 2
    assert run_cli("install", str(editions["gids-new"]), env_dir=tmp_path).returncode == 0
    gone = run_cli("remove", "gids", "--forget", "--profile", str(profile), "--json", env_dir=tmp_path)
    assert gone.returncode == 0, gone.stderr
    assert json.loads(gone.stdout)["forgotten"]["bookmarks"] == 1 and bookmarks() == 0


def test_install_packs_trusted_unsigned_and_tampered(tmp_path: Path, editions: dict[str, Path]) -> None:
    from reader.core.pack import PackRefused, PackVerdict, generate_keypair, write_pack

    private, public = generate_keypair(tmp_path / "uitgever")
    signed = write_pack(editions["gids-new"], tmp_path / "signed.rlpack", private_key=private).path
    unsigned = write_pack(editions["ander"], tmp_path / "unsigned.rlpack").path
    library = library_in(tmp_path)
    asked: list[str] = []

    def decline(verdict: PackVerdict) -> bool:
        asked.append(verdict.status)
        return False

    report = install(library, signed, trusted_keys=[public], confirm=decline)
    assert report.kind == "pack" and report.verdict.status == "trusted" and asked == []
    with pytest.raises(LibraryError) as caught:
        install(library, unsigned, trusted_keys=[public], confirm=decline)
    assert caught.value.code == "library-install-declined" and asked == ["unsigned"]
    assert sorted(state(library)) == ["gids"]
    # Signed, but by a key this machine does not trust: asked too; installed when the user agrees.
    report = install(library, signed, confirm=lambda verdict: True)
    assert report.verdict.status == "unknown-signer" and report.already_installed
    tampered = tmp_path / "tampered.rlpack"
    data = bytearray(unsigned.read_bytes())
    data[len(data) // 3] ^= 0xFF
    tampered.write_bytes(bytes(data))
    with pytest.raises((PackRefused, LibraryError)):
        install(library, tampered, confirm=lambda verdict: True)
    assert sorted(state(library)) == ["gids"]
    assert not [p for p in (tmp_path / "user").iterdir() if p.name.startswith(".")]
    assert install(library, unsigned, confirm=lambda verdict: True).edition.corpus_id == "ander"


def test_cli_install_of_an_unsigned_pack_needs_yes(tmp_path: Path, editions: dict[str, Path]) -> None:
    from reader.core.pack import write_pack

    pack = write_pack(editions["ander"], tmp_path / "ander.rlpack").path
    refused = run_cli("install", str(pack), env_dir=tmp_path)
    assert refused.returncode == 1
    assert "niet ondertekend" in refused.stderr and "--yes" in refused.stderr
    assert "niets geïnstalleerd" in refused.stderr
    assert not (tmp_path / "user" / "ander").exists()
    done = run_cli("install", str(pack), "--yes", "--json", env_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["source"] == "pack"


def test_a_truncated_pack_is_refused_for_what_it_is(tmp_path: Path, editions: dict[str, Path]) -> None:
    from reader.core.pack import PackRefused, write_pack

    pack = write_pack(editions["ander"], tmp_path / "ander.rlpack").path
    cut = tmp_path / "cut.rlpack"
    cut.write_bytes(pack.read_bytes()[: pack.stat().st_size // 2])
    assert source_kind(cut) == "pack"
    with pytest.raises(PackRefused):
        install(library_in(tmp_path), cut, confirm=lambda verdict: True)
    assert not (tmp_path / "user").exists() or not any((tmp_path / "user").iterdir())


def test_listing_the_library_does_not_import_installing_or_packs() -> None:
    code = ("import sys, reader.library, reader.core.library as l; l.Library([]).corpora(); "
            "print(sorted(m for m in sys.modules if m.startswith(('reader.core.pack', 'reader.core.library.inst'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_choosing_an_edition_passes_over_corpus_folders_quietly(
    tmp_path: Path, editions: dict[str, Path], caplog: pytest.LogCaptureFixture
) -> None:
    from reader.core.edition import find_editions
    from reader.core.formats import EDITION_FORMAT_VERSION

    install(library_in(tmp_path), editions["ander"])  # user/ander/KEY
    shutil.copytree(editions["gids-old"], tmp_path / "user" / "dropped-in")
    broken = tmp_path / "user" / "leeg"
    broken.mkdir()
    found = find_editions([tmp_path / "user"], EDITION_FORMAT_VERSION)
    assert [e.path.name for e in found] == ["dropped-in"]
    assert "ander" not in caplog.text and "leeg" in caplog.text  # an empty folder is still reported


def test_cli_installs_packs_signed_by_a_key_the_administrator_trusts(tmp_path: Path, editions: dict[str, Path]) -> None:
    from reader.core.pack import generate_keypair, write_pack

    private, public = generate_keypair(tmp_path / "uitgever")
    pack = write_pack(editions["ander"], tmp_path / "ander.rlpack", private_key=private).path
    assert run_cli("install", str(pack), env_dir=tmp_path).returncode == 1  # nobody trusts the key yet
    trusted = tmp_path / "machine" / "trusted-keys"
    trusted.mkdir(parents=True)
    shutil.copy(public, trusted / public.name)
    done = run_cli("install", str(pack), "--json", env_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["corpus_id"] == "ander"
    verified = run_cli("verify", str(pack), "--require-trusted", env_dir=tmp_path)
    assert verified.returncode == 0 and "vertrouwde sleutel" in verified.stdout
