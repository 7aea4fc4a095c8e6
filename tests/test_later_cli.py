"""Issue 12 through the CLI: later facts beside the study's, pay in today's euros, ROME codes."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from tests.conftest import DATA, run

NBSP = "\u00a0"


def _plain(text: str) -> str:
    """Output with no-break spaces read as spaces, and lines joined: wrapping does not matter here."""
    return " ".join(text.replace(NBSP, " ").split())


def _prices() -> dict[int, float]:
    with (DATA / "prix.yaml").open(encoding="utf-8") as handle:
        return {row["year"]: row["value"] for row in yaml.safe_load(handle)["years"]}


def test_glossary_anpe_tells_its_history_with_dates_and_sources() -> None:
    result = run("glossary", "ANPE")
    assert result.exit_code == 0
    out = _plain(result.stdout)
    assert "Depuis 2008 : ANPE → Pôle emploi" in out and "France Travail (2024)" in out
    assert "1er janvier 2009 — L'ANPE et les Assédic fusionnent dans Pôle emploi" in out
    assert "loi n° 2008-126 du 13 février 2008" in out
    assert "service-public.fr/particuliers/actualites/A17001, 18 décembre 2023" in out
    assert "Faits postérieurs à l'étude de 2008, vérifiés à la date de leur source" in out


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("France Travail", "Opérateur public de l'emploi depuis le 1er janvier 2024"),
        ("Pôle emploi", "fusion de l'ANPE et des Assédic"),
        ("PEC", "Parcours emploi compétences"),
        ("CUI", "Contrat unique d'insertion"),
        ("RSA", "RSA (revenu de solidarité active)"),
        ("DREETS", "DREETS et DDETS"),
        ("DDETS", "héritier de la DDTEFP"),
        ("ASP", "Agence de services et de paiement"),
        ("pass IAE", "agrément Pôle emploi"),
        ("Plateforme de l'inclusion", "Plateforme nationale de l'IAE"),
        ("EITI", "Entreprise d'insertion par le travail indépendant"),
        ("CDDI", "CDD insertion"),
        ("CDD insertion", "CDD insertion"),
        ("CDI inclusion", "CDI inclusion"),
        ("Fédération des entreprises d'insertion", "Nom du CNEI depuis le 13 novembre 2014"),
        ("Fédération des acteurs de la solidarité", "Nom de la FNARS depuis janvier 2017"),
        ("Conseil de l'inclusion dans l'emploi", "remplace le CNIAE"),
        ("Université Gustave Eiffel", "Marne-la-Vallée"),
        ("CNASEA", "ASP (Agence de services et de paiement)"),
    ],
)
def test_later_terms_are_searchable(query: str, expected: str) -> None:
    result = run("glossary", query)
    assert result.exit_code == 0, result
    found = json.loads(run("glossary", query, "-f", "json").stdout)
    assert expected in json.dumps(found, ensure_ascii=False).replace(NBSP, " ")


def test_glossary_json_marks_later_terms_and_keeps_the_study_ones() -> None:
    terms = {t["term"]: t for t in json.loads(run("glossary", "-f", "json").stdout)}
    assert terms["ANPE"]["in_study"] is True and terms["ANPE"]["later_term"] is False
    assert [c["became"] for c in terms["ANPE"]["later"][0]["changes"]] == ["Pôle emploi", "France Travail"]
    assert terms["France Travail"]["later_term"] is True and terms["France Travail"]["in_study"] is False
    assert "RSA" in terms and terms["RSA"]["later_term"] is False  # the study's own term, with its history


def test_sector_contract_says_what_the_cae_became() -> None:
    out = _plain(run("sector", "contrat").stdout)
    assert "prescrit par l'ANPE pour le compte de l'État" in out  # the study's fact stays as it was
    assert "Depuis 2008 (faits postérieurs à l'étude)" in out
    assert "1er janvier 2010 — Le CAE devient le CUI-CAE" in out
    assert "les parcours emploi compétences (PEC)" in out


def test_sector_structures_names_the_eiti_and_figures_are_dated() -> None:
    assert "l'EITI (entreprise d'insertion par le travail indépendant)" in _plain(run("sector", "structures").stdout)
    out = _plain(run("sector", "chiffres").stdout)
    assert "17 000" in out and "Depuis l'étude : chiffres postérieurs, datés et sourcés" in out
    assert "fin novembre 2025" in out and "133 600" in out and "poem.travail-emploi.gouv.fr" in out
    payload = json.loads(run("sector", "chiffres", "-f", "json").stdout)
    assert payload["figures"][0]["value"] == 17000
    series = {s["series"]: s for s in payload["figures_later"]["series"]}
    assert series["structures"]["points"][-1] == {
        "value": 4510,
        "as_of": "fin 2023",
        "note": "structures actives",
        "source": {
            "site": "travail-emploi.gouv.fr",
            "title": "Quelles sont les caractéristiques des structures de l'IAE",
            "url": None,
            "date": "2023",
        },
    }


def test_show_has_since_2008_and_its_rome_code() -> None:
    out = _plain(run("show", "charge-insertion").stdout)
    assert "Depuis 2008" in out
    assert "ANPE → Pôle emploi (1er janvier 2009) → France Travail (1er janvier 2024)" in out
    assert "DDTEFP → DIRECCTE (2010) → DREETS et DDETS (1er avril 2021)" in out
    assert "Correspondance proposée, absente de l'étude" in out
    assert "K1801 — Conseiller / Conseillère en insertion professionnelle : correspondance forte" in out
    assert "appellation : Conseiller / Conseillère en insertion professionnelle" in out
    assert "Plateforme de l'inclusion" in out and "France Travail" in out


def test_show_json_rome_and_later() -> None:
    fiche = json.loads(run("show", "responsable-conseillers-microcredit", "-f", "json").stdout)
    assert [(r["code"], r["strength"]) for r in fiche["rome"]] == [("K1804", "weak"), ("C1213", "weak")]
    assert fiche["rome"][1]["appellation"] is None
    charge = json.loads(run("show", "charge-insertion", "-f", "json").stdout)
    assert [e["id"] for e in charge["later"]["entries"]] == ["anpe", "agrement", "ddtefp", "cnasea"]
    section = json.loads(run("show", "charge-insertion", "-s", "rome", "-f", "json").stdout)
    assert section["rome"][0]["code"] == "K1801"


def test_a_rome_code_finds_its_fiches_or_says_none() -> None:
    result = run("show", "k1801")
    assert result.exit_code == 0 and "charge-insertion" in result.stdout and "CODE ROME K1801" in result.stdout
    payload = json.loads(run("show", "M1302", "-f", "json").stdout)
    assert [f["id"] for f in payload["fiches"]] == [
        "directeur-entreprise-insertion",
        "directeur-regional-insertion",
        "responsable-site-insertion",
    ]
    missing = run("show", "K9999")
    assert missing.exit_code == 1
    assert missing.stderr.startswith("iae : aucune fiche de l'étude n'est rapprochée du code ROME K9999")


def test_markdown_handout_has_the_later_block() -> None:
    out = run("show", "charge-insertion", "-f", "markdown").stdout
    assert "## Depuis 2008" in out and "## Codes ROME" in out


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["match", "--bac", "2", "--years", "0"],
        ["path", "charge-insertion", "responsable-site-insertion"],
        ["show", "charge-insertion"],
        ["orient", "--bac", "master", "--years", "2", "--domaine", "action-sociale", "--envie", "accompagner"],
    ],
)
def test_every_pay_shown_carries_its_2025_equivalent(args: list[str]) -> None:
    prices = _prices()
    ratio = prices[2025] / prices[2008]
    low, high = round(25 * ratio), round(30 * ratio)
    out = _plain(run(*args).stdout)
    assert "25–30 k€" in out and f"≈ {low}–{high} k€" in out and (low, high) == (32, 39)
    assert "de 2025" in out and "étude Apec" in out


def test_euros_picks_another_year_of_the_table() -> None:
    prices = _prices()
    ratio = prices[2020] / prices[2008]
    out = _plain(run("list", "--euros", "2020").stdout)
    assert f"≈ {round(25 * ratio)}–{round(30 * ratio)} k€" in out and "(≈ € de 2020)" in out
    items = json.loads(run("list", "--euros", "2020", "-f", "json").stdout)
    charge = next(i for i in items if i["id"] == "charge-insertion")
    assert charge["salary"]["today"] == {
        "year": 2020,
        "min_keur": round(25 * ratio, 1),
        "max_keur": round(30 * ratio, 1),
    }
    default = json.loads(run("list", "-f", "json").stdout)
    assert next(i for i in default if i["id"] == "charge-insertion")["salary"]["today"] == {
        "year": 2025,
        "min_keur": 32.4,
        "max_keur": 38.9,
    }
    match = json.loads(run("match", "--bac", "2", "--years", "0", "--euros", "2020", "-f", "json").stdout)
    assert match["eligible"][0]["salary"]["today"]["year"] == 2020


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2012", "--euros : année 2012 absente de la table des prix ; années possibles : 2008, 2018,"),
        ("deux", "--euros attend une année sur quatre chiffres (par exemple 2020) ; reçu : « deux »"),
    ],
)
def test_unknown_euros_year_is_a_clear_error(value: str, message: str) -> None:
    for command in (["list"], ["show", "charge-insertion"], ["match", "--bac", "2", "--years", "0"]):
        result = run(*command, "--euros", value)
        assert result.exit_code == 2 and result.stderr.startswith(f"iae : {message}"), result


def test_later_facts_are_dated_from_the_step_before_and_never_restate_the_study() -> None:
    """The study (p. 5-14) already says the CAE succeeded the CES and CEC: no « Depuis 2008 » for them.
    The timeline goes step by step: France Travail follows Pôle emploi, not the ANPE."""
    cec = _plain(run("glossary", "CEC").stdout)
    assert "Depuis 2008" not in cec and "CAV" not in cec
    timeline = _plain(run("sector", "histoire").stdout)
    for step in ("ANPE → Pôle emploi", "Pôle emploi → France Travail", "DDTEFP → DIRECCTE"):
        assert step in timeline
    for step in ("DIRECCTE → DREETS et DDETS", "CAE → CUI-CAE", "CUI-CAE → PEC"):
        assert step in timeline
    for wrong in ("ANPE → France Travail", "DDTEFP → DREETS", "CAE → PEC"):
        assert re.search(r"(?<![\w-])" + wrong, timeline) is None


def test_later_sources_say_what_they_are_and_what_was_not_checked() -> None:
    structures = _plain(run("sector", "structures").stdout)
    # the 2009 decree is cited from the 2020 decree's page, the only source the reference gives
    assert "décret n° 2009-1377 du 10 novembre 2009 (cité sans son propre texte, non relu)" in structures
    assert "« page du décret n° 2020-1545, seule source relevée pour cette étape »" in structures
    assert "DDTEFP (Direction départementale du travail, de l'emploi et de la formation professionnelle, et son " in (
        structures
    )
    networks = _plain(run("sector", "reseaux").stdout)
    assert "France Active (France Active)" not in networks and "France Active — depuis 2008" in networks
    council = _plain(run("glossary", "Conseil de l'inclusion dans l'emploi").stdout)
    assert "créée pour cinq ans (jusqu'en 2023)" in council and "n'a pas été vérifié" in council
    handout = _plain(run("show", "charge-insertion", "-f", "markdown").stdout)
    assert (
        "copie ReinforcedKnowledge/france-inflation-data-cleaned ; contrôle sur la série France métropolitaine de "
        "cnr.fr ; pour 2024 et 2025, INSEE, « Informations Rapides n° 8 », insee.fr/fr/statistiques/8726461"
    ) in handout


@pytest.mark.parametrize("fmt", ["table", "markdown", "html", "json"])
def test_show_depuis_lists_one_selection_of_facts_in_every_format(fmt: str) -> None:
    """The chargé d'insertion recruits salariés en insertion with the ANPE (p. 47-50): the end of the
    agrément (pass IAE, 2021) is one of its facts, and every format lists the same four."""
    out = run("show", "charge-insertion", "-s", "depuis", "-f", fmt).stdout
    if fmt == "json":
        assert [e["id"] for e in json.loads(out)["later"]["entries"]] == ["anpe", "agrement", "ddtefp", "cnasea"]
        return
    shown = _plain(out)
    for fact in ("ANPE → Pôle emploi", "Agrément Pôle emploi → pass IAE", "DDTEFP → DIRECCTE", "CNASEA → ASP"):
        assert fact in shown
    assert "EITI" not in shown and shown.count(" → ") == 6  # ANPE and DDTEFP have two steps each
