"""Shared fixtures: a CLI runner with an isolated cache, and a writable copy of the data."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iae_cli.cli.app import app
from iae_cli.paths import shipped_data_dir

REPO = Path(__file__).resolve().parent.parent
DATA = shipped_data_dir()
# every id a handout must not show: the fiches' and the role of the routes they start from (longest first)
POST_IDS = sorted({p.stem for p in (DATA / "metiers").glob("*.yaml")} | {"travailleur-social"}, key=len, reverse=True)

# Module-scoped fixtures run before the per-test one below: keep even them off the user's cache.
os.environ["IAE_CACHE_DIR"] = tempfile.mkdtemp(prefix="iae-test-cache-")


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own cache folder and no inherited data or colour settings."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("IAE_CACHE_DIR", str(folder))
    monkeypatch.delenv("IAE_DATA", raising=False)
    monkeypatch.delenv("IAE_NO_CACHE", raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    yield folder


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self) -> str:
        return f"Result(exit={self.exit_code}, stdout={self.stdout[:300]!r}, stderr={self.stderr[:300]!r})"


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    """Invoke `iae` in-process; stdout and stderr kept apart."""
    runner = CliRunner()
    outcome = runner.invoke(app, list(args), env=env, catch_exceptions=False)
    return Result(outcome.exit_code, outcome.stdout, outcome.stderr)
