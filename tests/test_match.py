"""Eligibility and gaps, in the core and through `iae match`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iae_cli.catalog import Catalog
from iae_cli.errors import UsageError
from iae_cli.match import Profile, gap, match
from iae_cli.model import FicheSummary
from tests.conftest import DATA, run

ALL = {
    "directeur-entreprise-insertion",
    "directeur-reseau-insertion",
    "directeur-regional-insertion",
    "responsable-fonctionnel",
    "responsable-site-insertion",
    "charge-insertion",
    "responsable-conseillers-microcredit",
}

SITE = "responsable-site-insertion"  # its 3 to 5 years are « un atout déterminant », not a condition

# profile -> (eligible, open with a caveat); every other post is « presque »
ELIGIBLE = [
    ((0, 0), set(), set()),
    ((1, 10), set(), set()),
    ((2, 0), {"charge-insertion"}, set()),
    ((3, 0), {"charge-insertion"}, set()),  # the site: the summary table's floor (1 year, p. 15-20) is not met
    ((3, 0.9), {"charge-insertion"}, set()),
    ((3, 1), {"charge-insertion"}, {SITE}),
    ((3, 2.9), {"charge-insertion"}, {SITE}),
    ((3, 3), {"charge-insertion", SITE}, set()),
    ((4, 4.5), {"charge-insertion", SITE, "responsable-conseillers-microcredit"}, set()),
    ((5, 3), {"charge-insertion", SITE, "responsable-conseillers-microcredit"}, set()),
    ((5, 1), {"charge-insertion"}, {SITE}),
    (
        (4, 5),
        {
            "charge-insertion",
            SITE,
            "responsable-conseillers-microcredit",
            "directeur-entreprise-insertion",
            "directeur-reseau-insertion",
        },
        set(),
    ),
    ((5, 5), ALL, set()),
    ((8, 40), ALL, set()),  # the upper end of a range is never a ceiling
]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.open(DATA)


@pytest.mark.parametrize(("profile", "expected", "caveat"), ELIGIBLE)
def test_eligibility(catalog: Catalog, profile: tuple[int, float], expected: set[str], caveat: set[str]) -> None:
    result = match(Profile(*profile), catalog.summaries.values())
    assert {e.fiche.id for e in result.eligible} == expected
    assert {e.fiche.id for e in result.caveat} == caveat
    assert {e.fiche.id for e in result.near} == ALL - expected - caveat


def test_gaps_are_exact(catalog: Catalog) -> None:
    result = match(Profile(3, 1.5), catalog.summaries.values())
    gaps = {e.fiche.id: (e.missing.bac, e.missing.years) for e in result.near}
    assert gaps == {
        "responsable-conseillers-microcredit": (1, 1.5),
        "directeur-entreprise-insertion": (1, 3.5),
        "directeur-reseau-insertion": (1, 3.5),
        "directeur-regional-insertion": (2, 3.5),
        "responsable-fonctionnel": (2, 3.5),
    }
    assert [(e.fiche.id, e.missing) for e in result.caveat] == [(SITE, (0, 0, 1.5))]
    assert [e.fiche.id for e in result.near][:1] == ["responsable-conseillers-microcredit"]


def test_a_decisive_asset_leaves_the_tables_floor_as_the_condition(catalog: Catalog) -> None:
    """The site's fiche calls 3 to 5 years « un atout déterminant » (p. 43-46) and sets no condition;
    the summary table of required experience puts the post at 1 to 5 years (p. 15-20): 1 year is the
    condition, the 3 years the asset. Bac+2 with no experience lacks a level, the year and the asset."""
    result = match(Profile(2, 0), catalog.summaries.values())
    site = next(e for e in result.near if e.fiche.id == SITE)
    assert site.missing == (1, 1, 3)
    assert gap(Profile(3, 0), catalog.summaries[SITE]) == (0, 1, 3)
    assert gap(Profile(3, 1), catalog.summaries[SITE]).caveat
    assert not gap(Profile(3, 3), catalog.summaries[SITE]).caveat


def test_level_filter(catalog: Catalog) -> None:
    result = match(Profile(5, 10), catalog.summaries.values(), "encadrement-intermediaire")
    assert {e.fiche.id for e in result.eligible} == {"directeur-regional-insertion", "responsable-fonctionnel"}


@pytest.mark.parametrize(("bac", "years"), [(-1, 0), (9, 0), (0, -0.5), (0, 61), (0, float("nan"))])
def test_profile_refuses_out_of_range(bac: int, years: float) -> None:
    with pytest.raises(UsageError):
        Profile(bac, years)


@settings(deadline=None)  # its first example reads the data: over 200 ms on a loaded machine
@given(st.integers(0, 8), st.floats(0, 60) | st.integers(0, 60), st.data())
def test_match_agrees_with_gap_for_every_fiche(bac: int, years: float, data: st.DataObject) -> None:
    """The loop in `match` and the rule in `gap` never disagree, on the study's or on random fiches."""
    fiches = list(Catalog.open(DATA).summaries.values())
    for fiche in data.draw(st.lists(st.sampled_from(fiches), max_size=3)):
        demanded = data.draw(st.integers(0, 8)), data.draw(st.floats(0, 60) | st.integers(0, 60))
        diploma, experience = fiche.diploma._replace(min_bac=demanded[0]), fiche.experience
        fiches.append(fiche._replace(diploma=diploma, experience=experience._replace(min_years=demanded[1])))
    profile = Profile(bac, years)
    result = match(profile, fiches)
    assert len(result.eligible) + len(result.caveat) + len(result.near) == len(fiches)
    for entry in (*result.eligible, *result.caveat, *result.near):
        assert entry.missing == gap(profile, entry.fiche)
        assert (entry in result.eligible) == (entry.missing.met and not entry.missing.caveat)
        assert (entry in result.caveat) == entry.missing.caveat
    sizes = [(e.missing.size, e.missing.bac, e.fiche.id) for e in result.near]
    assert sizes == sorted(sizes)


