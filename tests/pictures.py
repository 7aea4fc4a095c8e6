"""The README's pictures of a real terminal: `iae` run in a pseudo-terminal of 80 columns, what
it wrote replayed into Rich and exported as SVG. Regenerate them after a change of output:

    .venv/bin/python -m tests.pictures

tests/test_pictures.py fails when a committed picture no longer shows what `iae` prints.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

from rich.console import Console
from rich.text import Text

from tests.screen import run_in_terminal

FOLDER = Path(__file__).resolve().parent.parent / "docs" / "img"
COLUMNS = 80
# file name -> the command shown
PICTURES: dict[str, list[str]] = {
    "match.svg": ["match", "--bac", "3", "--years", "2"],
    "path.svg": ["path", "charge-insertion", "directeur-reseau-insertion", "--bac", "3", "--years", "2"],
}


def picture(args: list[str]) -> str:
    """The SVG of the screen a person sees after `iae ARGS` in an 80-column terminal."""
    screen = run_in_terminal(args, COLUMNS, {"COLORTERM": ""})
    if screen.status != 0:
        raise RuntimeError(f"iae {' '.join(args)} : code {screen.status}")
    written = screen.raw.decode("utf-8").replace("\r\n", "\n")
    console = Console(
        file=io.StringIO(),
        record=True,
        width=COLUMNS,
        force_terminal=True,
        color_system="truecolor",
        legacy_windows=False,
    )
    console.print(Text.from_ansi(written), end="", overflow="ignore", crop=False, no_wrap=True)
    return console.export_svg(title="iae " + " ".join(args))


def shown_text(svg: str) -> str:
    """The characters a picture shows, row by row (what stays true across versions of Rich)."""
    import html

    return html.unescape("".join(re.findall(r">([^<]*)</text>", svg))).replace("\xa0", " ")  # Rich writes &#160;


def main() -> int:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name, args in PICTURES.items():
        (FOLDER / name).write_text(picture(args), encoding="utf-8")
        sys.stdout.write(f"{FOLDER / name}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
