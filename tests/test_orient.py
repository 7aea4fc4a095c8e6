"""`iae orient`: the rule on the study's data, answers by number or words, flags, and the session
driven through a pseudo-terminal (a mistyped answer re-asked, end of input, Ctrl-C)."""

from __future__ import annotations

import fcntl
import io
import json
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from typing import Any

import pytest

from iae_cli.cli.commands.orient import Session
from iae_cli.diplomas import parse_diploma
from iae_cli.orient import DOMAINS, WISHES, domain_satisfies, parse_choice, parse_years
from tests.conftest import run

PROFILE = ["--bac", "master", "--years", "2", "--domaine", "action-sociale", "--envie", "accompagner"]


def _json(*args: str) -> Any:
    result = run("orient", *args, "--format", "json")
    assert result.exit_code == 0 and result.stderr == "", result
    return json.loads(result.stdout)


# --- answers as a person gives them -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "bac", "family"),
    [
        ("5", 5, None),
        ("bac+3", 3, None),
        ("Bac + 2", 2, None),
        ("master", 5, None),
        ("Licence pro", 3, None),
        ("BTS", 2, None),
        ("doctorat", 8, None),
        ("DEFA", 2, "DEFA"),
        ("diplôme d'État d'éducateur spécialisé", 2, "travail social"),
        ("un DEASS", 2, "travail social"),
        ("CESF", 2, "travail social"),
        ("DEIS", 5, "travail social"),
    ],
)
def test_a_diploma_by_level_or_by_name(text: str, bac: int, family: str | None) -> None:
    found = parse_diploma(text)
    assert found is not None and (found.bac, found.family) == (bac, family)


@pytest.mark.parametrize("text", ["", "9", "bac+12", "astronaute", "maître nageur"])
def test_what_is_not_a_diploma(text: str) -> None:
    assert parse_diploma(text) is None


def test_a_choice_by_number_key_or_words() -> None:
    assert parse_choice("1", DOMAINS) == DOMAINS["action-sociale"]
    assert parse_choice("Action sociale", DOMAINS) == DOMAINS["action-sociale"]
    assert parse_choice("finance", DOMAINS) == DOMAINS["finance"]
    assert parse_choice("créateurs", WISHES) == WISHES["financer"]
    assert parse_choice("99", DOMAINS) is None and parse_choice("sociale", DOMAINS) is None


def test_years_as_written() -> None:
    assert [parse_years(t) for t in ("2", "1,5", "deux ans", "aucune", "3 années")] == [2, 1.5, 2, 0, 3]
    assert [parse_years(t) for t in ("beaucoup", "-1", "70", "2 chats")] == [None, None, None, None]


def test_match_and_orient_read_years_and_diplomas_alike() -> None:
    """One parser: what orient takes, match takes, and both refuse in the same words."""
    for years in ("deux", "deux ans", "2 années d'expérience", "1,5", "aucune"):
        profile = json.loads(run("match", "--bac", "master", "--years", years, "-f", "json").stdout)["profile"]
        assert profile["years"] == _json(*PROFILE[:2], "--years", years, *PROFILE[4:])["profile"]["years"]
    for flag, value in (("--years", "beaucoup"), ("--years", "70"), ("--bac", "astronaute"), ("--bac", "9")):
        args = {"--bac": "master", "--years": "2", flag: value}
        refused = run("match", *[x for pair in args.items() for x in pair])
        oriented = run("orient", *[x for pair in args.items() for x in pair], *PROFILE[4:])
        assert refused.exit_code == oriented.exit_code == 2 and refused.stderr == oriented.stderr != ""


def test_an_empty_current_post_is_no_current_post() -> None:
    assert _json(*PROFILE, "--poste", "")["profile"]["current"] is None


@pytest.mark.parametrize("name", ["animatrice", "éducatrice", "travailleuse sociale", "conseillère en microcrédit"])
def test_a_feminine_title_names_the_post(name: str) -> None:
    expected = "conseiller-microcredit" if "conseill" in name else "travailleur-social"
    assert _json(*PROFILE, "--poste", name)["profile"]["current"] == expected


