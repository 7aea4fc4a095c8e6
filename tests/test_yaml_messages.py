"""Every YAML syntax error reads in French, at the right line and column (libyaml speaks English)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iae_cli.yamlsafe import YamlProblem, load_yaml
from tests.conftest import run

CASES = [
    ("a:\n\tb: 1\n", "2:1", "tabulation interdite en YAML (indentez avec des espaces)"),
    ("a:\n  - x\n \t- y\n", "3:2", "tabulation interdite en YAML (indentez avec des espaces)"),
    ("a: 1\n---\nb: 2\n", "2:1", "un seul document par fichier (supprimez « --- » ou « ... » au milieu)"),
    ("a: 1\n...\nb: 2\n", "3:1", "un seul document par fichier (supprimez « --- » ou « ... » au milieu)"),
    ("é: bé\x01\n", "1:6", "caractère invisible U+0001 interdit en YAML (supprimez-le)"),
    ("a: b\n c: \x00\n", "2:5", "caractère invisible U+0000 interdit en YAML (supprimez-le)"),
    ('a: "\\xZZ"\n', "1:7", "séquence d'échappement \\x, \\u ou \\U incomplète entre guillemets"),
    ('a: "\\uD800"\n', "1:7", "séquence d'échappement \\u ou \\U hors d'Unicode"),
    ("a: !x!y b\n", "1:4", "étiquette YAML inconnue (« ! » en début de valeur : mettez-la entre guillemets)"),
    ("a: !b[ c\n", "1:6", "étiquette YAML (« ! ») mal formée (mettez la valeur entre guillemets)"),
    ('a: "x\n---\ny"\n', "2:1", "« --- » ou « ... » en début de ligne dans un texte entre guillemets"),
    ("%YAML 1.1\n%YAML 1.1\n---\na: 1\n", "2:1", "directive YAML (« % ») invalide ou en double"),
    ("a: &\n", "1:5", "nom d'ancre ou d'alias invalide"),
    ("a: |x\n  y\n", "1:5", "texte inattendu après « | » ou « > »"),
    ("a: |0\n x\n", "1:5", "indicateur d'indentation 0 après « | » ou « > » (1 à 9)"),
    ("a: [1, 2\nb: 3\n", "2:2", "« , » ou « ] » attendu (crochet non fermé ?)"),
    ("a: 'x\n", "2:1", "fin de fichier inattendue (guillemet non fermé ?)"),
    ("a: @x\n", "1:4", "caractère interdit en début de valeur (mettez-la entre guillemets)"),
]


@pytest.mark.parametrize(("text", "where", "message"), CASES)
def test_syntax_error_in_french(tmp_path: Path, text: str, where: str, message: str) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8", newline="")
    with pytest.raises(YamlProblem) as raised:
        load_yaml(path, "f.yaml")
    assert str(raised.value.problem) == f"f.yaml:{where}: YAML invalide : {message}"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=list("ab:- \n\t'\"[]{},#&*!|>%@`?.\\xu0\x01é"), max_size=40))
def test_no_english_reaches_the_user(tmp_path: Path, text: str) -> None:
    """libyaml's English stays behind the translation table (30,000 such texts were tried once)."""
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8", newline="")
    try:
        load_yaml(path, "f.yaml")
    except YamlProblem as problem:
        assert "erreur de syntaxe (" not in problem.problem.message, problem.problem.message


def test_the_cli_shows_the_french_message(data_copy: Path) -> None:
    path = data_copy / "metiers" / "charge-insertion.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nid:", "\n\tid:", 1), encoding="utf-8")
    result = run("validate", str(data_copy))
    assert result.exit_code == 3
    assert "charge-insertion.yaml:3:1: YAML invalide : tabulation interdite en YAML" in result.stdout


_SCALAR = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["no", "On", "~", "null", "0x1F", "010", "1_000", "2008-01-01", ".inf", "-.NaN", "1e3", "+12", "="]
    ),
    st.from_regex(r"[-+]?[0-9_.:eE]{1,10}", fullmatch=True),
)


@given(_SCALAR, st.booleans())
def test_implicit_tags_are_pyyamls(value: str, plain: bool) -> None:
    """The reader's faster resolver gives every scalar the tag PyYAML's safe loader would."""
    import yaml

    from iae_cli.yamlsafe import _Loader

    expected = yaml.SafeLoader.resolve(yaml.SafeLoader(""), yaml.ScalarNode, value, (plain, not plain))
    assert _Loader.resolve(None, yaml.ScalarNode, value, (plain, not plain)) == expected
    for kind in (yaml.SequenceNode, yaml.MappingNode):
        assert _Loader.resolve(None, kind, None, (True, True)) == yaml.SafeLoader.resolve(
            yaml.SafeLoader(""), kind, None, (True, True)
        )
