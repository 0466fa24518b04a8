"""cleaner: strip boilerplate from news article dumps into clean JSONL records.

The public API is what this module exports; everything else is internal.
Importing it changes no global state (no logging configuration, no signal
handlers): the command line configures those for its own process.
"""

from .api import clean_bytes, clean_file
from .errors import CleanerError, DocumentTimeout, InputError, OutputError, RuleError
from .pipeline import clean_html, clean_text
from .record import RECORD_FIELDS, Article, Removal, record_features, record_schema
from .rules import BUILTIN_RULES_DIR, RuleSet, load_rules
from .timelimit import time_limit

__version__ = "0.2.0"

__all__ = [
    "BUILTIN_RULES_DIR",
    "RECORD_FIELDS",
    "Article",
    "CleanerError",
    "DocumentTimeout",
    "InputError",
    "OutputError",
    "Removal",
    "RuleError",
    "RuleSet",
    "__version__",
    "clean_bytes",
    "clean_file",
    "clean_html",
    "clean_text",
    "load_rules",
    "record_features",
    "record_schema",
    "time_limit",
]
