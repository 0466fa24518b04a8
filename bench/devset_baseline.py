"""Plain trafilatura on the dev set's HTML pages, written as predictions for its scorer.

    python bench/devset_baseline.py ../shared/devset/html out/trafilatura.jsonl
    python ../shared/devset/score.py out/trafilatura.jsonl

Settings are the dev set's reference run: bare_extraction(html, with_metadata=True,
include_comments=False, include_tables=True); text -> body, title -> headline,
sitename -> outlet.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import orjson
import trafilatura


def main(folder: str, output: str) -> None:
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    with open(output, "wb") as out:
        for page in sorted(Path(folder).glob("*.htm*")):
            doc = trafilatura.bare_extraction(page.read_bytes(), with_metadata=True,
                                              include_comments=False, include_tables=True)
            record = {"source": str(page), "body": (doc.text if doc else "") or "",
                      "headline": doc.title if doc else None,
                      "outlet": doc.sitename if doc else None}
            out.write(orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE))


if __name__ == "__main__":
    main(*sys.argv[1:3])