@settings(deadline=None)  # opens the catalog each time: slow only when the machine is loaded
@given(st.integers(0, 8), st.floats(0, 60), st.integers(0, 8), st.floats(0, 60))
def test_more_diploma_or_experience_never_removes_a_post(
    bac: int, years: float, more_bac: int, more_years: float
) -> None:
    fiches = list(Catalog.open(DATA).summaries.values())
    low = match(Profile(bac, years), fiches)
    high = match(Profile(max(bac, more_bac), max(years, more_years)), fiches)
    assert {e.fiche.id for e in low.eligible} <= {e.fiche.id for e in high.eligible}
    # a post open with a caveat stays open (with or without it) when the profile grows
    assert {e.fiche.id for e in (*low.eligible, *low.caveat)} <= {e.fiche.id for e in (*high.eligible, *high.caveat)}


def test_match_text_explains_what_is_missing() -> None:
    result = run("match", "--bac", "3", "--years", "1", env={"COLUMNS": "250"})
    assert result.exit_code == 0
    assert "il manque 4 ans d'expérience (dans le domaine : action sociale)" in result.stdout
    assert "Accessibles, avec une réserve (1)" in result.stdout
    assert "l'étude tient 3 à 5 ans (action sociale) pour un atout déterminant : il vous en manque 2 ans" in (
        " ".join(result.stdout.split())
    )
    assert "bac+4 à 5 demandé, vous avez bac+3" in result.stdout
    assert result.stdout.count("VAE") == 1  # said once, below the tables
    said = " ".join(result.stdout.split())
    assert said.count("Le tableau de synthèse de l'étude (p. 15-20) range ces postes dans la tranche des jeunes") == 1
    narrow = run("match", "--bac", "3", "--years", "1")
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 80


def test_match_json_contract() -> None:
    payload = json.loads(run("match", "--bac", "5", "--years", "3", "--format", "json").stdout)
    assert set(payload) == {"profile", "eligible", "open_with_caveat", "near"}
    assert payload["profile"] == {"bac": 5, "diploma": "bac+5", "years": 3.0, "domain": None}
    assert payload["open_with_caveat"] == []
    assert [e["id"] for e in payload["eligible"]] == [
        "charge-insertion",
        "responsable-conseillers-microcredit",
        "responsable-site-insertion",
    ]
    for entry in payload["eligible"]:
        assert entry["missing"] == {
            "bac": 0,
            "years": 0,
            "decisive_asset_years": 0,
            "domain": None,
            "alternative": None,
        }
        assert {"id", "title", "level", "salary", "diploma", "experience"} <= set(entry)
    first_near = payload["near"][0]
    assert first_near["missing"] == {
        "bac": 0,
        "years": 2.0,
        "decisive_asset_years": 0,
        "domain": None,
        "alternative": None,
    }
    site = next(e for e in payload["eligible"] if e["id"] == "responsable-site-insertion")
    assert site["experience"]["standing"] == "decisive-asset"


