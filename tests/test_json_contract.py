"""The JSON keys promised in the README, for every command: pinned, so they never silently change.

Every payload is built in render/data.py; a key added or renamed there, or in the data, fails here."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import run

SUMMARY = {"id", "title", "title_feminine", "level", "salary", "diploma", "experience"}


def _json(*args: str) -> object:
    result = run(*args, "--format", "json")
    assert result.exit_code in (0, 1), result
    return json.loads(result.stdout)


def test_list_keys() -> None:
    items = _json("list")
    assert isinstance(items, list) and len(items) == 7
    for item in items:
        assert set(item) == SUMMARY
        assert set(item["salary"]) >= {"min_keur", "max_keur"}
        assert set(item["diploma"]) >= {"min_bac"}
        assert set(item["experience"]) >= {"min_years", "max_years"}


def test_show_keys() -> None:
    fiche = _json("show", "charge-insertion")
    assert isinstance(fiche, dict)
    assert set(fiche) == SUMMARY | {
        "aliases",
        "mission",
        "recruiters",
        "reporting",
        "relations",
        "activities",
        "knowledge",
        "skills",
        "mobility",
        "offers",
        "disagreements",
        "sources",
        "rome",  # issue 12: the proposed ROME codes and the later facts, beside the study's
        "later",
    }
    assert set(fiche["salary"]["today"]) == {"year", "min_keur", "max_keur"}
    assert [set(r) for r in fiche["rome"]] == [{"code", "label", "appellation", "strength", "label_version", "note"}]
    assert set(fiche["later"]) == {"checked_as_of", "entries", "offer_services"}
    assert set(fiche["diploma"]) == {"min_bac", "max_bac", "fields", "asset_fields", "alternatives", "note"}
    assert set(fiche["experience"]) == {
        *("min_years", "max_years", "domain", "standing", "table_differs", "note", "assets", "summary_table"),
    }
    assert set(fiche["experience"]["summary_table"]) == {"band", "min_years", "max_years", "pages"}
    assert set(fiche["relations"]) == {"internal", "external"}
    assert set(fiche["activities"]) == {"main", "optional", "variability"}
    assert all(set(g) == {"group", "items"} for g in fiche["activities"]["main"] + fiche["activities"]["optional"])
    assert set(fiche["mobility"]) == {"previous", "next"}
    for link in fiche["mobility"]["previous"] + fiche["mobility"]["next"]:
        assert set(link) == {"label", "id", "link", "note"} and link["link"] in ("stated", "inferred")
    for offer in fiche["offers"]:
        assert set(offer) == {
            *("title", "salary", "employer", "size", "location", "reporting", "requirements", "missions", "pages"),
        }
    network = _json("show", "directeur-reseau-insertion")
    assert isinstance(network, dict)
    for disagreement in network["disagreements"]:
        assert set(disagreement) == {"about", "versions", "note"}
        assert all(set(v) == {"where", "says", "pages"} for v in disagreement["versions"])
    assert set(fiche["sources"]) == {
        *("study", "fiche", "mission", "salary", "recruiters", "reporting", "relations", "activities"),
        *("diploma", "experience", "summary_table", "knowledge", "skills", "mobility"),
    }
    assert fiche["salary"]["min_keur"] == 25 and fiche["diploma"]["min_bac"] == 2
    assert fiche["sources"]["fiche"] == "47-50"
    assert _json("show", "charge-insertion", "--section", "salaire") == {
        "id": "charge-insertion",
        "salary": fiche["salary"],
    }


def test_match_keys() -> None:
    payload = _json("match", "--bac", "2", "--years", "0")
    assert isinstance(payload, dict) and set(payload) == {"profile", "eligible", "open_with_caveat", "near"}
    assert payload["profile"] == {"bac": 2, "diploma": "bac+2", "years": 0.0, "domain": None}
    named = _json("match", "--bac", "DEFA", "--years", "3", "--domaine", "action-sociale")
    assert named["profile"] == {"bac": 2, "diploma": "DEFA (bac+2)", "years": 3.0, "domain": "action-sociale"}
    entries = payload["eligible"] + payload["open_with_caveat"] + payload["near"]
    assert all(set(e) == SUMMARY | {"missing"} for e in entries)
    missing = {"bac", "years", "decisive_asset_years", "domain", "alternative"}
    assert all(set(e["missing"]) == missing for e in entries)


def test_path_keys() -> None:
    payload = _json("path", "charge-insertion", "directeur-reseau-insertion")
    assert isinstance(payload, dict) and set(payload) == {"from", "to", "steps", "edges"}
    assert all(set(e) == {"from", "to", "kind", "pages"} for e in payload["edges"])
    several = _json("path", "charge-insertion", "directeur-reseau-insertion", "--all")
    assert isinstance(several, dict) and set(several) == {"from", "to", "steps", "edges", "routes", "left_out"}
    assert all(set(r) == {"steps", "edges"} for r in several["routes"])
    missing = _json("path", "directeur-general-association", "charge-insertion")
    assert missing == {"from": "directeur-general-association", "to": "charge-insertion", "steps": [], "edges": []}
    reach = _json("path", "charge-insertion")
    assert isinstance(reach, dict) and set(reach) == {"from", "to", "steps", "edges", "reachable"}
    assert reach["to"] is None and all(set(r) == {"id", "moves", "via"} for r in reach["reachable"])


SECTOR_KEYS: dict[str, set[str]] = {
    "study": {"title", "publisher", "date", "method", "note", "pages"},
    "typology": {"intro", "criteria", "pages"},
    "context": {"points", "pages"},
    "legal_frame": {
        "law_1998", "aim", "objectives", "definition", "conditions_intro", "conditions", "shared_frame", "note",
        "pages",
    },
    "structures[]": {"id", "acronym", "name", "count_2005", "count_note", "definition", "note", "pages"},
    "networks[]": {"id", "acronym", "name", "founded", "role", "figures", "sections", "website", "pages"},
    "figures[]": {"label", "value", "pages"},
    "history[]": {"year", "event", "note"},
    "contract": {"name", "min_months", "max_months", "min_weekly_hours", "replaces", "rules", "reference", "pages"},
    "finance_solidaire[]": {"term", "meaning"},
    "finance_solidaire_scope": {"summary", "operations", "traditional", "traditional_note", "specific", "pages"},
    "traits[]": {"title", "summary", "details", "pages"},
    "positive_exit": {"summary", "definitions", "pages"},
    "trends[]": {"title", "summary", "details", "pages"},
    "policy_report": {"title", "author", "addressee", "date", "diagnosis", "follow_up", "pages"},
    "training[]": {"id", "name", "summary", "sections", "note", "pages"},
    "emerging_roles": {"items", "note", "pages"},
}  # fmt: skip


def test_sector_keys() -> None:
    payload = _json("sector")
    assert isinstance(payload, dict)
    lists = {"sectors_of_activity", "networks_intro", "references"}
    later = {"later", "figures_later"}  # issue 12: what changed since, beside the study's keys
    assert set(payload) == {key.removesuffix("[]") for key in SECTOR_KEYS} | lists | later
    for key, expected in SECTOR_KEYS.items():
        value = payload[key.removesuffix("[]")]
        for item in value if key.endswith("[]") else [value]:
            assert set(item) == expected or (key == "figures[]" and set(item) == expected - {"pages"}), (key, item)
    assert all(set(f) <= SECTOR_KEYS["figures[]"] for n in payload["networks"] for f in n["figures"])
    assert isinstance(payload["sectors_of_activity"], list)
    chiffres = ("figures", "sectors_of_activity", "typology", "references", "figures_later")
    figures = _json("sector", "chiffres")
    assert isinstance(figures, dict) and set(figures) == {*chiffres, "later"}
    assert {k: figures[k] for k in chiffres} == {k: payload[k] for k in chiffres}


def test_a_renamed_yaml_key_cannot_change_the_json() -> None:
    """The sector's JSON names each key: a key renamed in the data is an error, an extra one is not copied."""
    import copy

    from iae_cli.catalog import Catalog
    from iae_cli.render import data
    from tests.conftest import DATA

    sector = Catalog.open(DATA).sector()
    renamed = copy.deepcopy(sector)
    renamed["structures"][0]["count_2006"] = renamed["structures"][0].pop("count_2005")
    with pytest.raises(KeyError):
        data.sector(renamed)
    extra = copy.deepcopy(sector)
    extra["contract"]["secret"] = "x"
    assert data.sector(extra) == data.sector(sector)


