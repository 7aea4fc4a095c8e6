"""The README's map is the real output of `iae graph`: a stale picture fails here."""

from __future__ import annotations

from tests.conftest import REPO, run


def test_readme_map_is_up_to_date() -> None:
    result = run("graph")
    assert result.exit_code == 0, result
    committed = (REPO / "docs" / "carte.svg").read_text(encoding="utf-8")
    assert result.stdout == committed, "docs/carte.svg is stale: run `python3 docs/make_pictures.py`"


def test_readme_shows_the_map_and_a_handout() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "](docs/carte.svg)" in readme and "](docs/fiche-a-remettre.png)" in readme
    assert (REPO / "docs" / "fiche-a-remettre.png").read_bytes().startswith(b"\x89PNG")
