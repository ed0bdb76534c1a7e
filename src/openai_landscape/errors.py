"""The project's exceptions and exit codes; only the CLI edge prints them."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    NOT_FOUND = 1  # an id or filter matched nothing; `validate` found problems
    USAGE = 2  # bad option values, bad data files, unreadable paths
    INTERNAL = 70  # a bug: reported in one line, traceback only with --debug
    INTERRUPTED = 130
    BROKEN_PIPE = 141  # stdout closed by the reader (e.g. `| head -1`)


class LandscapeError(Exception):
    """An error with a location: `file:line: record: field: message`."""

    exit_code = ExitCode.USAGE

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        record: str | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.record = record
        self.field = field

    def location(self) -> str:
        parts = []
        if self.file:
            parts.append(f"{self.file}:{self.line}" if self.line else self.file)
        if self.record:
            parts.append(self.record)
        if self.field:
            parts.append(self.field)
        return ": ".join(parts)

    def __str__(self) -> str:
        loc = self.location()
        return f"{loc}: {self.message}" if loc else self.message

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "record": self.record,
            "field": self.field,
            "message": self.message,
        }


class DataError(LandscapeError):
    """A data file is unreadable, malformed or breaks a schema or cross-record rule."""


class UsageError(LandscapeError):
    """An option or argument value the user gave cannot be used."""


class NotFoundError(LandscapeError):
    """An id that matches no record."""

    exit_code = ExitCode.NOT_FOUND


class DataProblems(DataError):
    """Several data problems found at once; the first is shown, all are kept."""

    def __init__(self, problems: list[LandscapeError]) -> None:
        first = problems[0]
        more = len(problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''}: run `landscape validate`)" if more else ""
        super().__init__(
            first.message + suffix,
            file=first.file,
            line=first.line,
            record=first.record,
            field=first.field,
        )
        self.problems = problems


#: Query and command fields that are CLI flags under another name.
FLAGS = {"ID": "ID", "columns": "--columns", "kind": "--kind"}


def flag_name(field: str) -> str:
    """The CLI flag for a query field: `min_params` -> `--min-params`."""
    return FLAGS.get(field) or ("--" + field.replace("_", "-") if field.isidentifier() and field.islower() else field)


def guard(call: Callable[[], int], *, debug: bool = False) -> int:
    """Run a command; every failure becomes one line on stderr and an exit code, never a traceback.

    The one edge of the program: the Typer CLI and the start-up path both run through it.
    """
    import sys

    from .escaping import inert

    def say(message: str) -> None:
        sys.stderr.write("landscape: error: " + inert(message) + "\n")

    try:
        code = call()
        sys.stdout.flush()
        return int(code or 0)
    except LandscapeError as exc:
        if isinstance(exc, UsageError | NotFoundError) and exc.field and not exc.file:
            exc.field = flag_name(exc.field)
        say(str(exc))
        return int(exc.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        return pipe_closed()
    except Exception as exc:  # noqa: BLE001 - the one place that catches everything
        if debug:
            import traceback

            traceback.print_exc()
        say(f"internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)")
        return int(ExitCode.INTERNAL)


def pipe_closed() -> int:
    """The reader went away (`| head -1`): stop quietly, and let nothing flush to the dead pipe
    (what Python's documentation advises instead of restoring SIGPIPE's default)."""
    import os
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    return int(ExitCode.BROKEN_PIPE)
