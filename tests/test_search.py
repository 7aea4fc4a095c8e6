"""`iae search`: word families, ranking on the study's data, hostile queries, the index's life."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iae_cli.french import fold, stem, terms
from iae_cli.indexing import build, index_row
from iae_cli.search import Entry, Passage, SearchIndex, parse_query
from tests.conftest import run


def _search(*words: str) -> tuple[int, dict[str, object]]:
    result = run("search", *words, "--format", "json")
    assert result.stderr == "", result
    return result.exit_code, json.loads(result.stdout)


def _ids(*words: str) -> list[str]:
    _code, payload = _search(*words)
    return [r["id"] for r in payload["results"]]  # type: ignore[index]


# --- the stemmer -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "family",
    [
        ("accompagner", "accompagnement", "accompagnateur", "accompagnatrice", "accompagnements"),
        ("recruter", "recrutement", "recruteurs", "recrutements"),
        ("création", "creation", "créer", "créateur", "créée"),
        ("finance", "financer", "financement"),
        ("social", "sociaux"),
        ("réseau", "réseaux", "RESEAU"),
        ("salarié", "salariés", "salariée"),
    ],
)
def test_a_word_family_shares_one_stem(family: tuple[str, ...]) -> None:
    assert len({stem(fold(word)) for word in family}) == 1, {w: stem(fold(w)) for w in family}


def test_short_words_and_numbers_are_left_whole() -> None:
    assert [stem(w) for w in ("rh", "rsa", "2008", "bac")] == ["rh", "rsa", "2008", "bac"]


def test_little_words_are_left_out() -> None:
    assert terms("Le recrutement des salariés en insertion") == ["recrut", "salari", "insert"]


@given(st.text(alphabet=st.characters(min_codepoint=97, max_codepoint=122), min_size=1, max_size=20))
def test_a_stem_is_never_empty_and_starts_the_word(word: str) -> None:
    root = stem(word)
    assert root
    assert word.startswith(root) or word.endswith("aux")


# --- the query is never FTS5 syntax ------------------------------------------------------


def test_query_terms_are_quoted_stems() -> None:
    query = parse_query('accompagner "contrôle de gestion" accomp NOT')
    assert [t.expression() for t in query.terms] == ['"accompagn"', '"control gest"', '"accomp"*', '"not"']


def test_an_unclosed_quote_is_plain_text() -> None:
    assert [t.expression() for t in parse_query('"contrôle de gestion').terms] == ['"control"', '"gest"']


# --- ranking on the study's data ---------------------------------------------------------


def test_accompanying_employees_in_insertion_ranks_charge_insertion_first() -> None:
    assert _ids("accompagner les salariés en insertion")[0] == "charge-insertion"


def test_microcredit_business_creation_ranks_the_microcredit_fiche_first() -> None:
    assert _ids("microcrédit", "création", "d'entreprise")[0] == "responsable-conseillers-microcredit"


def test_management_control_finds_the_responsable_fonctionnel_and_its_offer() -> None:
    _code, payload = _search("contrôle de gestion")
    hit = next(r for r in payload["results"] if r["id"] == "responsable-fonctionnel")  # type: ignore[union-attr]
    sections = [m["section"] for m in hit["matches"]]
    assert "offre « Responsable du contrôle de gestion (H/F) »" in sections


def test_anpe_finds_glossary_and_sector_entries() -> None:
    _code, payload = _search("ANPE")
    found = {(r["kind"], r["id"]) for r in payload["results"]}  # type: ignore[union-attr]
    assert ("glossary", "ANPE") in found
    assert ("sector", "contrat") in found


@pytest.mark.parametrize(
    ("accented", "bare"),
    [("création", "creation"), ("microcrédit", "MICROCREDIT"), ("réseaux d'employeurs", "reseaux d'employeurs")],
)
def test_accents_and_case_do_not_change_the_results(accented: str, bare: str) -> None:
    assert _search(accented)[1]["results"] == _search(bare)[1]["results"]


def test_word_families_find_the_same_fiches() -> None:
    assert set(_ids("recruter")) == set(_ids("recrutement"))
    assert "charge-insertion" in _ids("accompagnateur")


def test_a_prefix_finds_whole_words() -> None:
    _code, payload = _search("microcr")
    assert payload["results"][0]["id"] in ("responsable-conseillers-microcredit", "conseiller-microcredit")  # type: ignore[index]


def test_a_phrase_in_quotes_is_stricter_than_its_words() -> None:
    loose, exact = _ids("gestion", "contrôle"), _ids('"gestion contrôle"')
    assert loose and not exact


def test_when_all_words_find_nothing_some_of_them_do_and_it_is_said() -> None:
    result = run("search", "microcrédit", "xylophone")
    assert result.exit_code == 0
    assert "aucun résultat pour tous les mots ; résultats pour une partie" in result.stdout
    assert "sans résultat : xylophone" in " ".join(result.stdout.split())
    assert _search("microcrédit", "xylophone")[1]["partial"] is True


def test_no_result_exits_1_with_close_words() -> None:
    code, payload = _search("acompagnement")
    assert code == 1 and payload["results"] == []
    assert "accompagnement" in payload["suggestions"]  # type: ignore[operator]
    text = run("search", "acompagnement")
    assert text.exit_code == 1 and "Mots proches dans les données : accompagnement" in text.stdout


def test_matched_words_are_marked_in_plain_text() -> None:
    out = run("search", "recrutement", "-n", "1").stdout
    assert "[recrutements]" in out or "[recrutement]" in out


def test_a_query_of_little_words_only_is_a_usage_error() -> None:
    result = run("search", "de", "les")
    assert result.exit_code == 2 and "aucun mot à chercher" in result.stderr


def test_the_limit_is_checked() -> None:
    assert run("search", "insertion", "--limit", "0").exit_code == 2
    assert len(_search("insertion", "--limit", "2")[1]["results"]) == 2  # type: ignore[arg-type]


# --- hostile queries: answered cleanly, one test per case --------------------------------


def _clean_answer(*words: str) -> None:
    result = run("search", *words)
    assert result.exit_code in (0, 1, 2), result
    assert "Traceback" not in result.stdout + result.stderr
    assert "fts5" not in (result.stdout + result.stderr).lower()
    for fmt in ("json", "markdown"):
        again = run("search", *words, "--format", fmt)
        assert again.exit_code == result.exit_code
    if result.exit_code == 2:
        assert result.stderr.startswith("iae : ")


def test_hostile_unbalanced_quotes() -> None:
    _clean_answer('"insertion', 'gestion"', '"""')