def test_glossary_and_validate_keys(data_copy: Path) -> None:
    terms = _json("glossary")
    assert isinstance(terms, list)
    keys = {"term", "meaning", "in_study", "usage", "note", "source", "pages", "later_term", "later"}  # later: issue 12
    assert all(set(t) == keys for t in terms)
    report = _json("validate")
    assert isinstance(report, dict) and set(report) == {"folder", "valid", "problems"} and report["valid"] is True
    fiche = data_copy / "metiers" / "charge-insertion.yaml"
    fiche.write_text(fiche.read_text(encoding="utf-8").replace("level: ", "level: chef-", 1), encoding="utf-8")
    result = run("validate", str(data_copy), "--format", "json")
    assert result.exit_code == 3
    broken = json.loads(result.stdout)
    assert broken["valid"] is False and len(broken["problems"]) == 1
    assert set(broken["problems"][0]) == {"file", "line", "column", "message"}


def test_json_stays_off_stderr_and_is_clean() -> None:
    result = run("show", "charge-insertion", "--format", "json")
    assert result.stderr == ""
    json.loads(result.stdout)


def test_json_escapes_c1_control_codes_in_both_layouts() -> None:
    from iae_cli.render.serialize import to_json

    for indent in (2, None):
        text = to_json({"titre": "Chargé\x9b[2J\x7f"}, indent)
        assert "\x9b" not in text and "\x7f" not in text
        assert json.loads(text) == {"titre": "Chargé\x9b[2J\x7f"}


