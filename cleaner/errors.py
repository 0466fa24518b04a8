"""The errors cleaner raises on purpose: one hierarchy, so callers catch one base."""

from __future__ import annotations


class CleanerError(Exception):
    """Base class for every error cleaner raises deliberately."""


class InputError(CleanerError):
    """An input could not be read or decoded; the message says why."""


class DocumentTimeout(CleanerError):
    """Cleaning one document took longer than its time limit (--timeout, timeout=)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"timeout: not cleaned within {seconds:g} s (--timeout)")


class OutputError(CleanerError):
    """An output (records, --errors) could not be written; names it and the reason."""

    def __init__(self, target: str, reason: str) -> None:
        self.target, self.reason = target, reason
        super().__init__(f"cannot write {target}: {reason}")


class RuleError(CleanerError):
    """A rule file is invalid; names the file, the key and the problem."""

    def __init__(self, path: str, key: str, problem: str) -> None:
        self.path, self.key, self.problem = path, key, problem
        super().__init__(f"{path}: {key}: {problem}")
