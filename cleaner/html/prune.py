"""HTML pre-pass: prune what is never article text before trafilatura sees the page.

Selectors are grouped by the category they remove, like the text patterns.
Class names are treacherous ("paywall-article" wraps the story on one site,
"comments-enabled" marks it on another), so the pre-pass first finds the
story container (the deepest element holding most of the page's paragraph
text) and protects it: its ancestors are never removed, and inside it only
small boxes go. Paragraphs and headings are never removed by class.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..io.text import squash
from ..record import Removal
from ..rules import SiteRule

# Elements that never hold article text (not <form>: ASP.NET pages wrap everything in one).
NON_CONTENT = ("script, style, noscript, svg, iframe, button, input, select, textarea, "
               "template, canvas, video, audio, object, embed, link, meta")
HIDDEN = ('[hidden], [aria-hidden="true"], [style*="display:none"], [style*="display: none"], '
          '[style*="visibility:hidden"], .sr-only, .visually-hidden, .screen-reader-text')


def _words(*words: str) -> str:
    """Selectors for elements with a class token or id that is one of the words, or
    starts 'word-' or ends '-word' ('related-posts', 'article-share'); never one that
    merely contains the word ('elementor-widget-wrap', 'hashtags-list' hold stories)."""
    return ", ".join(f'[class~={w}], [class^={w}-], [class*=" {w}-"], [class$=-{w}], '
                     f'[class*="-{w} "], [id={w}], [id^={w}-], [id$=-{w}]' for w in words)


# category -> selector; checked in this order.
BOILERPLATE: dict[str, str] = {
    "navigation": "nav, header nav, footer, [role=navigation], [role=banner], "
                  "[role=contentinfo], [role=search], " + _words(
                      "breadcrumb", "breadcrumbs", "navbar", "nav", "menu", "masthead",
                      "footer", "site-footer", "site-header", "skip-link", "pagination",
                      "tags", "tag-list", "topics"),
    "newsletter_prompt": _words("newsletter", "signup", "sign-up", "subscribe", "optin"),
    "donation_appeal": _words("donate", "donation", "contribute", "membership", "support-us"),
    "paywall": _words("paywall", "piano", "regwall", "premium-wall", "subscription-wall"),
    "teaser_block": "aside, " + _words(
        "related", "recommended", "recommendations", "recirc", "recirculation", "most-read",
        "mostread", "most-popular", "popular", "trending", "read-more", "more-stories",
        "more-news", "also-read", "read-next", "up-next", "outbrain", "taboola", "teaser",
        "teasers", "sidebar", "rail", "widget", "promo"),
    "social_prompt": _words("share", "sharing", "social", "share-bar", "sharebar",
                            "social-share", "follow-us"),
    "cookie_notice": _words("cookie", "cookies", "consent", "gdpr", "cmp"),
    "comments": "#comments, #disqus_thread, " + _words("comments", "comment-list", "disqus",
                                                        "comments-section"),
    "advertisement": "[class~=ad], [id~=ad], [class~=ads], [class~=advert], [class*=advert], "
                     "[id*=advert], [class*=ad-slot], [class*=ad-container], [class*=adslot], "
                     "[class*=dfp], [class*=google-ad], [data-ad], [data-ad-slot], "
                     "[class*=sponsored]",
    "app_prompt": _words("app-promo", "app-banner", "download-app"),
    "author_bio": _words("author-bio", "author-info", "bio", "author-card", "about-author"),
}
CAPTIONS = "figcaption, [class~=caption], [class*=-caption], [class*=caption-]"
FIGURES = "figure, picture"
STORY_SHARE = 0.6  # the story container holds at least this share of the paragraph text
OUTSIDE_SHARE = 0.2  # a box outside it holding more than this share is story too
LONG_PARAGRAPH = 80  # characters: shorter <p> are captions, teasers and labels
CONTENT_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "article",
                          "main", "body", "html", "table", "tbody", "tr", "td", "th", "li",
                          "span", "a", "em", "strong", "b", "i", "time", "pre", "code"})


@dataclass(slots=True)
class Pruned:
    """The pruned page: captions found and the audit trail of removed nodes."""

    captions: list[str] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)


def strip_non_content(tree: LexborHTMLParser) -> None:
    """Remove scripts, styles, embeds and hidden nodes, in place."""
    for node in tree.css(f"{NON_CONTENT}, {HIDDEN}"):
        node.decompose()


def prune(tree: LexborHTMLParser, site: SiteRule | None) -> Pruned:
    """Remove boilerplate nodes from the tree (after strip_non_content), in place."""
    result = Pruned()
    body = tree.body
    if body is None:
        return result
    story = Story.find(body)
    if site is not None:  # the rule file's own selectors: trusted, even on paragraphs
        for selector in site.html.remove:
            _remove_all(body, selector, f"{site.name}.html", "navigation", result, None, True)
    for category, selector in BOILERPLATE.items():
        _remove_all(body, selector, f"generic.html.{category}", category, result, story)
    caption_selector = site.html.captions if site and site.html.captions else CAPTIONS
    for node in body.css(caption_selector):
        if not _attached(node, body):
            continue
        text = squash(node.text(deep=True))
        if text and text not in result.captions:
            result.captions.append(text)
        result.removed.append(Removal("generic.html.caption", "caption", text, element(node)))
        node.decompose()
    for node in body.css(FIGURES):
        node.decompose()
    return result


@dataclass(slots=True)
class Story:
    """Where the story's paragraphs sit: the container and the text it holds."""

    node: LexborNode
    total: int  # long-paragraph characters on the whole page
    ancestors: frozenset[int]

    @classmethod
    def find(cls, body: LexborNode) -> Story | None:
        """The deepest element holding STORY_SHARE of the long-paragraph text."""
        held: dict[int, int] = {}
        nodes: dict[int, LexborNode] = {}
        depth: dict[int, int] = {}
        total = 0
        for para in body.css("p"):
            size = len(para.text(deep=True))
            if size < LONG_PARAGRAPH:
                continue
            total += size
            chain = _ancestors(para.parent)
            for level, node in enumerate(reversed(chain)):  # the root is level 0
                held[node.mem_id] = held.get(node.mem_id, 0) + size
                nodes[node.mem_id] = node
                depth[node.mem_id] = level
        if not total:
            return None
        candidates = [m for m, size in held.items() if size >= STORY_SHARE * total]
        container = nodes[max(candidates, key=depth.__getitem__)]
        return cls(container, total, frozenset(n.mem_id for n in _ancestors(container)))

    def allows_removal(self, node: LexborNode) -> bool:
        """Never the story's ancestors; inside the story only boxes without a
        paragraph of running text; elsewhere boxes holding little of the page's
        running text (stories are often split into several blocks whose layout
        classes read like boilerplate: "sidebar-grid", "article-widget")."""
        if node.mem_id in self.ancestors:
            return False
        long_chars = sum(size for p in node.css("p")
                         if (size := len(p.text(deep=True))) >= LONG_PARAGRAPH)
        parent = node.parent
        while parent is not None:
            if parent.mem_id == self.node.mem_id:
                return long_chars == 0
            parent = parent.parent
        return long_chars <= OUTSIDE_SHARE * self.total


def _remove_all(body: LexborNode, selector: str, rule: str, category: str, result: Pruned,
                story: Story | None, any_tag: bool = False) -> None:
    for node in body.css(selector):
        if (node.tag in CONTENT_TAGS and not any_tag) or not _attached(node, body):
            continue  # content, or inside a box already removed
        if story is not None and not story.allows_removal(node):
            continue
        result.removed.append(Removal(rule, category, squash(node.text(deep=True)), element(node)))
        node.decompose()


def element(node: LexborNode) -> str:
    """The node as a short CSS selector (`div#promo.newsletter-box`): what the
    audit trail names for a removed element."""
    attributes = node.attributes
    name = node.tag or "?"
    if attributes.get("id"):
        name += f"#{attributes['id']}"
    classes = (attributes.get("class") or "").split()
    return name + "".join(f".{c}" for c in classes[:3]) + (".…" if len(classes) > 3 else "")


def _ancestors(node: LexborNode | None) -> list[LexborNode]:
    """The node and every element above it, innermost first."""
    chain = []
    while node is not None:
        chain.append(node)
        node = node.parent
    return chain


def _attached(node: LexborNode, body: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id == body.mem_id:
            return True
        parent = parent.parent
    return False