def test_hostile_star() -> None:
    _clean_answer("*", "insert*", "**")


def test_hostile_minus() -> None:
    _clean_answer("--", "insertion", "-gestion")


def test_hostile_colon() -> None:
    _clean_answer("title:insertion", "body:", ":")


def test_hostile_parentheses() -> None:
    _clean_answer("(insertion", "OR", "gestion))")


def test_hostile_near() -> None:
    _clean_answer("NEAR(insertion", "gestion,", "2)")


def test_hostile_boolean_operators() -> None:
    _clean_answer("insertion", "AND", "NOT", "gestion", "OR")


def test_hostile_ten_thousand_characters() -> None:
    result = run("search", "insertion " * 1000)
    assert result.exit_code == 0
    assert "insertion" in result.stdout and len(result.stdout.splitlines()[0]) < 120


def test_hostile_control_characters() -> None:
    result = run("search", "inser\x1b[31mtion\x07\x9b2J")
    assert result.exit_code in (0, 1)
    assert "\x1b" not in result.stdout and "\x9b" not in result.stdout and "\x07" not in result.stdout


# --- the index: cached, never stale, never required --------------------------------------


def test_the_index_is_cached_then_rebuilt_when_the_data_changes(data_copy: Path, isolated_cache: Path) -> None:
    assert run("--data", str(data_copy), "search", "kangourou").exit_code == 1
    assert list(isolated_cache.glob("*.search.sqlite"))
    fiche = data_copy / "metiers" / "charge-insertion.yaml"
    fiche.write_text(fiche.read_text(encoding="utf-8").replace("Très bon relationnel", "Kangourou"), "utf-8")
    os.utime(fiche, ns=(os.stat(fiche).st_atime_ns, os.stat(fiche).st_mtime_ns + 10**9))
    result = run("--data", str(data_copy), "search", "kangourou", "--format", "json")
    assert [r["id"] for r in json.loads(result.stdout)["results"]] == ["charge-insertion"]


