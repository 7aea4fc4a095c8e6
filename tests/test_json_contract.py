"""The JSON keys promised in the README: pinned, so they never silently change."""

from __future__ import annotations

import json
import unicodedata

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
    assert set(fiche) >= SUMMARY | {"mission", "recruiters", "activities", "skills", "mobility", "offers", "sources"}
    assert set(fiche["mobility"]) == {"previous", "next"}
    for link in fiche["mobility"]["previous"] + fiche["mobility"]["next"]:
        assert set(link) >= {"label", "id", "link"} and link["link"] in ("stated", "inferred")
    for offer in fiche["offers"]:
        assert set(offer) >= {"title", "salary"}
    assert fiche["salary"]["min_keur"] == 25 and fiche["diploma"]["min_bac"] == 2
    assert fiche["sources"]["fiche"] == "47-50"


def test_match_keys() -> None:
    payload = _json("match", "--bac", "2", "--years", "0")
    assert isinstance(payload, dict) and set(payload) == {"profile", "eligible", "near"}
    assert all(set(e) == SUMMARY | {"missing"} for e in payload["eligible"] + payload["near"])


def test_path_keys() -> None:
    payload = _json("path", "charge-insertion", "directeur-reseau-insertion")
    assert isinstance(payload, dict) and set(payload) == {"from", "to", "steps", "edges"}
    assert all(set(e) == {"from", "to", "kind", "pages"} for e in payload["edges"])
    missing = _json("path", "directeur-general-association", "charge-insertion")
    assert missing == {"from": "directeur-general-association", "to": "charge-insertion", "steps": [], "edges": []}


def test_sector_keys() -> None:
    payload = _json("sector")
    assert isinstance(payload, dict)
    assert set(payload) >= {"structures", "networks", "figures", "contract", "traits", "trends", "training"}
    assert all(set(s) >= {"id", "name", "count_2005"} for s in payload["structures"])
    assert all(set(n) >= {"id", "name", "founded"} for n in payload["networks"])


def test_glossary_and_validate_keys() -> None:
    terms = _json("glossary")
    assert isinstance(terms, list) and all(set(t) == {"term", "meaning", "in_study"} for t in terms)
    report = _json("validate")
    assert isinstance(report, dict) and set(report) == {"folder", "valid", "problems"} and report["valid"] is True


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
