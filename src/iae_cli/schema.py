"""A small, strict JSON Schema validator for our data files, with French messages.

It understands the subset our schemas in `data/schema/` use: `type`, `properties`,
`required`, `additionalProperties: false`, `items`, `enum`, `pattern`, `minimum`,
`maximum`, `minLength`, `maxLength`, `minItems` and local `$ref`s, and refuses a schema
that uses anything else. The same schema files let an editor check a fiche while it is
typed (yaml-language-server).
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from iae_cli.errors import DataError, Problem
from iae_cli.paths import schema_dir
from iae_cli.yamlsafe import LoadedYaml, Location

_TYPE_NAMES = {
    "string": "un texte",
    "integer": "un nombre entier",
    "number": "un nombre",
    "boolean": "vrai ou faux",
    "null": "vide (null)",
    "array": "une liste",
    "object": "un ensemble de champs",
}

_YAML_TAG_FR = {
    "tag:yaml.org,2002:bool": "un booléen",
    "tag:yaml.org,2002:int": "un nombre",
    "tag:yaml.org,2002:float": "un nombre",
    "tag:yaml.org,2002:null": "une valeur vide",
    "tag:yaml.org,2002:timestamp": "une date",
}


# What this validator enforces, and what only documents a schema. A schema using any other
# keyword is refused when it loads: an editor would enforce it and we would not (test_schema.py
# compares this validator with the `jsonschema` package).
CHECKED = frozenset(
    {"type", "properties", "required", "additionalProperties", "items", "enum", "pattern", "$ref"}
    | {"minimum", "maximum", "minLength", "maxLength", "minItems"}
)
ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default"})


class SchemaError(DataError):
    """A schema file this validator cannot enforce faithfully (exit 3)."""


def _unsupported(node: Any, where: str) -> str | None:
    """Why the schema `node` (at `where`) cannot be enforced here, or None."""
    if not isinstance(node, dict):
        return f"{where} : un schéma doit être un objet JSON"
    for keyword, value in node.items():
        if keyword not in CHECKED and keyword not in ANNOTATIONS:
            return f"{where} : mot-clé « {keyword} » non pris en charge par le validateur"
        if keyword == "additionalProperties" and value is not False:
            return f"{where} : seul « additionalProperties: false » est pris en charge"
        if keyword == "$ref" and not (isinstance(value, str) and value.startswith("#/")):
            return f"{where} : seules les références locales (« #/… ») sont prises en charge"
        if keyword == "type" and not set([value] if isinstance(value, str) else value) <= set(_TYPE_NAMES):
            return f"{where} : type « {value} » inconnu"
        children: list[tuple[str, Any]] = []
        if keyword in ("properties", "$defs"):
            children = [(f"{where}/{keyword}/{name}", sub) for name, sub in value.items()]
        elif keyword == "items":
            children = [(f"{where}/items", value)]
        for child_where, child in children:
            reason = _unsupported(child, child_where)
            if reason:
                return reason
    return None


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A schema of data/schema/, refused (SchemaError) if it uses what this validator does not check."""
    path = schema_dir() / name
    with path.open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    reason = _unsupported(schema, "#")
    if reason:
        raise SchemaError([Problem(str(path), None, reason)])
    return schema


# Values come from our YAML reader, as exactly these Python types; keyed by exact type, True is a boolean.
_JSON_TYPE = {type(None): "null", bool: "boolean", int: "integer", float: "number", str: "string", list: "array"}


def _type_of(value: Any) -> str:
    return _JSON_TYPE.get(type(value), "object")


@cache
def _accepted(wanted: str | tuple[str, ...]) -> frozenset[str]:
    """The value types a schema's `type` accepts (an integer is a number)."""
    names = {wanted} if isinstance(wanted, str) else set(wanted)
    return frozenset(names | {"integer"} if "number" in names else names)


def field_name(loc: Location) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(racine)"


