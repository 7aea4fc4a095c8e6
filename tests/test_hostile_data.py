"""Hostile or broken data: always one located French error, never a traceback, a hang or executed code."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from iae_cli.scan import validate_folder
from tests.conftest import REPO, run

FICHE = "metiers/charge-insertion.yaml"


def _edit(data: Path, old: str, new: str, name: str = FICHE) -> Path:
    path = data / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _problems(data: Path) -> list[str]:
    return [str(p) for p in validate_folder(data)]


def _assert_refused(data: Path, *fragments: str) -> str:
    """validate lists the problem (exit 3) and list refuses the data (exit 3), both in French, located."""
    checked = run("validate", str(data))
    assert checked.exit_code == 3, checked
    for fragment in fragments:
        assert fragment in checked.stdout, checked.stdout
    listed = run("--data", str(data), "list")
    assert listed.exit_code == 3, listed
    assert listed.stdout == ""
    assert listed.stderr.startswith("iae : données inutilisables")
    assert "Traceback" not in listed.stderr + checked.stdout
    return checked.stdout


def test_yaml_syntax_error_gives_file_line_column(data_copy: Path) -> None:
    _edit(data_copy, "level: encadrement-proximite", "level: [encadrement-proximite")
    out = _assert_refused(data_copy, "charge-insertion.yaml:", "YAML invalide")
    line = next(line for line in out.splitlines() if "YAML invalide" in line)
    assert line.split(": ")[0].count(":") == 2  # file:line:column


def test_missing_required_field(data_copy: Path) -> None:
    _edit(data_copy, "mission:\n  text: >-\n", "mission_lost:\n  text: >-\n")
    _assert_refused(data_copy, "champ obligatoire « mission » manquant", "champ « mission_lost » : champ inconnu")


def test_wrong_type_names_field_and_line(data_copy: Path) -> None:
    path = _edit(data_copy, "  min_keur: 25", '  min_keur: "beaucoup"')
    line = path.read_text(encoding="utf-8").splitlines().index('  min_keur: "beaucoup"') + 1
    _assert_refused(data_copy, f"charge-insertion.yaml:{line}: champ « salary.min_keur » : attendu : un nombre")


def test_empty_file_and_non_mapping(data_copy: Path) -> None:
    (data_copy / FICHE).write_text("", encoding="utf-8")
    (data_copy / "metiers/liste.yaml").write_text("- a\n- b\n", encoding="utf-8")
    _assert_refused(
        data_copy, "charge-insertion.yaml:1: le fichier est vide", "liste.yaml:1: attendu : un ensemble de champs"
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("profile: jeune diplômé ou jeune cadre", "profile: no", "« no » a été lu comme un booléen (règle YAML 1.1)"),
        ("profile: jeune diplômé ou jeune cadre", "profile: on", 'écrivez-le entre guillemets, "on"'),
        ("profile: jeune diplômé ou jeune cadre", "profile: 2008-12-01", "a été lu comme une date"),
        ("  min_bac: 2", "  min_bac: 010", "nombre ambigu « 010 »"),
        ("  min_bac: 2", "  min_bac: 0x2", "nombre ambigu « 0x2 »"),
    ],
)
def test_yaml_11_traps_are_explained(data_copy: Path, old: str, new: str, expected: str) -> None:
    _edit(data_copy, old, new)
    _assert_refused(data_copy, expected)


def test_duplicate_key_refused(data_copy: Path) -> None:
    _edit(data_copy, "level: encadrement-proximite\n", "level: encadrement-proximite\nlevel: direction-generale\n")
    _assert_refused(data_copy, "clé « level » donnée deux fois (déjà ligne")


def test_same_id_in_two_files_names_both(data_copy: Path) -> None:
    (data_copy / "metiers/copie.yaml").write_text((data_copy / FICHE).read_text(encoding="utf-8"), encoding="utf-8")
    out = _assert_refused(data_copy, "copie.yaml:")
    assert any("déjà défini dans" in line and "charge-insertion.yaml:" in line for line in out.splitlines())


def test_role_id_clashing_with_a_fiche(data_copy: Path) -> None:
    _edit(data_copy, "  - id: travailleur-social", "  - id: charge-insertion", name="roles.yaml")
    _assert_refused(data_copy, "roles.yaml:", "« charge-insertion » déjà défini dans")


def test_reference_to_unknown_id(data_copy: Path) -> None:
    _edit(data_copy, "id: travailleur-social\n      link: stated", "id: travailleur-inconnu\n      link: stated")
    _assert_refused(data_copy, "champ « mobility.previous[0].id » : « travailleur-inconnu » n'est ni une fiche")


def test_python_tags_are_refused_and_nothing_runs(data_copy: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    _edit(
        data_copy,
        "profile: jeune diplômé ou jeune cadre",
        f'profile: !!python/object/apply:os.system ["touch {marker}"]',
    )
    _assert_refused(data_copy, "étiquette YAML refusée : tag:yaml.org,2002:python/object/apply:os.system")
    assert not marker.exists()


def test_unknown_local_tag_refused(data_copy: Path) -> None:
    _edit(data_copy, "profile: jeune diplômé ou jeune cadre", "profile: !secret valeur")
    _assert_refused(data_copy, "étiquette YAML refusée : !secret")


def test_alias_bomb_is_refused_quickly(data_copy: Path) -> None:
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        bomb.append(f"{cur}: &{cur} [{','.join(['*' + prev] * 9)}]")
    (data_copy / "metiers/bombe.yaml").write_text("\n".join(bomb) + "\n", encoding="utf-8")
    for args in (
        ["validate", str(data_copy)],
        ["--data", str(data_copy), "list"],
        ["--data", str(data_copy), "show", "x"],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "iae_cli", *args], capture_output=True, text=True, timeout=2, check=False
        )
        assert done.returncode == 3
        assert "les alias YAML (*nom) ne sont pas acceptés" in done.stdout + done.stderr


def test_merge_keys_refused(data_copy: Path) -> None:
    _edit(data_copy, "salary:\n", "base: &base {year: 2008}\nsalary:\n  <<: *base\n")
    assert any("alias" in p or "fusion" in p for p in _problems(data_copy))


def test_oversized_file(data_copy: Path) -> None:
    (data_copy / "metiers/gros.yaml").write_text("# " + "x" * (1024 * 1024 + 10) + "\n", encoding="utf-8")
    _assert_refused(data_copy, "gros.yaml: fichier trop gros")


def test_non_utf8_file_names_its_line(data_copy: Path) -> None:
    (data_copy / "metiers/latin1.yaml").write_bytes("id: a\n# café\n".encode("latin-1"))
    _assert_refused(data_copy, "latin1.yaml:2: le fichier n'est pas en UTF-8")


def test_utf8_bom_is_accepted(data_copy: Path) -> None:
    path = data_copy / FICHE
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert _problems(data_copy) == []
    assert run("--data", str(data_copy), "show", "charge-insertion").exit_code == 0


def test_directory_named_like_a_fiche(data_copy: Path) -> None:
    (data_copy / "metiers/dossier.yaml").mkdir()
    _assert_refused(data_copy, "dossier.yaml: c'est un dossier")


def test_unreadable_fiche_folder(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """metiers/ that cannot be listed (chmod does not stop root, so the refusal is simulated)."""
    import os

    original = os.listdir

    def deny(path: str) -> list[str]:
        if str(path).endswith("metiers"):
            raise PermissionError(13, "Permission denied")
        return original(path)

    monkeypatch.setattr(os, "listdir", deny)
    result = run("--data", str(data_copy), "list")
    assert result.exit_code == 3, result
    said = f"{data_copy / 'metiers'}: impossible de lire le dossier des fiches : accès refusé (permissions)"
    assert result.stderr == f"iae : données inutilisables :\n  {said}\n"
    assert [str(p) for p in _problems(data_copy)] == [said]


def test_unreadable_file(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "charge-insertion.yaml":
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    assert any("charge-insertion.yaml: lecture refusée (permissions)" in p for p in _problems(data_copy))
    result = run("--data", str(data_copy), "list")
    assert result.exit_code == 3 and "lecture refusée" in result.stderr


def test_missing_data_folder(tmp_path: Path) -> None:
    result = run("--data", str(tmp_path / "nulle-part"), "list")
    assert result.exit_code == 3
    assert "dossier de données introuvable" in result.stderr
    env_result = run("list", env={"IAE_DATA": str(tmp_path / "ailleurs")})
    assert env_result.exit_code == 3 and "ailleurs" in env_result.stderr
    assert run("validate", str(tmp_path / "nulle-part")).exit_code == 3


def test_folder_without_fiches_dir(tmp_path: Path) -> None:
    result = run("--data", str(tmp_path), "list")
    assert result.exit_code == 3 and "dossier des fiches introuvable" in result.stderr


def test_symlink_loops(data_copy: Path, tmp_path: Path) -> None:
    loop = data_copy / "metiers/boucle.yaml"
    loop.symlink_to(loop)
    _assert_refused(data_copy, "boucle.yaml: lecture impossible")
    folder_loop = tmp_path / "loop"
    folder_loop.symlink_to(folder_loop)
    result = run("--data", str(folder_loop), "list")
    assert result.exit_code == 3 and "boucle de liens symboliques" in result.stderr


def test_validate_lists_every_problem_in_one_run(data_copy: Path) -> None:
    _edit(data_copy, "  min_keur: 25", "  min_keur: -4")
    _edit(data_copy, "level: direction-generale", "level: chef", name="metiers/directeur-reseau-insertion.yaml")
    _edit(data_copy, "  - {term: ACI,", "  - {terme: ACI,", name="glossaire.yaml")
    out = run("validate", str(data_copy)).stdout
    assert "charge-insertion.yaml" in out and "directeur-reseau-insertion.yaml" in out and "glossaire.yaml" in out
    assert "4 problème(s)" in out  # the glossary line lacks « term » and has an unknown key


def test_validate_json(data_copy: Path) -> None:
    import json

    _edit(data_copy, "  min_keur: 25", "  min_keur: 99")
    payload = json.loads(run("validate", str(data_copy), "-f", "json").stdout)
    assert payload["valid"] is False
    assert payload["problems"][0]["file"].endswith("charge-insertion.yaml")
    assert payload["problems"][0]["line"] > 1 and "maximum inférieur au minimum" in payload["problems"][0]["message"]


def test_commands_never_write_into_the_data(data_copy: Path) -> None:
    def digest() -> str:
        h = hashlib.sha256()
        for path in sorted(data_copy.rglob("*")):
            h.update(str(path).encode())
            if path.is_file():
                h.update(path.read_bytes())
        return h.hexdigest()

    before = digest()
    for args in (
        ["list"],
        ["show", "charge-insertion"],
        ["match", "--bac", "3", "--years", "2"],
        ["sector"],
        ["path", "charge-insertion"],
        ["glossary"],
    ):
        assert run("--data", str(data_copy), *args).exit_code in (0, 1)
    assert run("validate", str(data_copy)).exit_code == 0
    assert digest() == before


# ---------------------------------------------------------------- text that terminals or Rich would interpret

HOSTILE_TITLE = "[bold]Gras[/] [link=https://example.com]lien[/link] :smile: \x1b]0;pwned\x07 \x1b[2J fin"


def test_markup_emoji_and_control_codes_print_literally(data_copy: Path) -> None:
    _edit(
        data_copy,
        "  masculine: Chargé d'insertion",
        f'  masculine: "{HOSTILE_TITLE.encode("unicode_escape").decode()}"',
    )
    result = run("--data", str(data_copy), "show", "charge-insertion")
    assert result.exit_code == 0, result
    assert "[BOLD]GRAS[/] [LINK=HTTPS://EXAMPLE.COM]LIEN[/LINK] :SMILE:" in result.stdout  # the heading is upper case
    section = run("--data", str(data_copy), "list", env={"COLUMNS": "200"})
    assert "[bold]Gras[/] [link=https://example.com]lien[/link] :smile:" in section.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    for fmt in ("json", "yaml", "markdown"):
        out = run("--data", str(data_copy), "show", "charge-insertion", "-f", fmt).stdout
        assert "\x1b" not in out and "\x07" not in out


def test_rich_rendering_keeps_markup_literal() -> None:
    import io

    from rich.console import Console

    from iae_cli.render.document import Bullets, Document, Heading
    from iae_cli.render.terminal import _block

    doc = Document().add(Heading(HOSTILE_TITLE), Bullets(("[red]rouge[/red]", ":thumbs_up:")))
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="truecolor", width=80, markup=False, emoji=False)
    for block in doc.blocks:
        console.print(_block(block, 80))
    out = buffer.getvalue()
    assert "[bold]Gras[/]" in out and ":smile:" in out and "[red]rouge[/red]" in out and ":thumbs_up:" in out
    assert "]0;pwned" not in out.replace("\N{REPLACEMENT CHARACTER}]0;pwned", "")


def test_very_long_text_wraps_at_80_and_40_columns(data_copy: Path) -> None:
    long_item = "mot " * 1250
    _edit(data_copy, "        - Conduire les recrutements", f"        - {long_item.strip()}")
    for columns in ("80", "40"):
        result = run("--data", str(data_copy), "show", "charge-insertion", env={"COLUMNS": columns})
        assert result.exit_code == 0
        assert max(len(line) for line in result.stdout.splitlines()) <= int(columns)
    narrow = run("--data", str(data_copy), "list", env={"COLUMNS": "40"})
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 40


# ---------------------------------------------------------------- a pass over the code


def test_code_has_no_unsafe_yaml_no_markup_from_data_no_broad_except() -> None:
    sources = {p: p.read_text(encoding="utf-8") for p in (REPO / "src").rglob("*.py")}
    for path, text in sources.items():
        assert "yaml.load(" not in text and "unsafe_load" not in text and "yaml.Loader" not in text, path
        for broad in ("except Exception", "except BaseException", "except:"):
            assert broad not in text, (path, broad)
        assert "markup=True" not in text and "from_markup" not in text and "Text.from_ansi" not in text, path
    assert "markup=False" in sources[REPO / "src/iae_cli/render/terminal.py"]


def test_no_file_outside_the_cache_is_written(data_copy: Path, tmp_path: Path, isolated_cache: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    before = set(os.listdir(tmp_path))
    run("--data", str(data_copy), "list", env={"HOME": str(home)})
    assert set(os.listdir(tmp_path)) == before
    assert list(home.iterdir()) == []
    assert any(isolated_cache.iterdir())


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("", "nom de poste vide"),
        ("   ", "nom de poste vide"),
        ("x" * 10_000, "nom de poste trop long (10000 caractères"),
        ("\x1b[31m\x07\x00", "aucun poste ne s'appelle"),
        ("charge\x1b[2J-insertion-zzz", "aucun poste ne s'appelle"),
        ("responsable", "ambigu"),
    ],
)
def test_hostile_names_get_a_french_message_and_code_2(name: str, expected: str) -> None:
    result = run("show", name)
    assert result.exit_code == 2, result
    assert expected in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr and "\x00" not in result.stderr
    assert len(result.stderr) < 500
    path = run("path", name, "charge-insertion")
    assert path.exit_code == 2 and "\x1b" not in path.stderr
