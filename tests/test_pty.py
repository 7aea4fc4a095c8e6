"""What a person sees: the installed `iae` in a pseudo-terminal of 40, 60, 80 and 120 columns,
its screen read back through a terminal emulator (pyte).

Every screen is checked for: nothing at the right edge but a table's border; every word of the
answer present and whole (compared with the same command laid out 1,000 columns wide); no id
split across lines; trees that keep their guides and indentation. All runs start at once, on
first use, and are shared by the tests below.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from iae_cli.cli.app import COMMANDS as APP_COMMANDS
from iae_cli.cli.i18n import MIN_ROOM
from iae_cli.render.fiche_views import SECTIONS
from iae_cli.render.sector_views import SECTOR_TOPICS
from tests.conftest import DATA, REPO
from tests.screen import IAE, cut_lines, emulate, has_colour, run_many, split_ids

WIDTHS = (40, 60, 80, 120)
FICHES = sorted(path.stem for path in (DATA / "metiers").glob("*.yaml"))
ROLES = [role["id"] for role in yaml.safe_load((DATA / "roles.yaml").read_text(encoding="utf-8"))["roles"]]
IDS = set(FICHES) | set(ROLES)

ROUTE = ["path", "charge-insertion", "directeur-reseau-insertion"]
# name -> arguments; each is run at every width of WIDTHS
COMMANDS: dict[str, list[str]] = {
    "list": ["list"],
    **{f"show {fiche}": ["show", fiche] for fiche in FICHES},
    "match bac+3 2 ans": ["match", "--bac", "3", "--years", "2"],
    "match bac 0 an": ["match", "--bac", "0", "--years", "0"],
    "match bac+8 30 ans": ["match", "--bac", "8", "--years", "30"],
    "match bac+5 3 ans": ["match", "--bac", "5", "--years", "3"],
    "path route": ROUTE,
    "path route profil": [*ROUTE, "--bac", "3", "--years", "2"],
    "path carte": ["path", "travailleur-social"],
    "path carte profil": ["path", "charge-insertion", "--bac", "3", "--years", "2"],
    "sector": ["sector"],
    "glossary": ["glossary"],
    "glossary CAE": ["glossary", "CAE"],
    "search": ["search", "insertion"],
    "compare": ["compare", "charge-insertion", "directeur-reseau-insertion"],
    "validate cassé": ["--data", "data", "validate"],
    "erreur métier inconnu": ["show", "inconnu"],
    "erreur bac": ["match", "--bac", "12", "--years", "1"],
    "erreur parcours": ["path", "directeur-general-association", "charge-insertion"],
}
SECTION_FICHE = "directeur-reseau-insertion"
# Each section and topic on its own, at the narrowest width (the full pages above hold them all).
SINGLE = {
    **{f"show -s {key}": ["show", SECTION_FICHE, "-s", key] for key, _heading, _build in SECTIONS},
    **{f"sector {topic}": ["sector", topic] for topic in SECTOR_TOPICS},
}
PLAIN = ("list", "match bac+3 2 ans", "path carte", "sector")  # also run under NO_COLOR
CASES = [(name, width) for name in COMMANDS for width in WIDTHS] + [(name, 40) for name in SINGLE]
CASES += [(name, 200) for name in ("list", "match bac+3 2 ans", "path route profil", "sector")]
# Help pages: iae's and every command's at 40 columns, three of them at the other widths too.
HELP = {"aide": ["--help"], **{f"aide {command}": [command, "--help"] for command in APP_COMMANDS}}
COMMANDS.update(HELP)
CASES += [(name, 40) for name in HELP]
CASES += [(name, width) for name in ("aide", "aide match", "aide path") for width in (60, 80, 120)]
NO_COLOR_CASES = [(f"{name} NO_COLOR", width) for name in PLAIN for width in (40, 80)]
ALL_CASES = [*CASES, *NO_COLOR_CASES]


@pytest.fixture(scope="module")
def broken_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder whose data holds two faults: an id read as a number, a YAML syntax error."""
    root = tmp_path_factory.mktemp("broken")
    shutil.copytree(DATA, root / "data")
    fiche = root / "data" / "metiers" / "charge-insertion.yaml"
    fiche.write_text(re.sub(r"(?m)^id: .*$", "id: 12", fiche.read_text(encoding="utf-8")), encoding="utf-8")
    (root / "data" / "metiers" / "zz.yaml").write_text("a: [\n", encoding="utf-8")
    return root