class Validator:
    def __init__(self, doc: LoadedYaml, display: str, schema_name: str) -> None:
        self.doc = doc
        self.display = display
        self.root = load_schema(schema_name)
        self.dates = doc.dates
        self.problems: list[Problem] = []

    def run(self) -> list[Problem]:
        self._check(self.doc.value, self.root, ())
        return self.problems

    def _report(self, loc: Location, message: str) -> None:
        where = f"champ « {field_name(loc)} » : " if loc else ""
        self.problems.append(Problem(self.display, self.doc.line_of(loc), where + message))

    def _resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            ref = schema["$ref"]
            target: Any = self.root
            for part in ref.removeprefix("#/").split("/"):
                target = target[part]
            schema = target
        return schema

    def _check(self, value: Any, schema: dict[str, Any], loc: Location) -> None:
        schema = self._resolve(schema)
        if self.dates and loc in self.dates:  # only plain scalars are resolved as dates
            self._report(
                loc, f'« {value} » a été lu comme une date (règle YAML 1.1) : écrivez "{value}" entre guillemets'
            )
            return
        wanted = schema.get("type")
        if wanted is not None and _type_of(value) not in _accepted(
            wanted if isinstance(wanted, str) else tuple(wanted)
        ):
            self._report(loc, self._type_message(value, wanted if isinstance(wanted, list) else [wanted], loc))
            return
        if "enum" in schema and value not in schema["enum"]:
            allowed = ", ".join(str(v) for v in schema["enum"])
            self._report(loc, f"valeur « {value} » inconnue ; valeurs possibles : {allowed}")
            return
        if isinstance(value, str):
            self._check_string(value, schema, loc)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            self._check_number(value, schema, loc)
        elif isinstance(value, list):
            if len(value) < schema.get("minItems", 0):
                self._report(loc, f"la liste doit avoir au moins {schema['minItems']} élément(s)")
            if "items" in schema:
                for index, item in enumerate(value):
                    self._check(item, schema["items"], (*loc, index))
        elif isinstance(value, dict):
            self._check_object(value, schema, loc)

    def _type_message(self, value: Any, options: list[str], loc: Location) -> str:
        expected = " ou ".join(_TYPE_NAMES[o] for o in options)
        mark = self.doc.mark(loc)
        if mark is not None and mark.raw is not None and "string" in options:
            read_as = _YAML_TAG_FR.get(mark.tag)
            if read_as:
                return (
                    f"« {mark.raw} » a été lu comme {read_as} (règle YAML 1.1) alors qu'un texte est attendu : "
                    f'écrivez-le entre guillemets, "{mark.raw}"'
                )
        shown = json.dumps(value, ensure_ascii=False)
        if len(shown) > 60:
            shown = shown[:57] + "…"
        return f"attendu : {expected} ; trouvé : {_TYPE_NAMES[_type_of(value)]} ({shown})"

    def _check_string(self, value: str, schema: dict[str, Any], loc: Location) -> None:
        if len(value) < schema.get("minLength", 0):
            self._report(
                loc, "texte vide" if not value else f"texte trop court (au moins {schema['minLength']} caractères)"
            )
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            self._report(loc, f"texte trop long ({len(value)} caractères ; au plus {schema['maxLength']})")
        pattern = schema.get("pattern")
        if pattern and not _compiled(pattern).search(value):
            hint = schema.get("description", f"motif attendu : {pattern}")
            self._report(loc, f"valeur « {value[:60]} » mal formée ({hint})")

    def _check_number(self, value: float, schema: dict[str, Any], loc: Location) -> None:
        if value != value or value in (float("inf"), float("-inf")):
            self._report(loc, "nombre non fini refusé")
        elif "minimum" in schema and value < schema["minimum"]:
            self._report(loc, f"{value} est inférieur au minimum {schema['minimum']}")
        elif "maximum" in schema and value > schema["maximum"]:
            self._report(loc, f"{value} est supérieur au maximum {schema['maximum']}")

    def _check_object(self, value: dict[str, Any], schema: dict[str, Any], loc: Location) -> None:
        properties: dict[str, Any] = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                self._report(loc, f"champ obligatoire « {key} » manquant")
        if schema.get("additionalProperties") is False:
            for key in value:
                if key not in properties:
                    known = ", ".join(properties)
                    self._report((*loc, key), f"champ inconnu ; champs permis ici : {known}")
        for key, sub in properties.items():
            if key in value:
                self._check(value[key], sub, (*loc, key))


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def validate(doc: LoadedYaml, display: str, schema_name: str) -> list[Problem]:
    """All the problems of `doc` against the named schema (empty when valid)."""
    return Validator(doc, display, schema_name).run()
