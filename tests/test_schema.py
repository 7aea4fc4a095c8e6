"""Our validator against the `jsonschema` package (a development tool only): the same problems
found on the shipped data and on mutated fiches. And a schema asking what we do not check is refused."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from iae_cli import schema
from iae_cli.paths import DATA_FILES, ROLES_FILE
from iae_cli.schema import Validator, load_schema
from iae_cli.yamlsafe import LoadedYaml, Location, load_yaml
from tests.conftest import DATA, run

FILES = [
    *((f"metiers/{p.name}", "fiche.schema.json") for p in sorted((DATA / "metiers").glob("*.yaml"))),
    (ROLES_FILE, "roles.schema.json"),
    *((f.file, f.schema) for f in DATA_FILES if (DATA / f.file).exists()),
]


class _Recorder(Validator):
    """Our validator, keeping where each problem is (the Problem keeps only its line)."""

    def __init__(self, doc: LoadedYaml, schema_name: str) -> None:
        super().__init__(doc, "test", schema_name)
        self.where: set[Location] = set()

    def _report(self, loc: Location, message: str) -> None:
        self.where.add(loc)
        super()._report(loc, message)


def ours(doc: LoadedYaml, schema_name: str) -> set[Location]:
    recorder = _Recorder(doc, schema_name)
    recorder.run()
    return recorder.where


def theirs(value: Any, schema_name: str) -> set[Location]:
    """Where `jsonschema` finds problems, placed as ours are: an unknown key at the key itself."""
    checker = jsonschema.Draft202012Validator(load_schema(schema_name))
    found: set[Location] = set()
    for error in checker.iter_errors(value):
        where: Location = tuple(error.absolute_path)
        if error.validator == "additionalProperties":
            allowed = error.schema.get("properties", {})
            found.update((*where, key) for key in error.instance if key not in allowed)
        else:
            found.add(where)
    return found


@pytest.mark.parametrize(("name", "schema_name"), FILES)
def test_shipped_data_is_valid_for_both(name: str, schema_name: str) -> None:
    doc = load_yaml(DATA / name, name)
    jsonschema.Draft202012Validator.check_schema(load_schema(schema_name))
    assert ours(doc, schema_name) == theirs(doc.value, schema_name) == set()


def _locations(value: Any, where: Location = ()) -> Iterator[Location]:
    yield where
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _locations(item, (*where, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _locations(item, (*where, index))


def _replace(value: Any, where: Location, new: Any) -> Any:
    out = copy.deepcopy(value)
    *parent, last = where
    target = out
    for part in parent:
        target = target[part]
    if new is _DELETE:
        del target[last]
    else:
        target[last] = new
    return out


_DELETE = object()


def _mutations(value: Any) -> Iterator[tuple[str, Any]]:
    """Each location of a fiche broken in the ways a person might break it."""
    for where in _locations(value):
        if not where:
            continue
        current: Any = value
        for part in where:
            current = current[part]
        label = "/".join(map(str, where))
        if isinstance(where[-1], str):
            yield f"{label}: removed", _replace(value, where, _DELETE)
        if isinstance(current, dict):
            yield f"{label}: unknown key", _replace(value, where, {**current, "champ_inconnu": 1})
        if isinstance(current, str):
            yield f"{label}: number", _replace(value, where, 7)
            yield f"{label}: empty", _replace(value, where, "")
            yield f"{label}: long", _replace(value, where, "x" * 6000)
            yield f"{label}: odd", _replace(value, where, "Zz 9 ?")
        elif isinstance(current, bool) or current is None:
            yield f"{label}: text", _replace(value, where, "oui")
        elif isinstance(current, (int, float)):
            yield f"{label}: negative", _replace(value, where, -1)
            yield f"{label}: huge", _replace(value, where, 10**6)
            yield f"{label}: text", _replace(value, where, "trois")
        elif isinstance(current, list):
            yield f"{label}: emptied", _replace(value, where, [])
            yield f"{label}: object", _replace(value, where, {"a": 1})


@pytest.mark.parametrize("fiche", ["charge-insertion", "directeur-reseau-insertion"])
def test_mutated_fiches_have_the_same_problems_for_both(fiche: str) -> None:
    doc = load_yaml(DATA / "metiers" / f"{fiche}.yaml", fiche)
    checked = 0
    for label, broken in _mutations(doc.value):
        mutated = doc._replace(value=broken, dates=frozenset())
        assert ours(mutated, "fiche.schema.json") == theirs(broken, "fiche.schema.json"), label
        checked += 1
    assert checked > 300


@pytest.fixture
def schemas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the schemas that a test may change (the loader's cache is emptied around it)."""
    folder = tmp_path / "schema"
    shutil.copytree(DATA / "schema", folder)
    monkeypatch.setattr(schema, "schema_dir", lambda: folder)
    load_schema.cache_clear()
    yield folder
    load_schema.cache_clear()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"format": "date"}, "mot-clé « format » non pris en charge"),
        ({"additionalProperties": {"type": "string"}}, "seul « additionalProperties: false »"),
        ({"$ref": "https://example.org/s.json"}, "seules les références locales"),
        ({"type": "entier"}, "type « entier » inconnu"),
    ],
)
def test_a_schema_asking_what_we_do_not_check_is_refused(schemas: Path, change: dict[str, Any], reason: str) -> None:
    path = schemas / "roles.schema.json"
    roles = json.loads(path.read_text(encoding="utf-8"))
    roles["properties"]["roles"]["items"]["properties"]["title"].update(change)
    path.write_text(json.dumps(roles), encoding="utf-8")
    with pytest.raises(schema.SchemaError) as refused:
        load_schema("roles.schema.json")
    assert reason in str(refused.value) and "roles.schema.json" in str(refused.value)
    result = run("validate")
    assert result.exit_code == 3 and reason in result.stdout and "Traceback" not in result.stderr
