"""Running the command line with its output on a pseudo-terminal, as a user sees it."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from typing import IO


def on_a_terminal(args: list[str], *, stdout: bool = False, stderr: bool = False,
                  env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run `python -m cleaner ARGS` with standard output and/or standard error on a
    pseudo-terminal (the other streams discarded); the exit code and what the
    terminal received, line ends as written by the program."""
    master, slave = os.openpty()
    received: list[bytes] = []

    def read() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: every writer is gone
                return
            if not chunk:
                return
            received.append(chunk)

    reader = threading.Thread(target=read)
    reader.start()
    where: dict[bool, int | IO[bytes]] = {True: slave, False: subprocess.DEVNULL}
    try:
        proc = subprocess.run([sys.executable, "-m", "cleaner", *args], stdin=subprocess.DEVNULL,
                              stdout=where[stdout], stderr=where[stderr], timeout=120,
                              check=False, env={**os.environ, **(env or {})})
    finally:
        os.close(slave)
        reader.join(timeout=10)
        os.close(master)
    return proc.returncode, b"".join(received).decode("utf-8", "replace").replace("\r\n", "\n")