def test_search_works_without_a_cache() -> None:
    result = run("search", "microcrédit", env={"IAE_NO_CACHE": "1"})
    assert result.exit_code == 0 and "responsable-conseillers-microcredit" in result.stdout


def test_search_works_with_an_unwritable_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run("search", "microcrédit", env={"IAE_CACHE_DIR": str(blocker / "cache")})
    assert result.exit_code == 0 and "responsable-conseillers-microcredit" in result.stdout


def test_a_damaged_index_file_is_rebuilt(isolated_cache: Path) -> None:
    assert run("search", "microcrédit").exit_code == 0
    for path in isolated_cache.glob("*.search.sqlite"):
        path.write_bytes(b"garbage")
    assert "responsable-conseillers-microcredit" in _ids("microcrédit")[:2]


def test_an_index_in_memory_answers_like_the_stored_one(tmp_path: Path) -> None:
    entries = [Entry("fiche", "a", "Alpha", (Passage("mission", "Accompagner les créateurs"),))]
    stored = build([index_row(e) for e in entries], tmp_path / "i.sqlite", "sig")
    reopened = SearchIndex.open(tmp_path / "i.sqlite", "sig")
    assert reopened is not None and SearchIndex.open(tmp_path / "i.sqlite", "other") is None
    assert reopened.search("accompagnement").hits == stored.search("accompagnement").hits


@settings(deadline=None, max_examples=60)
@given(st.text(max_size=60))
def test_any_text_is_a_safe_query(text: str) -> None:
    index = build([index_row(Entry("fiche", "a", "Alpha", (Passage("mission", "Accompagner les créateurs"),)))])
    result = index.search(text)
    assert all(hit.id == "a" for hit in result.hits)


def test_later_facts_and_rome_codes_are_found_and_labelled_as_such() -> None:
    _code, payload = _search("France", "Travail")
    first = payload["results"][0]  # type: ignore[index]
    assert (first["kind"], first["id"]) == ("later", "anpe")
    _code, payload = _search("K1801")
    assert [(r["kind"], r["id"]) for r in payload["results"]] == [("rome", "K1801")]  # type: ignore[union-attr]
    out = run("search", "France", "Travail", "-n", "1").stdout
    assert "depuis 2008 · anpe" in out


def test_a_long_passage_is_cut_around_its_first_match() -> None:
    from iae_cli.render.search_views import EXCERPT, excerpt

    text = "mot " * 100 + "insertion " + "mot " * 100
    start = text.index("insertion")
    shown, spans = excerpt(text, ((start, start + 9),))
    assert len(shown) <= EXCERPT + 2 and shown.startswith("…") and shown.endswith("…")
    assert [shown[a:b] for a, b in spans] == ["insertion"]


def test_dispositif_does_not_meet_disposition() -> None:
    assert stem(fold("dispositifs")) != stem(fold("disposition"))


