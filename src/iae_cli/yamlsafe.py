"""Read one YAML file safely, keeping the line of every value.

PyYAML is only asked to *compose* the node graph (with the libyaml C parser when present);
we build Python values ourselves so that we can:
- refuse every tag outside plain YAML data (no `!!python/...`, nothing is ever executed),
- refuse aliases and merge keys (they are not needed here and bound alias bombs),
- refuse a key given twice in one mapping (PyYAML would keep the last one silently),
- remember where each value stands, so that validation errors name a file and a line.
"""

import re
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from iae_cli.errors import Problem

MAX_FILE_BYTES = 1024 * 1024

Location = tuple[str | int, ...]
Spots = dict[Location, tuple[yaml.Node, yaml.Node]]  # (node giving the line: key or value, value node)

_T = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = _T + "str", _T + "map", _T + "seq"
TIMESTAMP = _T + "timestamp"

_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when present
_ANY_FIRST = tuple(_SafeLoader.yaml_implicit_resolvers.get(None, []))
_BY_FIRST = {
    first: tuple(rules) + _ANY_FIRST
    for first, rules in _SafeLoader.yaml_implicit_resolvers.items()
    if first is not None
}


class _FastLoader(_SafeLoader):  # type: ignore[misc]
    """The safe loader, with YAML 1.1's implicit tags resolved as PyYAML does but in less work:
    the composer calls these three methods for every node (about 110 per fiche). About 8 % of a
    first read (measured in-process on 300 synthetic fiches). It holds only while the safe loader
    has no path resolvers (it has none; else the safe loader itself is used). A test checks the
    tags agree with PyYAML's on random scalars."""

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: type, value: str | None, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0] and value is not None:
                for tag, pattern in _BY_FIRST.get(value[:1], _ANY_FIRST):
                    if pattern.match(value):
                        return str(tag)
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


_Loader: Any = _SafeLoader if _SafeLoader.yaml_path_resolvers else _FastLoader

SCALAR_TAGS = {_T + "str", _T + "int", _T + "float", _T + "bool", _T + "null", _T + "timestamp"}
_CANONICAL_INT = re.compile(r"-?(0|[1-9][0-9]*)\Z")


class Mark(NamedTuple):
    """Where a value stands, and how it was written (to explain YAML 1.1 surprises)."""

    line: int
    column: int
    tag: str
    raw: str | None  # the source text of a plain (unquoted) scalar, else None


class LoadedYaml(NamedTuple):
    path: Path
    value: Any
    spots: Spots
    dates: frozenset[Location] = frozenset()  # plain scalars YAML 1.1 reads as dates (kept as text)

    def mark(self, loc: Location) -> Mark | None:
        """Where the value at `loc` stands and how it was written (built only when asked)."""
        spot = self.spots.get(loc)
        if spot is None:
            return None
        where, node = spot
        raw = node.value if isinstance(node, yaml.ScalarNode) and not node.style else None  # libyaml: "" = plain
        return Mark(where.start_mark.line + 1, where.start_mark.column + 1, node.tag, raw)

    def line_of(self, loc: Location) -> int | None:
        """The line of `loc`, or of its nearest enclosing value."""
        while True:
            spot = self.spots.get(loc)
            if spot is not None:
                return int(spot[0].start_mark.line) + 1
            if not loc:
                return None
            loc = loc[:-1]


