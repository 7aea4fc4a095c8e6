"""The installed program: console script, `python -m iae_cli`, a wheel, and the editable install."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import iae_cli
from iae_cli.paths import shipped_data_dir
from tests.conftest import REPO, run

BIN = Path(sys.executable).parent


def _env(**extra: str) -> dict[str, str]:
    # PYTHONUNBUFFERED off, as in a user's shell: output then sits in buffers until flushed.
    hidden = ("IAE_DATA", "PYTHONPATH", "NO_COLOR", "PYTHONUNBUFFERED")
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    env.update(extra)
    return env


def test_console_script_runs_from_any_folder(tmp_path: Path) -> None:
    script = BIN / "iae"
    assert script.exists(), "install the project first (see README)"
    done = subprocess.run(
        [str(script), "list", "--format", "json"], cwd=tmp_path, capture_output=True, text=True, env=_env(), check=False
    )
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)) == 7


def test_python_dash_m(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "iae_cli", "show", "chargé-insertion", "--section", "salaire"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=_env(),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "25–30 k€" in done.stdout
    assert "\x1b" not in done.stdout  # piped: plain text


def test_errors_reach_stderr_without_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "iae_cli", "show", "nimporte"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=_env(),
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("iae : ") and "Traceback" not in done.stderr


def test_editable_install_reads_the_top_level_data() -> None:
    package = Path(iae_cli.__file__).resolve().parent
    if package != REPO / "src" / "iae_cli":
        pytest.skip("not an editable install")
    assert shipped_data_dir() == REPO / "data"


def test_wheel_carries_the_data(tmp_path: Path) -> None:
    """A non-editable install works from another folder: the wheel ships data/ inside the package."""
    target = tmp_path / "site"
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    assert (target / "iae_cli" / "data" / "metiers" / "charge-insertion.yaml").is_file()
    assert (target / "iae_cli" / "data" / "schema" / "fiche.schema.json").is_file()
    probe = "import iae_cli, iae_cli.paths as p; print(iae_cli.__file__); print(p.shipped_data_dir())"
    shown = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=_env(PYTHONPATH=str(target)),
        check=True,
    ).stdout.splitlines()
    assert shown[0].startswith(str(target)) and shown[1] == str(target / "iae_cli" / "data")
    done = subprocess.run(
        [sys.executable, "-m", "iae_cli", "list", "-f", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=_env(PYTHONPATH=str(target)),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)) == 7


@pytest.mark.parametrize(
    "args",
    [
        ["show", "charge-insertion", "-f", "json"],
        ["match", "--bac", "5", "--years", "3"],
        ["match", "--bac", "0", "--years", "0", "--level", "direction-generale"],  # no post: exit 3
        ["path", "charge-insertion", "nimporte"],  # unknown name: exit 2, message on stderr
        ["--version"],
    ],
)
def test_the_process_ends_with_everything_written(args: list[str], tmp_path: Path) -> None:
    """The console script leaves without interpreter teardown: output and exit code must be whole."""
    done = subprocess.run(
        [str(BIN / "iae"), *args], cwd=tmp_path, capture_output=True, text=True, env=_env(COLUMNS="80"), check=False
    )
    expected = run(*args)
    assert (done.returncode, done.stdout, done.stderr) == (expected.exit_code, expected.stdout, expected.stderr)


def test_a_reader_that_leaves_early_gets_no_traceback(tmp_path: Path) -> None:
    """`iae … | head -1`: the pipe breaks; exit code 1, nothing on stderr."""
    from bench.generate import generate

    data = generate(tmp_path / "data", 300)  # its JSON list is larger than a pipe's buffer
    env = _env()
    reader = subprocess.Popen(
        [str(BIN / "iae"), "--data", str(data), "list", "-f", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert reader.stdout is not None and reader.stderr is not None
    assert reader.stdout.read(1) == b"["
    reader.stdout.close()
    errors = reader.stderr.read()
    assert reader.wait(timeout=60) == 1
    assert errors == b""


def test_shell_completion_through_the_installed_script(tmp_path: Path) -> None:
    """What bash runs on TAB (the script `iae --show-completion bash` installs): fiches, then roles."""
    env = _env(_IAE_COMPLETE="complete_bash", COMP_WORDS="iae show resp", COMP_CWORD="2")
    done = subprocess.run([str(BIN / "iae")], cwd=tmp_path, capture_output=True, text=True, env=env, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.split() == [
        "responsable-conseillers-microcredit",
        "responsable-fonctionnel",
        "responsable-site-insertion",
        "responsable-insertion-association",
        "responsable-domaine-association",
        "responsable-domaine-territoire",
        "responsable-rse-grande-entreprise",
    ]


@pytest.mark.parametrize("watched", [True, False])
def test_atexit_handlers_run_when_a_tracer_watches(watched: bool, tmp_path: Path) -> None:
    """Under coverage, a tracer or a profiler the process exits normally, so that their atexit
    handlers write what they recorded; otherwise it skips the interpreter's teardown."""
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write('atexit ran\\n'))\n"
        f"{'sys.settrace(lambda *args: None)' if watched else ''}\n"
        "sys.argv = ['iae', 'match', '--bac', '0', '--years', '0', '--level', 'direction-generale']\n"
        "from iae_cli.cli.app import main\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=_env())
    assert done.returncode == 1 and "Ce profil est loin de tous les postes de l'étude" in done.stdout
    assert ("atexit ran" in done.stderr) is watched
