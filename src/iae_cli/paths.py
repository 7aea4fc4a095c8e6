"""Where the data lives: the shipped folder, or one the user names."""

from __future__ import annotations

import os
from pathlib import Path

DATA_ENV = "IAE_DATA"

# The layout of a data folder.
FICHES_DIR = "metiers"
ROLES_FILE = "roles.yaml"
SECTOR_FILE = "secteur.yaml"
GLOSSARY_FILE = "glossaire.yaml"
YAML_SUFFIXES = (".yaml", ".yml")

_PACKAGE_DIR = Path(__file__).resolve().parent


def shipped_data_dir() -> Path:
    """The data shipped with the program.

    A wheel carries it inside the package (`iae_cli/data`); an editable install or a
    source checkout reads the top-level `data/` folder of the project.
    """
    inside = _PACKAGE_DIR / "data"
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent.parent / "data"


def resolve_data_dir(option: str | Path | None) -> Path:
    """`--data` first, then `IAE_DATA`, then the shipped data."""
    if option:
        return Path(option)
    from_env = os.environ.get(DATA_ENV)
    if from_env:
        return Path(from_env)
    return shipped_data_dir()


def schema_dir() -> Path:
    """The JSON schemas always come from the shipped data: a user's folder cannot relax them."""
    return shipped_data_dir() / "schema"