def test_experience_counts_in_the_domain_a_fiche_asks_for() -> None:
    assert domain_satisfies(DOMAINS["action-sociale"], "action sociale") is True
    assert domain_satisfies(DOMAINS["insertion"], "économie sociale et solidaire") is True
    assert domain_satisfies(DOMAINS["direction"], "action sociale") is False
    assert domain_satisfies(DOMAINS["creation-entreprise"], "finance et/ou création d'entreprise") is True
    assert domain_satisfies(DOMAINS["autre"], None) is None


# --- the answer on the study's data -------------------------------------------------------


def test_master_two_years_social_action_accompanying() -> None:
    payload = _json(*PROFILE)
    assert [p["id"] for p in payload["open"]] == ["charge-insertion", "responsable-site-insertion"]
    site = payload["open"][1]  # the study calls its 3 to 5 years « un atout déterminant », not a condition
    assert site["missing"] == {"bac": 0, "years": 0, "asset_years": 1, "domain": None, "assets": []}
    microcredit = next(p for p in payload["next"] if p["id"] == "responsable-conseillers-microcredit")
    assert microcredit["missing"]["domain"] == "finance et/ou création d'entreprise"
    assert payload["profile"] == {
        "bac": 5,
        "diploma": "master (bac+5)",
        "years": 2,
        "domain": "action-sociale",
        "wish": "accompagner",
        "current": None,
    }


def test_a_social_work_diploma_opens_the_site_post_as_the_fiche_accepts_it() -> None:
    payload = _json("--bac", "DEES", "--years", "4", "--domaine", "insertion", "--envie", "diriger")
    site = next(p for p in payload["open"] if p["id"] == "responsable-site-insertion")
    assert site["alternative"] == "Diplôme de travail social"
    assert all(p["missing"]["bac"] for p in payload["next"])
    assert [t["id"] for t in payload["training"]] == ["vae", "miess"]  # the ETAIE has no level (p. 21-26)


def test_experience_elsewhere_does_not_count_and_is_said() -> None:
    flags = ("--bac", "5", "--years", "6", "--domaine", "direction", "--envie", "diriger")
    out = " ".join(run("orient", *flags, "-f", "markdown", "--details").stdout.split())
    said = "domaine : la fiche demande une expérience en action sociale (p. 27-30) ; la vôtre (direction d'entreprise)"
    assert f"- {said[:1].upper()}{said[1:]} n'y compte pas." in out
    handout = " ".join(run("orient", *flags, "-f", "markdown").stdout.split())  # no page but in the sources
    assert (
        "- Domaine : la fiche demande une expérience en action sociale ; la vôtre (direction d'entreprise)" in handout
    )
    payload = _json("--bac", "5", "--years", "6", "--domaine", "direction", "--envie", "diriger")
    assert "directeur-entreprise-insertion" in [p["id"] for p in payload["next"]]
    assert "directeur-regional-insertion" in [p["id"] for p in payload["open"]]


def test_the_route_leads_from_the_current_post_to_the_best_next_one() -> None:
    payload = _json(
        "--bac", "DEES", "--years", "4", "--domaine", "insertion", "--envie", "diriger", "--poste", "travailleur social"
    )
    assert payload["route"]["steps"][0] == "travailleur-social"
    assert payload["route"]["steps"][-1] == payload["target"]


def test_the_wish_orders_the_open_posts() -> None:
    accompany = _json("--bac", "5", "--years", "6", "--domaine", "insertion", "--envie", "accompagner")
    lead = _json("--bac", "5", "--years", "6", "--domaine", "insertion", "--envie", "diriger")
    assert accompany["open"][0]["id"] == "charge-insertion"
    assert lead["open"][0]["id"].startswith("directeur")


def test_no_experience_needs_no_domain() -> None:
    payload = _json("--bac", "2", "--years", "0", "--envie", "accompagner")
    assert [p["id"] for p in payload["open"]] == ["charge-insertion"]


def test_markdown_is_a_handout() -> None:
    out = run("orient", *PROFILE, "--format", "markdown").stdout
    assert out.startswith("# Votre orientation\u00a0: master (bac+5), 2\u00a0ans d'expérience (action sociale)")
    assert "## Postes accessibles (1)" in out and "## Accessibles, avec une réserve (1)" in out


# --- errors -------------------------------------------------------------------------------