def test_match_json_puts_the_site_apart_without_its_decisive_asset() -> None:
    payload = json.loads(run("match", "--bac", "3", "--years", "1", "--format", "json").stdout)
    [site] = payload["open_with_caveat"]
    assert site["id"] == "responsable-site-insertion"
    assert site["missing"] == {"bac": 0, "years": 0, "decisive_asset_years": 2.0, "domain": None, "alternative": None}


def test_a_post_open_with_a_caveat_is_a_result() -> None:
    """Exit code 0: a post whose conditions are met is open, warning or not."""
    result = run("match", "--bac", "3", "--years", "1", "--level", "encadrement-proximite")
    assert result.exit_code == 0 and "Accessibles, avec une réserve" in result.stdout


def test_match_with_no_eligible_post_exits_1() -> None:
    result = run("match", "--bac", "0", "--years", "0")
    assert result.exit_code == 1
    said = " ".join(result.stdout.split())
    assert "Aucun poste de l'étude ne vous est accessible aujourd'hui. Le plus proche est Chargé d'insertion" in said
    assert "Postes à viser ensuite (7), du plus proche au plus lointain" in said


def test_match_says_plainly_when_a_profile_is_far_from_every_post() -> None:
    result = run("match", "--bac", "0", "--years", "0", "--level", "direction")
    said = " ".join(result.stdout.split())
    assert result.exit_code == 1
    assert "Niveau retenu : Direction générale (--level direction-generale)" in said
    assert "Ce profil est loin de tous les postes de l'étude" in said
    assert "(au moins bac+4) et plus d'expérience (au moins 5 ans)" in said


@pytest.mark.parametrize(
    "args",
    [
        ["--bac", "-1", "--years", "2"],
        ["--bac", "9", "--years", "2"],
        ["--bac", "cinq", "--years", "2"],
        ["--bac", "5", "--years", "-3"],
        ["--bac", "5", "--years", "nan"],
        ["--bac", "5", "--years", "inf"],
        ["--bac", "5", "--years", ""],
        ["--bac", "", "--years", "1"],
        ["--bac", "5"],
        ["--years", "3"],
        ["--bac", "5", "--years", "1e400"],
        ["--bac", "5", "--years", "3", "--level", "ministre"],
    ],
)
def test_match_refusals(args: list[str]) -> None:
    result = run("match", *args)
    assert result.exit_code == 2, result
    assert result.stdout == ""
    assert result.stderr.startswith("iae : ")
    assert "Traceback" not in result.stderr


def test_match_accepts_decimal_comma_and_bac_prefix() -> None:
    payload = json.loads(run("match", "--bac", "bac+5", "--years", "2,5", "-f", "json").stdout)
    assert payload["profile"] == {"bac": 5, "diploma": "bac+5", "years": 2.5, "domain": None}


def test_near_misses_are_limited_in_text_but_complete_in_json() -> None:
    text = run("match", "--bac", "2", "--years", "0", "--near", "2", env={"COLUMNS": "250"}).stdout
    assert "Postes à viser ensuite (6), du plus proche au plus lointain" in text and "… et 4 autre(s)" in text
    assert len(json.loads(run("match", "--bac", "2", "--years", "0", "--near", "2", "-f", "json").stdout)["near"]) == 6
    assert "autre(s)" not in run("match", "--bac", "2", "--years", "0", "--near", "0").stdout
    assert run("match", "--bac", "2", "--years", "0", "--near", "-3").exit_code == 2


@pytest.mark.parametrize(
    ("min_years", "said"), [("1", "1 an demandé"), ("1.5", "1,5 an demandé"), ("2", "2 ans demandés")]
)
def test_required_years_agree_in_number(data_copy: Path, min_years: str, said: str) -> None:
    """French: « 1 an demandé », « 2 ans demandés » (a fiche of a counsellor's own data)."""
    path = data_copy / "metiers" / "charge-insertion.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "experience:\n  min_years: 0", f"experience:\n  min_years: {min_years}"
    )
    path.write_text(text, encoding="utf-8")
    shown = run("--data", str(data_copy), "match", "--bac", "5", "--years", "3", env={"COLUMNS": "250"}).stdout
    line = next(line for line in shown.splitlines() if line.startswith("Chargé d'insertion"))
    assert line.rstrip().endswith(f"bac+5 pour bac+2 demandé ; 3 ans, {said}")


