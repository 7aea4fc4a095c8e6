"""The cache saves time and never changes an answer: stale, corrupt or unwritable caches are harmless."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from iae_cli import cache
from iae_cli.catalog import Catalog
from iae_cli.model import LEVEL_ORDER
from iae_cli.paths import DATA_FILES
from tests.conftest import run


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file())


def test_cache_is_json_and_leaves_no_temporary_file(data_copy: Path, isolated_cache: Path) -> None:
    assert run("--data", str(data_copy), "list").exit_code == 0
    names = [p.name for p in _files(isolated_cache)]
    assert len(names) == 8 + len(DATA_FILES) and not any(n.startswith(".") for n in names)  # with the list rows
    for path in _files(isolated_cache):
        if path.name.endswith(".search.sqlite"):  # the search index, stored with the cache at the first read
            assert path.read_bytes().startswith(b"SQLite format 3\x00")
            continue
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0] if path.suffix == ".jsonl" else text
        json.loads(first)  # JSON, never pickle


def _change(path: Path, old: str, new: str) -> None:
    before = path.stat().st_mtime_ns
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    if path.stat().st_mtime_ns == before:  # coarse clocks: make the change visible
        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))


def test_stale_data_is_never_served(data_copy: Path) -> None:
    assert "25–30 k€" in run("--data", str(data_copy), "show", "charge-insertion", "-s", "salaire").stdout
    _change(data_copy / "metiers/charge-insertion.yaml", "  min_keur: 25", "  min_keur: 26")
    assert "26–30 k€" in run("--data", str(data_copy), "show", "charge-insertion", "-s", "salaire").stdout
    listed = json.loads(run("--data", str(data_copy), "list", "-f", "json").stdout)
    assert next(f for f in listed if f["id"] == "charge-insertion")["salary"]["min_keur"] == 26


def test_same_size_same_second_edit_is_seen(data_copy: Path) -> None:
    """A change that keeps the file size is caught by the modification time in nanoseconds."""
    run("--data", str(data_copy), "list")
    path = data_copy / "metiers/charge-insertion.yaml"
    _change(path, "  max_keur: 30", "  max_keur: 31")
    assert "25–31 k€" in run("--data", str(data_copy), "show", "charge-insertion", "-s", "salaire").stdout


def test_new_and_removed_fiche_files_are_seen(data_copy: Path) -> None:
    run("--data", str(data_copy), "list")
    (data_copy / "metiers/charge-insertion.yaml").rename(data_copy / "charge-insertion.bak")
    result = run("--data", str(data_copy), "list")
    assert result.exit_code == 3  # the site fiche now links to a missing id
    assert "charge-insertion" in result.stderr


@pytest.mark.parametrize("damage", ["garbage", "truncate", "wrong-signature", "delete-one"])
def test_corrupt_cache_is_rebuilt(data_copy: Path, isolated_cache: Path, damage: str) -> None:
    expected = run("--data", str(data_copy), "show", "charge-insertion", "-f", "json").stdout
    files = _files(isolated_cache)
    for path in files:
        if damage == "garbage":
            path.write_bytes(b"\x00\xff not json")
        elif damage == "truncate":
            path.write_bytes(path.read_bytes()[:40])
        elif damage == "wrong-signature" and path.suffix != ".sqlite":  # the index's stamp: test_search.py
            path.write_text(
                path.read_text(encoding="utf-8").replace('"signature":"', '"signature":"x', 1), encoding="utf-8"
            )
    if damage == "delete-one":
        next(p for p in files if p.name.endswith(".summaries.jsonl")).unlink()
    assert run("--data", str(data_copy), "show", "charge-insertion", "-f", "json").stdout == expected
    assert run("--data", str(data_copy), "list", "-f", "json").exit_code == 0
    assert run("--data", str(data_copy), "path", "charge-insertion", "directeur-reseau-insertion").exit_code == 0
    assert run("--data", str(data_copy), "match", "--bac", "5", "--years", "3").exit_code == 0


def test_cache_damaged_between_check_and_use(data_copy: Path, isolated_cache: Path) -> None:
    run("--data", str(data_copy), "list")
    catalog = Catalog.open(data_copy)
    for path in _files(isolated_cache):
        path.unlink()
    assert catalog.summaries["charge-insertion"].salary.min_keur == 25
    assert catalog.graph().next_of("travailleur-social") == ["charge-insertion"]
    assert catalog.fiche("charge-insertion").mission


def test_unwritable_cache_folder_still_works(data_copy: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    result = run("--data", str(data_copy), "show", "charge-insertion", env={"IAE_CACHE_DIR": str(blocked / "iae")})
    assert result.exit_code == 0 and "Mission" in result.stdout
    assert run("--data", str(data_copy), "list", env={"IAE_CACHE_DIR": str(blocked / "iae")}).exit_code == 0


def test_read_only_home_still_works(data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IAE_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o500)
    try:
        monkeypatch.setenv("HOME", str(home))
        monkeypatch.setattr(cache, "cache_dir", lambda: home / "unwritable" / "iae")
        original = Path.mkdir  # chmod does not stop root (CI runs as root): refuse by hand as well

        def refuse(self: Path, *args: object, **kwargs: object) -> None:
            if str(self).startswith(str(home)):
                raise PermissionError(13, "Permission denied")
            original(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Path, "mkdir", refuse)
        result = run("--data", str(data_copy), "match", "--bac", "5", "--years", "3", "-f", "json")
        assert result.exit_code == 0
        assert len(json.loads(result.stdout)["eligible"]) == 3
    finally:
        home.chmod(0o700)


def test_no_cache_mode(data_copy: Path, isolated_cache: Path) -> None:
    assert run("--data", str(data_copy), "list", env={"IAE_NO_CACHE": "1"}).exit_code == 0
    assert list(isolated_cache.iterdir()) == []


def test_xdg_cache_home_is_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("IAE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "iae"


def test_two_folders_have_two_caches(data_copy: Path, tmp_path: Path, isolated_cache: Path) -> None:
    import shutil

    other = tmp_path / "other"
    shutil.copytree(data_copy, other)
    _change(other / "metiers/charge-insertion.yaml", "  min_keur: 25", "  min_keur: 27")
    first = run("--data", str(data_copy), "show", "charge-insertion", "-s", "salaire").stdout
    second = run("--data", str(other), "show", "charge-insertion", "-s", "salaire").stdout
    assert "25–30" in first and "27–30" in second
    assert len(_files(isolated_cache)) == 2 * (7 + len(DATA_FILES))


def test_completion_reads_no_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    import yaml

    from iae_cli.cli.names import complete_fiche_id

    def forbidden(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("completion must not parse YAML")

    monkeypatch.setattr(yaml, "compose", forbidden)
    assert complete_fiche_id(None, "resp") == [
        "responsable-conseillers-microcredit",
        "responsable-fonctionnel",
        "responsable-site-insertion",
    ]
    assert complete_fiche_id(None, "chargé") == ["charge-insertion"]


def _built_list(data: Path, level: str | None) -> str:
    """`iae list -f json` as the renderer would write it from the summaries themselves."""
    from iae_cli.money import Euros
    from iae_cli.render.data import summary
    from iae_cli.render.serialize import to_json

    catalog = Catalog.open(data)
    prices = catalog.prices()
    euros = Euros(prices, prices.latest) if prices is not None else None
    fiches = catalog.summaries.values()
    return to_json([summary(f, euros) for f in fiches if level is None or f.level == level], None)


@pytest.mark.parametrize("level", [None, "direction-generale", "encadrement-intermediaire", "encadrement-proximite"])
def test_list_json_copied_from_the_cache_is_the_built_one(data_copy: Path, level: str | None) -> None:
    """The items of `list -f json` are copied from the cache: same bytes on the first read, from
    the cache, and without it, and the same data as the indented JSON a terminal gets."""
    args = ["--data", str(data_copy), "list", "-f", "json", *(["--level", level] if level else [])]
    first, cached, uncached = run(*args).stdout, run(*args).stdout, run(*args, env={"IAE_NO_CACHE": "1"}).stdout
    assert first == cached == uncached == _built_list(data_copy, level)
    listed = json.loads(cached)
    assert [f["level"] for f in listed] == sorted((f["level"] for f in listed), key=LEVEL_ORDER.index)
    assert len(listed) == {None: 7, "encadrement-proximite": 3}.get(level, 2)  # pp. 15-20


def test_list_json_at_a_terminal_is_indented(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from iae_cli.cli import output

    piped = run("--data", str(data_copy), "list", "-f", "json").stdout
    monkeypatch.setattr(output, "at_terminal", lambda: True)
    shown = run("--data", str(data_copy), "list", "-f", "json").stdout
    assert shown.startswith('[\n  {\n    "id": "directeur-entreprise-insertion"') and "Chargé d'insertion" in shown
    assert json.loads(shown) == json.loads(piped)


def test_damaged_list_items_are_read_again(data_copy: Path, isolated_cache: Path) -> None:
    expected = run("--data", str(data_copy), "list", "-f", "json").stdout
    items = next(p for p in _files(isolated_cache) if p.name.endswith(".items.jsonl"))
    lines = items.read_text(encoding="utf-8").splitlines(keepends=True)
    items.write_text("".join(lines[:-1]), encoding="utf-8")  # one item lost: counts no longer match
    assert run("--data", str(data_copy), "list", "-f", "json").stdout == expected
    items.write_text("".join(lines)[:-1], encoding="utf-8")  # the last newline lost: cut short
    assert run("--data", str(data_copy), "list", "-f", "json").stdout == expected
    items.write_text("".join([lines[0], "{\u00e9}\n", *lines[2:]]), encoding="utf-8")  # not ASCII
    assert run("--data", str(data_copy), "list", "-f", "json").stdout == expected


def test_both_sources_give_the_same_answers(data_copy: Path) -> None:
    """Every record survives the cache's round trip: a field added to the model but not to the
    cache's rows fails here."""
    from bench.generate import generate

    from iae_cli.cache import CacheSource
    from iae_cli.paths import DATA_FILES
    from iae_cli.scan import ScanSource

    for folder in (data_copy, generate(data_copy.parent / "synthetic", 40)):
        scanned = Catalog.open(folder)._source
        cached = Catalog.open(folder)._source
        assert isinstance(scanned, ScanSource) and isinstance(cached, CacheSource)
        assert cached.files() == scanned.files() and cached.roles() == scanned.roles()
        assert cached.summaries() == scanned.summaries() and cached.titles() == scanned.titles()
        assert cached.requirements() == scanned.requirements()
        assert cached.summaries_at(range(len(scanned.summaries()))) == scanned.summaries()
        assert cached.summaries_at([2, 0]) == scanned.summaries_at([2, 0]) == [scanned.summaries()[i] for i in (2, 0)]
        assert all(cached.fiche(i) == scanned.fiche(i) for i in scanned.files())
        assert all(cached.document(f.key) == scanned.document(f.key) for f in DATA_FILES)
        graph, again = scanned.graph(), cached.graph()
        assert (again.nodes, again.edges, list(again.edges)) == (graph.nodes, graph.edges, list(graph.edges))
        assert all(
            again.next_of(n) == graph.next_of(n) and again.previous_of(n) == graph.previous_of(n) for n in graph.nodes
        )


