"""cleaner: strip boilerplate from news article dumps into clean JSONL records.

The public API is what this module exports; everything else is internal.
"""

from .errors import CleanerError, DocumentTimeout, InputError, OutputError, RuleError
from .pipeline import clean_bytes, clean_file, clean_html, clean_text
from .record import Article, Removal
from .rules import RuleSet, load_rules
from .timelimit import time_limit

__all__ = [
    "Article",
    "CleanerError",
    "DocumentTimeout",
    "InputError",
    "OutputError",
    "Removal",
    "RuleError",
    "RuleSet",
    "clean_bytes",
    "clean_file",
    "clean_html",
    "clean_text",
    "load_rules",
    "time_limit",
]
