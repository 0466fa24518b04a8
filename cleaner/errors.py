"""The errors cleaner raises on purpose: one hierarchy, so callers catch one base."""

from __future__ import annotations


class CleanerError(Exception):
    """Base class for every error cleaner raises deliberately."""


class InputError(CleanerError):
    """An input could not be read or decoded; the message says why."""


class RuleError(CleanerError):
    """A rule file is invalid; names the file, the key and the problem."""

    def __init__(self, path: str, key: str, problem: str) -> None:
        self.path, self.key, self.problem = path, key, problem
        super().__init__(f"{path}: {key}: {problem}")
