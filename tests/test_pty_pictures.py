"""The README's pictures of the terminal show what `iae` prints today (regenerate them with
`python -m tests.pictures`)."""

from __future__ import annotations

import re
from importlib.metadata import version

import pytest

from tests import pictures
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
MADE_WITH_RICH = "15.0.0"  # the version that drew the committed pictures


@pytest.mark.parametrize("name", list(pictures.PICTURES))
def test_picture_is_current_and_in_the_readme(name: str) -> None:
    committed = (pictures.FOLDER / name).read_text(encoding="utf-8")
    fresh = pictures.picture(pictures.PICTURES[name])
    hint = f"docs/img/{name} is stale: run `python -m tests.pictures`"
    assert pictures.shown_text(fresh) == pictures.shown_text(committed), hint
    if version("rich") == MADE_WITH_RICH:
        assert fresh == committed, hint  # colours and layout too, with the Rich that drew them
    assert f"(docs/img/{name})" in README


def test_pictures_show_the_answers_whole() -> None:
    match = pictures.shown_text((pictures.FOLDER / "match.svg").read_text(encoding="utf-8"))
    words = set(re.split(r"[\s│┃]+", match))
    assert {"d'obtenir", "l'expérience", "bac+3"} <= words  # cut at « d'obten », « vous avez bac+ » before
    assert not {"d'obten", "bac+"} & words
    path = pictures.shown_text((pictures.FOLDER / "path.svg").read_text(encoding="utf-8"))
    assert re.search(r"Vous.*accessible.*à préparer", path, flags=re.S)  # the column that was gone