def _piped(args: list[str], cwd: Path, colour: str) -> str:
    """The same command in a pipe, 1,000 columns wide: every word, none broken."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    result = subprocess.run(
        [IAE, "--color", colour, *args], cwd=cwd, capture_output=True, text=True, env={**env, "COLUMNS": "1000"}
    )
    return re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)


class Runs:
    def __init__(self, cwd: Path) -> None:
        assert Path(IAE).is_file(), f"{IAE} absent : installez le projet (pip install -e '.[test]')"
        self.cwd = cwd
        every = {**COMMANDS, **SINGLE}
        jobs: list[tuple[list[str], int, dict[str, str] | None]] = [(every[name], width, None) for name, width in CASES]
        jobs += [(COMMANDS[name.removesuffix(" NO_COLOR")], width, {"NO_COLOR": "1"}) for name, width in NO_COLOR_CASES]
        self.screens = dict(zip(ALL_CASES, run_many(jobs, cwd), strict=True))
        self.rich = {name: _piped(args, cwd, "always") for name, args in COMMANDS.items()}
        self.plain = {name: _piped(COMMANDS[name], cwd, "never") for name in PLAIN}

    def reference(self, name: str) -> str:
        """The same answer 1,000 columns wide (a section or topic: its whole page)."""
        if name.endswith("NO_COLOR"):
            return self.plain[name.removesuffix(" NO_COLOR")]
        return self.rich.get(name) or self.rich["sector" if name.startswith("sector") else "show " + SECTION_FICHE]


@pytest.fixture(scope="module")
def runs(broken_data: Path) -> Iterator[Runs]:
    yield Runs(broken_data)


IDS_OF_CASES = [f"{name}@{width}" for name, width in ALL_CASES]

# Tokens are what lies between ordinary spaces and drawing characters; a no-break space is
# part of its token, so « 3 300 » split at a line end shows up as two unknown tokens.
_SEPARATORS = re.compile(r"[ \t\n•┏┓┗┛┃━┡┩╇┳┻┌┐└┘│─├┤┬┴┼]+")
_OUTLINE_NUMBER = re.compile(r"\d+(\.\d+)*")


def tokens(text: str) -> set[str]:
    return {t for t in _SEPARATORS.split(text) if t and not set(t) <= set("-—:\\") and not _OUTLINE_NUMBER.fullmatch(t)}


@pytest.mark.parametrize(("name", "width"), ALL_CASES, ids=IDS_OF_CASES)
def test_nothing_is_cut_at_the_right_edge(runs: Runs, name: str, width: int) -> None:
    screen = runs.screens[(name, width)]
    assert screen.lines, screen
    assert cut_lines(screen.lines, width) == [], "\n".join(screen.lines)


@pytest.mark.parametrize(("name", "width"), ALL_CASES, ids=IDS_OF_CASES)
def test_every_word_is_shown_whole(runs: Runs, name: str, width: int) -> None:
    """The words on screen are exactly those of the same answer 1,000 columns wide: none lost
    (a cut column), none broken in two (« directeur-ent » / « reprise-inser », « 3 » / « 300 »)."""
    screen = runs.screens[(name, width)]
    shown, expected = tokens("\n".join(screen.lines)), tokens(runs.reference(name))
    assert expected, name
    # A word wider than the screen (a long web address) is the one thing cut, into pieces of it.
    too_wide = {word for word in expected if len(word) > width - 4}
    extra = {word for word in shown - expected if not any(word in wide for wide in too_wide)}
    missing = expected - shown - too_wide
    if name in SINGLE:  # a part of its page: nothing but words of the page
        missing = set()
    assert (sorted(missing), sorted(extra)) == ([], []), "\n".join(screen.lines)


@pytest.mark.parametrize(("name", "width"), ALL_CASES, ids=IDS_OF_CASES)
def test_ids_are_never_split(runs: Runs, name: str, width: int) -> None:
    screen = runs.screens[(name, width)]
    assert split_ids(screen.lines, IDS) == [], "\n".join(screen.lines)
    shown = "\n".join(screen.lines)
    for fiche_id in re.findall(r"[a-z]+(?:-[a-z]+)+", runs.reference(name)):
        if fiche_id in IDS and name not in SINGLE:  # a section shows only some of its page's ids
            assert re.search(rf"(?<![\w-]){fiche_id}(?![\w-])", shown), (fiche_id, shown)


HELP_CASES = [(name, width) for name, width in CASES if name in HELP]


@pytest.mark.parametrize(("name", "width"), HELP_CASES, ids=[f"{n}@{w}" for n, w in HELP_CASES])
def test_help_keeps_room_to_read(runs: Runs, name: str, width: int) -> None:
    """No help text runs down a column too thin for sentences (at 40 columns, the descriptions go
    below their options), and the usage line starts with the arguments beside « iae command »."""
    lines = runs.screens[(name, width)].lines
    assert lines[0].startswith("Utilisation\u00a0: iae ") and "[OPTIONS]" in lines[0], lines[0]
    thin = [line for line in lines if len(line) - len(line.lstrip()) > width - MIN_ROOM]
    assert thin == [], "\n".join(lines)


EXIT = {"match bac 0 an": 1, "validate cassé": 3}


def test_every_command_exits_as_it_should(runs: Runs) -> None:
    for (name, width), screen in runs.screens.items():
        if name.startswith("erreur"):  # one French sentence, never a traceback
            assert screen.status != 0 and screen.lines[0].startswith("iae :"), (name, width, screen.lines)
            assert "Traceback" not in "\n".join(screen.lines)
        else:
            assert screen.status == EXIT.get(name, 0), (name, width, screen.lines)


def tree_problems(lines: list[str]) -> list[str]:
    """Lines of a career map that break its shape: wrapped text not under the start of its
    entry's text, or a sibling guide (« ├ ») whose vertical line does not reach the next sibling."""
    problems: list[str] = []
    start = next((i for i, line in enumerate(lines) if re.match(r"[├└] |\d+(\.\d+)* ", line)), len(lines))
    end = next((i for i, line in enumerate(lines) if "atteignable" in line), len(lines))
    body = lines[start:end]
    text_column = 0
    for index, line in enumerate(body):
        entry = re.match(r"((?:[│ ] )*)([├└]) |\d+(?:\.\d+)* ", line)
        if entry:
            text_column = entry.end() if entry.group(2) else 2
            if entry.group(2) == "├":
                column = len(entry.group(1))
                for below in body[index + 1 :]:
                    mark = below[column : column + 1]
                    if mark in ("├", "└"):
                        break
                    if mark != "│":
                        problems.append(f"guide « ├ » sans suite : {line!r} puis {below!r}")
                        break
                else:
                    problems.append(f"« ├ » sans frère après lui : {line!r}")
            continue
        indent = len(line) - len(line.lstrip("│ "))
        if indent != text_column:
            problems.append(f"ligne repliée hors de son retrait ({indent} au lieu de {text_column}) : {line!r}")
    if not body:
        problems.append("aucune entrée dans la carte")
    return problems


