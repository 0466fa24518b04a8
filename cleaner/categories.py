"""The named kinds of boilerplate the cleaner removes (the `category` of a removal).

Rule files may only use these names, so the audit trail stays comparable
across outlets.
"""

from __future__ import annotations

CATEGORIES: dict[str, str] = {
    "donation_appeal": "requests for money or membership ('A message from ...', 'Support us')",
    "newsletter_prompt": "newsletter sign-up prompts and their fine print",
    "caption": "photo captions and credits (moved to the record's `captions`)",
    "teaser_block": "'Recent News' / 'Related' / 'Most read' headers and the teasers after them",
    "inline_link": "'Also Read | ...', 'Read more: ...', 'READ MORE' links inside the story",
    "widget": "share, font-size, listen and print controls ('TT', '20', 'Share')",
    "trailer": "a bare outlet-name line at the end of the article",
    "banner": "site header lines such as 'Support X!' or 'Breaking News'",
    "navigation": "menus, section lists, breadcrumbs, footer link runs around the article",
    "cookie_notice": "cookie and consent notices",
    "paywall": "subscription walls and log-in prompts",
    "app_prompt": "'Download our app' and app-store prompts",
    "social_prompt": "'Follow us on ...' and join-our-channel prompts",
    "advertisement": "'Advertisement' lines and sponsored-content labels",
    "call_to_action": "other requests addressed to the reader: send tips, photos, feedback",
    "comments": "readers' comments, comment-section prompts and moderation notices",
    "disclaimer": "site disclaimers, affiliate and advertising disclosures",
    "author_bio": "'X is a senior writer for Y' notes about the author after the story",
    "embed": "embedded-post furniture a rule file names (the post's words and its "
             "'— Name (@handle) date' line are story and stay)",
    "byline": "author, date and reading-time lines around the headline",
    "duplicate": "paragraphs repeated elsewhere in the same article",
    "recurring": "lines an outlet prints on many of its pages in one batch (corpus-aware "
                 "cleaning; the rule id holds the line's support)",
}
