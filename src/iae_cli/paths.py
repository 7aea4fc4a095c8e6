"""Where the data lives: the shipped folder, or one the user names."""

import os
from pathlib import Path
from typing import NamedTuple

DATA_ENV = "IAE_DATA"

# The layout of a data folder.
FICHES_DIR = "metiers"
ROLES_FILE = "roles.yaml"
SECTOR_FILE = "secteur.yaml"
GLOSSARY_FILE = "glossaire.yaml"
LATER_FILE = "depuis-2008.yaml"
PRICES_FILE = "prix.yaml"
ROME_FILE = "rome.yaml"
YAML_SUFFIXES = (".yaml", ".yml")


class DataFile(NamedTuple):
    """A data file beside the fiches: read and checked by the scan, kept in the cache, asked for
    by its key (`Catalog.document(key)`). Adding one to DATA_FILES is all the scan and the cache need."""

    key: str  # its name in the catalog and in the cache
    file: str  # relative to the data folder
    schema: str  # in schema_dir()
    unique: tuple[tuple[str, str], ...] = ()  # (list, field): each item's field must be unique in that list
    required: bool = True  # an optional file may be absent from a user's folder (the document is then None)
    check: str | None = None  # "module:function" checking what the schema cannot (fiche ids known to the scan)


DATA_FILES: tuple[DataFile, ...] = (
    DataFile(
        "sector", SECTOR_FILE, "secteur.schema.json", (("structures", "id"), ("networks", "id"), ("training", "id"))
    ),
    DataFile("glossary", GLOSSARY_FILE, "glossaire.schema.json", (("terms", "term"),)),
    # Later facts (issue 12): optional, so that a folder of fiches alone still works.
    DataFile(
        "later",
        LATER_FILE,
        "depuis-2008.schema.json",
        (("entries", "id"), ("terms", "term"), ("figures", "series")),
        required=False,
        check="iae_cli.later:check_later",
    ),
    DataFile("prices", PRICES_FILE, "prix.schema.json", (("years", "year"),), False, "iae_cli.later:check_prices"),
    DataFile("rome", ROME_FILE, "rome.schema.json", (("codes", "code"),), False, "iae_cli.later:check_rome"),
)

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