def test_piped_without_flags_names_the_missing_flags() -> None:
    result = run("orient", "--bac", "3")
    assert result.exit_code == 2 and result.stdout == ""
    assert "donnez --years, --domaine, --envie" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--bac", "astronaute"], "--bac attend un niveau de 0 (baccalauréat) à 8 (doctorat) ou un diplôme"),
        (["--years", "beaucoup"], "--years attend un nombre d'années"),
        (["--domaine", "cuisine"], "--domaine : « cuisine » inconnu"),
        (["--envie", "dormir"], "--envie : « dormir » inconnu"),
        (["--poste", "astronaute"], "astronaute"),
    ],
)
def test_a_bad_flag_is_named(args: list[str], message: str) -> None:
    full = dict(zip(PROFILE[::2], PROFILE[1::2], strict=True))
    full[args[0]] = args[1]
    result = run("orient", *[x for pair in full.items() for x in pair])
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.stderr


# --- the session: questions one at a time --------------------------------------------------


def test_a_misunderstood_answer_is_asked_again_with_the_choices() -> None:
    answers = io.StringIO("vingt-douze\n3\n")
    shown = io.StringIO()
    session = Session(answers.readline, shown.write)
    assert session.ask("Combien ?", "Un nombre.", parse_years) == 3
    assert shown.getvalue().count("Un nombre.") == 2
    assert "Je n'ai pas compris « vingt-douze »" in shown.getvalue()


def test_end_of_input_during_a_question_stops() -> None:
    session = Session(io.StringIO("").readline, io.StringIO().write)
    with pytest.raises(EOFError):
        session.ask("Combien ?", "Un nombre.", parse_years)


ANSWERS = ["master", "deux", "cuisine", "1", "accompagner", ""]  # « cuisine » is mistyped, then « 1 »


def _spawn(tmp_env: dict[str, str], columns: int = 0) -> tuple[subprocess.Popen[bytes], int]:
    """`iae orient --format json` with its questions on a pseudo-terminal (`columns` wide; 0: a
    terminal that does not say its size) and its result on a pipe."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "iae_cli", "orient", "--format", "json"],
        stdin=follower,
        stdout=subprocess.PIPE,
        stderr=follower,
        env=tmp_env,
    )
    os.close(follower)
    return proc, leader


def _read_until(leader: int, wanted: str, seen: list[str], timeout: float = 20) -> None:
    end = time.monotonic() + timeout
    while wanted not in "".join(seen):
        ready, _, _ = select.select([leader], [], [], max(0.0, end - time.monotonic()))
        if not ready:
            raise AssertionError(f"waited for {wanted!r}, saw {''.join(seen)!r}")
        seen.append(os.read(leader, 4096).decode("utf-8", "replace"))


@pytest.fixture
def tmp_env(isolated_cache: object) -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "IAE_DATA"}


def test_a_session_at_a_terminal_gives_what_the_flags_give(tmp_env: dict[str, str]) -> None:
    proc, leader = _spawn(tmp_env)
    seen: list[str] = []
    try:
        for question, answer in zip(
            ["diplôme", "années", "domaine", "pas compris", "voulez-vous", "aujourd'hui"], ANSWERS, strict=True
        ):
            _read_until(leader, question, seen)
            seen.append("\n")  # what was read so far is kept; the next question is searched after it
            os.write(leader, answer.encode() + b"\r")
        out, _ = proc.communicate(timeout=30)
    finally:
        os.close(leader)
    screen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", "".join(seen))
    assert "Je n'ai pas compris « cuisine »" in screen and "1. action sociale" in screen
    assert proc.returncode == 0
    assert json.loads(out) == _json(*PROFILE)


def test_a_current_post_not_understood_offers_the_close_ones_by_number(tmp_env: dict[str, str]) -> None:
    """« animateur dans un centre social » names no post: the close ones are listed, « 3 » picks one,
    and the questions are wrapped between words at the terminal's width."""
    proc, leader = _spawn(tmp_env, 60)
    seen: list[str] = []
    answers = ["master", "2", "1", "accompagner", "animateur dans un centre social", "3"]
    try:
        for question, answer in zip(
            ["diplôme", "années", "domaine", "voulez-vous", "aujourd'hui", "Postes proches"], answers, strict=True
        ):
            _read_until(leader, question, seen)
            seen.append("\n")
            os.write(leader, answer.encode() + b"\r")
        out, _ = proc.communicate(timeout=30)
    finally:
        os.close(leader)
    screen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", "".join(seen)).replace("\r", "")
    assert "Je n'ai pas compris « animateur dans un centre social »." in " ".join(screen.split())
    assert "  3. Travailleur social (animateur, éducateur…)" in screen
    assert all(len(line) < 60 for line in screen.split("\n")), screen
    assert proc.returncode == 0 and json.loads(out)["profile"]["current"] == "travailleur-social"


