"""The data model: typed, immutable views of validated data.

Builders take dictionaries that already passed the JSON schema, so they only convert.
"""

from collections.abc import Sequence
from typing import Any, Literal, NamedTuple

Level = Literal["direction-generale", "encadrement-intermediaire", "encadrement-proximite"]
LinkKind = Literal["stated", "inferred"]
# What a fiche makes of its experience figure: a condition, a condition « en général », or
# « un atout déterminant » that the study does not set as a condition.
Standing = Literal["required", "usual", "decisive-asset"]

LEVEL_LABELS: dict[str, str] = {
    "direction-generale": "Direction générale",
    "encadrement-intermediaire": "Encadrement intermédiaire",
    "encadrement-proximite": "Encadrement de proximité",
}
LEVEL_ORDER = tuple(LEVEL_LABELS)

BAND_LABELS: dict[str, str] = {
    "jeunes-diplomes": "jeunes diplômés (moins d'un an)",
    "jeunes-cadres": "jeunes cadres (1 à 5 ans)",
    "cadres-confirmes": "cadres confirmés (plus de 5 ans)",
}


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(value or ())


class Title(NamedTuple):
    masculine: str
    feminine: str


class Salary(NamedTuple):
    min_keur: float
    max_keur: float
    profile: str | None = None
    year: int | None = None
    note: str | None = None
    pages: str | None = None

    @classmethod
    def build(cls, raw: dict[str, Any]) -> "Salary":
        return cls(
            raw["min_keur"], raw["max_keur"], raw.get("profile"), raw.get("year"), raw.get("note"), raw.get("pages")
        )


class Diploma(NamedTuple):
    """The diploma a fiche asks for: `fields` come with the required level, `asset_fields` are
    the ones the study calls « un atout » (never a condition)."""

    min_bac: int
    max_bac: int | None
    fields: tuple[str, ...]
    alternatives: tuple[str, ...]
    note: str | None
    pages: str
    asset_fields: tuple[str, ...] = ()

    @classmethod
    def build(cls, raw: dict[str, Any]) -> "Diploma":
        return cls(
            raw["min_bac"],
            raw["max_bac"],
            _texts(raw["fields"]),
            _texts(raw["alternatives"]),
            raw.get("note"),
            raw["pages"],
            _texts(raw.get("asset_fields")),
        )


class TableBand(NamedTuple):
    """A fiche's row in the study's table of access by years of experience."""

    band: str
    min_years: float
    max_years: float | None
    pages: str


class Experience(NamedTuple):
    """The experience a fiche names. `standing` says whether the figure is a condition
    (`required`, or `usual`: « en général »), or a `decisive-asset` the study does not require."""

    min_years: float
    max_years: float | None
    domain: str | None
    note: str | None
    assets: tuple[str, ...]
    table: TableBand | None
    pages: str
    standing: Standing = "required"

    @classmethod
    def build(cls, raw: dict[str, Any]) -> "Experience":
        table = raw.get("table")
        return cls(
            raw["min_years"],
            raw["max_years"],
            raw["domain"],
            raw.get("note"),
            _texts(raw.get("assets")),
            TableBand(table["band"], table["min_years"], table["max_years"], table["pages"]) if table else None,
            raw["pages"],
            raw.get("standing", "required"),
        )

    @property
    def required_years(self) -> float:
        """The years set as a condition. When the fiche's figure is only a decisive asset, the fiche sets
        none, and the condition is the floor of the study's summary table, titled « selon la durée
        d'expérience requise » (p. 15-20): 1 year for the site manager (README, « Qui peut postuler où »)."""
        if self.standing == "decisive-asset":
            return self.table.min_years if self.table is not None else 0
        return self.min_years

    @property
    def asset_years(self) -> float:
        """The years the fiche calls a decisive asset, without making them a condition."""
        return self.min_years if self.standing == "decisive-asset" else 0

    @property
    def table_differs(self) -> bool:
        """True when the study's summary table asks less experience than the fiche."""
        return self.table is not None and self.table.min_years < self.min_years


class MobilityLink(NamedTuple):
    label: str
    id: str | None
    link: LinkKind
    note: str | None = None


class Mobility(NamedTuple):
    previous: tuple[MobilityLink, ...]
    next: tuple[MobilityLink, ...]
    pages: str

    @classmethod
    def build(cls, raw: dict[str, Any]) -> "Mobility":
        def links(items: list[dict[str, Any]]) -> tuple[MobilityLink, ...]:
            return tuple(MobilityLink(i["label"], i["id"], i["link"], i.get("note")) for i in items)

        return cls(links(raw["previous"]), links(raw["next"]), raw["pages"])


class FicheSummary(NamedTuple):
    """What list, match, path and name lookup need: small enough to cache for thousands."""

    id: str
    title: Title
    aliases: tuple[str, ...]
    level: Level
    pages: str
    salary: Salary
    diploma: Diploma
    experience: Experience

    @classmethod
    def build(cls, raw: dict[str, Any]) -> "FicheSummary":
        return cls(
            raw["id"],
            Title(raw["title"]["masculine"], raw["title"]["feminine"]),
            _texts(raw.get("aliases")),
            raw["level"],
            raw["pages"],
            Salary.build(raw["salary"]),
            Diploma.build(raw["diploma"]),
            Experience.build(raw["experience"]),
        )


