"""The terminal view of an explanation: every line, kept or cut, one per line.

Each line opens with a marker that survives a pipe, grep and NO_COLOR:
`-` cut (with `[category rule]`), `+` kept in the body, `#` the headline, `.`
left out because its part of the input gave no record. Colour (the category's,
from palette.py) is added on top when asked for.
"""

from __future__ import annotations

from ..batch import printable
from ..record import Removal
from .model import Explanation, Line, Part
from .palette import colour

PREPASS_SHOWN = 160  # characters of a removed element's text shown (a menu can be pages long)
_RESET, _BOLD, _DIM = "\x1b[0m", "\x1b[1m", "\x1b[2m"
_MARKS = {"headline": "#", "body": "+", "removed": "-", "unused": "."}


def render(explanation: Explanation, color: bool) -> str:
    """The whole view as text, ending in a newline."""
    paint = _Paint(color)
    records = len(explanation.articles)
    out = [paint.bold(f"cleaner explain: {printable(explanation.source)} "
                      f"({'HTML page' if explanation.kind == 'html' else 'text dump'}) -> "
                      f"{records} record{'' if records == 1 else 's'}")]
    for n, part in enumerate(explanation.parts, 1):
        out += _part(part, n, len(explanation.parts), explanation.kind, paint)
    out += ["", *summary(explanation)]
    return "\n".join(out) + "\n"


def summary(explanation: Explanation) -> list[str]:
    """What the records' audit trails add up to, per category and per rule."""
    removed = explanation.removed()
    if not removed:
        return ["removed nothing"]
    chars = sum(len(r.text) for r in removed)
    lines = [f"removed {len(removed)} spans, {chars:,} chars:"]
    lines += [f"  {category:<18} {count:>4}"
              for category, count in explanation.by_category().most_common()]
    lines += [f"    rule {rule:<40} {count:>4}"
              for rule, count in explanation.by_rule().most_common()]
    return lines


def _part(part: Part, n: int, parts: int, kind: str, paint: _Paint) -> list[str]:
    out = [""]
    if parts > 1 or part.article is None:
        title = part.article.headline if part.article is not None else None
        out.append(paint.bold(f"article {n} of {parts}: " + (
            printable(title or "(no headline)") if part.article is not None
            else "no record (no sentence survived)")))
    if kind == "html":
        out.append(paint.bold("HTML pre-pass (elements removed before text extraction):"))
        out += [_removal_line(r, paint) for r in part.prepass] or ["  (none)"]
        if part.whole:
            out.append("  (its result was doubted: the text was extracted from the whole page)")
        out.append(paint.bold("text stages (the extracted text, line by line):"))
    out += [_line(line, paint) for line in part.lines]
    return out


def _removal_line(removal: Removal, paint: _Paint) -> str:
    text = removal.text if len(removal.text) <= PREPASS_SHOWN else (
        f"{removal.text[:PREPASS_SHOWN]}… ({len(removal.text):,} chars)")
    where = f" <{removal.element}>" if removal.element else ""
    return paint.cut(removal, f"- [{removal.category} {removal.rule}]{where} ", text)


def _line(line: Line, paint: _Paint) -> str:
    mark = _MARKS[line.role]
    if line.cut is not None:
        return paint.cut(line.cut, f"{mark} [{line.cut.category} {line.cut.rule}] ", line.text)
    if line.role == "headline":
        return paint.bold(f"{mark} {printable(line.text)}")
    if line.role == "unused":
        return paint.dim(f"{mark} {printable(line.text)}")
    return f"{mark} {printable(line.text)}"


class _Paint:
    """ANSI colour, or nothing."""

    def __init__(self, on: bool) -> None:
        self.on = on

    def bold(self, text: str) -> str:
        return f"{_BOLD}{text}{_RESET}" if self.on else text

    def dim(self, text: str) -> str:
        return f"{_DIM}{text}{_RESET}" if self.on else text

    def cut(self, removal: Removal, label: str, text: str) -> str:
        if not self.on:
            return label + printable(text)
        code = colour(removal.category)[1]
        return f"\x1b[{code}m{_DIM}{label}{_RESET}\x1b[{code}m{printable(text)}{_RESET}"
