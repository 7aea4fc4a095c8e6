"""The later-facts layer (issue 12): every fact sourced and dated, the loader strict, the price table exact."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from iae_cli.cli.options import parse_year
from iae_cli.errors import OutOfRange, UsageError
from iae_cli.later import LaterFacts, RomeTable, is_rome_code
from iae_cli.money import PriceIndex
from iae_cli.render import labels
from iae_cli.render.later_views import date_fr
from iae_cli.scan import validate_folder
from tests.conftest import DATA, run


def _raw(name: str) -> dict:  # type: ignore[type-arg]
    with (DATA / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)  # type: ignore[no-any-return]


def _sources(raw: dict) -> list[tuple[str, dict]]:  # type: ignore[type-arg]
    found = [(f"{e['id']}/{c['became']}", c.get("source")) for e in raw["entries"] for c in e["changes"]]
    found += [(f"{f['series']}/{p['as_of']}", p.get("source")) for f in raw["figures"] for p in f["points"]]
    return found


def test_every_later_fact_has_a_source_with_a_site_and_a_date() -> None:
    raw = _raw("depuis-2008.yaml")
    for entry in raw["entries"]:
        for change in entry["changes"]:
            assert change.get("date"), entry["id"]
    for where, source in _sources(raw):
        assert source and source.get("site") and source.get("date"), where
    prices = _raw("prix.yaml")
    assert prices["source"]["site"] and prices["source"]["date"]


def _strip(data: Path, old: str, new: str) -> None:
    path = data / "depuis-2008.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_entry_without_source_is_refused_with_file_and_line(data_copy: Path) -> None:
    source = (
        "        source: {site: service-public.fr, url: service-public.fr/particuliers/actualites/A17001, "
        'date: "2023-12-18"}\n'
    )
    _strip(data_copy, source, "")
    problems = validate_folder(data_copy)
    assert len(problems) == 1
    assert problems[0].file.endswith("depuis-2008.yaml")
    assert problems[0].line is not None
    assert "source" in problems[0].message and "manquant" in problems[0].message
    result = run("--data", str(data_copy), "validate")
    assert result.exit_code == 3
    assert f"depuis-2008.yaml:{problems[0].line}:" in result.stdout


def test_an_entry_without_date_is_refused(data_copy: Path) -> None:
    _strip(data_copy, '      - date: "2024-01-01"\n        became: France Travail', "      - became: France Travail")
    problems = validate_folder(data_copy)
    assert [p.message for p in problems] == ["champ « entries[0].changes[1] » : champ obligatoire « date » manquant"]


def test_a_source_without_date_is_refused(data_copy: Path) -> None:
    _strip(data_copy, ', date: "2023-12-18"}', "}")
    problems = validate_folder(data_copy)
    assert len(problems) == 1 and "« date » manquant" in problems[0].message


def test_a_term_pointing_nowhere_and_a_rome_link_to_no_fiche_are_refused(data_copy: Path) -> None:
    _strip(data_copy, "entry: cniae}", "entry: inconnu}")
    rome = data_copy / "rome.yaml"
    rome.write_text(rome.read_text(encoding="utf-8").replace("fiche: charge-insertion,", "fiche: nulle-part,"))
    messages = [p.message for p in validate_folder(data_copy)]
    assert any("« inconnu » n'est pas une entrée" in m for m in messages)
    assert any("« nulle-part » n'est pas une fiche du dossier" in m for m in messages)


def test_a_folder_without_later_files_still_works(data_copy: Path) -> None:
    for name in ("depuis-2008.yaml", "prix.yaml", "rome.yaml"):
        (data_copy / name).unlink()
    assert validate_folder(data_copy) == []
    result = run("--data", str(data_copy), "show", "charge-insertion")
    assert result.exit_code == 0 and "Depuis 2008" not in result.stdout and "25–30 k€" in result.stdout


def test_price_table_gives_the_issue_figures() -> None:
    prices = PriceIndex.build(_raw("prix.yaml"))
    ratio = prices.values[2025] / prices.values[2008]
    pay = prices.convert(25, 30, 2025)
    assert (pay.min_keur, pay.max_keur) == (round(25 * ratio, 1), round(30 * ratio, 1)) == (32.4, 38.9)
    assert labels.today(pay) == "≈ 32–39 k€ de 2025"
    older = prices.convert(25, 30, 2020)
    assert (older.min_keur, older.max_keur) == (round(25 * 104.73 / 93.20, 1), round(30 * 104.73 / 93.20, 1))
    assert prices.latest == 2025 and prices.study_year == 2008


def test_unknown_year_lists_the_known_ones() -> None:
    prices = PriceIndex.build(_raw("prix.yaml"))
    with pytest.raises(OutOfRange) as caught:  # the core names no option; the CLI adds « --euros : »
        prices.check_year(2012)
    assert caught.value.message == (
        "année 2012 absente de la table des prix ; années possibles : "
        "2008, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025"
    )
    result = run("match", "--bac", "5", "--years", "3", "--euros", "2012")
    assert result.exit_code == 2 and result.stderr.startswith("iae : --euros : année 2012 absente de la table des prix")
    with pytest.raises(UsageError):
        parse_year("deux mille")
    assert parse_year(" 2020 ") == 2020


def test_rounding_to_whole_keur_is_half_up() -> None:
    assert labels.whole(32.5) == "33" and labels.whole(32.4) == "32" and labels.pay_range(40.0, 40.2) == "40 k€"


def test_models_and_lookups() -> None:
    facts = LaterFacts.build(_raw("depuis-2008.yaml"))
    assert [c.became for c in facts.entry("anpe").changes] == ["Pôle emploi", "France Travail"]
    assert [e.id for e in facts.named_in(["Relations avec l'ANPE et la DDTEFP", "ASS"])] == ["anpe", "ddtefp"]
    assert not facts.entry("anpe").named_in("campanpe")
    rome = RomeTable.build(_raw("rome.yaml"))
    assert [link.fiche for link in rome.with_code("k1801")] == ["charge-insertion"]
    assert rome.links_of("charge-insertion")[0].strength == "strong"
    assert is_rome_code("K1801") and not is_rome_code("charge-insertion")
    assert date_fr("2009-01-01") == "1er\u00a0janvier\u00a02009" and date_fr("2018-01") == "janvier\u00a02018"
