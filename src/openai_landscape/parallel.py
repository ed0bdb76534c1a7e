"""A second process for half of a large cold load's per-model work, on a second core.

Writing each model's JSON text (and describing its sources) is a third of a cold load and is
the same work whoever does it. So, when the input is large and another core is free, the
load forks before parsing: the child parses the same texts (already read, so both see the
same bytes), validates, and writes the texts of the second half of the models, while the
parent does everything else; the parent then takes the child's texts instead of writing them.
The child costs CPU time (it repeats the parse and the validation) and, at its peak, about
the parent's memory; it is used only between MIN_BYTES and MAX_BYTES of input.

Any failure (no fork, the child dies, a short or garbled answer, a different list of models)
means the parent writes those texts itself: the result is the same either way, only slower.
`tests/test_parallel.py` holds the two ways to the same catalog.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable
from typing import Any

#: Below this much TOML the fork and the answer's transfer cost about what they save.
MIN_BYTES = 2_000_000
#: Above this the child's copy of the data would cost more memory than its time is worth.
MAX_BYTES = 64_000_000
ENV_SERIAL = "LANDSCAPE_SERIAL"


def worthwhile(size: int) -> bool:
    if os.environ.get(ENV_SERIAL) or not MIN_BYTES <= size <= MAX_BYTES:
        return False
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False  # macOS system libraries are not safe to use after fork
    if usable_cores() < 2:
        return False
    threading = sys.modules.get("threading")
    # Forking while another thread holds a lock (a spinner writing to stderr) could leave the
    # child waiting on it forever.
    return threading is None or threading.active_count() == 1


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return 1


class Helper:
    """The parent's side: the child's answer, once."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid, self.fd = pid, fd

    def result(self) -> Any | None:
        """What the child's work returned, or None if it failed in any way."""
        if self.fd < 0:
            return None
        chunks = []
        try:
            while chunk := os.read(self.fd, 1 << 20):
                chunks.append(chunk)
        except OSError:
            chunks = []
        status = self._reap(kill=False)
        if status != 0 or not chunks:
            return None
        try:
            return marshal.loads(b"".join(chunks))
        except (EOFError, ValueError, TypeError):
            return None

    def close(self) -> None:
        """Stop waiting (the answer is not wanted): end the child and reap it."""
        self._reap(kill=True)

    def _reap(self, kill: bool) -> int | None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
        if self.pid <= 0:
            return None
        pid, self.pid = self.pid, -1
        try:
            if kill:
                os.kill(pid, 9)
            return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        except OSError:
            return None


def start(work: Callable[[], Any], size: int) -> Helper | None:
    """Fork a child that runs `work` and sends back its (marshal-able) result; None when not
    worthwhile or not possible. The child never returns from here."""
    if not worthwhile(size):
        return None
    read_fd, write_fd = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return None
    if pid == 0:  # the child: answer or die, and never run the parent's code after this
        code = 1
        try:
            os.close(read_fd)
            data = memoryview(marshal.dumps(work()))
            while data:
                data = data[os.write(write_fd, data) :]
            code = 0
        except BaseException:  # noqa: BLE001, S110 - the parent does the work itself
            pass
        finally:
            os._exit(code)
    os.close(write_fd)
    return Helper(pid, read_fd)