@given(st.recursive(st.text() | st.integers() | st.none(), lambda inner: st.lists(inner, max_size=4), max_leaves=12))
def test_json_never_carries_a_raw_control_character(value: object) -> None:
    from iae_cli.render.serialize import to_json

    for indent in (2, None):
        text = to_json({"valeur": value}, indent)
        assert json.loads(text) == {"valeur": value}
        raw = {c for c in text if unicodedata.category(c) == "Cc"} - {"\n"}
        assert not raw, (indent, raw)


def test_search_keys() -> None:
    payload = _json("search", "microcrédit")
    assert isinstance(payload, dict) and set(payload) == {"query", "partial", "total", "results", "suggestions"}
    for hit in payload["results"]:
        assert set(hit) == {"kind", "id", "title", "score", "all_words", "matches"}
        assert hit["kind"] in ("fiche", "role", "sector", "glossary", "later", "rome")
        assert all(set(m) == {"section", "text"} for m in hit["matches"])
    none = _json("search", "xylophone")
    assert isinstance(none, dict) and none["results"] == [] and isinstance(none["suggestions"], list)


def test_compare_keys() -> None:
    payload = _json("compare", "charge-insertion", "travailleur-social")
    assert isinstance(payload, dict)
    assert set(payload) == {"a", "b", "requirements", "salary", "shared", "only_a", "only_b", "route"}
    assert set(payload["a"]) == SUMMARY | {"kind", "recruiters", "reporting"}
    assert set(payload["b"]) == {"kind", "id", "title", "note"}
    assert set(payload["requirements"]) == {"bac", "years"}
    assert all(set(step) == {"a", "b", "to_add"} for step in payload["requirements"].values())
    assert set(payload["salary"]) == {"a", "b"} and payload["salary"]["b"] is None
    assert {"min_keur", "max_keur", "today"} <= set(payload["salary"]["a"])
    assert payload["route"] is None or set(payload["route"]) == {"steps", "edges"}


def test_orient_keys() -> None:
    flags = ["--bac", "master", "--years", "2", "--domaine", "action-sociale", "--envie", "accompagner"]
    payload = _json("orient", *flags)
    assert isinstance(payload, dict)
    assert set(payload) == {"profile", "open", "next", "target", "route", "training"}
    assert set(payload["profile"]) == {"bac", "diploma", "years", "domain", "wish", "current"}
    for post in payload["open"] + payload["next"]:
        assert set(post) == SUMMARY | {"fit", "missing", "alternative"}
        assert set(post["missing"]) == {"bac", "years", "asset_years", "domain", "assets"}
    assert all(set(t) == {"id", "name", "summary", "pages"} for t in payload["training"])
