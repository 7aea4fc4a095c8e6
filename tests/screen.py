"""What a person sees: the installed `iae` run in a pseudo-terminal, its output read by a
terminal emulator (pyte), and the checks that a screen shows every character whole."""

from __future__ import annotations

import fcntl
import os
import re
import select
import struct
import subprocess
import sys
import termios
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

import pyte

# The console script installed next to the interpreter that runs the tests (`pip install -e .`).
IAE = str(Path(sys.executable).with_name("iae"))

# Right-hand borders of a table: the only characters allowed in the last column of a screen.
CLOSERS = frozenset("┓┃┩│┤┘┐┛╮╯║╗╝╣┫┥┨┦┧┪┚┒")
TOP = re.compile("[┏┌╭][━─]")
BOTTOM = re.compile("[┗└╰][━─]")
SGR = re.compile(rb"\x1b\[[0-9;]*m")


class Screen(NamedTuple):
    args: tuple[str, ...]
    columns: int
    lines: list[str]  # what the terminal shows, one row per line, trailing blanks removed
    raw: bytes  # what the program wrote
    status: int


def run_in_terminal(
    args: list[str], columns: int, env: dict[str, str] | None = None, cwd: Path | None = None
) -> Screen:
    """Run `iae ARGS` in a pseudo-terminal `columns` wide and return the screen a person sees."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    environ = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR")}
    environ.update({"TERM": "xterm-256color", **(env or {})})
    process = subprocess.Popen(
        [IAE, *args], stdin=slave, stdout=slave, stderr=slave, env=environ, cwd=cwd, close_fds=True
    )
    os.close(slave)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([master], [], [], 30)
        if not ready:  # a command that hangs is a failure, not a stuck test run
            process.kill()
            break
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the program ended and closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    status = process.wait(timeout=30)
    raw = b"".join(chunks)
    return Screen(tuple(args), columns, emulate(raw.decode("utf-8", "replace"), columns), raw, status)


Job = tuple[list[str], int, "dict[str, str] | None"]


def run_many(jobs: list[Job], cwd: Path | None = None) -> list[Screen]:
    """Many runs at once: each one mostly waits for its own process."""
    with ThreadPoolExecutor(max_workers=max(2, (os.cpu_count() or 2) * 2)) as pool:
        return list(pool.map(lambda job: run_in_terminal(*job, cwd=cwd), jobs))


def emulate(text: str, columns: int) -> list[str]:
    """The screen a VT100-like terminal shows after receiving `text`."""
    screen = pyte.Screen(columns, text.count("\n") + 5)
    pyte.Stream(screen).feed(text if "\r\n" in text else text.replace("\n", "\r\n"))
    lines = [line.rstrip() for line in screen.display]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def cut_lines(lines: list[str], columns: int) -> list[str]:
    """Lines that lost text at the right edge: a character other than a border in the last
    column, or a line of a bordered table (from its top border to its bottom one) that does
    not end with its right border."""
    cut = []
    in_table = False
    for line in lines:
        body = line.rstrip()
        in_table = in_table or bool(TOP.match(body))
        if (len(body) >= columns and body[columns - 1] not in CLOSERS) or (in_table and body[-1:] not in CLOSERS):
            cut.append(line)
        in_table = in_table and not BOTTOM.match(body)
    return cut


ID_LIKE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+-?|[a-z0-9]+-")


def split_ids(lines: list[str], ids: set[str]) -> list[str]:
    """Pieces of an id left on a line without the rest of it: a word made of id characters that
    is part of a known id without being one."""
    pieces = []
    for line in lines:
        for word in ID_LIKE.findall(line):
            if word not in ids and any(word in known for known in ids):
                pieces.append(word)
    return pieces


def has_colour(raw: bytes) -> bool:
    return bool(SGR.search(raw))
