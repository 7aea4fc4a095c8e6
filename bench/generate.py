"""Generate a synthetic data folder of N fiches, shaped like the study's, for benchmarks and tests.

    python3 bench/generate.py OUT_DIR --fiches 5000 [--seed 1] [--open-share 0.4]

The seven real fiches are kept (so the usual commands work), then N - 7 synthetic ones are
added with varied levels, requirements and pay, and a connected mobility graph: every
synthetic fiche links to the previous one, plus a few random links (stated or inferred) to
fiches and outside roles. roles.yaml, secteur.yaml and glossaire.yaml are the shipped ones.
With `--open-share S`, a share S of the synthetic fiches is open to `--bac 5 --years 3` and the
others are not (a diploma above bac+5 or more than 3 years asked); without it, about two thirds are.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from iae_cli.paths import shipped_data_dir  # noqa: E402

LEVELS = ["direction-generale", "encadrement-intermediaire", "encadrement-proximite"]
TRADES = ["insertion", "formation", "logement", "microcrédit", "recyclage", "restauration", "services", "réemploi"]
PLACES = ["site", "réseau", "chantier", "atelier", "pôle", "antenne", "plate-forme", "service"]


def _requirements(rng: random.Random, open_share: float | None) -> tuple[int, int]:
    """(min_bac, min_years); with `open_share`, open to bac+5 and 3 years with that probability."""
    if open_share is None:
        return rng.randint(2, 5), rng.choice([0, 1, 2, 3, 5, 7])
    if rng.random() < open_share:
        return rng.randint(2, 5), rng.choice([0, 1, 2, 3])
    if rng.random() < 0.5:
        return rng.randint(6, 8), rng.choice([0, 1, 2, 3, 5, 7])
    return rng.randint(2, 5), rng.choice([5, 7])


def synthetic_fiche(
    index: int, ids: list[str], role_ids: list[str], rng: random.Random, open_share: float | None = None
) -> dict[str, Any]:
    fiche_id = ids[index]
    trade, place = rng.choice(TRADES), rng.choice(PLACES)
    level = LEVELS[index % 3]
    min_bac, min_years = _requirements(rng, open_share)
    pay_min = rng.randint(22, 45)
    previous = [{"label": "Poste précédent", "id": ids[index - 1], "link": "stated"}] if index > 0 else []
    following = []
    for _ in range(rng.randint(0, 3)):
        target = rng.choice(ids if rng.random() < 0.85 else role_ids)
        kind = rng.choice(["stated", "inferred"])
        link: dict[str, Any] = {"label": f"Évolution vers {target}", "id": target, "link": kind}
        if kind == "inferred":
            link["note"] = "Lien déduit pour le banc d'essai."
        following.append(link)
    pages = "27-30"
    groups = [
        {"group": f"Activité {n} du {place}", "items": [f"Tâche {n}.{k} en {trade}" for k in range(rng.randint(2, 6))]}
        for n in range(rng.randint(2, 5))
    ]
    return {
        "id": fiche_id,
        "title": {
            "masculine": f"Responsable {place} {trade} {index}",
            "feminine": f"Responsable {place} {trade} {index}",
        },
        "aliases": [f"{place} {trade} {index}"],
        "level": level,
        "pages": pages,
        "mission": {"text": f"Anime le {place} de {trade} numéro {index} et ses partenaires.", "pages": pages},
        "salary": {
            "min_keur": pay_min,
            "max_keur": pay_min + rng.randint(0, 15),
            "profile": "cadre",
            "year": 2008,
            "pages": pages,
        },
        "recruiters": {"items": ["Associations", "Entreprises d'insertion"], "pages": pages},
        "reporting": {"items": ["Le directeur"], "pages": pages},
        "relations": {"internal": ["Direction", "Équipes"], "external": ["Partenaires publics"], "pages": pages},
        "activities": {"main": groups, "optional": [], "variability": ["Taille de la structure"], "pages": pages},
        "diploma": {
            "min_bac": min_bac,
            "max_bac": rng.choice([None, min(min_bac + 1, 8)]),
            "fields": [trade],
            "alternatives": [],
            "pages": pages,
        },
        "experience": {"min_years": min_years, "max_years": None, "domain": rng.choice([None, trade]), "pages": pages},
        "knowledge": {"items": [], "pages": pages},
        "skills": {"items": [f"Compétence {k}" for k in range(rng.randint(2, 8))], "pages": pages},
        "mobility": {"previous": previous, "next": following, "pages": pages},
        "offers": [
            {
                "title": f"Offre {index}",
                "salary": None,
                "employer": "Association",
                "requirements": ["Bac+3"],
                "pages": pages,
            }
        ],
    }


def generate(out: Path, count: int, seed: int = 1, open_share: float | None = None) -> Path:
    """Write a data folder of `count` fiches (7 real ones first) into `out`."""
    source = shipped_data_dir()
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(source, out, ignore=shutil.ignore_patterns("schema"))
    rng = random.Random(seed)
    extra = max(0, count - 7)
    ids = [f"metier-{i:05d}" for i in range(extra)]
    role_ids = [r["id"] for r in yaml.safe_load((source / "roles.yaml").read_text(encoding="utf-8"))["roles"]]
    dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    for index in range(extra):
        fiche = synthetic_fiche(index, ids, role_ids, rng, open_share)
        text = yaml.dump(fiche, Dumper=dumper, allow_unicode=True, sort_keys=False)
        (out / "metiers" / f"{ids[index]}.yaml").write_text(text, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--fiches", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--open-share", type=float, default=None, help="share open to --bac 5 --years 3 (0 to 1)")
    args = parser.parse_args()
    if not 7 <= args.fiches <= 100_000:
        parser.error("--fiches: between 7 and 100000")
    if args.open_share is not None and not 0 <= args.open_share <= 1:
        parser.error("--open-share: between 0 and 1")
    generate(args.out, args.fiches, args.seed, args.open_share)
    print(f"{args.fiches} fiches in {args.out}")


if __name__ == "__main__":
    main()