def test_a_phrase_shows_the_passages_that_hold_it_whole() -> None:
    _code, payload = _search('"contrôle de gestion"')
    hit = next(r for r in payload["results"] if r["id"] == "responsable-fonctionnel")  # type: ignore[union-attr]
    assert all("contrôle de gestion" in m["text"] for m in hit["matches"])
    out = run("search", '"contrôle de gestion"', "-n", "2").stdout
    assert out.startswith("RECHERCHE « CONTRÔLE DE GESTION » (EXPRESSION EXACTE) : 3 RÉSULTATS\n")
    assert "  offre : Responsable du [contrôle] de [gestion] (H/F)\n  même offre : Environ 10 ans" in out


def test_labels_are_whole_and_dates_in_words() -> None:
    """The reviewer's « offre « Responsable du co… » » and « depuis 2008 (2009-06-01) »."""
    from iae_cli.render.search_views import labels_of
    from iae_cli.search import Match

    offer = "offre « Responsable du contrôle de gestion (H/F) »"
    matches = (
        Match(offer, "Mettre en place le contrôle de gestion des 6 entités", ()),
        Match(offer, "Responsable du contrôle de gestion (H/F)", ()),
        Match("depuis 2008 (2009-06-01)", "RSA : le RSA remplace le RMI", ()),
        Match("depuis 2008 (2024-01)", "France Travail", ()),
    )
    assert labels_of(matches) == [offer, "même offre", "depuis 2008 (1er juin 2009)", "depuis 2008 (janvier 2024)"]
    out = run("search", "RMI").stdout
    assert "depuis 2008 (1er juin 2009) : RSA" in out and "2009-06-01" not in out


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ('"contrôle de gestion"', "« contrôle de gestion » (expression exacte)"),
        ('accompagner "contrôle de gestion"', "« accompagner “contrôle de gestion” »"),
        ('accompagner "contrôle', '« accompagner "contrôle »'),
    ],
)
def test_quotes_in_the_query_are_not_nested_in_french_quotes(query: str, shown: str) -> None:
    out = run("search", query).stdout
    assert " ".join(out.split("\n")[0].split()).startswith(f"RECHERCHE {shown.upper()} :")


# --- what a client says (the reviewer's queries) ------------------------------------------


def test_accompanying_people_keeps_results_with_some_of_the_words() -> None:
    """« des personnes » no longer shrinks the answer to four: the entries with both words come
    first, then the fiches that accompany (chargé d'insertion, p. 47-50), said apart."""
    _code, payload = _search("accompagner", "des", "personnes")
    results = payload["results"]
    assert len(results) == 10 and payload["total"] > 10 and payload["partial"] is False  # type: ignore[arg-type]
    complete = [r["all_words"] for r in results]  # type: ignore[union-attr]
    assert complete == sorted(complete, reverse=True) and complete.count(True) == 4
    assert "charge-insertion" in [r["id"] for r in results]  # type: ignore[union-attr]
    out = run("search", "accompagner", "des", "personnes").stdout
    assert out.startswith("RECHERCHE « ACCOMPAGNER DES PERSONNES » : 4 RÉSULTATS AVEC TOUS LES MOTS,")
    assert "\nAvec une partie des mots seulement\n---" in out
    handout = run("search", "accompagner", "des", "personnes", "-f", "html").stdout
    assert handout.count("<p>Avec une partie des mots seulement.</p>") == 1


def test_fiches_that_accompany_come_before_glossary_lines_holding_the_word() -> None:
    ids = _ids("accompagner")
    assert ids[:2] == ["responsable-conseillers-microcredit", "charge-insertion"]  # mission; activities
    assert ids.index("charge-insertion") < min(ids.index("CAE"), ids.index("SAAAIS-SAFEP"))


def test_an_acronym_finds_its_own_entry_first() -> None:
    _code, payload = _search("RMI")
    assert [(r["kind"], r["id"]) for r in payload["results"][:2]] == [("glossary", "RMI"), ("later", "rmi")]  # type: ignore[index]
    assert _ids("ANPE")[0] == "ANPE"
