"""The benchmark runs in one command and reports every case (its figures are not asserted: speed
is measured by bench/run.py, never by timed tests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_benchmark_reports_every_command() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--fiches", "20", "--rounds", "1", "--python", sys.executable],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| `")]
    labels = [row.split("`")[1] for row in rows]
    assert labels[:12] == [
        "python -c pass",
        "hello Typer + Rich",
        "iae show charge-insertion",
        "iae list",
        "iae match --bac 5 --years 3",
        "iae path charge-insertion directeur-reseau-insertion",
        "iae --help",
        "complétion de « iae show char »",
        "iae graph (carte SVG)",
        "iae search accompagner les salariés",
        "iae compare charge-insertion directeur-entreprise-insertion",
        "iae orient (réponses en options)",
    ]
    assert [label.split(" (")[0] for label in labels[14:]] == [
        "iae list -f json",
        "iae list",
        "iae match --bac 3 --years 2",
        "iae path metier-00001 metier-00012",
        "iae show metier-00006",
        "iae search accompagnement",
        "iae compare metier-00001 metier-00006",
        "iae orient",
        "iae match --bac 5 --years 3",
    ]
    assert all(row.count("|") == 7 for row in rows)
    assert "Première lecture après modification d'une fiche : médiane" in done.stdout
    assert "Première recherche après modification d'une fiche (lecture et index) : médiane" in done.stdout


def test_generated_folder_with_an_open_share(tmp_path: Path) -> None:
    """`--open-share 0.4`: about 40 % of the synthetic fiches are open to bac+5 and 3 years."""
    from bench.generate import generate

    from iae_cli.catalog import Catalog
    from iae_cli.match import Profile, match

    data = generate(tmp_path / "data", 1007, open_share=0.4)
    result = match(Profile(5, 3), Catalog.open(data).summaries.values())
    synthetic = [e for e in result.eligible if e.fiche.id.startswith("metier-")]
    assert 340 <= len(synthetic) <= 460
    assert len(result.eligible) + len(result.near) == 1007