def test_the_first_read_stores_the_search_index_and_no_search_reads_the_fiches_again(
    data_copy: Path, isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iae_cli.cache import CacheSource
    from iae_cli.scan import ScanSource

    assert run("--data", str(data_copy), "list").exit_code == 0
    assert len(list(isolated_cache.glob("*.search.sqlite"))) == 1

    def forbidden(_source: object) -> None:
        raise AssertionError("the index was built again")

    monkeypatch.setattr(CacheSource, "index_rows", forbidden)
    monkeypatch.setattr(ScanSource, "index_rows", forbidden)
    hits = Catalog.open(data_copy).search_index().search("microcrédit").hits
    assert "responsable-conseillers-microcredit" in [hit.id for hit in hits[:2]]


def test_a_folder_with_problems_leaves_no_index_nor_temporary_file(data_copy: Path, isolated_cache: Path) -> None:
    (data_copy / "metiers" / "charge-insertion.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    assert run("--data", str(data_copy), "list").exit_code != 0
    assert not list(isolated_cache.glob("*.search.sqlite"))
    assert not [p for p in isolated_cache.iterdir() if p.name.startswith(".")]


def test_the_cached_rows_of_the_list_give_the_same_table(data_copy: Path, isolated_cache: Path) -> None:
    from iae_cli.cli.options import euros_for
    from iae_cli.render import fiche_views
    from iae_cli.render.text import render_text

    first = run("--data", str(data_copy), "list").stdout  # builds and stores the rows
    assert list(isolated_cache.glob("*.rows.jsonl"))
    catalog = Catalog.open(data_copy)
    euros = euros_for(catalog, None)
    rows = catalog.list_items(fiche_views.encoded_rows(euros), "rows")
    groups = [(level, fiche_views.decoded_rows(rows.of_level(level))) for level, _count in rows.levels]
    cached = render_text(fiche_views.fiche_table(groups, euros), 100)
    assert cached == render_text(fiche_views.fiche_list(catalog.summaries.values(), euros), 100)
    assert run("--data", str(data_copy), "list").stdout == first