@pytest.mark.parametrize("width", [*WIDTHS, "NO_COLOR 40", "NO_COLOR 80"])
def test_career_map_keeps_its_shape(runs: Runs, width: int | str) -> None:
    if isinstance(width, str):
        screen = runs.screens[("path carte NO_COLOR", int(width.split()[1]))]
    else:
        screen = runs.screens[("path carte", width)]
    assert tree_problems(screen.lines) == [], "\n".join(screen.lines)
    shown = "\n".join(screen.lines)
    if "├" in shown or "└" in shown:  # the tree: siblings and last children both drawn
        assert "├" in shown and "└" in shown
    else:  # too narrow for the tree: a numbered outline
        assert re.search(r"(?m)^1\.1\.3\.1 ", shown), shown


def test_tree_checker_sees_a_broken_map() -> None:
    """The old map: every child drawn with « └ », wrapped lines back at column 0."""
    old = [
        "Travailleur social (animateur, éducateur…) [travailleur-social]",
        "  └ Chargé d'insertion [charge-insertion] — cité par l'étude",
        "    └ Responsable d'un site d'insertion",
        "[responsable-site-insertion] — déduit",
    ]
    assert tree_problems([line.lstrip() for line in old])
    assert tree_problems(["├ Directeur [a]", "  └ Responsable [b]"])  # « ├ » whose line stops