def test_match_builds_only_the_summaries_it_shows(tmp_path: Path) -> None:
    """On a cached folder, `iae match` reads the requirement columns and builds a whole summary
    only for the open posts and the near misses the view shows."""
    from bench.generate import generate

    from iae_cli.match import match_requirements
    from iae_cli.render.match_views import match_view

    data = generate(tmp_path / "data", 307, open_share=0.4)
    Catalog.open(data)  # the first read fills the cache
    catalog = Catalog.open(data)
    built: list[int] = []

    def summaries_at(positions: Sequence[int]) -> list[FicheSummary]:
        built.extend(positions)
        return catalog.summaries_at(positions)

    result = match_requirements(Profile(5, 3), catalog.requirements(), summaries_at)
    match_view(result, 10)
    assert len(built) == len(result.eligible) + len(result.caveat) + 10 < 307
    everything = match(Profile(5, 3), Catalog.open(data).summaries.values())
    assert [e.fiche for e in result.eligible] == [e.fiche for e in everything.eligible]
    assert list(result.near) == list(everything.near)


def _cells(*args: str) -> str:
    """What match says, each table cell unbroken (Markdown with --details: the terminal's view)."""
    return " ".join(run(*args, "-f", "markdown", "--details").stdout.replace("\u00a0", " ").split())


def test_a_graduate_without_experience_is_not_told_the_site_is_open() -> None:
    """The site manager (p. 43-46): 3 to 5 years « un atout déterminant », paid as a « cadre confirmé »,
    every example offer asking 5 years; the summary table puts it at 1 to 5 years (p. 15-20). match,
    orient and path agree: at 0 years it is a post to aim at, 1 year short of the table's floor."""
    payload = json.loads(run("match", "--bac", "licence", "--years", "0", "-f", "json").stdout)
    assert SITE not in [p["id"] for p in payload["eligible"] + payload["open_with_caveat"]]
    site = next(p for p in payload["near"] if p["id"] == SITE)
    assert (site["missing"]["years"], site["missing"]["decisive_asset_years"]) == (1, 3)
    said = _cells("match", "--bac", "licence", "--years", "0")
    assert "Accessibles, avec une réserve" not in said
    assert "il manque 1 an d'expérience, le seuil du tableau de synthèse ; l'étude tient 3 à 5 ans" in said
    orient_out = run("orient", "--bac", "licence", "--years", "0", "--envie", "accompagner", "-f", "json").stdout
    orient = json.loads(orient_out)
    assert SITE not in [p["id"] for p in orient["open"]] and SITE in [p["id"] for p in orient["next"]]
    path = " ".join(run("path", "charge-insertion", SITE, "--bac", "licence", "--years", "0").stdout.split())
    assert "avec une réserve" not in path and "à préparer" in path
    one_year = json.loads(run("match", "--bac", "licence", "--years", "1", "-f", "json").stdout)
    assert SITE in [p["id"] for p in one_year["open_with_caveat"]]


def test_match_names_the_domain_of_the_years_it_counts() -> None:
    """Microcredit asks 3 to 5 years in finance and/or business creation (p. 51-54)."""
    said = _cells("match", "--bac", "5", "--years", "4")
    assert "4 ans, 3 ans demandés (finance et/ou création d'entreprise)" in said
    assert "Sans --domaine, vos années sont comptées comme si elles étaient dans le domaine" in said
    elsewhere = run("match", "--bac", "master", "--years", "2", "--domaine", "action-sociale", "-f", "json").stdout
    micro = next(p for p in json.loads(elsewhere)["near"] if p["id"] == "responsable-conseillers-microcredit")
    assert micro["missing"]["years"] == 3  # two years of action sociale are none of the three in finance
    shown = _cells("match", "--bac", "master", "--years", "2", "--domaine", "action-sociale")
    assert (
        "il manque 3 ans d'expérience dans le domaine « finance et/ou création d'entreprise » (p. 51-54) : "
        "la vôtre est dans un autre domaine" in shown
    )
    assert shown.count("finance et/ou création") == 1 and "compte moins" not in shown
    assert "comptées comme si" not in shown
