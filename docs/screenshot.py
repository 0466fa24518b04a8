"""Regenerate docs/explain-report.png, the README's picture of `cleaner explain --html`:
the report of a seed dump as headless Chromium renders it (`make screenshot`).

Needs Chromium (Debian: `apt-get install chromium`) and the package installed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "000_eacdd442b5eadf3f.txt"
PICTURE = ROOT / "docs" / "explain-report.png"
WINDOW = "1100,1250"


def main() -> int:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("screenshot: Chromium not found (apt-get install chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.html"
        # run from the checkout with a relative path, so the picture shows no local folder
        subprocess.run([sys.executable, "-m", "cleaner", "explain",
                        str(SAMPLE.relative_to(ROOT)), "-q", "--html", str(report)],
                       cwd=ROOT, check=True, timeout=120)
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                        "--hide-scrollbars", f"--window-size={WINDOW}",
                        f"--user-data-dir={Path(scratch) / 'profile'}",
                        f"--screenshot={PICTURE}", report.as_uri()],
                       check=True, timeout=60, capture_output=True)
    print(f"wrote {PICTURE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