class YamlProblem(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


_constructor = yaml.constructor.SafeConstructor()


def read_text(path: Path, display: str) -> str:
    """Read a data file as UTF-8 (BOM accepted), within the size limit."""

    def fail(message: str) -> YamlProblem:
        return YamlProblem(Problem(display, None, message))

    try:
        if path.is_dir():
            raise fail("c'est un dossier, pas un fichier YAML")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise fail(f"fichier trop gros ({size} octets ; limite : {MAX_FILE_BYTES} octets)")
        data = path.read_bytes()
    except PermissionError:
        raise fail("lecture refusée (permissions)") from None
    except OSError as exc:
        raise fail(f"lecture impossible ({exc.strerror or exc})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise YamlProblem(Problem(display, line, "le fichier n'est pas en UTF-8")) from None


def load_yaml(path: Path, display: str | None = None) -> LoadedYaml:
    """Parse `path` into plain Python data, remembering the node behind every value."""
    shown = display or str(path)
    text = read_text(path, shown)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        at_tab = mark is not None and text[mark.index : mark.index + 1] == "\t"
        what = _TAB if at_tab else _french_syntax(exc.problem or "", exc.context or "")
        raise YamlProblem(Problem(shown, line, f"YAML invalide : {what}", column)) from None
    except yaml.reader.ReaderError as exc:  # a character YAML forbids, found before any parsing
        # Its first occurrence is where the reader stopped (libyaml reports a byte offset, not a character's).
        line, column = _line_and_column(text, max(0, text.find(chr(exc.character))))
        what = f"caractère invisible U+{exc.character:04X} interdit en YAML (supprimez-le)"
        raise YamlProblem(Problem(shown, line, f"YAML invalide : {what}", column)) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(Problem(shown, None, f"YAML invalide : erreur de syntaxe ({exc})")) from None
    if node is None:
        raise YamlProblem(Problem(shown, 1, "le fichier est vide"))
    spots: Spots = {(): (node, node)}
    value = _build(node, (), spots, shown, set())
    dates = frozenset(loc for loc, (_where, value_node) in spots.items() if value_node.tag == TIMESTAMP)
    return LoadedYaml(path, value, spots, dates)


_TAB = "tabulation interdite en YAML (indentez avec des espaces)"

# libyaml's messages (C loader), by the words they contain; the first match wins.
_SYNTAX_FR = {
    "tab character": _TAB,
    "found character that cannot start any token": "caractère interdit en début de valeur (mettez-la entre guillemets)",
    "mapping values are not allowed": "« : » inattendu (mettez la valeur entre guillemets ?)",
    "block sequence entries are not allowed": "« - » inattendu à cet endroit (indentation de la liste ?)",
    "mapping keys are not allowed": "« ? » inattendu à cet endroit",
    "could not find expected ':'": "« : » attendu",
    "expected ',' or ']'": "« , » ou « ] » attendu (crochet non fermé ?)",
    "expected ',' or '}'": "« , » ou « } » attendu (accolade non fermée ?)",
    "did not find expected key": "clé attendue (indentation incohérente ?)",
    "did not find expected '-' indicator": "« - » attendu (indentation de la liste ?)",
    "did not find expected node content": "valeur attendue",
    "found unexpected end of stream": "fin de fichier inattendue (guillemet non fermé ?)",
    "found unexpected ':'": "« : » inattendu",
    "found undefined alias": "alias non défini",
    "found unknown escape character": "séquence d'échappement inconnue entre guillemets",
    "hexdecimal number": "séquence d'échappement \\x, \\u ou \\U incomplète entre guillemets",
    "invalid Unicode character escape code": "séquence d'échappement \\u ou \\U hors d'Unicode",
    "expected <block end>": "indentation incohérente",
    "found duplicate anchor": "ancre YAML en double",
    "expected alphabetic or numeric character": "nom d'ancre ou d'alias invalide",
    "undefined tag handle": "étiquette YAML inconnue (« ! » en début de valeur : mettez-la entre guillemets)",
    "found another document": "un seul document par fichier (supprimez « --- » ou « ... » au milieu)",
    "expected <document start>": "un seul document par fichier (supprimez « --- » ou « ... » au milieu)",
    "unexpected document indicator": "« --- » ou « ... » en début de ligne dans un texte entre guillemets",
    "indentation indicator equal to 0": "indicateur d'indentation 0 après « | » ou « > » (1 à 9)",
    "directive": "directive YAML (« % ») invalide ou en double",
}

# Failing that, what libyaml was reading ("while scanning a tag", …).
_CONTEXT_FR = {
    "directive": _SYNTAX_FR["directive"],
    "tag": "étiquette YAML (« ! ») mal formée (mettez la valeur entre guillemets)",
    "block scalar": "texte inattendu après « | » ou « > »",
    "anchor": "nom d'ancre ou d'alias invalide",
    "alias": "nom d'ancre ou d'alias invalide",
    "quoted scalar": "texte entre guillemets mal formé",
    "simple key": "« : » attendu",
    "flow mapping": "« , » ou « } » attendu (accolade non fermée ?)",
    "flow sequence": "« , » ou « ] » attendu (crochet non fermé ?)",
    "block mapping": "clé attendue (indentation incohérente ?)",
    "block collection": "indentation incohérente",
}


def _french_syntax(problem: str, context: str = "") -> str:
    for table, text in ((_SYNTAX_FR, problem), (_CONTEXT_FR, context)):
        for english, french in table.items():
            if english in text:
                return french
    return f"erreur de syntaxe ({problem or context})"


def _line_and_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index in `text`."""
    start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - start + 1


def _fail(node: yaml.Node, file: str, message: str) -> YamlProblem:
    return YamlProblem(Problem(file, node.start_mark.line + 1, message, node.start_mark.column + 1))


def _build(node: yaml.Node, loc: Location, spots: Spots, file: str, seen: set[int]) -> Any:
    if id(node) in seen:
        raise _fail(node, file, "les alias YAML (*nom) ne sont pas acceptés dans ces données")
    seen.add(id(node))
    tag = node.tag
    if tag == _STR:  # the common case first
        return node.value
    if isinstance(node, yaml.MappingNode):
        if tag != _MAP:
            raise _fail(node, file, f"étiquette YAML refusée : {tag}")
        return _build_mapping(node, loc, spots, file, seen)
    if isinstance(node, yaml.SequenceNode):
        if tag != _SEQ:
            raise _fail(node, file, f"étiquette YAML refusée : {tag}")
        items = []
        for index, item in enumerate(node.value):
            child = (*loc, index)
            spots[child] = (item, item)
            items.append(_build(item, child, spots, file, seen))
        return items
    return _build_scalar(node, file)


def _build_mapping(node: yaml.MappingNode, loc: Location, spots: Spots, file: str, seen: set[int]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if key_node.tag == _T + "merge":
            raise _fail(key_node, file, "la clé de fusion « << » n'est pas acceptée")
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (_STR, _T + "int"):
            raise _fail(key_node, file, "une clé doit être un simple texte")
        key = key_node.value
        child = (*loc, key)
        if key in result:
            first = spots[child][0].start_mark.line + 1
            raise _fail(key_node, file, f"clé « {key} » donnée deux fois (déjà ligne {first})")
        spots[child] = (key_node, value_node)
        result[key] = _build(value_node, child, spots, file, seen)
    return result


def _build_scalar(node: yaml.Node, file: str) -> Any:
    tag = node.tag
    if tag not in SCALAR_TAGS:
        raise _fail(node, file, f"étiquette YAML refusée : {tag}")
    short = tag[len(_T) :]
    if short == "timestamp":
        return node.value  # a bare date stays text; the validator explains how to quote it
    if short == "null":
        return None
    raw = node.value if isinstance(node, yaml.ScalarNode) and not node.style else None
    if short == "int" and raw is not None and not _CANONICAL_INT.match(raw):
        raise _fail(
            node,
            file,
            f"nombre ambigu « {raw} » (YAML 1.1 le lit en base 8, 16 ou avec « _ ») : "
            "écrivez-le en décimal, ou entre guillemets si c'est un texte",
        )
    try:
        return _SCALAR_BUILDERS[short](node)
    except (ValueError, yaml.constructor.ConstructorError):
        raise _fail(node, file, f"valeur illisible : {node.value!r}") from None


_SCALAR_BUILDERS: dict[str, Any] = {
    "int": _constructor.construct_yaml_int,
    "float": _constructor.construct_yaml_float,
    "bool": _constructor.construct_yaml_bool,
}
