"""Regenerate the README's pictures: the career map (docs/carte.svg, checked by
tests/test_pictures.py) and a handout as a reader sees it (docs/fiche-a-remettre.png, taken
with headless Chromium when it is installed).

    python3 docs/make_pictures.py        (from the repository root, with iae installed)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
MAP = DOCS / "carte.svg"
HANDOUT = DOCS / "fiche-a-remettre.png"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def iae(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "iae_cli", *args], capture_output=True, text=True, check=True)
    return done.stdout


def main() -> None:
    MAP.write_text(iae("graph"), encoding="utf-8")
    print(f"écrit : {MAP}")
    chromium = shutil.which("chromium")
    if chromium is None:
        print("chromium absent : image du document non refaite", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "fiche.html"
        page.write_text(iae("show", "charge-insertion", "-f", "html"), encoding="utf-8")
        subprocess.run(
            [
                chromium,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={folder}/profile",
                "--window-size=760,980",
                f"--screenshot={HANDOUT}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
        )
    print(f"écrit : {HANDOUT}")


if __name__ == "__main__":
    main()
