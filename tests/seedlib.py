"""The samples and their expected records, as the seed tests and the CLI tests read them.

Expected records come from tests/seeds/expected.jsonl (a copy of the design's
seed records, shared/seeds/expected.jsonl) and from tests/expected/<sample file
name>.jsonl, one per sample added since (README.md, "Adding an outlet").
"""

from __future__ import annotations

import json
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SAMPLES = ROOT / "samples"
SEEDS_FILE = TESTS / "seeds" / "expected.jsonl"
EXPECTED_DIR = TESTS / "expected"


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def load_expected() -> list[dict]:
    """Every expected record, `source` as the sample's file name."""
    records = jsonl(SEEDS_FILE)
    for path in sorted(EXPECTED_DIR.glob("*.jsonl")):
        records += [{**r, "source": Path(r.get("source") or path.stem).name}
                    for r in jsonl(path)]
    return records


def sample_files() -> list[str]:
    """Every sample's file name."""
    return sorted(p.name for p in SAMPLES.iterdir() if p.is_file() and not p.name.startswith("."))
