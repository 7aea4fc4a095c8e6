"""`iae list`, `show`, `sector`, `glossary`, `validate` through the CLI."""

from __future__ import annotations

import json

import pytest
import yaml

from tests.conftest import run


@pytest.mark.parametrize(
    "name",
    [
        "charge-insertion",
        "chargé-insertion",
        "Chargé d'insertion",
        "CHARGÉE D'INSERTION",
        "chargee d insertion",
        "cadre chargé d'insertion",
        "charge",
    ],
)
def test_show_accepts_every_form_of_the_name(name: str) -> None:
    result = run("show", name, "--format", "json")
    assert result.exit_code == 0, result
    assert json.loads(result.stdout)["id"] == "charge-insertion"


def test_show_by_study_alias_of_responsable_fonctionnel() -> None:
    result = run("show", "Responsable de service dans une structure d'insertion", "-f", "json")
    assert json.loads(result.stdout)["id"] == "responsable-fonctionnel"


def test_show_text_has_every_section() -> None:
    result = run("show", "charge-insertion")
    assert result.exit_code == 0
    for heading in (
        "Mission",
        "Rémunération",
        "Qui recrute ?",
        "Rattachement hiérarchique",
        "Relations",
        "Activités",
        "Diplôme",
        "Expérience",
        "Compétences",
        "Mobilité",
        "Exemples d'offres",
        "Sources",
    ):
        assert f"\n{heading}\n" in result.stdout
    shown = result.stdout.replace("\u00a0", " ")
    assert "25–30 k€ brut/an en 2008 (≈ 32–39 k€ de 2025), pour un profil : jeune diplômé ou" in shown
    assert "\x1b" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_show_one_section() -> None:
    result = run("show", "responsable-site-insertion", "--section", "experience")
    assert "Durée : dès 1 an (3 à 5 ans : atout déterminant)" in " ".join(result.stdout.split())  # an asset
    shown = " ".join(result.stdout.split())
    assert "(p. 15-20) l'ouvre dès 1 an, dans la tranche des jeunes cadres" in shown  # table differs
    assert "iae retient le seuil du tableau comme condition" in shown
    # « non exigée » is not « open to beginners »: the three example offers (p. 43-46) ask 5 years or more
    assert "Les trois exemples d'offre de la fiche demandent tous au moins 5 ans d'expérience." in shown
    assert "qui fait foi" not in shown and "et iae suit la fiche." not in shown
    regional = run("show", "directeur-regional-insertion", "--section", "experience")
    assert "dès 1 an" in regional.stdout
    assert "Mission" not in result.stdout


def test_show_unknown_section_lists_the_sections() -> None:
    result = run("show", "charge-insertion", "--section", "salaires-futurs")
    assert result.exit_code == 2
    assert "sections possibles" in result.stderr and "mobilite" in result.stderr


def test_show_unknown_name_suggests_close_ids() -> None:
    result = run("show", "charge-insertio")
    assert result.exit_code == 0  # a prefix of one id is enough
    result = run("show", "chrge-insrtion")
    assert result.exit_code == 2
    assert "charge-insertion" in result.stderr
    assert result.stdout == ""


def test_show_ambiguous_name_exits_2_and_lists_candidates() -> None:
    result = run("show", "directeur")
    assert result.exit_code == 2
    assert "ambigu" in result.stderr
    for candidate in ("directeur-entreprise-insertion", "directeur-reseau-insertion", "directeur-regional-insertion"):
        assert candidate in result.stderr


def test_show_markdown_is_a_document() -> None:
    result = run("show", "directeur-reseau-insertion", "--format", "markdown")
    assert result.stdout.startswith("# Directeur d'un réseau national d'insertion / Directrice")
    assert "\n## Mission\n" in result.stdout and "\n## Exemples d'offres\n" in result.stdout


def test_show_yaml_round_trips_to_the_json() -> None:
    as_yaml = yaml.safe_load(run("show", "responsable-fonctionnel", "-f", "yaml").stdout)
    as_json = json.loads(run("show", "responsable-fonctionnel", "-f", "json").stdout)
    assert as_yaml == as_json


def test_show_refuses_a_format_it_does_not_offer() -> None:
    result = run("show", "charge-insertion", "--format", "mermaid")
    assert result.exit_code == 2
    assert "table, json, yaml, markdown" in result.stderr


