"""The shipped data states the study's figures exactly (Apec 2008)."""

from __future__ import annotations

import pytest

from iae_cli.catalog import Catalog
from iae_cli.scan import validate_folder
from tests.conftest import DATA

# id: (level, pay min, pay max, pay profile, min bac, max bac, min years, max years, table band, pages)
# fmt: off
FICHES = {
    "directeur-entreprise-insertion": ("direction-generale", 35, 50, "cadre confirmé", 4, 5, 5, None, "cadres-confirmes", "27-30"),  # noqa: E501
    "directeur-reseau-insertion": ("direction-generale", 40, 50, "cadre confirmé", 4, 5, 5, 10, "cadres-confirmes", "31-34"),  # noqa: E501
    "directeur-regional-insertion": ("encadrement-intermediaire", 35, 45, "cadre confirmé", 5, None, 5, None, "jeunes-cadres", "35-38"),  # noqa: E501
    "responsable-fonctionnel": ("encadrement-intermediaire", 35, 45, "cadre confirmé", 5, None, 5, None, "jeunes-cadres", "39-42"),  # noqa: E501
    "responsable-site-insertion": ("encadrement-proximite", 35, 45, "cadre confirmé", 3, 5, 3, 5, "jeunes-cadres", "43-46"),  # noqa: E501
    "charge-insertion": ("encadrement-proximite", 25, 30, "jeune diplômé ou jeune cadre", 2, None, 0, None, "jeunes-diplomes", "47-50"),  # noqa: E501
    "responsable-conseillers-microcredit": ("encadrement-proximite", 25, 35, "jeune cadre", 4, 5, 3, 5, "jeunes-cadres", "51-54"),  # noqa: E501
}
# fmt: on

# Every example offer: (title start, pay range or None)
OFFERS = {
    "directeur-entreprise-insertion": [("Directeur de 3 entreprises", (36, 45)), ("Directeur (H/F)", (36, 50))],
    "directeur-reseau-insertion": [("Adjoint au directeur général", (40, 45))],
    "directeur-regional-insertion": [("Directeur régional", None)],
    "responsable-fonctionnel": [
        ("Directeur administratif et financier", (45, 45)),
        ("Responsable du contrôle de gestion", (33, 35)),
        ("Responsable des ressources humaines", (35, 40)),
    ],
    "responsable-site-insertion": [
        ("Directeur de structure d'insertion", None),
        ("Responsable de site", None),
        ("Directeur de centre d'hébergement", None),
    ],
    "charge-insertion": [("Chargé d'insertion", None)],
    "responsable-conseillers-microcredit": [("Responsable accompagnement microcrédit", None)],
}

# Every offer: (reporting line as the data words it, number of missions)
OFFER_DETAILS = {
    "directeur-entreprise-insertion": [("Le conseil d'administration", 5), ("Le président", 4)],
    "directeur-reseau-insertion": [
        ("Le président et le directeur général, en garant de la politique fixée par le conseil d'administration", 6)
    ],
    "directeur-regional-insertion": [("Le président du comité régional", 7)],
    "responsable-fonctionnel": [("Le président", 3), ("Le directeur adjoint", 7), ("Le directeur général", 5)],
    "responsable-site-insertion": [
        ("Le président, en étroite collaboration avec le bureau de l'association", 4),
        ("Le président de l'association", 4),
        ("Le président local", 5),
    ],
    "charge-insertion": [("Le président du groupe", 5)],
    "responsable-conseillers-microcredit": [("La directrice régionale", 3)],
}