@pytest.mark.parametrize("how", ["eof", "ctrl-c"])
def test_end_of_input_or_ctrl_c_during_questions_stops_cleanly(tmp_env: dict[str, str], how: str) -> None:
    proc, leader = _spawn(tmp_env)
    seen: list[str] = []
    try:
        _read_until(leader, "diplôme", seen)
        os.write(leader, b"master\r")
        _read_until(leader, "années", seen)
        if how == "eof":
            os.write(leader, b"\x04")  # Ctrl-D at the start of a line: end of input
        else:
            proc.send_signal(signal.SIGINT)  # what Ctrl-C sends to the program
        out, _ = proc.communicate(timeout=30)
        time.sleep(0.1)
        while select.select([leader], [], [], 0.2)[0]:
            try:
                seen.append(os.read(leader, 4096).decode("utf-8", "replace"))
            except OSError:
                break
    finally:
        os.close(leader)
    assert proc.returncode == 130
    assert out == b""  # nothing half-printed on stdout
    screen = "".join(seen)
    assert "iae : interrompu" in screen and "Traceback" not in screen


# --- match gains the same options, and agrees --------------------------------------------


@pytest.mark.parametrize(
    "profile",
    [
        ["--bac", "master", "--years", "2", "--domaine", "action-sociale"],
        ["--bac", "DEES", "--years", "4", "--domaine", "insertion"],
        ["--bac", "5", "--years", "6", "--domaine", "direction"],
        ["--bac", "DEFA", "--years", "1", "--domaine", "finance"],
        ["--bac", "licence", "--years", "0"],
    ],
)
def test_match_and_orient_agree(profile: list[str]) -> None:
    matched = json.loads(run("match", *profile, "--format", "json").stdout)
    oriented = _json(*profile, "--envie", "accompagner")
    opened = {p["id"] for p in matched["eligible"] + matched["open_with_caveat"]}
    assert opened == {p["id"] for p in oriented["open"]}
    assert {p["id"] for p in matched["near"]} == {p["id"] for p in oriented["next"]}
    shared = ("bac", "diploma", "years", "domain")  # both state the same person
    assert matched["profile"] == {key: oriented["profile"][key] for key in shared}


@pytest.mark.parametrize(
    ("fmt", "match_heading", "orient_heading"),
    [
        (
            "table",
            "PROFIL : DIPLÔME D'ÉTAT D'ÉDUCATEUR SPÉCIALISÉ (BAC+2), 4 ANS D'EXPÉRIENCE (INSERTION)",
            "VOTRE ORIENTATION : DIPLÔME D'ÉTAT D'ÉDUCATEUR SPÉCIALISÉ (BAC+2), 4 ANS D'EXPÉRIENCE (INSERTION) ; "
            "ENVIE : DIRIGER UNE STRUCTURE",
        ),
        (
            "markdown",
            "# Profil : diplôme d'État d'éducateur spécialisé (bac+2), 4 ans d'expérience (insertion)",
            "# Votre orientation : diplôme d'État d'éducateur spécialisé (bac+2), 4 ans d'expérience (insertion) ; "
            "envie : diriger une structure",
        ),
        (
            "html",
            "<h1>Profil : diplôme d&#x27;État d&#x27;éducateur spécialisé (bac+2), 4 ans d&#x27;expérience "
            "(insertion)</h1>",
            "<h1>Votre orientation : diplôme d&#x27;État d&#x27;éducateur spécialisé (bac+2), 4 ans "
            "d&#x27;expérience (insertion) ; envie : diriger une structure</h1>",
        ),
    ],
)
def test_match_states_the_named_diploma_and_the_domain_as_orient_does(
    fmt: str, match_heading: str, orient_heading: str
) -> None:
    profile = ["--bac", "DEES", "--years", "4", "--domaine", "insertion", "--format", fmt]
    matched = run("match", *profile)
    oriented = run("orient", *profile, "--envie", "diriger")
    assert matched.exit_code == 0 and oriented.exit_code == 0
    assert match_heading in " ".join(matched.stdout.split())
    assert orient_heading in " ".join(oriented.stdout.split())
    details = run("match", *profile, "--details").stdout if fmt != "table" else matched.stdout
    assert match_heading in " ".join(details.split())


