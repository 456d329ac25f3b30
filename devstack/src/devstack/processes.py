"""Child processes of the local stack: each in its own process group, stopped by that group's id.

An emulator is a tree (gcloud → a shell script → java; gunicorn → its worker), so stopping only the direct
child would leave the rest running. Every child is started with start_new_session=True and stopped with
killpg on its own group, never by name: nothing the stack did not start is ever signalled.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO


class StackError(RuntimeError):
    """A part of the local stack did not start or stopped unexpectedly; the message says which and why."""


def free_port() -> int:
    """A port free on 127.0.0.1 now (the OS picks it; a race with another process is possible but rare)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def log_tail(path: Path, lines: int = 20, since: int = 0) -> str:
    """The last lines the log got from byte `since` on (the start of this run: older runs append there too)."""
    try:
        with path.open("rb") as stream:
            stream.seek(since)
            text = stream.read().decode("utf-8", errors="replace")
    except OSError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:]) or "(nothing logged)"


@dataclass
class ManagedProcess:
    """A child process and its log file; `stop` ends its whole process group."""

    name: str
    argv: Sequence[str]
    log_path: Path
    env: Mapping[str, str]
    popen: subprocess.Popen[bytes] | None = None
    _log: IO[bytes] | None = field(default=None, repr=False)
    _log_start: int = field(default=0, repr=False)  # where this start's lines begin in the (appended) log

    def start(self) -> ManagedProcess:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = self.log_path.open("ab")
        self._log_start = self._log.tell()
        try:
            self.popen = self._popen(self._log)
        except OSError as exc:  # the program itself is missing or not executable
            self._log.close()
            self._log = None
            raise StackError(f"{self.name} could not start: {self.argv[0]}: {exc.strerror or exc}") from None
        return self

    def tail(self) -> str:
        return log_tail(self.log_path, since=self._log_start)

    def _popen(self, log: IO[bytes]) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            list(self.argv),
            env=dict(self.env),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so stop() reaches its children too
        )

    @property
    def pid(self) -> int | None:
        return self.popen.pid if self.popen is not None else None

    def running(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def check_alive(self) -> None:
        if self.popen is not None and self.popen.poll() is not None:
            raise StackError(
                f"{self.name} exited with code {self.popen.returncode}; last lines of {self.log_path}:\n{self.tail()}"
            )

    def stop(self, timeout_s: float = 8.0, sig: int = signal.SIGTERM) -> None:
        """Signal the process group (the group id is the child's pid), wait, then SIGKILL what is left."""
        if self.popen is None:
            return
        pgid = self.popen.pid
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pgid, sig)
        try:
            self.popen.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pgid, signal.SIGKILL)
            self.popen.wait(timeout=timeout_s)
        # The leader is gone; grandchildren (java under gcloud) may linger a moment: finish them too.
        deadline = time.monotonic() + timeout_s
        while _group_alive(pgid) and time.monotonic() < deadline:
            time.sleep(0.05)
        if _group_alive(pgid):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pgid, signal.SIGKILL)
        self.popen = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def kill(self) -> None:
        """Kill at once, as a crash would (the reliability tests kill a function mid-call)."""
        self.stop(timeout_s=5.0, sig=signal.SIGKILL)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def http_ready(url: str, accept: Callable[[int], bool] = lambda status: True) -> bool:
    """True once something answers HTTP at url (any status the predicate accepts)."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return accept(response.status)
    except urllib.error.HTTPError as exc:
        return accept(exc.code)
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def wait_until(ready: Callable[[], bool], process: ManagedProcess, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while not ready():
        process.check_alive()
        if time.monotonic() > deadline:
            raise StackError(
                f"{process.name} was not ready after {timeout_s:.0f} s; last lines of {process.log_path}:\n"
                f"{process.tail()}"
            )
        time.sleep(0.1)
