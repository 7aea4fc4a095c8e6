"""2008 euros in the euros of another year, from the price-index table of `data/prix.yaml`.

A price adjustment only: pay of the study multiplied by the ratio of two annual averages of the
consumer price index. It says what the study's pay would buy in another year, not what the same
post pays today.
"""

from typing import Any, NamedTuple

from iae_cli.errors import OutOfRange


class IndexSource(NamedTuple):
    site: str
    title: str | None
    url: str | None
    date: str


class TodayPay(NamedTuple):
    """A pay range converted to the euros of `year`, in k€ with one decimal."""

    year: int
    min_keur: float
    max_keur: float

    def record(self) -> dict[str, Any]:
        """`salary.today` in JSON (keys pinned by tests/test_json_contract.py)."""
        return {"year": self.year, "min_keur": self.min_keur, "max_keur": self.max_keur}


class PriceIndex(NamedTuple):
    """Annual averages of a price index, by year, and the year of the study's euros."""

    index_name: str
    method: str
    study_year: int
    source: IndexSource
    values: dict[int, float]

    @classmethod
    def build(cls, raw: dict[str, Any]) -> "PriceIndex":
        s = raw["source"]
        return cls(
            raw["index"],
            raw["method"],
            raw["study_year"],
            IndexSource(s["site"], s.get("title"), s.get("url"), s["date"]),
            {row["year"]: row["value"] for row in raw["years"]},
        )

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted(self.values))

    @property
    def latest(self) -> int:
        return max(self.values)

    def factor(self, year: int, from_year: int | None = None) -> float:
        """How many euros of `year` one euro of `from_year` (default: the study's year) is worth."""
        return self.values[year] / self.values[self.study_year if from_year is None else from_year]

    def convert(self, min_keur: float, max_keur: float, year: int, from_year: int | None = None) -> TodayPay:
        """A range of k€ of `from_year` in k€ of `year`, rounded to one decimal."""
        start = from_year if from_year in self.values else self.study_year
        ratio = self.factor(year, start)
        return TodayPay(year, round(min_keur * ratio, 1), round(max_keur * ratio, 1))

    def check_year(self, year: int | None) -> int:
        """The year asked for (default: the latest of the table); OutOfRange naming the known years."""
        if year is None:
            return self.latest
        if year not in self.values:
            known = ", ".join(str(y) for y in self.years)
            raise OutOfRange("euros", f"année {year} absente de la table des prix ; années possibles : {known}")
        return year


class Euros(NamedTuple):
    """The conversion a command shows: which table, and which year's euros."""

    prices: PriceIndex
    year: int

    def convert(self, min_keur: float, max_keur: float, from_year: int | None = None) -> TodayPay:
        return self.prices.convert(min_keur, max_keur, self.year, from_year)