class Requirements(NamedTuple):
    """What matching and orientation read of every fiche, as columns in list order: cheap to cache
    and to read, so that `iae match` and `iae orient` build whole summaries only for the posts they show."""

    ids: list[str]
    levels: list[str]
    min_bac: list[int]
    required_years: list[float]  # Experience.required_years: the condition
    asset_years: list[float]  # Experience.asset_years: a decisive asset, no condition
    standing: list[str]
    domains: list[str | None]  # the domain the experience is asked in
    alternatives: list[tuple[str, ...]]  # diplomas accepted instead of the level

    @classmethod
    def of(cls, summaries: Sequence[FicheSummary]) -> "Requirements":
        return cls(
            [s.id for s in summaries],
            [s.level for s in summaries],
            [s.diploma.min_bac for s in summaries],
            [s.experience.required_years for s in summaries],
            [s.experience.asset_years for s in summaries],
            [s.experience.standing for s in summaries],
            [s.experience.domain for s in summaries],
            [s.diploma.alternatives for s in summaries],
        )


class ItemSection(NamedTuple):
    items: tuple[str, ...]
    pages: str


class ActivityGroup(NamedTuple):
    group: str
    items: tuple[str, ...]


class Activities(NamedTuple):
    main: tuple[ActivityGroup, ...]
    optional: tuple[ActivityGroup, ...]
    variability: tuple[str, ...]
    pages: str


class Relations(NamedTuple):
    internal: tuple[str, ...]
    external: tuple[str, ...]
    pages: str


class Offer(NamedTuple):
    title: str
    salary: Salary | None
    employer: str
    size: str | None
    location: str | None
    requirements: tuple[str, ...]
    missions: tuple[str, ...]
    pages: str
    reporting: str | None = None


class Version(NamedTuple):
    """One of the study's versions of a fact: where it says it, what, and on which page."""

    where: str
    says: str
    pages: str


class Disagreement(NamedTuple):
    """A fact on which the study contradicts itself (`about`: salary or reporting): every version."""

    about: str
    versions: tuple[Version, ...]
    note: str | None

    @classmethod
    def build(cls, raw: dict[str, Any]) -> "Disagreement":
        versions = tuple(Version(v["where"], v["says"], v["pages"]) for v in raw["versions"])
        return cls(raw["about"], versions, raw.get("note"))


class Fiche(NamedTuple):
    summary: FicheSummary
    mobility: Mobility
    mission: str
    mission_pages: str
    recruiters: ItemSection
    reporting: ItemSection
    relations: Relations
    activities: Activities
    knowledge: ItemSection
    skills: ItemSection
    offers: tuple[Offer, ...]
    disagreements: tuple[Disagreement, ...] = ()

    @property
    def id(self) -> str:
        return self.summary.id

    @classmethod
    def build(cls, raw: dict[str, Any]) -> "Fiche":
        def section(key: str) -> ItemSection:
            return ItemSection(_texts(raw[key]["items"]), raw[key]["pages"])

        def groups(items: list[dict[str, Any]]) -> tuple[ActivityGroup, ...]:
            return tuple(ActivityGroup(g["group"], _texts(g["items"])) for g in items)

        acts = raw["activities"]
        rel = raw["relations"]
        return cls(
            FicheSummary.build(raw),
            Mobility.build(raw["mobility"]),
            raw["mission"]["text"],
            raw["mission"]["pages"],
            section("recruiters"),
            section("reporting"),
            Relations(_texts(rel["internal"]), _texts(rel["external"]), rel["pages"]),
            Activities(groups(acts["main"]), groups(acts["optional"]), _texts(acts["variability"]), acts["pages"]),
            section("knowledge"),
            section("skills"),
            tuple(
                Offer(
                    o["title"],
                    Salary.build(o["salary"]) if o["salary"] else None,
                    o["employer"],
                    o.get("size"),
                    o.get("location"),
                    _texts(o["requirements"]),
                    _texts(o.get("missions")),
                    o["pages"],
                    o.get("reporting"),
                )
                for o in raw["offers"]
            ),
            tuple(Disagreement.build(d) for d in raw.get("disagreements") or ()),
        )

    def disagreements_about(self, about: str) -> tuple[Disagreement, ...]:
        return tuple(d for d in self.disagreements if d.about == about)


class Role(NamedTuple):
    """A post outside the fiches, named in a mobility list."""

    id: str
    title: str
    note: str | None
    pages: str

    @classmethod
    def build(cls, raw: dict[str, Any]) -> "Role":
        return cls(raw["id"], raw["title"], raw.get("note"), raw["pages"])


class GlossarySource(NamedTuple):
    """Where an expansion comes from when the study does not give it."""

    name: str
    url: str
    later: bool  # published after the study (2008)


class GlossaryTerm(NamedTuple):
    term: str
    meaning: str
    usage: str  # acronym_and_words | acronym_only | words_only (see glossaire.schema.json)
    note: str | None = None
    source: GlossarySource | None = None
    pages: str | None = None  # where the study writes it; None for its unnumbered pages

    @property
    def in_study(self) -> bool:
        """The study writes the acronym and its full form (the `in_study` of the JSON contract)."""
        return self.usage == "acronym_and_words"

    @classmethod
    def build(cls, raw: dict[str, Any]) -> "GlossaryTerm":
        source = raw.get("source")
        return cls(
            raw["term"],
            raw["meaning"],
            raw["usage"],
            raw.get("note"),
            None if source is None else GlossarySource(source["name"], source["url"], source["later"]),
            raw.get("pages"),
        )
