"""Learning an outlet's chrome from its own pages: `cleaner learn` writes a draft
rule file (draft_rules.py); corpus-aware cleaning cuts a batch's recurring lines
(recurring.py). Both count masked lines over distinct stories (mine.py)."""

from .recurring import RecurringIndex, RecurringLines, document_lines, learn_recurring

__all__ = ["RecurringIndex", "RecurringLines", "document_lines", "learn_recurring"]
