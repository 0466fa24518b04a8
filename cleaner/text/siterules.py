"""Site-rules stage: apply one outlet's rule file (rules/*.toml) to a draft."""

from __future__ import annotations

from ..rules import SiteRule
from .draft import Draft


def apply_site_rules(draft: Draft, rule: SiteRule | None) -> None:
    """Cut the outlet's known boilerplate lines and blocks, ids prefixed by the file name."""
    if rule is None:
        return
    for block in rule.blocks:
        live = draft.live()
        k = 0
        while k < len(live):
            if not block.start.search(draft.paras[live[k]].text):
                k += 1
                continue
            stop = min(len(live), k + block.max_lines)
            end = stop - 1
            if block.end is not None:
                found = next((m for m in range(k, stop) if block.end.search(
                    draft.paras[live[m]].text)), None)
                if found is None:  # no end marker: the start line alone is not a block
                    k += 1
                    continue
                end = found
            for m in range(k, end + 1):
                draft.cut(live[m], f"{rule.name}.{block.id}", block.category)
            k = end + 1
    for line in rule.lines:
        for i in draft.live():
            if line.pattern.search(draft.paras[i].text):
                draft.cut(i, f"{rule.name}.{line.id}", line.category)
