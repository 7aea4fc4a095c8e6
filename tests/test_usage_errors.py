"""Command-line mistakes: one French sentence on stderr, the help to read, exit code 2."""

from __future__ import annotations

import pytest

from iae_cli.cli.app import COMMANDS
from tests.conftest import run

CASES = [
    (["--bogus"], "option inconnue : --bogus (aide : iae --help)"),
    (["lsit"], "commande inconnue : « lsit » ; vouliez-vous dire site ou list ou validate ?"),
    (["shwo"], "commande inconnue : « shwo » ; vouliez-vous dire show ?"),
    (
        ["--data", "data"],
        "commande manquante ; commandes : " + ", ".join(COMMANDS) + " (voir « iae help »)",
    ),
    (["list", "--format"], "l'option --format attend une valeur (aide : iae list --help)"),
    (["--data", "list", "list", "--level"], "l'option --level attend une valeur (aide : iae list --help)"),
    (["match", "--bac", "3"], "option manquante : --years (aide : iae match --help)"),
    (["path"], "argument manquant : DÉPART (aide : iae path --help)"),
    (["path", "-s"], "option inconnue : -s (aide : iae path --help)"),
    (["list", "--roles=oui"], "l'option --roles ne prend pas de valeur (aide : iae list --help)"),
    (
        ["list", "-l", "encadrement"],
        "niveau « encadrement » ambigu ; il peut désigner "
        "encadrement-intermediaire ou encadrement-proximite : précisez",
    ),
    (
        ["show", "charge", "-f", "pdf"],
        "format « pdf » non proposé ici ; formats possibles : table, json, yaml, markdown, html",
    ),
    (["help", "shwo"], "commande inconnue : « shwo » ; vouliez-vous dire show ?"),
    (
        ["path", "charge-insertion", "directeur-reseau-insertion", "--all=3"],
        "l'option --all ne prend pas de valeur (aide : iae path --help)",
    ),
    (["glossary", "CAE", "ANPE"], "argument(s) en trop : ANPE (aide : iae glossary --help)"),
    (["validate", " "], "DOSSIER attend un chemin ; reçu : une chaîne vide"),
    (["--data", "", "list"], "--data attend un dossier ; reçu : une chaîne vide"),
]


@pytest.mark.parametrize(("args", "said"), CASES, ids=[" ".join(a) for a, _ in CASES])
def test_usage_error(args: list[str], said: str) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"iae : {said}\n")


@pytest.mark.parametrize(
    "args",
    [
        ["match", "--bac", "²", "--years", "3"],
        ["match", "--bac", "５", "--years", "3"],
        ["match", "--bac", "5", "--years", "3", "--near", "²"],
        ["path", "charge-insertion", "directeur-reseau-insertion", "--max", "①"],
    ],
)
def test_digits_that_are_not_whole_numbers_are_refused(args: list[str]) -> None:
    """« ² » passes str.isdigit() but not int(): a French sentence, never a traceback."""
    result = run(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("iae : --") and "reçu : «" in result.stderr


@pytest.mark.parametrize("args", [["validate", "a\x00b"], ["--data", "a\x00b", "list"]])
def test_a_nul_character_in_a_path_is_a_data_error(args: list[str]) -> None:
    """No shell can pass a NUL, but an in-process caller can: a located French error, not a traceback."""
    result = run(*args)
    assert result.exit_code == 3
    assert "a\N{REPLACEMENT CHARACTER}b: chemin invalide (caractère nul)" in result.stdout + result.stderr