def test_match_profile_names_the_diploma_and_the_domain() -> None:
    payload = json.loads(run("match", "--bac", "master", "--years", "3", "--domaine", "insertion", "-f", "json").stdout)
    assert payload["profile"] == {"bac": 5, "diploma": "master (bac+5)", "years": 3.0, "domain": "insertion"}
    payload = json.loads(run("match", "--bac", "DEIS", "--years", "2", "-f", "json").stdout)
    assert payload["profile"] == {
        "bac": 5,
        "diploma": "diplôme d'État d'ingénierie sociale (bac+5)",
        "years": 2.0,
        "domain": None,
    }
    # no experience, no domain (as orient, which does not even ask for one)
    payload = json.loads(run("match", "--bac", "3", "--years", "0", "--domaine", "insertion", "-f", "json").stdout)
    assert payload["profile"] == {"bac": 3, "diploma": "bac+3", "years": 0.0, "domain": None}
    assert run("match", "--bac", "master", "--years", "2").stdout.startswith(
        "PROFIL : MASTER (BAC+5), 2 ANS D'EXPÉRIENCE\n"
    )


def test_match_takes_a_named_diploma_and_a_domain() -> None:
    payload = json.loads(run("match", "--bac", "DEFA", "--years", "4", "--format", "json").stdout)
    site = next(p for p in payload["eligible"] if p["id"] == "responsable-site-insertion")
    assert site["missing"]["alternative"] == "DEFA (diplôme d'État relatif aux fonctions d'animation)"
    payload = json.loads(run("match", "--bac", "5", "--years", "6", "--domaine", "direction", "-f", "json").stdout)
    director = next(p for p in payload["near"] if p["id"] == "directeur-entreprise-insertion")
    # six years of direction are not the years in action sociale the fiche asks (p. 27-30): all 5 are missing
    assert director["missing"]["domain"] == "action sociale" and director["missing"]["years"] == 5
    assert run("match", "--bac", "master", "--years", "2").exit_code == 0
    bad = run("match", "--bac", "5", "--years", "2", "--domaine", "cuisine")
    assert bad.exit_code == 2 and "--domaine : « cuisine » inconnu" in bad.stderr


def test_the_route_leads_to_the_post_closest_to_the_wish_or_says_that_none_does() -> None:
    """Master, 2 years in action sociale, « accompagner »: the microcredit fiche is the closest of the
    next posts (p. 51-54), and no move of the study reaches it from the posts open to this person."""
    payload = _json(*PROFILE)
    closest = max(payload["next"][:5], key=lambda p: p["fit"])["id"]
    assert payload["target"] == closest == "responsable-conseillers-microcredit" and payload["route"] is None
    out = " ".join(run("orient", *PROFILE).stdout.split())
    assert "Le parcours vers « Responsable de conseillers en microcrédit » -" in out
    assert "C'est le plus proche de votre envie parmi les postes à viser ; les évolutions décrites par l'étude" in out
    reached = _json("--bac", "DEES", "--years", "4", "--domaine", "insertion", "--envie", "diriger")
    assert reached["target"] == max(reached["next"][:5], key=lambda p: p["fit"])["id"] and reached["route"]


def test_orient_training_names_no_title_without_a_level_and_says_what_became_of_the_university() -> None:
    """The missing diploma is bac+4 or 5: the study (p. 21-26) gives the ETAIE title no level, so it is
    not offered for it; the MIESS's university merged into Gustave Eiffel (1 January 2020)."""
    said = " ".join(run("orient", "--bac", "licence", "--years", "0", "--envie", "accompagner").stdout.split())
    training = said[said.index("Pour obtenir le diplôme qui manque") :]
    assert "ETAIE" not in training
    assert "Master MIESS (Université de Marne-la-Vallée, Paris-Est)" in training
    assert "L'université fusionne dans l'Université Gustave Eiffel" in training
    assert "(ce qu'est devenu le master MIESS n'a pas été vérifié)" in training
