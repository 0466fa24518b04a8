"""Main-text extraction from a pruned page: trafilatura, with a selectolax fallback."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from ..io.text import squash

# trafilatura logs every page it finds too short; the batch reports outcomes itself.


def main_text(tree: LexborHTMLParser, url: str | None) -> str:
    """The page's main text, one paragraph per line (sub-headings on their own line)."""
    from trafilatura import bare_extraction  # imported on the first page: text runs never pay

    document = bare_extraction(tree.html or "", url=url, with_metadata=False,
                               include_comments=False, include_tables=True)
    text = "" if document is None or isinstance(document, dict) else document.text
    return "\n".join(map(_plain_line, text.split("\n"))) if text else largest_text_block(tree)


def _plain_line(line: str) -> str:
    """trafilatura draws list items as '- item' and table rows as '| a | b |';
    the dashes and pipes were never in the page."""
    line = line.strip()
    if line.startswith("|") and line.endswith("|"):
        return " ".join(cell.strip() for cell in line.strip("| ").split(" | "))
    return line[2:] if line.startswith("- ") else line


def largest_text_block(tree: LexborHTMLParser) -> str:
    """Fallback: the paragraphs of the element that holds the most paragraph text."""
    groups: dict[int, list[str]] = {}
    sizes: dict[int, int] = {}
    for para in tree.css("p"):
        parent = para.parent
        text = squash(para.text(deep=True))
        if parent is None or not text:
            continue
        groups.setdefault(parent.mem_id, []).append(text)
        sizes[parent.mem_id] = sizes.get(parent.mem_id, 0) + len(text)
    if not sizes:
        return ""
    return "\n".join(groups[max(sizes, key=sizes.__getitem__)])


BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre"


def selected_text(tree: LexborHTMLParser, selector: str) -> str:
    """The text blocks under a rule file's body selector, in page order (a rule
    author who names the body wants exactly its paragraphs)."""
    lines: list[str] = []
    for container in tree.css(selector):
        blocks = container.css(BLOCKS) or [container]
        for block in blocks:
            if block.css_first(BLOCKS) is not None and block.tag in ("li", "blockquote"):
                continue  # a list item or quote holding paragraphs: its paragraphs count
            text = squash(block.text(deep=True))
            if text and (not lines or lines[-1] != text):
                lines.append(text)
    return "\n".join(lines)
