"""A folder large enough to be read on several cores gives the same answers and the same errors."""

from __future__ import annotations

import json
from pathlib import Path

from bench.generate import generate

from iae_cli import scan
from iae_cli.catalog import Catalog
from tests.conftest import run


def test_large_folder_is_read_in_parallel_and_checked(tmp_path: Path) -> None:
    data = generate(tmp_path / "data", scan.PARALLEL_FROM + 50)
    assert scan.validate_folder(data) == []
    catalog = Catalog.open(data)
    assert len(catalog.summaries) == scan.PARALLEL_FROM + 50
    listed = json.loads(run("--data", str(data), "list", "-f", "json").stdout)
    assert len(listed) == scan.PARALLEL_FROM + 50
    route = json.loads(run("--data", str(data), "path", "metier-00000", "metier-00100", "-f", "json").stdout)
    assert route["steps"][0] == "metier-00000" and route["steps"][-1] == "metier-00100"


def test_errors_found_by_worker_processes_are_located(tmp_path: Path) -> None:
    data = generate(tmp_path / "data", scan.PARALLEL_FROM + 50)
    broken = data / "metiers" / "metier-00123.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("level: ", "level: chef-", 1), encoding="utf-8")
    problems = [str(p) for p in scan.validate_folder(data)]
    assert len(problems) == 1
    assert "metier-00123.yaml:" in problems[0] and "level" in problems[0]
