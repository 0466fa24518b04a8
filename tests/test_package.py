"""Installable anywhere (issue 8, point 1).

The slow test builds the sdist, builds the wheel from the unpacked sdist, installs
it into a fresh virtual environment made by the stock `python3 -m venv` (its pip
is not upgraded: Python 3.11's own pip 23.2 is what users have), and from a folder
outside the checkout cleans a seed dump and an HTML page, checks the rule files,
and runs the seed tests shipped in the sdist against the installed package. It
needs PyPI (or pip's cache) for the dependencies, pinned by constraints.txt, and
takes about a minute; `make test-fast` leaves it out.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import orjson
import pytest

import cleaner

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
DEVSET_PAGE = ROOT.parent / "shared" / "devset" / "html" / "fundus-au-NineNews_2024_05_02.html"
SEED = "000_eacdd442b5eadf3f.txt"
# Imported only by an optional feature, never by a plain run: cleaner.record_features()
# (datasets), and --executor dask (dask and distributed, the [dask] extra).
OPTIONAL_IMPORTS = {"datasets", "dask", "distributed"}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    return {_normal(re.split(r"[<>=!~;\[ ]", spec, maxsplit=1)[0])
            for spec in PYPROJECT["project"]["dependencies"]}


def _imported_modules() -> set[str]:
    """Top-level modules the package imports that are neither its own nor the stdlib's."""
    import ast

    found: set[str] = set()
    for path in (ROOT / "cleaner").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m != "cleaner"}


def test_every_module_the_package_imports_is_a_declared_dependency() -> None:
    owners = importlib.metadata.packages_distributions()
    missing = []
    for module in sorted(_imported_modules() - OPTIONAL_IMPORTS):
        dists = {_normal(d) for d in owners.get(module, [module])}
        if not dists & _declared():
            missing.append(f"{module} (from {', '.join(sorted(dists))})")
    assert not missing, f"imported but not in [project] dependencies: {missing}"


def test_lxml_html_clean_is_declared_by_name() -> None:
    """jusText asks for lxml[html_clean]; pip 23.2 does not match that spelling of the
    extra, so without this every page would fail on a stock Python 3.11."""
    assert "lxml-html-clean" in _declared()


def test_distribution_metadata() -> None:
    project = PYPROJECT["project"]
    assert project["name"] != "cleaner"  # PyPI's `cleaner` is an unrelated project
    assert project["scripts"] == {"cleaner": "cleaner.cli:main"}
    assert project["license"] == "MIT" and (ROOT / "LICENSE").is_file()
    assert "Typing :: Typed" in project["classifiers"]
    assert project["urls"]
    assert "version" in project["dynamic"]


def test_a_broken_installation_stops_the_run_once_at_start(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.html").write_text("<html><body><p>A page.</p></body></html>")
    out = tmp_path / "out.jsonl"
    script = ("import sys; sys.modules['lxml_html_clean'] = None  # as if never installed\n"
              "from cleaner.cli import main\n"
              f"sys.exit(main(['clean', {str(folder)!r}, '-o', {str(out)!r}]))\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 2
    [line] = proc.stderr.splitlines()
    assert line.startswith("cleaner: cannot import trafilatura: ") and "lxml" in line
    assert "pip install" in line
    assert not out.exists()


# --- the package, built and installed ----------------------------------------------------------


def _run(args: list[str | Path], cwd: Path, env: dict[str, str] | None = None,
         timeout: float = 600) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout, check=False)
    assert proc.returncode == 0, f"{args}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


@pytest.mark.slow
def test_wheel_built_from_the_sdist_works_in_a_fresh_venv_with_stock_pip(
        tmp_path: Path) -> None:
    env = {**os.environ, "PIP_CONSTRAINT": str(ROOT / "constraints.txt"),
           "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("CLEANER_RULES", None)
    env.pop("PYTHONPATH", None)
    dist = tmp_path / "dist"
    _run([sys.executable, "-m", "build", "--sdist", "--outdir", dist, ROOT], tmp_path, env)
    [sdist] = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
        archive.extractall(tmp_path / "src", filter="data")
    [unpacked] = (tmp_path / "src").iterdir()
    for shipped in ("LICENSE", "tests/test_seeds.py", "tests/seeds/expected.jsonl",
                    f"samples/{SEED}", "cleaner/builtin_rules/themoscowtimes.toml"):
        assert f"{unpacked.name}/{shipped}" in names, shipped

    # The wheel, from the sdist alone.
    _run([sys.executable, "-m", "build", "--wheel", "--outdir", dist, unpacked], tmp_path, env)
    [wheel] = dist.glob("*.whl")
    files = zipfile.ZipFile(wheel).namelist()
    for shipped in ("cleaner/py.typed", "cleaner/schema/record.schema.json",
                    "cleaner/builtin_rules/themoscowtimes.toml"):
        assert shipped in files, shipped

    # A fresh venv with the pip Python brings (no upgrade), the wheel installed into it.
    venv = tmp_path / "venv"
    base = getattr(sys, "_base_executable", sys.executable)
    _run([base, "-m", "venv", venv], tmp_path, env)
    python, script = venv / "bin" / "python", venv / "bin" / "cleaner"
    pip_version = _run([python, "-m", "pip", "--version"], tmp_path, env).stdout
    _run([python, "-m", "pip", "install", "--quiet", wheel], tmp_path, env)
    shutil.rmtree(unpacked / "cleaner")  # from here on only the installed package exists

    # From a folder outside the checkout: a seed dump and an HTML page.
    work = tmp_path / "elsewhere"
    work.mkdir()
    shutil.copy2(ROOT / "samples" / SEED, work / "dump.txt")
    page = DEVSET_PAGE if DEVSET_PAGE.is_file() else ROOT / "tests/fixtures/html/full_article.html"
    shutil.copy2(page, work / "page.html")
    version = _run([script, "--version"], work, env).stdout
    assert version.strip() == f"cleaner {cleaner.__version__}", pip_version
    _run([script, "clean", "dump.txt", "page.html", "-o", "out.jsonl"], work, env)
    dump, html = [orjson.loads(line) for line in (work / "out.jsonl").read_bytes().splitlines()]
    assert dump["outlet"] == "The Moscow Times"  # found by the built-in rules' signatures
    assert dump["language"] == "en"
    assert html["source"] == "page.html" and len(html["body"]) > 500 and html["headline"]
    checked = _run([script, "rules", "check"], work, env).stdout
    assert "5 of 5 rule files valid in built-in rules" in checked
    assert str(venv) in checked  # the rule files inside the installed package
    library = _run([python, "-c", "import cleaner, sys; a = cleaner.clean_file('dump.txt'); "
                    "print(cleaner.__file__); print(a[0].outlet)"], work, env).stdout
    assert str(venv) in library and "The Moscow Times" in library

    # The sdist's own tests, run against the installed package.
    _run([python, "-m", "pip", "install", "--quiet", "pytest"], tmp_path, env)
    tests = _run([venv / "bin" / "pytest", "-p", "no:cacheprovider", "-o", "addopts=",
                  "tests/test_seeds.py"], unpacked, env)
    assert re.search(r"\d+ passed", tests.stdout), tests.stdout[-2000:]
