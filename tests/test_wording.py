"""What a counsellor reads: the same group has one name everywhere, no « 0 an », no false precision,
no capital mid-sentence, and notes that concern only what is shown."""

from __future__ import annotations

import pytest

from iae_cli.render import labels
from tests.conftest import run

ORIENT = ("orient", "--bac", "master", "--years", "2", "--domaine", "action-sociale", "--envie", "accompagner")


def _flat(*args: str, code: int = 0) -> str:
    result = run(*args, env={"COLUMNS": "250"})
    assert result.exit_code == code, result
    return " ".join(result.stdout.split())


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_match_and_orient_name_the_groups_alike(fmt: str) -> None:
    match = _flat("match", "--bac", "3", "--years", "2", "-f", fmt)
    orient = _flat(*ORIENT, "-f", fmt)
    for out in (match, orient):
        assert "Postes accessibles (1)" in out
        assert "Accessibles, avec une réserve (1)" in out
        assert "Postes à viser ensuite (5), du plus proche au plus lointain" in out
    for old in ("Ouverts, mais", "Les suivants", "Postes ouverts dès maintenant", "Presque"):
        assert old not in match and old not in orient


def test_orient_words_the_decisive_asset_as_match_does() -> None:
    orient = _flat(*ORIENT, "-f", "markdown", "--details").replace("\u00a0", " ")  # one cell: the sentence unbroken
    match = _flat("match", "--bac", "3", "--years", "2", "-f", "markdown").replace("\u00a0", " ")
    sentence = (
        "au moins 1 an selon le tableau de synthèse, mais l'étude tient 3 à 5 ans (action sociale) "
        "pour un atout déterminant : "
        "il vous en manque 1 an"
    )
    assert f"{sentence} (p. 43-46)" in orient and sentence[1:] in match  # the handout's cell opens with a capital
    assert "juge décisifs" not in orient


def test_compare_refuses_the_same_post_twice() -> None:
    result = run("compare", "charge-insertion", "charge-insertion")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        "iae : compare : « charge-insertion » donné deux fois ; donnez deux postes différents à comparer\n"
    )
    result = run("compare", "charge-insertion", "chargé d'insertion")
    assert result.exit_code == 2
    assert "« charge-insertion » et « chargé d'insertion » désignent le même poste (charge-insertion)" in result.stderr


def test_compare_says_a_shared_prefix_once_and_the_summary_table() -> None:
    out = _flat("compare", "charge-insertion", "directeur-regional-insertion")
    assert out.count("Double contrôle") == 1
    shown = run("show", "directeur-regional-insertion", "-s", "rattachement").stdout
    assert shown.count("Double contrôle") == 1 and "\n- Un comité régional de partenaires publics et privés" in shown
    assert "Double contrôle : la direction (directeur, délégué ou secrétaire général" in out
    assert "directeur du réseau) ; un comité régional de partenaires publics et privés" in out
    assert (
        "Le tableau de synthèse de l'étude (p. 15-20) l'ouvre dès 1 an, dans la tranche des jeunes cadres "
        "(1 à 5 ans) ; la fiche demande 5 ans et plus, et iae suit la fiche." in out
    )
    assert "Atout cité par l'étude pour le second poste : coordination de réseaux" in out


def test_fiche_handout_rounds_todays_euros_like_the_terminal() -> None:
    for fmt in ("markdown", "html"):
        out = run("show", "charge-insertion", "-f", fmt).stdout
        assert (
            "Soit environ 32–\u206039\u00a0k€ en euros de 2025 (ajustement sur les prix, non un salaire constaté)."
            in out
        )
        assert "32,4" not in out and ": devenu" not in out


def test_path_handout_title_and_how_many_steps_are_cited() -> None:
    out = run("path", "travailleur-social", "directeur-entreprise-insertion", "-f", "markdown").stdout
    assert out.startswith(
        "# Parcours\u00a0: Travailleur social (animateur, éducateur…) → Directeur d'une entreprise d'insertion\n"
    )
    assert "3 étapes\u00a0: 1 citée par l'étude, 2 déduites des fiches." in out


def test_steps_sentence_counts() -> None:
    from iae_cli.render.handout_views import steps_sentence

    assert steps_sentence(["stated"]) == "1 étape, citée par l'étude."
    assert steps_sentence(["stated", "stated"]) == "2 étapes, toutes citées par l'étude."
    assert steps_sentence(["inferred", "inferred"]) == (
        "2 étapes, toutes déduites des fiches (aucune n'est citée telle quelle par l'étude)."
    )
    assert steps_sentence(["inferred", "stated", "stated"]) == "3 étapes : 2 citées par l'étude, 1 déduite des fiches."


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_no_experience_reads_sans_experience_and_no_vae(fmt: str) -> None:
    out = _flat("match", "--bac", "0", "--years", "0", "-f", fmt, code=1)  # 1: no post open
    assert "PROFIL : BACCALAURÉAT, SANS EXPÉRIENCE" in out or "# Profil : baccalauréat, sans expérience" in out
    assert "0 an" not in out and "VAE" not in out
    out = _flat("match", "--bac", "3", "--years", "0", "-f", fmt)
    assert "0 an" not in out
    assert "bac+3 pour bac+2 demandé ; aucune expérience exigée" in out or fmt == "markdown"


def test_orient_offers_no_vae_without_experience() -> None:
    out = _flat("orient", "--bac", "0", "--years", "0", "--envie", "diriger")
    assert "Validation des acquis de l'expérience (VAE) :" not in out
    assert "Master MIESS" in out
    with_years = _flat("orient", "--bac", "0", "--years", "3", "--domaine", "insertion", "--envie", "diriger")
    assert "Validation des acquis de l'expérience (VAE) :" in with_years


def test_years_and_experience_words() -> None:
    assert labels.experience_of(0) == "sans expérience"
    assert labels.experience_of(1) == "1 an d'expérience"
    assert labels.experience_of(2.5) == "2,5 ans d'expérience"


def test_joined_items_keep_no_capital_mid_sentence() -> None:
    assert labels.lower_first("Leadership, vision") == "leadership, vision"
    assert labels.lower_first("ESAT et ETTI") == "ESAT et ETTI"
    assert labels.lower_first("ANPE") == "ANPE"
    assert labels.join_items(["Structures de l'IAE", "Entreprises solidaires"]) == (
        "Structures de l'IAE ; entreprises solidaires"
    )
    assert labels.join_items(["Double contrôle : La direction", "Double contrôle : Un comité"]) == (
        "Double contrôle : la direction ; un comité"
    )
    assert labels.join_items([]) == ""


def test_glossary_note_concerns_only_the_terms_shown() -> None:
    out = _flat("glossary", "ETTI")
    assert "Note : Dans l'étude : « sigle et mots », elle emploie le sigle et écrit aussi sa forme développée." in out
    assert "sigle seul" not in out and "mots seuls" not in out
    full = _flat("glossary")
    assert "« sigle seul »" in full and "« mots seuls »" in full
