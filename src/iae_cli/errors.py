"""The project's errors and the exit codes they map to.

Every error carries a French message for the user. The CLI catches `IaeError` at its
edge, prints the message on stderr and exits with `exit_code`; nothing else is caught.
"""

from typing import NamedTuple

EXIT_NO_RESULT = 1
EXIT_USAGE = 2
EXIT_DATA = 3


class Problem(NamedTuple):
    """One located problem in a data file."""

    file: str
    line: int | None
    message: str
    column: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class IaeError(Exception):
    """Base class: a message for the user and an exit code."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(IaeError):
    """Bad input on the command line (exit 2)."""

    exit_code = EXIT_USAGE


class UnknownNameError(UsageError):
    """A name that matches no role, or several (exit 2). `list_helps`: the message suggests
    nothing, and the list of names would help (the CLI says which command gives it)."""

    def __init__(self, message: str, list_helps: bool = False, close: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.list_helps = list_helps
        self.close = close  # the ids the name may have meant, best first (for a question to offer them)


class OutOfRange(UsageError):
    """A value outside what the study covers (exit 2). `field` names it ("bac", "years") so that
    the CLI can word the refusal with its option."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class NoResultError(IaeError):
    """A valid question with no answer (exit 1)."""

    exit_code = EXIT_NO_RESULT


class DataError(IaeError):
    """Unusable data (exit 3): one or more located problems."""

    exit_code = EXIT_DATA

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        head = "données inutilisables" if count == 1 else f"données inutilisables ({count} problèmes)"
        super().__init__(head + " :\n" + "\n".join(f"  {p}" for p in problems))
