"""Time `iae` as whole processes, against `python -c pass` and a Typer + Rich hello app.

    python3 bench/run.py [--fiches 5000] [--rounds 15] [--python PATH]

Runs alternate between commands (round-robin) so that machine noise spreads evenly;
the table gives medians, the ratio to `python -c pass` measured in the same run, the
target from issue 5, and peak memory (max RSS of the child, from wait4). `--python` is
the interpreter of an environment where iae is installed (default: this one); install it
with `pip install .` (not editable) to measure what users run, with compiled bytecode.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.generate import generate  # noqa: E402

OPEN_SHARE = 0.4  # of the synthetic fiches open to `--bac 5 --years 3`: about 2,000 rows in 5,000 fiches


@dataclass
class Case:
    label: str
    argv: list[str]
    target: float | None  # max ratio to `python -c pass`
    env: dict[str, str] = field(default_factory=dict)
    times: list[float] = field(default_factory=list)
    peak_kib: int = 0


def run_once(case: Case, base_env: dict[str, str]) -> None:
    env = {**base_env, **case.env}
    start = time.perf_counter()
    proc = subprocess.Popen(case.argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _pid, status, usage = os.wait4(proc.pid, 0)
    case.times.append(time.perf_counter() - start)
    case.peak_kib = max(case.peak_kib, usage.ru_maxrss)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{case.label}: exit code {code}")


def measure(cases: list[Case], rounds: int, env: dict[str, str]) -> None:
    for case in cases:  # warm-up: file cache, bytecode, iae's own cache (its build is not measured)
        run_once(case, env)
        case.times.clear()
        case.peak_kib = 0
    for _ in range(rounds):
        for case in cases:
            run_once(case, env)


ORIENT_FLAGS = ["--bac", "master", "--years", "2", "--domaine", "action-sociale", "--envie", "accompagner"]


def after_a_change(python: str, data: Path, rounds: int, env: dict[str, str], label: str, *argv: str) -> Case:
    """A command right after a fiche file changed: the data read and checked again, the cache and
    the search index written, then the command's own work."""
    case = Case(label, [python, "-m", "iae_cli", "--data", str(data), *argv], None)
    touched = data / "metiers" / "charge-insertion.yaml"
    for _ in range(max(3, rounds // 5)):
        os.utime(touched, None)
        time.sleep(0.01)
        run_once(case, env)
    return case


def table(cases: list[Case], base: float, hello: float) -> str:
    """Medians, with ratios to `python -c pass` (what the targets use) and to the hello app."""
    lines = [
        "| commande | médiane | × python -c pass | cible | × hello Typer + Rich | mémoire max |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for case in cases:
        median = statistics.median(case.times)
        ratio = median / base
        verdict = "—"
        if case.target is not None:
            verdict = f"≤ {case.target:g}× {'✅' if ratio <= case.target else '❌'}"
        lines.append(
            f"| `{case.label}` | {median * 1000:.0f} ms | {ratio:.1f}× | {verdict} | {median / hello:.2f}× "
            f"| {case.peak_kib / 1024:.0f} Mio |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fiches", type=int, default=5000, help="taille du dossier synthétique (7 à 5000)")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="iae-bench-"))  # synthetic data and iae's cache, removed at the end
    try:
        report(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(args: argparse.Namespace, work: Path) -> None:
    python = args.python
    iae = [python, "-m", "iae_cli"]
    env = {k: v for k, v in os.environ.items() if k not in ("IAE_DATA", "NO_COLOR", "PYTHONDONTWRITEBYTECODE")}
    env.update({"IAE_CACHE_DIR": str(work / "cache"), "COLUMNS": "80"})
    script = os.path.join(os.path.dirname(python), "iae")
    if os.path.exists(script):
        iae = [script]

    base = Case("python -c pass", [python, "-c", "pass"], None)
    hello = Case("hello Typer + Rich", [python, str(HERE / "hello.py")], None)
    small = [
        base,
        hello,
        Case("iae show charge-insertion", [*iae, "show", "charge-insertion"], 10),
        Case("iae list", [*iae, "list"], 10),
        Case("iae match --bac 5 --years 3", [*iae, "match", "--bac", "5", "--years", "3"], 10),
        Case(
            "iae path charge-insertion directeur-reseau-insertion",
            [*iae, "path", "charge-insertion", "directeur-reseau-insertion"],
            10,
        ),
        Case("iae --help", [*iae, "--help"], 12),
        Case(
            "complétion de « iae show char »",
            [*iae],
            10,
            {"_IAE_COMPLETE": "complete_bash", "COMP_WORDS": "iae show char", "COMP_CWORD": "2"},
        ),
        Case("iae graph (carte SVG)", [*iae, "graph"], 10),
        Case("iae search accompagner les salariés", [*iae, "search", "accompagner", "les", "salariés"], 10),
        Case(
            "iae compare charge-insertion directeur-entreprise-insertion",
            [*iae, "compare", "charge-insertion", "directeur-entreprise-insertion"],
            10,
        ),
        Case("iae orient (réponses en options)", [*iae, "orient", *ORIENT_FLAGS], 10),
    ]
    measure(small, args.rounds, env)
    reference = statistics.median(base.times)
    print(
        f"Machine : {platform.machine()}, {os.cpu_count()} cœurs, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d')}, {args.rounds} passages alternés.\n"
    )
    print("Données de l'étude (7 fiches) :\n")
    print(table(small, reference, statistics.median(hello.times)))

    if args.fiches > 7:
        data = generate(work / "data", args.fiches)
        open_data = generate(work / "data-open", args.fiches, open_share=OPEN_SHARE)
        start, goal, shown = (
            "metier-00001",
            f"metier-{min(4000, args.fiches - 8):05d}",
            f"metier-{(args.fiches - 7) // 2:05d}",
        )
        n = f"({args.fiches} fiches)"
        big = [
            base,
            hello,
            Case(f"iae list -f json {n}", [*iae, "--data", str(data), "list", "-f", "json"], 14),
            Case(f"iae list (tableau) {n}", [*iae, "--data", str(data), "list"], 14),
            Case(
                f"iae match --bac 3 --years 2 {n}",
                [*iae, "--data", str(data), "match", "--bac", "3", "--years", "2"],
                14,
            ),
            Case(f"iae path {start} {goal} {n}", [*iae, "--data", str(data), "path", start, goal], 14),
            Case(f"iae show {shown} {n}", [*iae, "--data", str(data), "show", shown], 14),
            Case(f"iae search accompagnement {n}", [*iae, "--data", str(data), "search", "accompagnement"], 14),
            Case(f"iae compare {start} {shown} {n}", [*iae, "--data", str(data), "compare", start, shown], 14),
            Case(f"iae orient (options) {n}", [*iae, "--data", str(data), "orient", *ORIENT_FLAGS], 14),
            Case(
                f"iae match --bac 5 --years 3 {n}, 40 % accessibles",
                [*iae, "--data", str(open_data), "match", "--bac", "5", "--years", "3"],
                14,
            ),
        ]
        measure(big, args.rounds, env)
        reference = statistics.median(base.times)
        read = "première lecture après modification"
        first = after_a_change(python, data, args.rounds, env, read, "list", "-f", "json")
        label = "première recherche après modification (lecture et index)"
        searched = after_a_change(python, data, args.rounds, env, label, "search", "accompagnement")
        print(f"\nDossier synthétique de {args.fiches} fiches (bench/generate.py), cache déjà construit :\n")
        print(table(big, reference, statistics.median(hello.times)))
        median = statistics.median(first.times)
        print(
            f"\nPremière lecture après modification d'une fiche : médiane {median:.2f} s (cible ≤ 5 s "
            f"{'✅' if median <= 5 else '❌'}), mémoire max {first.peak_kib / 1024:.0f} Mio (cible ≤ 150 Mio "
            f"{'✅' if first.peak_kib / 1024 <= 150 else '❌'})."
        )
        median = statistics.median(searched.times)
        print(
            f"Première recherche après modification d'une fiche (lecture et index) : médiane {median:.2f} s "
            f"(cible ≤ 5 s {'✅' if median <= 5 else '❌'}), mémoire max {searched.peak_kib / 1024:.0f} Mio "
            f"(cible ≤ 150 Mio {'✅' if searched.peak_kib / 1024 <= 150 else '❌'})."
        )


if __name__ == "__main__":
    main()
