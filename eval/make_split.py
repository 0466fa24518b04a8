"""Write eval/devset_split.json: every dev-set page assigned to "tune" or "check" by publisher.

    python eval/make_split.py [--devset ../shared/devset] [--devset ../shared/devset-ml]

Rule (all pages of one publisher land in the same half):

1. Each page gets a publisher key and, where one is known, a registered domain:
   - `fundus-<cc>-<Publisher>_<YYYY_MM_DD>` -> key `<cc>-<Publisher>`, domain from the
     index.jsonl URL (so NineNews on 9news.com.au and nine.com.au stays one publisher);
   - `traf-<name>` -> the URL's registered domain; without a URL, the longest leading
     dotted part of <name> that is a registered domain (`traf-nationnews.com-schools`
     -> nationnews.com, `traf-dw.com.colonial` -> dw.com), else the id itself.
2. Keys that share a registered domain are merged (union-find), so one site never sits
   in both halves: fundus TheBBC and traf bbc.com, EuronewsDE/EN/FR, DW in devset-ml
   and traf-dw.com.colonial in devset, ...
3. A group's name is its smallest key; the group goes to "check" if
   int(sha1(salt + name)) is odd, else to "tune".
4. salt is the first of "", "1:", "2:", ... whose halves are balanced (see `balanced`):
   45-55 % of the pages "tune" overall, per dev set, per source (fundus, traf), for
   English and German, and for publishers; every language with >= 4 pages in both halves.
   Only page counts decide it, never scores.  The salt found is written to the JSON.

Registered domains come from the `tld` package (a trafilatura dependency); the JSON is
committed, so a later public-suffix list cannot move a page.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from tld import get_fld

BALANCED = (0.45, 0.55)  # allowed share of "tune" pages in each balanced count
FUNDUS_ID = re.compile(r"^fundus-(?P<key>[a-z]+-.+?)_\d{4}_\d{2}_\d{2}$")
HERE = Path(__file__).resolve().parent
DEFAULT_DEVSETS = (str(HERE.parents[1] / "shared" / "devset"),
                   str(HERE.parents[1] / "shared" / "devset-ml"))
OUT = HERE / "devset_split.json"


def registered_domain(host_or_url: str) -> str | None:
    """The registered domain of a URL or bare host name, None if it has no known suffix."""
    url = host_or_url if "://" in host_or_url else "http://" + host_or_url
    return get_fld(url, fail_silently=True)


def domain_from_name(name: str) -> str | None:
    """The longest leading dotted run of a traf file name that is a registered domain."""
    labels = name.split("-", 1)[0].split(".")
    for end in range(len(labels), 1, -1):
        domain = registered_domain(".".join(labels[:end]))
        if domain:
            return domain
    return None


def page_keys(doc_id: str, url: str | None) -> tuple[str, str | None]:
    """(publisher key, registered domain or None) for one page."""
    match = FUNDUS_ID.match(doc_id)
    if match:
        return match["key"], registered_domain(url) if url else None
    domain = registered_domain(url) if url else domain_from_name(doc_id.removeprefix("traf-"))
    return (domain or doc_id), domain


class UnionFind:
    """Minimal union-find over strings; a set's root is its smallest member."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def half_of(group: str, salt: str) -> str:
    """'check' if sha1(salt + group) is odd, else 'tune'."""
    return "check" if int(hashlib.sha1((salt + group).encode()).hexdigest(), 16) % 2 else "tune"


def load_pages(devsets: list[str]) -> list[dict[str, str | None]]:
    """id, url, dataset (folder name) and gold language of every page of the dev sets."""
    pages = []
    for folder in map(Path, devsets):
        for line in (folder / "index.jsonl").read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            gold = json.loads((folder / "gold" / f"{rec['id']}.json").read_text(encoding="utf-8"))
            pages.append({"id": rec["id"], "url": rec.get("url"), "devset": folder.name,
                          "lang": gold.get("lang")})
    return pages


def groups(pages: list[dict[str, str | None]]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """(id -> publisher group name, group name -> its publisher keys)."""
    uf = UnionFind()
    keys = {}
    for page in pages:
        key, domain = page_keys(str(page["id"]), page["url"])
        keys[page["id"]] = key
        uf.find(key)
        if domain:
            uf.union(key, "domain:" + domain)
    members: dict[str, set[str]] = defaultdict(set)  # root -> publisher keys (no "domain:")
    for key in keys.values():
        members[uf.find(key)].add(key)
    name = {root: min(ks) for root, ks in members.items()}
    return ({str(i): name[uf.find(k)] for i, k in keys.items()},
            {name[root]: sorted(ks) for root, ks in members.items()})


def report(pages: list[dict[str, str | None]], group: dict[str, str],
           salt: str) -> dict[str, dict[str, int]]:
    """Page and publisher counts per half, by dev set, source and language."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for page in pages:
        doc_id = str(page["id"])
        half = half_of(group[doc_id], salt)
        counts["pages"][half] += 1
        counts[f"devset {page['devset']}"][half] += 1
        counts[f"source {doc_id.split('-', 1)[0]}"][half] += 1
        counts[f"lang {page['lang']}"][half] += 1
    for g in set(group.values()):
        counts["publishers"][half_of(g, salt)] += 1
    order = sorted(counts, key=lambda k: (k.split()[0] != "pages", k.startswith("lang"),
                                          -sum(counts[k].values()), k))
    return {k: {"tune": counts[k]["tune"], "check": counts[k]["check"]} for k in order}


def balanced(counts: dict[str, dict[str, int]]) -> bool:
    """The balance test of rule 4."""
    for key, c in counts.items():
        n = c["tune"] + c["check"]
        if key in ("pages", "publishers", "lang en", "lang de") or key.startswith(
                ("devset ", "source ")):
            if not BALANCED[0] <= c["tune"] / n <= BALANCED[1]:
                return False
        elif n >= 4 and not (c["tune"] and c["check"]):
            return False
    return True


def choose_salt(pages: list[dict[str, str | None]], group: dict[str, str]) -> str:
    """The first salt of "", "1:", "2:", ... that balances the halves."""
    for i in range(10_000):
        salt = f"{i}:" if i else ""
        if balanced(report(pages, group, salt)):
            return salt
    raise SystemExit("no balanced salt found")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--devset", action="append", help="dev-set folder (repeatable)")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    pages = load_pages(args.devset or list(DEFAULT_DEVSETS))
    group, members = groups(pages)
    salt = choose_salt(pages, group)
    counts = report(pages, group, salt)
    split = {doc_id: half_of(g, salt) for doc_id, g in group.items()}
    header = {
        "rule": "publisher key: fundus-<cc>-<Publisher>_<date> -> <cc>-<Publisher>; traf-* -> "
                "registered domain of the URL (else of the id's leading dotted name, else the "
                "id); keys sharing a registered domain are merged; a group, named by its "
                "smallest key, is 'check' if int(sha1(salt + name)) is odd, else 'tune'; salt is "
                "the first of '', '1:', '2:', ... giving 45-55 % 'tune' pages overall, per dev "
                "set, per source, for en, de and publishers, and every language with >= 4 "
                "pages in both halves",
        "salt": salt,
        "generator": "eval/make_split.py",
        "counts": {k: f"tune {c['tune']}, check {c['check']}" for k, c in counts.items()},
        "merged_groups": {g: ks for g, ks in sorted(members.items()) if len(ks) > 1},
    }
    data = {**header, "split": dict(sorted(split.items()))}
    Path(args.out).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n",
                              encoding="utf-8")
    for key, c in counts.items():
        print(f"{key:<28} tune {c['tune']:>4}  check {c['check']:>4}")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