# Every p-1 / p+1 entry: (id, stated|inferred)
MOBILITY = {
    "directeur-entreprise-insertion": (
        [
            ("responsable-site-insertion", "inferred"),
            ("responsable-insertion-association", "stated"),
            ("cadre-entreprise-classique", "stated"),
        ],
        [("directeur-entreprise-insertion", "stated"), ("directeur-reseau-insertion", "inferred")],
    ),
    "directeur-reseau-insertion": (
        # « cadre opérationnel dans une entreprise (RH, administratif, finance) »: the support functions of p. 39-42
        [("responsable-domaine-association", "stated"), ("cadre-fonction-support", "inferred")],
        [("directeur-general-association", "stated"), ("responsable-rse-grande-entreprise", "stated")],
    ),
    "directeur-regional-insertion": (
        [
            ("charge-mission-association", "stated"),
            # « responsable fonctionnel ou opérationnel dans l'économie sociale » (p. 35-38): wider than the fiche
            ("responsable-fonctionnel", "inferred"),
            # « responsable d'un domaine d'action à l'échelle d'un territoire »: not the action-sociale role of p. 31-34
            ("responsable-domaine-territoire", "stated"),
        ],
        [
            ("directeur-reseau-insertion", "stated"),
            # « directeur d'une structure d'insertion dans une région plus importante »: « régional » is not written
            ("directeur-regional-insertion", "inferred"),
            # « directeur fonctionnel au siège d'une grande structure »: a role, not the fiche at the same level and pay
            ("directeur-fonctionnel-siege", "stated"),
        ],
    ),
    "responsable-fonctionnel": (
        [("cadre-fonction-support", "stated")],
        [("directeur-general-association", "stated"), ("responsable-fonctionnel", "stated")],
    ),
    "responsable-site-insertion": (
        [("cadre-centre-social", "stated"), ("charge-insertion", "inferred")],
        [("directeur-regional-insertion", "stated"), ("directeur-reseau-insertion", "stated")],
    ),
    "charge-insertion": ([("travailleur-social", "stated")], [("charge-insertion", "stated")]),
    "responsable-conseillers-microcredit": (
        [("conseiller-microcredit", "stated")],
        # « responsable territorial dans une autre organisation de microcrédit »: iae reads the same post
        [("responsable-fonctionnel", "stated"), ("responsable-conseillers-microcredit", "inferred")],
    ),
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.open(DATA)


def test_shipped_data_is_valid() -> None:
    assert validate_folder(DATA) == []


def test_exactly_the_seven_fiches(catalog: Catalog) -> None:
    assert set(catalog.summaries) == set(FICHES)


@pytest.mark.parametrize("fiche_id", sorted(FICHES))
def test_fiche_figures(catalog: Catalog, fiche_id: str) -> None:
    level, pay_min, pay_max, profile, bac_min, bac_max, years_min, years_max, band, pages = FICHES[fiche_id]
    f = catalog.summaries[fiche_id]
    assert f.level == level
    assert (f.salary.min_keur, f.salary.max_keur, f.salary.profile, f.salary.year) == (pay_min, pay_max, profile, 2008)
    assert (f.diploma.min_bac, f.diploma.max_bac) == (bac_min, bac_max)
    assert (f.experience.min_years, f.experience.max_years) == (years_min, years_max)
    assert f.experience.table is not None and f.experience.table.band == band
    assert f.pages == pages


@pytest.mark.parametrize("fiche_id", sorted(FICHES))
def test_offers_and_their_pay(catalog: Catalog, fiche_id: str) -> None:
    offers = catalog.fiche(fiche_id).offers
    assert len(offers) == len(OFFERS[fiche_id])
    for offer, (title, pay) in zip(offers, OFFERS[fiche_id], strict=True):
        assert offer.title.startswith(title)
        assert (None if offer.salary is None else (offer.salary.min_keur, offer.salary.max_keur)) == pay


def test_offer_reporting_and_missions(catalog: Catalog) -> None:
    """Every one of the 12 offers says whom the post reports to, and lists all its missions."""
    for fiche_id, expected in OFFER_DETAILS.items():
        offers = catalog.fiche(fiche_id).offers
        assert [(o.reporting, len(o.missions)) for o in offers] == expected, fiche_id
    assert sum(len(v) for v in OFFER_DETAILS.values()) == 12


def test_offer_requirements_keep_the_study_hedges() -> None:
    import yaml

    def requirements(fiche_id: str, index: int) -> list[str]:
        raw = yaml.safe_load((DATA / "metiers" / f"{fiche_id}.yaml").read_text(encoding="utf-8"))
        return list(raw["offers"][index]["requirements"])

    micro = requirements("responsable-conseillers-microcredit", 0)
    assert any("approfondie" in r for r in micro) and any("significative" in r for r in micro)
    assert any("significative de 5 à 10 ans" in r for r in requirements("directeur-entreprise-insertion", 1))
    assert "Fort investissement personnel" in requirements("responsable-fonctionnel", 2)
    assert any("secteur associatif" in r for r in requirements("responsable-site-insertion", 1))


@pytest.mark.parametrize("fiche_id", sorted(FICHES))
def test_mobility_lists(catalog: Catalog, fiche_id: str) -> None:
    m = catalog.fiche(fiche_id).mobility
    previous, following = MOBILITY[fiche_id]
    assert [(x.id, x.link) for x in m.previous] == previous
    assert [(x.id, x.link) for x in m.next] == following
    for link in (*m.previous, *m.next):
        if link.link == "inferred":
            assert link.note, f"{fiche_id}: an inferred link must say why"


def test_the_table_contradicts_four_fiches(catalog: Catalog) -> None:
    """Summary table (p. 15-20) vs fiches: directeur régional, responsable fonctionnel and de site, microcrédit."""
    differs = {f.id for f in catalog.summaries.values() if f.experience.table_differs}
    assert differs == {
        "directeur-regional-insertion",
        "responsable-fonctionnel",
        "responsable-site-insertion",
        "responsable-conseillers-microcredit",
    }


def test_diploma_alternatives_and_fields(catalog: Catalog) -> None:
    site = catalog.summaries["responsable-site-insertion"].diploma
    assert any("DEFA" in a for a in site.alternatives)
    assert any("travail social" in a.lower() for a in site.alternatives)
    assert catalog.summaries["charge-insertion"].diploma.fields == (
        "gestion des ressources humaines et de la formation",
        "animation socioculturelle",
        "travail social",
    )
    assert catalog.summaries["directeur-reseau-insertion"].experience.domain == "économie sociale et solidaire"
    assert (
        catalog.summaries["responsable-conseillers-microcredit"].experience.domain
        == "finance et/ou création d'entreprise"
    )


def test_titles_have_both_genders(catalog: Catalog) -> None:
    f = catalog.summaries["charge-insertion"]
    assert (f.title.masculine, f.title.feminine) == ("Chargé d'insertion", "Chargée d'insertion")


def test_sector_structures(catalog: Catalog) -> None:
    sector = catalog.sector()
    counts = {s["id"]: s["count_2005"] for s in sector["structures"]}
    assert counts == {"ei": 820, "etti": 210, "ai": 840, "aci": None}
    aci = next(s for s in sector["structures"] if s["id"] == "aci")
    assert "3300" in aci["count_note"] and "1\u00a0430" in aci["count_note"]


def test_sector_networks(catalog: Catalog) -> None:
    networks = {n["id"]: n for n in catalog.sector()["networks"]}
    assert {k: n["founded"] for k, n in networks.items()} == {
        "cnei": 1988,
        "coorace": 1985,
        "fnars": 1956,
        "face": 1993,
        "adie": 1989,
        "france-active": 1988,
        "cniae": 1991,
    }

    def figure(network: str, start: str) -> float:
        return next(f["value"] for f in networks[network]["figures"] if f["label"].startswith(start))

    assert figure("cnei", "unions") == 22 and figure("cnei", "entreprises") == 550
    assert figure("coorace", "entreprises") == 450
    assert figure("fnars", "associations") == 750 and figure("fnars", "établissements") == 2200
    assert figure("face", "grandes") == 14 and figure("face", "entreprises rassemblées") == 2000
    assert figure("adie", "taux de survie") == 64 and figure("adie", "taux d'impayés") == 6.8
    assert figure("adie", "entreprises créées") == 53500 and figure("adie", "crédits") == 63800
    assert figure("france-active", "fonds") == 39 and figure("france-active", "emplois") == 7028
    assert figure("cniae", "membres") == 42


def test_sector_figures_and_contract(catalog: Catalog) -> None:
    sector = catalog.sector()
    values = [f["value"] for f in sector["figures"]]
    assert 17000 in values and 230000 in values
    contract = sector["contract"]
    assert (contract["min_months"], contract["max_months"], contract["min_weekly_hours"]) == (6, 24, 20)
    assert contract["replaces"] == ["CES", "CEC"]
    assert [t["id"] for t in sector["training"]] == ["miess", "etaie", "vae"]
    assert len(sector["emerging_roles"]["items"]) == 4


def test_glossary_covers_the_study_acronyms(catalog: Catalog) -> None:
    terms = {t.term for t in catalog.glossary()}
    for acronym in (
        "ANPE",
        "DDTEFP",
        "PLIE",
        "CAE",
        "CES",
        "CEC",
        "RMI",
        "ASS",
        "RSA",
        "VAE",
        "SIAE",
        "ESS",
        "RSE",
        "ETAIE",
        "DEFA",
        "CNASEA",
        "CNIAE",
        "CNEI",
        "ADIE",
        "FNARS",
        "COORACE",
        "FACE",
    ):
        assert acronym in terms


# The study's self-contradictions recorded as data: fiche id -> [(about, [pages of each version])]
DISAGREEMENTS = {
    "directeur-regional-insertion": [("salary", ["35-38", "15-20"])],
    "responsable-fonctionnel": [("salary", ["39-42", "15-20"])],
    "responsable-site-insertion": [("salary", ["43-46", "15-20"])],
    "directeur-reseau-insertion": [("reporting", ["15-20", "31-34", "31-34"])],
}


@pytest.mark.parametrize("fiche_id", sorted(FICHES))
def test_recorded_disagreements(catalog: Catalog, fiche_id: str) -> None:
    """Pay of a « cadre confirmé » vs the table's « jeunes cadres » (three fiches); the network
    director's reporting line: CA (table), président (mission), directeur général (fiche)."""
    found = [(d.about, [v.pages for v in d.versions]) for d in catalog.fiche(fiche_id).disagreements]
    assert found == DISAGREEMENTS.get(fiche_id, [])


def test_the_network_director_s_three_reporting_lines(catalog: Catalog) -> None:
    [d] = catalog.fiche("directeur-reseau-insertion").disagreements
    says = [v.says for v in d.versions]
    assert "conseil d'administration" in says[0] and "président" in says[1] and "secrétaire général" in says[2]


def test_salary_disagreements_match_the_table_and_the_pay_profile(catalog: Catalog) -> None:
    for fiche_id, found in DISAGREEMENTS.items():
        if found[0][0] != "salary":
            continue
        summary = catalog.summaries[fiche_id]
        assert summary.salary.profile == "cadre confirmé"
        assert summary.experience.table is not None and summary.experience.table.band == "jeunes-cadres"


def test_assets_are_not_requirements(catalog: Catalog) -> None:
    """« un atout » (p. 31-34: the network director's fields) and « un atout déterminant » (p. 43-46)."""
    network = catalog.summaries["directeur-reseau-insertion"].diploma
    assert network.fields == () and network.asset_fields == ("management", "gestion d'entreprise", "droit")
    standings = {i: f.experience.standing for i, f in catalog.summaries.items()}
    assert standings == {
        "directeur-entreprise-insertion": "usual",  # « en général »
        "directeur-reseau-insertion": "required",
        "directeur-regional-insertion": "required",
        "responsable-fonctionnel": "usual",  # « généralement »
        "responsable-site-insertion": "decisive-asset",
        "charge-insertion": "required",
        "responsable-conseillers-microcredit": "required",
    }
    site = catalog.summaries["responsable-site-insertion"].experience
    # no condition in the fiche: the summary table's floor (1 year, p. 15-20) is the condition
    assert (site.required_years, site.asset_years) == (1, 3)


def test_the_company_director_s_experience_is_more_than_5_years_in_general(catalog: Catalog) -> None:
    note = catalog.summaries["directeur-entreprise-insertion"].experience.note or ""
    assert "ne tranche pas" not in note
    assert note.startswith("En général, plus de 5 ans dans l'action sociale")


def test_dropped_items_are_back(catalog: Catalog) -> None:
    def text(fiche_id: str) -> str:
        f = catalog.fiche(fiche_id)
        groups = f.activities.main + f.activities.optional
        return " ".join((f.mission, *f.skills.items, *(i for g in groups for i in g.items), *f.activities.variability))

    assert "formuler les défis" in text("directeur-entreprise-insertion")
    assert "territoriaux, nationaux et européens" in text("directeur-regional-insertion")
    assert "organismes financiers" in text("directeur-regional-insertion")
    assert "organismes financiers" in text("responsable-conseillers-microcredit")
    assert "leurs organisations professionnelles" in text("directeur-reseau-insertion")
    assert "bâtit aussi l'organisation" in text("directeur-regional-insertion")
    assert "représente, sur ce territoire" in text("responsable-site-insertion")
    assert "il peut lui revenir" in text("responsable-fonctionnel")
    assert "peut être amené à" in text("charge-insertion")
    assert "éventuellement" in text("responsable-site-insertion")
    assert "réunions où l'on pilote" in text("responsable-conseillers-microcredit")


def test_roles_keep_apart_what_the_study_keeps_apart(catalog: Catalog) -> None:
    """p. 27-30 « entreprise dite classique » vs p. 31-34 « cadre opérationnel »; the two « domaine d'action »."""
    roles = catalog.roles
    assert "responsable-domaine-action" not in roles
    assert roles["responsable-domaine-association"].pages == "31-34"
    assert "action sociale" in roles["responsable-domaine-association"].title
    assert roles["responsable-domaine-territoire"].pages == "35-38"
    assert roles["cadre-entreprise-classique"].pages == "27-30"
    assert roles["cadre-fonction-support"].pages == "31-34, 39-42"
    assert "par déduction (p. 31-34)" in (roles["cadre-fonction-support"].note or "")
    seat = roles["directeur-fonctionnel-siege"]
    assert (seat.title, seat.pages) == ("Directeur fonctionnel au siège d'une grande structure", "35-38")
    assert "Un autre poste que celui de la fiche « Responsable fonctionnel" in (seat.note or "")
    assert "iae" not in (seat.note or "")  # what the reader needs, not our reasoning
    [operational] = [m for m in catalog.fiche("directeur-reseau-insertion").mobility.previous if m.link == "inferred"]
    assert "« cadre opérationnel »" in (operational.note or "")
    regional = catalog.fiche("directeur-regional-insertion").mobility.previous
    assert "responsable d'un site d'insertion" in (regional[1].note or "")
    assert "n'a pas de fiche" not in (regional[1].note or "")


def test_hedges_and_open_lists(catalog: Catalog) -> None:
    """p. 21-26 « pourraient offrir des opportunités »; p. 43-46 « notamment »;
    lists ending « etc » (p. 39-42) and « .. » (p. 51-54)."""
    assert "pourraient ouvrir des emplois" in (catalog.roles["responsable-rse-grande-entreprise"].note or "")
    site = catalog.summaries["responsable-site-insertion"].experience.note or ""
    assert site.startswith("Notamment une expérience de la conception")
    assert "Les trois exemples d'offre de la fiche demandent tous au moins 5 ans" in site
    assert "« etc. »" in (catalog.summaries["responsable-fonctionnel"].diploma.note or "")
    assert "« .. »" in (catalog.summaries["responsable-conseillers-microcredit"].diploma.note or "")


def test_small_drifts_are_restored(catalog: Catalog) -> None:
    def text(fiche_id: str) -> str:
        f = catalog.fiche(fiche_id)
        groups = f.activities.main + f.activities.optional
        offers = " ".join(" ".join((o.employer, *o.missions)) for o in f.offers)
        people = (*f.relations.internal, *f.relations.external, *f.recruiters.items)
        return " ".join((f.mission, *(i for g in groups for i in g.items), *people, offers))

    company = text("directeur-entreprise-insertion")
    assert "en situation d'exclusion" in company and "exclus de l'emploi" not in company
    assert "appels d'offres ou aux propositions venues d'acteurs privés et publics" in company
    assert "grandes administrations" in text("directeur-regional-insertion")
    site = text("responsable-site-insertion")
    assert "autorités locales" in site and "collectivités" not in site
    assert "« de prévention et d'exclusion »" in site and "lutte contre l'exclusion" not in site
    assert "« 75/125 lits »" in site
    assert "centre d'hébergement et de réinsertion sociale :" in site and "CHRS" not in site
    assert "la recherche et au financement des actions d'insertion (microcrédit), par exemple" in text(
        "responsable-fonctionnel"
    )
    micro = text("responsable-conseillers-microcredit")
    assert "les met en œuvre" in micro and "d'activités et d'entreprises" in micro
    insertion = text("charge-insertion")
    assert "tout son parcours d'insertion" in insertion and "dans la structure" not in insertion
    assert "candidatures des salariés en insertion" in insertion and "candidats proposés" not in insertion