def test_list_filters_by_level() -> None:
    result = run("list", "--level", "direction-generale", "-f", "json")
    assert [f["id"] for f in json.loads(result.stdout)] == [
        "directeur-entreprise-insertion",
        "directeur-reseau-insertion",
    ]
    result = run("list", "--level", "Encadrement de proximité", "-f", "json")
    assert len(json.loads(result.stdout)) == 3
    assert run("list", "--level", "patron").exit_code == 2


def test_list_text_fits_80_columns() -> None:
    result = run("list")
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "35–50 k€" in result.stdout and "débutant accepté" in result.stdout


def test_sector_topics() -> None:
    result = run("sector", "structures")
    assert "820" in result.stdout and "840" in result.stdout and "210" in result.stdout and "ambigu" in result.stdout
    result = run("sector", "réseaux", "-f", "json")
    assert [n["id"] for n in json.loads(result.stdout)["networks"]] == [
        "cnei",
        "coorace",
        "fnars",
        "face",
        "adie",
        "france-active",
        "cniae",
    ]
    assert "6 à 24 mois" in run("sector", "contrat").stdout
    assert "MIESS" in run("sector", "formation").stdout
    assert run("sector", "météo").exit_code == 2


def test_sector_overview_covers_every_topic() -> None:
    result = run("sector")
    for text in (
        "Les structures de l'IAE",
        "Réseaux et instances",
        "Chiffres du secteur",
        "17\u00a0000",
        "230\u00a0000",
        "Facteurs d'évolution",
        "Formations",
        "Nouveaux métiers de la RSE",
    ):
        assert text in result.stdout


def test_glossary_term_and_search() -> None:
    assert "Contrat d'accompagnement dans l'emploi" in run("glossary", "cae").stdout
    result = run("glossary", "emploi", "-f", "json")
    terms = {t["term"] for t in json.loads(result.stdout)}
    assert {"ANPE", "CAE", "DGEFP"} <= terms
    missing = run("glossary", "zzzz")
    assert missing.exit_code == 1 and "aucun sigle" in missing.stderr


def test_validate_shipped_data() -> None:
    result = run("validate")
    assert result.exit_code == 0
    assert "données valides" in result.stdout


def test_empty_data_option_is_refused() -> None:
    result = run("--data", "", "list")
    assert result.exit_code == 2 and "--data" in result.stderr


def test_iae_alone_prints_the_help() -> None:
    result = run()
    assert result.exit_code == 0
    assert result.stdout.startswith("Utilisation\u00a0: iae [OPTIONS] COMMANDE [ARGUMENTS]...")
    assert "\nCommandes\u00a0:\n" in result.stdout and "\nOptions\u00a0:\n" in result.stdout
    assert result.stderr == ""


def test_show_words_assets_and_contradictions_as_the_study_does() -> None:
    def flat(*args: str) -> str:
        return " ".join(run("show", *args).stdout.split())

    diploma = flat("directeur-reseau-insertion", "-s", "diplome")
    assert "Un atout, pas une condition : management, gestion d'entreprise, droit" in diploma
    reporting = flat("directeur-reseau-insertion", "-s", "rattachement")
    assert "L'étude se contredit." in reporting and "conseil d'administration (« CA »)" in reporting
    salary = flat("responsable-fonctionnel", "-s", "salaire")
    assert "payé comme un cadre confirmé (35 à 45 k€)" in salary and "jeunes cadres" in salary
    assert "L'étude se contredit" not in flat("charge-insertion", "-s", "salaire")
    offers = flat("responsable-fonctionnel", "-s", "offres")
    assert "Rattachement : Le directeur adjoint" in offers


def test_show_json_carries_reporting_assets_and_disagreements() -> None:
    import json

    network = json.loads(run("show", "directeur-reseau-insertion", "-f", "json").stdout)
    assert network["diploma"]["asset_fields"] == ["management", "gestion d'entreprise", "droit"]
    assert network["experience"]["standing"] == "required"
    assert [d["about"] for d in network["disagreements"]] == ["reporting"]
    assert network["offers"][0]["reporting"].startswith("Le président et le directeur général")
    site = json.loads(run("show", "responsable-site-insertion", "-f", "json").stdout)
    assert site["experience"]["standing"] == "decisive-asset"
    assert [o["reporting"] for o in site["offers"]][2] == "Le président local"
