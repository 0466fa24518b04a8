"""One input of a batch, cleaned as a worker does it.

Every input is cleaned on its own: a broken file, one that runs past the time
limit, even one whose record cannot be serialised, becomes one error (path
and reason) in its FileResult and the run goes on. Standard input is read in
the parent and handed to a worker as bytes; so are the records of a WARC or
JSONL file (cleaner/io/containers.py), read one at a time as the workers ask for
more, each one input with its own source (`path#offset`, `path:line`) and url.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..api import clean_payload, payload_lines
from ..errors import CleanerError, InputError
from ..io.containers import is_container, iter_records
from ..io.inputs import DEFAULT_MAX_BYTES, STDIN, Payload, read_payload
from ..learn.recurring import RecurringIndex
from ..record import json_line
from ..rules import RuleSet, load_rules
from .console import printable


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """Settings one worker needs to clean a file. `rule_dirs`: the rule folders in
    layer order (None: the default layers, built-in rules and $CLEANER_RULES)."""

    rule_dirs: tuple[str, ...] | None = None
    url: str | None = None
    fmt: str = "auto"
    max_bytes: int = DEFAULT_MAX_BYTES
    explain: bool = False
    recurring: RecurringIndex | None = None  # --learn-recurring: the batch's first pass


def rules_for(options: CleanOptions) -> RuleSet:
    if options.rule_dirs is None:
        return load_rules()
    return load_rules(*options.rule_dirs) if options.rule_dirs else RuleSet()


@dataclass(frozen=True, slots=True)
class Input:
    """One input to clean: a path, with its content when the parent read it already
    (standard input, a record of a WARC or JSONL file), or the reason it could not
    be read; `url`: where a record says it came from (over --url)."""

    source: str
    payload: Payload | None = None
    error: str | None = None
    url: str | None = None


@dataclass(slots=True)
class FileResult:
    """What cleaning one input gave: record lines, or the reason it failed."""

    source: str
    records: list[tuple[str, bytes]] = field(default_factory=list)
    removed: dict[tuple[str, str], list[int]] = field(default_factory=dict)  # -> [spans, chars]
    explained: list[str] = field(default_factory=list)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)

    def __reduce__(self) -> tuple[type[FileResult], tuple[object, ...]]:
        # Sent back from a worker for every input: a plain tuple pickles several times
        # faster than the field-by-field state a slots dataclass would send.
        return FileResult, (self.source, self.records, self.removed, self.explained,
                            self.error, self.warnings)


_worker_options = CleanOptions()
_worker_rules: RuleSet | None = None


def init_worker(options: CleanOptions) -> None:
    global _worker_options, _worker_rules
    _worker_options = options
    _worker_rules = rules_for(options)


def clean_one(item: Input | str) -> FileResult:
    """Clean one input with the worker's options; never raises for a bad input."""
    item = Input(item) if isinstance(item, str) else item
    result = FileResult(item.source)
    try:
        _clean_into(result, item, _worker_options)
    except CleanerError as exc:
        result = FileResult(item.source, error=str(exc))
    except Exception as exc:  # a bug must cost one input, not the batch
        result = FileResult(item.source, error=f"internal error: {type(exc).__name__}: {exc}")
    return result


def _clean_into(result: FileResult, item: Input, options: CleanOptions) -> None:
    if item.error is not None:
        raise InputError(item.error)
    payload = item.payload or read_payload(item.source, options.max_bytes)
    cleaned = clean_payload(payload, source=item.source, url=item.url or options.url,
                            rules=_worker_rules, fmt=options.fmt, recurring=options.recurring)
    articles, decoded = cleaned.articles, cleaned.decoded
    if decoded.garbled:
        result.warnings.append("the decoded text may be garbled (encoding guessed)")
    if decoded.replaced:
        result.warnings.append(f"{decoded.replaced} bytes not valid UTF-8 replaced by U+FFFD")
    for article in articles:
        record = article.to_dict(options.explain)
        result.records.append((str(record["id"]), json_line(record)))
        for removal in article.removed:  # tallied here: less to send back from a worker
            tally = result.removed.setdefault((removal.rule, removal.category), [0, 0])
            tally[0] += 1
            tally[1] += len(removal.text)
        if options.explain:
            result.explained.extend(f"{printable(item.source)}: [{r.rule}] {r.category}: "
                                    f"{r.text!r}" for r in article.removed)


def lines_of(item: Input) -> tuple[list[str], str | None] | None:
    """The first pass of --learn-recurring: one input's lines and group, or None for
    an input that cannot be read (the cleaning pass reports why)."""
    try:
        if item.error is not None:
            return None
        payload = item.payload or read_payload(item.source, _worker_options.max_bytes)
        return payload_lines(payload, source=item.source, url=item.url or _worker_options.url,
                             rules=_worker_rules, fmt=_worker_options.fmt)
    except Exception:  # whatever breaks here breaks again, and is reported, when cleaning
        return None


def work(item: Input) -> FileResult:
    return clean_one(item)  # looked up on each call, so a patched clean_one is used


def lost(item: Input, reason: str) -> FileResult:
    return FileResult(item.source, error=reason)



def read_inputs(sources: Iterable[str], max_bytes: int) -> Iterator[Input]:
    """The inputs, lazily: a file path as it is, standard input read, a WARC or JSONL
    file opened into its records."""
    for source in sources:
        if source != STDIN and is_container(source):
            for record in iter_records(source, max_bytes):
                yield Input(record.source, record.payload, record.error, record.url)
            continue
        if source != STDIN:
            yield Input(source)
            continue
        try:
            yield Input(source, payload=read_payload(STDIN, max_bytes))
        except InputError as exc:
            yield Input(source, error=str(exc))

