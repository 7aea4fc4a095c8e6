"""Every id leads somewhere, and input forgives: roles, levels, names, formats, --data anywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from iae_cli.cli import names
from tests.conftest import DATA, run


def flat(*args: str) -> str:
    return " ".join(run(*args).stdout.split())


@pytest.mark.parametrize("role", ["travailleur-social", "directeur-general-association", "cadre-centre-social"])
def test_every_role_is_shown_with_what_the_study_says_and_where(role: str) -> None:
    result = run("show", role)
    assert result.exit_code == 0 and f"Identifiant : {role}" in result.stdout
    assert "Ce qu'en dit l'étude" in result.stdout and "Y mènent" in result.stdout and "Mène à" in result.stdout


@pytest.mark.parametrize(
    ("role", "cited"),
    [  # the study lists these four among a fiche's « Postes précédents (p-1) »
        ("cadre-centre-social", "parmi les postes précédents (p-1) de la fiche « Responsable d'un site d'insertion »"),
        (
            "charge-mission-association",
            "parmi les postes précédents (p-1) de la fiche « Directeur régional d'une structure d'insertion »",
        ),
        (
            "conseiller-microcredit",
            "parmi les postes précédents (p-1) de la fiche « Responsable de conseillers en microcrédit »",
        ),
        (
            "responsable-insertion-association",
            "parmi les postes précédents (p-1) de la fiche « Directeur d'une entreprise d'insertion »",
        ),
        (  # p+1 of two fiches (p. 31-34, 39-42)
            "directeur-general-association",
            "parmi les évolutions (p+1) des fiches « Directeur d'un réseau national d'insertion » et "
            "« Responsable fonctionnel dans une structure d'insertion »",
        ),
    ],
)
def test_a_role_is_cited_as_the_career_graph_says(role: str, cited: str) -> None:
    said = flat("show", role)
    assert f"L'étude le cite {cited}, sans le décrire davantage." in said
    assert "parmi les évolutions d'une fiche" not in said


def test_a_role_says_which_fiches_lead_from_it() -> None:
    said = flat("show", "travailleur-social")
    assert "L'étude le cite parmi les postes précédents (p-1) de la fiche « Chargé d'insertion »." in said
    assert "La fiche en parle comme d'une première expérience." in said
    assert "Chargé d'insertion [charge-insertion] — cité par l'étude, p. 47-50" in said
    payload = json.loads(run("show", "travailleur-social", "-f", "JSON").stdout)
    assert payload["kind"] == "role" and [e["to"] for e in payload["next"]] == ["charge-insertion"]


def test_list_roles_and_show_without_a_name_list_the_choices() -> None:
    roles = run("list", "--roles")
    assert roles.exit_code == 0 and "travailleur-social" in roles.stdout and "conseiller-microcredit" in roles.stdout
    choices = run("show")
    assert choices.exit_code == 0 and "charge-insertion" in choices.stdout and "cadre-centre-social" in choices.stdout


def test_path_resolves_names_as_show_does() -> None:
    assert "Identifiant : charge-insertion" in run("show", "charge").stdout
    route = run("path", "charge", "directeur-reseau")
    assert route.exit_code == 0 and "directeur-reseau-insertion" in route.stdout


@pytest.mark.parametrize(
    ("word", "level"),
    [
        ("direction", "direction-generale"),
        ("intermediaire", "encadrement-intermediaire"),
        ("proximité", "encadrement-proximite"),
    ],
)
def test_level_takes_a_word_and_states_the_filter(word: str, level: str) -> None:
    result = run("list", "-l", word)
    assert result.exit_code == 0 and f"(--level {level})" in " ".join(result.stdout.split())


def test_an_ambiguous_level_is_refused_with_the_choices() -> None:
    result = run("match", "--bac", "5", "--years", "5", "-l", "encadrement")
    assert result.exit_code == 2 and "encadrement-intermediaire ou encadrement-proximite" in result.stderr


@pytest.mark.parametrize(
    ("bac", "years", "profile"),
    [
        ("licence", "3 ans", {"bac": 3, "diploma": "licence (bac+3)", "years": 3.0, "domain": None}),
        ("BTS", "1,5", {"bac": 2, "diploma": "BTS (bac+2)", "years": 1.5, "domain": None}),
        ("Master", "2 années", {"bac": 5, "diploma": "master (bac+5)", "years": 2.0, "domain": None}),
    ],
)
def test_bac_takes_diploma_names_and_years_takes_units(bac: str, years: str, profile: dict[str, object]) -> None:
    payload = json.loads(run("match", "--bac", bac, "--years", years, "-f", "Json").stdout)
    assert payload["profile"] == profile


def test_formats_forgive_case_and_short_names_and_data_comes_after_the_command() -> None:
    assert run("show", "charge-insertion", "-f", "md").stdout.startswith("# Chargé d'insertion")
    assert run("show", "charge-insertion", "-f", "YML").stdout.startswith("id: charge-insertion")
    assert run("list", "--data", str(DATA), "-f", "json").exit_code == 0


def test_sections_may_be_repeated() -> None:
    text = run("show", "charge-insertion", "-s", "salaire", "-s", "diplome").stdout
    assert "Rémunération" in text and "Diplôme" in text and "Activités" not in text
    payload = json.loads(run("show", "charge-insertion", "-s", "salaire", "-s", "diplome", "-f", "json").stdout)
    assert set(payload) == {"id", "salary", "diploma"}


def test_glossary_puts_the_exact_acronym_first_and_points_to_its_sector_topic() -> None:
    text = run("glossary", "PEC").stdout
    assert text.startswith("PEC") or "\nPEC " in text
    assert "Apec " not in text  # « pec » inside « Apec » is no whole word
    assert "ETTI : iae sector structures" in flat("glossary", "ETTI")
    assert "CNEI : iae sector reseaux" in flat("glossary", "CNEI")


def _terms(query: str) -> list[str]:
    return [t["term"] for t in json.loads(run("glossary", query, "-f", "json").stdout)]


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("RMI", ["RMI"]),  # not CDD, CDI, « CDI inclusion » for the « rmi » of « déterminée »
        ("ESS", ["ESS"]),  # not ATD for « détresse », nor MIESS
        ("ME", ["ME"]),  # not AI, MEDEF, IME…
        ("DÉTRESSE", ["ATD"]),  # accents and case folded
        ("cddi", ["CDD insertion (CDDI)"]),
    ],
)
def test_glossary_matches_whole_words_only(query: str, terms: list[str]) -> None:
    assert _terms(query) == terms


def test_version_short_option() -> None:
    assert run("-V").stdout.startswith("iae ")


def test_completion_sets_need_no_yaml() -> None:
    assert "travailleur-social" in names.complete_post_id(None, "trav")
    assert names.complete_level("encadrement-p") == ["encadrement-proximite"]
    assert "ETTI" in names.complete_term(None, "ET")
    assert names.complete_command("sh") == ["show"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [("iae glossary ET", ["ETAIE", "ETP", "ETTI"]), ("iae sector st", ["structures"]), ("iae show x -f j", ["json"])],
)
def test_tab_completes_terms_topics_and_formats(words: str, expected: list[str], tmp_path: Path) -> None:
    env = {
        **os.environ,
        "_IAE_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
    }
    done = subprocess.run([sys.executable, "-m", "iae_cli"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.stdout.split() == expected
