"""The HTML stage: a page's metadata (meta.py), the pre-pass that prunes page
furniture before extraction (prune.py), trafilatura's main-text extraction
(extract.py), and the page as the text stages receive it (page.py)."""

from .page import Page, read_page

__all__ = ["Page", "read_page"]
