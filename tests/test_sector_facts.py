"""The sector and the glossary state the study's facts, hedges included (issue 11)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from iae_cli.catalog import Catalog
from tests.conftest import DATA, run

# Every acronym of the study (offers included) and of our own texts, by what the study does with it.
ACRONYM_AND_WORDS = (
    "ACI", "ADIE", "ADMR", "AI", "ANPE", "Apec", "ASS", "CA", "CAE", "CEC", "CES", "CIF", "CNEI", "CNIAE",
    "DDTEFP", "DEFA", "DG", "DGEFP", "EI", "ESAT", "ETAIE", "ETTI", "FACE", "FNARS", "IAE", "LCD", "MIESS",
    "RH", "RMI", "RSA", "RSE", "SIAE", "SIFA", "VAE",
)  # fmt: skip
ACRONYM_ONLY = (
    "AFNOR", "ATD", "BTP", "CEDRE", "CFDT", "CFE-CGC", "Cigales", "CNASEA", "CNLRQ", "COORACE", "DARES",
    "DECF", "EDF", "ETP", "H/F", "IDEST", "IME", "ISBN", "KE", "M1", "MACIF", "ME", "MEDEF", "ONG", "PLIE",
    "PME/PMI", "RATP", "SA", "SAAAIS-SAFEP", "SARL", "SAS", "SESSAD", "SMIC", "UCI-FO", "UGICA-CFTC",
    "UGICT-CGT",
)  # fmt: skip
WORDS_ONLY = ("CDD", "CDI", "CHRS", "DAF", "DGAS", "ESS")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.open(DATA)


@pytest.fixture(scope="module")
def sector(catalog: Catalog) -> dict[str, Any]:
    return catalog.sector()


def test_glossary_entries_and_flags_exactly(catalog: Catalog) -> None:
    usage = {t.term: t.usage for t in catalog.glossary()}
    expected = (
        dict.fromkeys(ACRONYM_AND_WORDS, "acronym_and_words")
        | dict.fromkeys(ACRONYM_ONLY, "acronym_only")
        | dict.fromkeys(WORDS_ONLY, "words_only")
    )
    assert usage == expected
    in_study = {t.term for t in catalog.glossary() if t.in_study}
    assert in_study == set(ACRONYM_AND_WORDS)


def test_coorace_is_what_the_letters_stand_for_with_its_later_source(catalog: Catalog) -> None:
    terms = {t.term: t for t in catalog.glossary()}
    coorace = terms["COORACE"]
    assert coorace.meaning == "Coordination des associations d'aide aux chômeurs par l'emploi"
    assert coorace.source is not None and coorace.source.later is True
    assert coorace.source.url == "https://www.coorace.org/page/histoire"
    assert terms["DGEFP"].meaning == "Délégation générale à l'emploi et à la formation professionnelle"
    assert terms["ATD"].source is not None and terms["ATD"].source.later is True
    assert all(t.source is None for t in terms.values() if t.usage != "acronym_only")


def test_glossary_pages_say_where_the_study_writes_it(catalog: Catalog) -> None:
    pages = {t.term: t.pages for t in catalog.glossary()}
    assert pages["COORACE"] == "5-14, 21-26" and pages["CHRS"] == "43-46" and pages["DGAS"] == "5-14"
    assert pages["ANPE"] == "5-14, 15-20, 27-30, 47-50" and pages["DDTEFP"] == "5-14, 15-20, 27-30, 47-50"
    unnumbered = {term for term, where in pages.items() if where is None}
    assert unnumbered == {"CFDT", "CFE-CGC", "IDEST", "ISBN", "MEDEF", "UCI-FO", "UGICA-CFTC", "UGICT-CGT"}


def test_glossary_screen_says_what_the_study_writes() -> None:
    result = run("glossary", "CHRS")
    assert result.exit_code == 0
    assert "mots seuls" in result.stdout and "Centre d'hébergement et de réinsertion sociale" in result.stdout
    coorace = run("glossary", "COORACE").stdout
    assert "sigle seul" in coorace and "postérieure à l'étude" in coorace and "coorace.org" in coorace
    payload = json.loads(run("glossary", "DAF", "-f", "json").stdout)
    assert payload == [
        {
            "term": "DAF",
            "meaning": "Directeur administratif et financier",
            "in_study": False,
            "usage": "words_only",
            "note": None,
            "source": None,
            "pages": "39-42",
            "later_term": False,  # issue 12: terms born after the study, and each term's later history
            "later": [],
        }
    ]


def test_legal_frame_of_an_insertion_structure(sector: dict[str, Any]) -> None:
    frame = sector["legal_frame"]
    conditions = " | ".join(frame["conditions"])
    for fact in ("agrément", "contrat d'accompagnement dans l'emploi", "convention avec la DDTEFP", "ANPE"):
        assert fact in conditions
    assert "conseils départementaux" in frame["conditions"][-1]
    assert len(frame["conditions"]) == 5 and len(frame["objectives"]) == 3
    assert "etc." in frame["conditions_intro"]
    assert "comités départementaux" in frame["note"]


def test_two_definitions_of_a_positive_exit(sector: dict[str, Any]) -> None:
    definitions = sector["positive_exit"]["definitions"]
    assert len(definitions) == 2
    assert "pouvoirs publics" in definitions[0]["who"] and "non aidé" in definitions[0]["meaning"]
    assert "structures d'insertion" in definitions[1]["who"] and "ANPE" in definitions[1]["meaning"]


def test_cniae_diagnosis_has_four_points(sector: dict[str, Any]) -> None:
    report = sector["policy_report"]
    assert report["date"] == "14 juin 2007" and report["author"] == "CNIAE"
    assert report["diagnosis"] == [
        "une aide publique insuffisante, complexe et instable",
        "des pouvoirs publics qui connaissent mal l'activité du secteur et ses résultats",
        "un environnement institutionnel qui gêne l'IAE dans sa mission",
        "des parcours d'insertion professionnelle plus difficiles à construire",
    ]
    assert any("que soulève la création du revenu de solidarité active" in t for t in report["follow_up"])


def test_france_active_gives_access_to_credit_and_guarantees(sector: dict[str, Any]) -> None:
    fa = next(n for n in sector["networks"] if n["id"] == "france-active")
    assert "accès au crédit" in fa["role"] and "garanties sur leurs emprunts" in fa["role"]
    assert "fonds de garantie" in fa["role"] and "prêt" not in fa["role"].replace("emprunts", "")
    sections = {s["title"]: s["items"] for s in fa["sections"]}
    assert len(sections["Ses sept thèmes d'action"]) == 7
    assert len(sections["Son appui à chaque fonds territorial (administrateurs et salariés)"]) == 3
    figures = {f["value"]: f["label"] for f in fa["figures"]}
    assert "plus de la moitié" in figures[7028] and 125 in figures and 63 in figures
    assert "comités d'engagement locaux" in figures[850]


def test_training_trend_credits_associations_cniae_letter_and_universities(sector: dict[str, Any]) -> None:
    trends = {t["title"]: t for t in sector["trends"]}
    qualifications = trends["Qualifications et diplômes en hausse"]["details"]
    assert qualifications[0].startswith("Les grandes associations") and "CNIAE" in qualifications[0]
    assert "ETAIE" in qualifications[0] and not any("master" in d for d in qualifications)
    assert "fédérations" in qualifications[2] and "ETAIE" not in qualifications[2]
    universities = trends["De nouvelles formations universitaires"]
    assert "universités" in " ".join(universities["details"]) and "masters" in universities["summary"]


def test_dropped_facts_are_back(sector: dict[str, Any]) -> None:
    ei = next(s for s in sector["structures"] if s["id"] == "ei")
    assert any("« moindre productivité »" in d for d in ei["definition"])
    assert "société commerciale ou association" in ei["note"]
    rules = " | ".join(sector["contract"]["rules"])
    assert "conventions et de tous les accords collectifs" in rules
    assert "mêmes cas que pour tout salarié de droit commun" in rules and "rompu sans préavis" in rules
    scope = sector["finance_solidaire_scope"]
    assert scope["traditional"] == ["l'épargne", "le crédit ou la prise de participation", "la recherche de garanties"]
    miess = next(t for t in sector["training"] if t["id"] == "miess")
    admission = {s["title"]: s["items"] for s in miess["sections"]}
    assert len(admission["Qui peut entrer"]) == 2 and len(admission["Ce qui est examiné dans une candidature"]) == 3
    assert "projet professionnel" in admission["Ce qui est examiné dans une candidature"][2]


@pytest.mark.parametrize(
    ("where", "hedge"),
    [
        (("structures", "ai"), "Peuvent avoir le statut d'association"),
        (("traits", "Travailler avec salariés et bénévoles"), "peut parfois être un vrai enjeu"),
        (("traits", "Des procédures à construire et à faire respecter"), "Dans certaines structures"),
        (("traits", "Accueillir des salariés en situation d'exclusion"), "peut se rapprocher"),
        (("trends", "La RSE dans les entreprises"), "pourraient offrir des débouchés"),
        (("trends", "Un choix de début ou de fin de carrière"), "semble intervenir"),
        (("history", 2008), "celles que soulève la création du RSA"),
        (("networks", "adie"), "peuvent s'adresser"),
    ],
)
def test_hedges_survive(sector: dict[str, Any], where: tuple[str, Any], hedge: str) -> None:
    key, name = where
    items = sector[key]
    item = next(i for i in items if name in (i.get("id"), i.get("title"), i.get("year")))
    assert hedge in json.dumps(item, ensure_ascii=False)


@pytest.mark.parametrize(
    ("topic", "keys", "text"),
    [
        ("structures", {"structures", "legal_frame"}, "Le cadre légal d'une structure d'insertion"),
        ("reseaux", {"networks_intro", "networks"}, "Ses sept thèmes d'action"),
        ("histoire", {"context", "history"}, "Le secteur en bref"),
        ("finance", {"finance_solidaire", "finance_solidaire_scope"}, "la recherche de garanties"),
        ("specificites", {"traits", "positive_exit"}, "une notion débattue"),
        ("tendances", {"trends", "policy_report"}, "Son diagnostic, en 4 points"),
        ("formation", {"training"}, "Qui peut entrer"),
        ("contrat", {"contract"}, "rompu sans préavis"),
        ("chiffres", {"figures", "sectors_of_activity", "typology", "references"}, "en croisant quatre critères"),
    ],
)
def test_each_topic_shows_and_exports_its_new_facts(topic: str, keys: set[str], text: str) -> None:
    shown = run("sector", topic)
    assert shown.exit_code == 0 and text in shown.stdout.replace("\u00a0", " ").replace("\n", " ")
    later = {"later", "figures_later"} if topic == "chiffres" else {"later"}  # issue 12: what changed since
    assert set(json.loads(run("sector", topic, "-f", "json").stdout)) == keys | later


def test_typology_references_and_study_authors(sector: dict[str, Any]) -> None:
    assert len(sector["typology"]["criteria"]) == 4
    assert any("DARES" in r and "33.2" in r for r in sector["references"])
    assert "1966" in sector["study"]["note"] and "IDEST" in sector["study"]["note"]