def test_colours_on_a_terminal_only(runs: Runs) -> None:
    assert has_colour(runs.screens[("match bac+3 2 ans", 80)].raw)
    assert has_colour(runs.screens[("path carte", 80)].raw)
    for name in PLAIN:
        assert not has_colour(runs.screens[(f"{name} NO_COLOR", 80)].raw), name
        assert "\x1b" not in runs.plain[name]


def test_colour_option_and_dumb_terminals(runs: Runs) -> None:
    from tests.screen import run_in_terminal

    args = ["match", "--bac", "3", "--years", "2"]
    jobs: list[tuple[list[str], int, dict[str, str] | None]] = [
        (["--color", "never", *args], 80, None),
        (args, 80, {"TERM": "dumb"}),
        (["--color", "always", *args], 80, {"NO_COLOR": "1"}),
        (["--color", "jamais", *args], 80, None),
    ]
    never, dumb, always, jamais = run_many(jobs, runs.cwd)
    assert not has_colour(never.raw) and not has_colour(dumb.raw) and not has_colour(jamais.raw)
    assert has_colour(always.raw)
    assert "─" not in "\n".join(never.lines) and "─" in "\n".join(always.lines)  # plain layout vs tables
    piped = subprocess.run([IAE, "--color", "always", *args], capture_output=True, text=True, check=False)
    assert "\x1b[" in piped.stdout  # for `less -R`
    wrong = run_in_terminal(["--color", "parfois", "list"], 80)
    assert wrong.status == 2
    assert "--color attend auto, always ou never" in " ".join(wrong.lines).replace("\xa0", " ")


@pytest.mark.parametrize("columns", [60, 80])
def test_piped_output_follows_columns_and_keeps_words(columns: int) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    for args in (COMMANDS["match bac+3 2 ans"], COMMANDS["path carte"], COMMANDS["sector"]):
        out = subprocess.run(
            [IAE, *args], capture_output=True, text=True, env={**env, "COLUMNS": str(columns)}, check=False
        ).stdout
        wide = subprocess.run(
            [IAE, *args], capture_output=True, text=True, env={**env, "COLUMNS": "1000"}, check=False
        ).stdout
        assert "\x1b" not in out
        assert max(map(len, out.splitlines())) <= columns
        assert max(map(len, wide.splitlines())) > columns  # the width is what changed the lines
        assert tokens(out) == tokens(wide)


@pytest.mark.parametrize("name", ["match", "path"])
def test_checker_would_have_failed_on_the_old_screens(name: str) -> None:
    """Screens of `iae match --bac 3 --years 2` and `iae path charge-insertion
    directeur-reseau-insertion --bac 3 --years 2` at 80 columns before this suite existed:
    « la VAE permet d'obten », « il manque 3 an » cut at the edge, the « Vous » column gone."""
    old = (REPO / "tests" / "fixtures" / f"old_{name}_80.txt").read_text(encoding="utf-8").splitlines()
    assert cut_lines(old, 80)
    assert "Vous" not in "\n".join(old) or name == "match"


def test_emulator_reads_what_a_terminal_shows() -> None:
    """The checker's own ground: pyte wraps at the edge and honours carriage returns."""
    assert emulate("a" * 45 + "\n", 40) == ["a" * 40, "a" * 5]
    assert cut_lines(["x" * 40], 40) == ["x" * 40]
    assert cut_lines(["│ x" + " " * 36 + "│"], 40) == []
    assert split_ids(["directeur-ent", "reprise-insertion"], {"directeur-entreprise-insertion"}) == [
        "directeur-ent",
        "reprise-insertion",
    ]


def test_errors_wrap_at_the_terminal_even_when_stdout_is_piped() -> None:
    """`iae path … | less`: the error goes to the terminal, wrapped to its width between words."""
    import fcntl
    import struct
    import termios

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 40, 0, 0))
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    args = [IAE, "path", "directeur-general-association", "charge-insertion"]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert process.wait(timeout=30) != 0
    lines = emulate(b"".join(chunks).decode("utf-8"), 40)
    assert lines[0].startswith("iae :") and len(lines) > 2
    assert cut_lines(lines, 40) == [] and split_ids(lines, IDS) == []
