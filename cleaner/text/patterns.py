"""Generic boilerplate patterns, grouped by category and compiled once.

These work for any outlet, with no rule file. Each pattern says which false
positive it avoids: calls to action are anchored at the line start or limited
to short lines, and lines of quoted speech never match the "anywhere"
patterns, so a story sentence that merely mentions a newsletter, a donation or
a subscription stays.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass

from .draft import Para
from .lines import (
    KEY_SYMBOLS,
    NOT_ABBREVIATION,
    line_tokens,
    without_trailing_link,
    word_count,
)

_EDGE_CHARS = string.punctuation + " \t“”‘’«»–—…•·►▶→✕×|"
EXACT_LINE_MAX = 60  # longer lines never match a whole-line vocabulary entry
QUOTED_SPEECH = re.compile(r"[\"“«][^\"”»]{20,}")  # a quoted span long enough to be speech


def line_key(text: str) -> str:
    """A line reduced for whole-line vocabulary lookups: 'Share:' -> 'share'."""
    return " ".join(text.casefold().strip(_EDGE_CHARS).split())


def _words(category: str, *lines: str) -> dict[str, str]:
    return dict.fromkeys(lines, category)


# Whole lines that are boilerplate whatever page they sit on (keys are line_key form).
EXACT_LINES: dict[str, str] = {
    **_words(
        "widget",
        "tt", "aa", "a a", "a", "share", "share this", "share this article", "share this story",
        "share article", "share story", "share on facebook", "share on twitter", "share via email",
        "share via", "tweet", "email", "e-mail", "print", "print this page", "print article",
        "listen", "listen to this article", "listen to article", "listen to this story",
        "copy link", "copy", "link copied", "copied", "save", "save article", "save story",
        "saved", "comments", "comment", "show comments", "view comments", "add a comment",
        "leave a comment", "join the conversation", "facebook", "twitter", "x", "whatsapp",
        "linkedin", "reddit", "pinterest", "telegram", "messenger", "flipboard", "threads",
        "bluesky", "instagram", "youtube", "tiktok", "gift article", "gift this article",
        "text size", "font size", "zoom", "bookmark", "show more", "load more", "see more",
        "view more", "more", "less", "back to top", "top", "skip to content",
        "skip to main content", "skip navigation", "skip to navigation", "skip to footer",
        "menu", "search", "close", "open", "toggle navigation", "open navigation",
        "close navigation menu", "open navigation menu", "log in", "login", "sign in",
        "sign out", "log out", "register", "my account", "account", "play", "pause",
        "watch", "video", "audio", "image", "photo", "photos", "gallery", "expand",
        "collapse", "enlarge", "enlarge this image", "toggle caption", "hide caption",
        "caption", "follow", "following", "unfollow", "like", "reply", "report", "more info",
        "in this article", "continue", "remind me later", "loading", "please wait",
        "listen now", "watch now", "play video", "watch video", "now playing", "up next",
        "hide", "show", "open in app", "once", "monthly", "annual", "yearly",
        # how often to give, on an appeal's buttons, in other languages
        "einmalig", "monatlich", "jährlich", "ponctuel", "mensuel", "annuel", "una vez",
        "mensual", "anual", "una tantum", "mensile", "annuale", "mensal", "maandelijks",
        "paiment methods", "payment methods", "go", "submit", "cancel", "ok", "okay",
        "article content", "story content", "article body",
        "got it", "dismiss", "no thanks", "not now", "maybe later", "close ad",
    ),
    **_words(
        "advertisement",
        "advertisement", "advertisements", "advert", "ad", "ads", "sponsored",
        "sponsored content", "sponsored by", "paid content", "paid post", "promoted",
        "promoted content", "partner content", "story continues below advertisement",
        "article continues below advertisement", "continue reading below",
        "scroll to continue with content", "content continues below", "advertise with us",
        "ad feedback", "remove ads", "report this ad", "skip advertisement",
        "advertisement scroll to continue", "story continues below", "article continues below",
        "continue reading the main story", "this is a carousel", "supported by",
        # the word 'advertisement' as pages label an ad slot in other languages
        "werbung", "anzeige", "publicidad", "publicité", "pubblicità", "publicidade",
        "reklame", "reklama", "реклама", "advertentie", "annonse", "annons", "mainos",
    ),
    **_words(
        "inline_link",
        "read more", "read less", "continue reading", "keep reading", "read the full story",
        "read the full article", "read full article", "read full story", "click here",
        "read on", "read next", "more on this story", "more on this",
    ),
    **_words(
        "navigation",
        "home", "privacy policy", "privacy notice", "privacy", "terms of use",
        "terms of service", "terms and conditions", "terms & conditions", "terms",
        "contact us", "contact", "about us", "about", "advertise", "careers", "sitemap",
        "site map", "rss", "rss feeds", "accessibility", "accessibility statement", "help",
        "faq", "faqs", "newsletters", "podcasts", "subscribe", "subscriptions", "sign up",
        "log in or sign up", "all rights reserved", "corrections", "editorial policy",
        "code of conduct", "topics", "sections", "more sections", "quick links", "follow us",
        "connect with us", "our network", "our partners", "site index", "site navigation",
        "main menu", "navigation", "breadcrumb", "you are here", "all sections",
        "manage preferences", "do not sell my personal information",
        "do not sell or share my personal information", "your privacy choices",
    ),
    **_words("cookie_notice", "cookie settings", "cookie policy", "cookie preferences",
             "cookies", "accept all", "accept all cookies", "reject all", "accept cookies",
             "manage cookies", "cookie notice", "manage consent"),
}


@dataclass(frozen=True, slots=True)
class LinePattern:
    """A named boilerplate pattern searched in a line.

    keys / starts are the pattern's pre-check: a key is a word or symbol (or
    several, space-separated, that must all occur) of the casefolded line,
    a start a prefix of it; every line the regex can match must pass them.
    max_words keeps a pattern off long story paragraphs; quoted=False (the
    default) means a line holding quoted speech is never matched, since a
    quote is story, not a prompt (a short quoted button label does not count).
    """

    id: str
    category: str
    regex: re.Pattern[str]
    max_words: int = 40
    quoted: bool = False
    keys: tuple[str, ...] = ()
    starts: tuple[str, ...] = ()


class PatternSet:
    """Patterns tried in order on a line; the first that matches wins.

    The line is cut into word tokens once; only patterns whose key (a word,
    or several words that must all occur) or start prefix is present run
    their regex, so the cost per line hardly grows with the pattern count.
    """

    def __init__(self, patterns: tuple[LinePattern, ...]) -> None:
        self.patterns = patterns
        self._by_token: dict[str, list[tuple[frozenset[str], int]]] = {}
        for n, pattern in enumerate(patterns):
            for key in pattern.keys:
                words = frozenset(key.split())
                odd = [w for w in words if not w.isalnum() and w not in KEY_SYMBOLS]
                if odd:
                    raise ValueError(f"{pattern.id}: key {key!r} has {odd}: not a word or one "
                                     f"of {KEY_SYMBOLS}")
                self._by_token.setdefault(min(words), []).append((words, n))
        self._tokens = frozenset(self._by_token)
        self._starts = tuple({s for p in patterns for s in p.starts})
        self._always = [n for n, p in enumerate(patterns) if not p.keys and not p.starts]
        self._started = [(n, p.starts) for n, p in enumerate(patterns) if p.starts]

    def first_match(self, text: str, words: int, quoted: bool = False,
                    folded: str | None = None,
                    tokens: frozenset[str] | None = None) -> LinePattern | None:
        """The first pattern matching the line; folded / tokens may be passed
        precomputed (see lines.line_tokens) when the caller already has them."""
        folded = text.casefold() if folded is None else folded
        tokens = line_tokens(folded)[1] if tokens is None else tokens
        present = tokens & self._tokens
        started = folded.startswith(self._starts)
        if not (present or started or self._always):
            return None  # the common case: a story line no pattern could match
        candidates = set(self._always)
        for token in present:
            candidates.update(n for key, n in self._by_token[token] if key <= tokens)
        if started:
            candidates.update(n for n, starts in self._started if folded.startswith(starts))
        for n in sorted(candidates):
            pattern = self.patterns[n]
            if words <= pattern.max_words and (pattern.quoted or not quoted) and \
                    pattern.regex.search(text):
                return pattern
        return None


def _p(id_: str, category: str, pattern: str, max_words: int = 40, quoted: bool = False,
       keys: tuple[str, ...] = (), starts: tuple[str, ...] = ()) -> LinePattern:
    return LinePattern(f"generic.{id_}", category, re.compile(pattern, re.I), max_words, quoted,
                       keys, starts)


# The label of a link to another story: 'Read more', 'See also', 'Mehr zum Thema'.
READ_MORE = (
    r"^(?:also read|read more|read also|more to read|see also|related(?: articles?| stories?|"
    r" news| coverage| content| reading)?|recommended(?: reading| stories?)?|read next|"
    r"must read|don't miss|do not miss|also see|further reading|more|watch|listen|"
    r"click here|more on this(?: story)?|also on [\w ]{1,25}|read|trending|"
    r"opinion|editor'?s pick|explainer|latest|top stories|in case you missed it|"
    r"suggested|you may also like|recommended for you|"
    # 'read more / see also / related' as other languages label a link
    r"mehr zum thema|lesen sie auch|auch interessant|das könnte sie auch interessieren|"
    r"lee también|lea también|te puede interesar|lire aussi|à lire aussi|voir aussi|"
    r"leggi anche|vedi anche|veja também|leia também|lees ook|les også|läs också|"
    r"czytaj też|читайте также)")


# A copyright notice: '© 2024 Name', 'Copyright Name', 'All content © 2023 Name', or the
# legal formula 'all rights reserved' as the main news languages write it.
COPYRIGHT = (
    r"^(?:©|\(c\)|copyright\b)|©\s*(?:19|20)\d\d|\b(?:all rights reserved|"
    r"alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|"
    r"tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden|"
    r"alle rettigheter reservert|alla rättigheter förbehållna|wszelkie prawa zastrzeżone|"
    r"все права защищены)\b")
COPYRIGHT_KEYS = ("©", "copyright", "( c )", "reserved", "vorbehalten", "réservés", "reservados",
                  "riservati", "voorbehouden", "reservert", "förbehållna", "zastrzeżone",
                  "защищены")


LINE_PATTERNS: tuple[LinePattern, ...] = (
    # --- newsletter_prompt: imperative sign-ups, "your inbox", the legal fine print.
    _p("newsletter.signup", "newsletter_prompt",
       r"^(?:sign up|subscribe|register|join|get|receive)\b.{0,80}\bnewsletters?\b", 30,
       keys=("newsletter", "newsletters")),
    _p("newsletter.ours", "newsletter_prompt",
       r"^(?:our|the|this) (?:free )?(?:\w+ ){0,3}newsletters? (?:contains|brings|is|will|delivers|"
       r"features|gives|offers|sends)\b", 60,
       keys=("newsletter", "newsletters")),
    _p("newsletter.inbox", "newsletter_prompt",
       r"\b(?:in|to|into|straight to|directly to) your inbox\b|"
       r"\bdelivered (?:straight |directly )?to your (?:e-?mail|inbox|phone)\b", 35,
       keys=("inbox", "delivered")),
    _p("newsletter.ours-anywhere", "newsletter_prompt",
       r"\b(?:sign(?:ing)? up|subscrib(?:e|ing)|register(?:ing)?) (?:for|to) (?:our|the) "
       r"(?:\w+ ){0,4}(?:newsletters?|e-?mails?|alerts)\b|"
       r"^interested in (?:more |our )?newsletters\b|\bby providing your e-?mail\b|"
       r"^get (?:the )?(?:daily|weekly|latest|breaking|top) (?:\w+ ){0,3}"
       r"(?:news|headlines|stories)\b.{0,40}$", 45,
       keys=("newsletter", "newsletters", "email", "emails", "mail", "mails", "alerts", "news",
             "headlines", "stories")),
    _p("newsletter.email", "newsletter_prompt",
       r"^(?:enter |your |type your )?e-?mail(?: address)?(?: here)?$|\benter your e-?mail\b", 20,
       keys=("mail", "email")),
    _p("newsletter.agree", "newsletter_prompt",
       r"^(?:subscribers|by (?:signing up|subscribing|clicking|registering|entering))\b.{0,120}"
       r"\b(?:agree|consent|accept)\b", 60,
       keys=("agree", "consent", "accept")),
    _p("newsletter.partners", "newsletter_prompt",
       r"\b(?:offers|promotions|adverts?|marketing|news)\b.{0,40}\bfrom us and (?:our )?"
       r"(?:selected |trusted )?partners\b", 50,
       keys=("partners",)),
    _p("newsletter.unsubscribe", "newsletter_prompt",
       r"\b(?:unsubscribe at any time|you can unsubscribe|opt out at any time)\b", 40,
       keys=("unsubscribe", "opt")),
    _p("newsletter.thanks", "newsletter_prompt",
       r"^(?:thanks?(?: you)? for (?:signing up|subscribing)|you(?:'re| are) (?:now )?subscribed)",
       20,
       keys=("signing", "subscribing", "subscribed")),
    _p("newsletter.more", "newsletter_prompt",
       r"^sign up (?:to|for) (?:get|receive)\b|\bby e-?mail\b.{0,80}\bsign up\b|"
       r"\bfree sign up$|\bi consent to receiv|^[\w'’ &-]{1,40} newsletters?$|"
       r"\bnewsletters? (?:delivers|brings you|is your)\b", 40,
       keys=("sign", "consent", "newsletter", "newsletters")),
    _p("newsletter.headline", "newsletter_prompt",
       r"^(?:(?:free|daily|weekly|morning|evening|breaking news|our) )+(?:e-?mail |news )?"
       r"newsletters?$", 8,
       keys=("newsletter", "newsletters")),
    # --- donation_appeal lines (whole appeals are cut as blocks by the detector).
    _p("donation.support-us", "donation_appeal",
       r"^(?:please )?(?:support|donate to|contribute to|help fund|fund|back|help sustain) "
       r"(?:us|our|independent|quality|local|the) ?(?:\w+ ){0,3}"
       r"(?:journalism|reporting|work|newsroom|mission)\b", 30,
       keys=("journalism", "reporting", "work", "newsroom", "mission")),
    _p("donation.make-gift", "donation_appeal",
       r"\bmake (?:a|your) (?:\w+ )?(?:tax-deductible )?(?:donation|contribution|gift)\b", 35,
       keys=("donation", "contribution", "gift")),
    _p("donation.button", "donation_appeal",
       r"^(?:donate|contribute|give|support us|become a (?:member|supporter|patron))"
       r"(?: now| today| monthly| once)?[.!]?$", 5,
       starts=("donate", "contribute", "give", "support us", "become a")),
    _p("donation.not-ready", "donation_appeal",
       r"^not ready to (?:support|donate|give|contribute|subscribe)\b", 12,
       starts=("not ready",)),
    _p("donation.amount", "donation_appeal",
       r"\b(?:from|for) (?:just|only|as little as) [$£€]\s?\d", 40,
       keys=("$", "£", "€")),
    _p("donation.invest", "donation_appeal",
       r"^(?:invest in|support|fund) (?:\w+ )?journalism\b|\byour source for "
       r"(?:credible|trusted|independent|quality) (?:journalism|news)\b", 40,
       keys=("journalism", "source credible", "source trusted", "source independent",
             "source quality")),
    _p("donation.become", "donation_appeal",
       r"^(?:become|join as) a (?:member|supporter|patron|friend)\b", 25,
       starts=("become", "join as")),
    # --- paywall
    _p("paywall.continue", "paywall",
       r"^(?:subscribe|sign in|log in|login|register|sign up)(?: now)? (?:to|for) "
       r"(?:continue|read|keep reading|unlock|access|get (?:full|unlimited))", 30,
       starts=("subscribe", "sign", "log", "register")),
    _p("paywall.members", "paywall",
       r"\b(?:this|the) (?:article|story|content|piece) is (?:only )?(?:available |reserved )?"
       r"(?:for|to) (?:our )?(?:paying )?(?:subscribers|members|premium)", 40,
       keys=("subscribers", "members", "premium")),
    _p("paywall.already", "paywall",
       r"^already (?:a )?(?:subscriber|member|registered|have an account)\b", 12,
       keys=("already",)),
    _p("paywall.already-log-in", "paywall",
       r"\byou(?:'|’)re already a (?:subscriber|member)\b.{0,80}\b(?:log ?in|sign in)\b", 45,
       keys=("already",)),
    _p("paywall.limit", "paywall",
       r"\byou(?:'ve| have) (?:reached|read|used) (?:your|the|all)\b.{0,40}\b(?:limit|free "
       r"articles?|articles? this month)\b|\bfree articles? (?:left|remaining)\b", 40,
       keys=("limit", "article", "articles")),
    _p("paywall.unlock", "paywall",
       r"\b(?:unlock|get) (?:this|unlimited|full|digital) (?:article|access|story|subscription)\b|"
       r"\bstart your (?:free )?(?:\d+[- ](?:day|week|month) )?(?:free )?(?:trial|subscription)\b|"
       r"^(?:subscribe|subscription) (?:now|today|from)\b", 30,
       keys=("article", "access", "story", "subscription", "trial", "subscribe")),
    _p("paywall.account", "paywall",
       r"\b(?:sign in|log in|register) to (?:unlock|continue|read|keep reading)\b|"
       r"\bunlock (?:more|unlimited) articles\b|^create an account\b|"
       r"\bunlimited (?:online|digital) access\b|\bactivate your online access\b|"
       r"\bregister to unlock\b|\b(?:enjoy|get) additional articles\b|"
       r"\b(?:for|at) (?:only|just) \S{0,4}\d+(?:[.,]\d+)? (?:a|per|/) ?"
       r"(?:month|week|year|mo)\b|\bsubscribers? get (?:all|full|unlimited) access\b|"
       r"\b(?:e-?paper|digital replica)\b.{0,80}$", 35,
       keys=("sign unlock", "sign continue", "sign read", "sign reading", "log unlock",
             "log continue", "log read", "log reading", "register unlock",
             "register continue", "register read", "register reading",
             "unlock articles", "create account", "unlimited access",
             "activate access", "additional articles", "only month", "only week",
             "only year", "only mo", "just month", "just week", "just year",
             "just mo", "subscriber access", "subscribers access", "epaper",
             "e paper", "digital replica")),
    _p("paywall.full-story", "paywall",
       r"\bto (?:view|read|see|access|continue reading) the (?:full|rest of the|entire) "
       r"(?:story|article)\b|^first-time subscribers\b", 50,
       keys=("story", "article", "subscribers")),
    _p("paywall.exclusive", "paywall",
       r"^(?:subscriber|premium|members?|plus)(?:[- ]only| exclusive)\b|"
       r"\bexclusive(?:ly)? (?:to|for) (?:our )?(?:\w+ )?(?:subscribers|members|readers)\b", 15,
       keys=("only", "exclusive")),
    # Reading this piece, and what it takes: 'You've reached the end of your free
    # preview', 'This page is available to our print readers', 'Read without limits'.
    _p("paywall.reading", "paywall",
       r"^(?:(?:keep|continue|finish|carry on) reading\b.{0,40}$|"
       r"(?=^(?:to )?read on\b|.*\b(?:read(?:ing)? (?:the rest|without limits?)|"
       r"(?:keep|continue|carry on) reading|"
       r"read (?:up to )?(?:\w+ )?more (?:stories|articles)|"
       r"(?:your|\d+|one|two|three) (?:more )?free (?:reads?|articles?|stories)|"
       r"(?:your|the|this) (?:free )?preview|"
       r"the rest of (?:this|the) (?:story|article|piece|page|text|report)|"
       r"this (?:story|article|content|page|piece|report|text) (?:continues|is (?:available|"
       r"reserved|open|part|exclusive|only)))\b)"
       r"(?=.*\b(?:reserved|exclusive\w*|only|available|open to|pass|plans?|access|limits?|free|"
       r"left|used up|ended|premium|paying|readers|members|subscri\w*|offers?|accounts?)\b))", 25,
       keys=("read", "reading", "reads", "preview", "rest", "story", "stories", "article",
             "articles", "content", "page", "piece", "report", "text")),
    _p("paywall.only-subscribers", "paywall",
       r"^(?=.*\b(?:only|nur|exclusiv\w*|réservée?s?|reservad[oa]s?|riservat[oa]|"
       r"sol[oa]|sólo|seulement|uniquement|apenas)\b)"
       r"(?=.*\b(?:abonn\w*|subscri\w*|suscri\w*|abbonat\w*|assinante\w*|members|"
       r"paying readers|zahlende\w*|premium)\b)"
       r"(?=.*\b(?:article|artikel|artículo|articolo|artigo|story|content|contenu|contenido|"
       r"contenuto|inhalt|beitrag|rest|reste|resto|page|seite|página|text|texte)\b)", 25),
    # --- cookie_notice
    _p("cookie.any-language", "cookie_notice",
       r"^(?=.*\bcookies?\b)(?=.*\b(?:web\w*|site|sites|seite\w*|sitio|página|pagina|"
       r"navig\w*|brows\w*|consent\w*|zustimm\w*|einwillig\w*|accept\w*|akzept\w*|"
       r"acept\w*|accett\w*|privac\w*|datenschutz\w*|utilis\w*|verwend\w*|utiliza\w*|"
       r"utilizz\w*|nutz\w*|gebruik\w*|bruker|använd\w*)\b)", 30,
       keys=("cookie", "cookies")),
    _p("cookie.use", "cookie_notice",
       r"\b(?:we|this (?:site|website)|our (?:site|website|partners)|(?:site|website)) "
       r"(?:and our partners )?(?:use|uses|store|place)s? cookies\b", 250,
       keys=("cookies",)),
    _p("cookie.these", "cookie_notice",
       r"^(?:these|this|the|our|strictly necessary|performance|functional|targeting) cookies? "
       r"(?:are|is|allow|enable|may|help|collect|do|will)\b|"
       r"\bright to opt[- ]out of the sale\b|\bsale of (?:your )?personal (?:data|information)\b",
       200,
       keys=("cookie", "cookies", "opt", "personal")),
    _p("cookie.settings", "cookie_notice",
       r"\bcookies? (?:policy|settings|preferences|notice|consent|banner)\b|"
       r"\b(?:accept|allow|reject|decline|manage|refuse) (?:all |optional |non-essential |"
       r"necessary )?cookies\b", 40,
       keys=("cookie", "cookies")),
    _p("cookie.continue", "cookie_notice",
       r"\bby (?:continuing|using) (?:to (?:use|browse) )?(?:this|our) (?:site|website)\b|"
       r"\bwe value your privacy\b|\b(?:manage|update) (?:your )?(?:consent|privacy) "
       r"(?:preferences|settings|choices)\b", 60,
       keys=("continuing", "using", "privacy", "consent")),
    # --- app_prompt
    _p("app.platforms", "app_prompt",
       r"\bapps? for (?:ios|android|iphone|ipad)\b|\b(?:ios|android|iphone) (?:and|&|or) "
       r"(?:ios|android|iphone)(?: devices)? apps?\b|\bstraight to your phone\b", 30,
       keys=("ios", "android", "iphone", "ipad", "phone")),
    _p("app.download", "app_prompt",
       r"\b(?:download|get|install|try) (?:the|our) (?:free |new )?(?:\w+ ){0,3}app\b|"
       r"\bon (?:your|our|the) (?:mobile |smartphone )?app\b|^download(?: now| today)?!?$|"
       r"\b(?:app store|google play|play store)\b|^open in (?:the )?app\b|"
       r"\bread (?:it |this )?in (?:the|our) app\b", 30,
       keys=("app", "play", "download")),
    # --- social_prompt
    _p("social.follow", "social_prompt",
       r"^(?:please |and )?(?:follow|find|like|join|connect with) (?:us|@\w+|[A-Z][\w&'’ ]{1,40}) "
       r"on (?:twitter|x|facebook|instagram|tiktok|linkedin|youtube|threads|bluesky|"
       r"google news|whatsapp|telegram|social media|flipboard|reddit|snapchat)\b", 50,
       keys=("twitter", "x", "facebook", "instagram", "tiktok", "linkedin", "youtube",
             "threads", "bluesky", "google", "whatsapp", "telegram", "social", "flipboard",
             "reddit", "snapchat")),
    _p("social.google", "social_prompt",
       r"\b(?:add|follow|make) [\w .&'’]{1,40} (?:to your google news|as a preferred source)\b|"
       r"\bpreferred source on google\b|^share or comment on this\b", 40,
       keys=("google", "share")),
    _p("social.channel", "social_prompt",
       r"\b(?:join|subscribe to|follow) (?:our|the) (?:\w+ )?(?:whatsapp|telegram|youtube|"
       r"google news|broadcast) (?:channel|group|community|page)\b|"
       r"^(?:click|tap) (?:here )?to (?:follow|join|subscribe)\b|"
       r"^(?:share this|share on|share via|share your (?:thoughts|comments))\b", 30,
       keys=("channel", "group", "community", "page", "click", "tap", "share")),
    # --- advertisement
    _p("disclaimer.affiliate", "disclaimer",
       r"\baffiliate (?:commission|links?|partnerships?)\b|\bwe may (?:earn|receive|get) "
       r"(?:a )?(?:small )?(?:commission|compensation|a share)\b|\b(?:advertising|advertiser) "
       r"disclos|\breferences to products from\b|^disclaimer\b|\badvertising disclaimer\b|"
       r"\bis not responsible for (?:the )?(?:opinions|content|views|statements)\b|"
       r"\bnot (?:provided|commissioned|reviewed|approved|endorsed) by (?:the|any) "
       r"(?:bank|advertiser|card issuer)", 80, True,
       keys=("affiliate", "may commission", "may compensation", "may share",
             "advertising disclosure", "advertising disclosures",
             "advertiser disclosure", "advertiser disclosures",
             "references products", "disclaimer", "responsible opinions",
             "responsible content", "responsible views", "responsible statements",
             "not bank", "not advertiser", "not issuer")),
    _p("ad.failed", "advertisement",
       r"^(?:this )?advertisement has not loaded\b|\bvideo has failed to load\b|"
       r"^try refreshing your browser\b|^advertisement \d{1,2}$|^ad \d{1,2} of \d{1,2}$", 15,
       keys=("advertisement", "failed", "refreshing", "ad")),
    _p("ad.label", "advertisement",
       r"^(?:advertisement|advertising|sponsored|ad)\s*(?:[-:|–—]|\(.*\)|content|feature)"
       r".{0,40}$|^(?:the )?(?:story|article|content|text) continues (?:below|after)\b|"
       r"^scroll (?:down )?to (?:continue|read)\b", 12,
       starts=("advertisement", "advertising", "sponsored", "ad", "story", "article",
               "content", "text", "scroll", "the")),
    _p("advertisement.sponsored", "advertisement",
       r"^(?:\w+ )?(?:sponsored|promoted|paid|partner|sponsoris\w*|patrocinad\w*|"
       r"gesponsert\w*|sponsorizzat\w*|bezahlt\w*)\b[^.!?]{0,30}$", 4),
    _p("advertisement.partnership", "advertisement",
       r"^(?:in (?:partnership|association|collaboration) with|presented by|sponsored by|"
       r"powered by|brought to you by|en (?:partenariat|collaboration) avec|"
       r"in zusammenarbeit mit|en colaboración con|in collaborazione con|präsentiert von)\b"
       r"[^.!?]{0,60}$", 10),
    # --- inline_link: a label, a separator, then a linked headline.
    _p("inline.read-more", "inline_link", READ_MORE + r"\s*[|:»›>–—]\s*\S", 45, True,
       starts=("also", "read", "more", "see also", "related", "recommended", "must read",
               "don't miss", "do not miss", "further", "watch", "listen", "click", "trending",
               "opinion", "editor", "explainer", "latest", "top stories", "in case",
               "suggested", "you may", "mehr", "lesen", "auch", "das", "lee", "lea", "te",
               "lire", "à", "voir", "leggi", "vedi", "veja", "leia", "lees", "les", "läs",
               "czytaj", "читайте")),
    _p("inline.label-dash", "inline_link",
       r"^(?:also read|read more|read also|see also|related|must read|don't miss|watch|"
       r"click here to read)\s+-\s+\S", 45, True,
       starts=("also read", "read more", "read also", "see also", "related", "must read",
               "don't miss", "watch", "click here")),
    _p("inline.click-here", "inline_link",
       r"^(?:click|tap) here\b|^(?:read|see|watch) (?:more|the full (?:story|article|"
       r"interview|report)|all)\b.{0,40}(?:here|below|…|\.\.\.)?$|"
       r"^(?:read|see) (?:our|more) (?:full )?(?:coverage|stories|reporting) (?:of|on|about)\b",
       15,
       starts=("click", "tap", "read", "see", "watch")),
    # --- banner: a site-wide call in the page header.
    _p("banner.support", "banner",
       r"^(?:support|donate to|subscribe to|help|back|join) [^.?!]{2,60}!$", 10,
       starts=("support", "donate", "subscribe", "help", "back", "join")),
    _p("banner.breaking", "banner",
       r"^(?:breaking(?: news)?|live(?: updates)?|developing(?: story)?|just in|exclusive)[:!]?$",
       3,
       starts=("breaking", "live", "developing", "just in", "exclusive")),
    # --- byline: a page's filing labels ("News date : 04/21/2022 Category : Press Releases").
    _p("byline.labels", "byline",
       r"^(?:[\w ]{0,15}\bdate|category|categories|tags|filed under|posted in|release date)"
       r"\s?:(?:\s.{0,80})?$", 15,
       keys=("date", "category", "categories", "tags", "filed", "posted")),
    # --- navigation: copyright lines, breadcrumbs.
    _p("comments.more", "comments",
       r"^(?:write|post|leave|add) a (?:comment|reply)\b|\bnotify me (?:of|when) "
       r"(?:new|follow-up) (?:comments|posts)\b|\buses akismet\b|\bwe welcome reader comments\b|"
       r"\bcomments (?:are|should be|must be) civil\b|\bletter to the editor\b|"
       r"\bwe want to hear what you think\b|\byour comment data is processed\b", 40,
       keys=("write comment", "write reply", "post comment", "post reply", "leave comment",
             "leave reply", "add comment", "add reply", "notify comments",
             "notify posts", "akismet", "reader comments", "comments civil",
             "letter editor", "hear think", "comment processed")),
    _p("comments.prompt", "comments",
       r"^(?:you must be logged in|log in|sign in|register) to (?:join|comment|post|leave|read "
       r"more comments)|\bjoin the (?:discussion|conversation|debate)\b|"
       r"\b(?:keep|please keep) (?:comments|the discussion) (?:relevant|respectful|civil)\b|"
       r"\bcomments? (?:may take|are moderated|policy|section)\b|"
       r"^(?:view|show|read|see|load) (?:all )?(?:\d+ )?comments\b|"
       r"\bcommunity (?:guidelines|standards)\b.{0,60}$", 80,
       keys=("logged", "log comment", "log join", "log post", "log leave", "log comments",
             "sign comment", "sign join", "sign post", "sign leave",
             "sign comments", "register comment", "register join", "register post",
             "register leave", "register comments", "join discussion",
             "join conversation", "join debate", "keep relevant", "keep respectful",
             "keep civil", "comments take", "comment take", "comments moderated",
             "comment moderated", "comments policy", "comment policy",
             "comments section", "comment section", "view comments",
             "show comments", "read comments", "see comments", "load comments",
             "community guidelines", "community standards")),
    _p("comments.count", "comments", r"^\d+ comments?$", 2, keys=("comments", "comment")),
    _p("widget.bookmark", "widget",
       r"^(?:story|article) saved$|\bfind this (?:story|article) in (?:my|your) "
       r"(?:bookmarks|saved)\b|^open this photo in gallery\b|^(?:author|authors) of the "
       r"article:?$|^click to expand\b|^(?:listen to|hear) (?:this|the) (?:article|story)\b",
       25,
       keys=("saved", "bookmarks", "gallery", "author", "authors", "expand", "listen", "hear")),
    _p("navigation.copyright", "navigation", COPYRIGHT, 40, True, keys=COPYRIGHT_KEYS),
    # A bare site address on its own line: a logo's text or a sign-off, not a sentence.
    _p("navigation.domain", "navigation",
       r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|news|info|co\.uk|"
       r"com\.au|co\.za|co\.in|ca|uk|ie|in)/?$", 6,
       keys=("com", "net", "org", "news", "info", "uk", "au", "za", "in", "ca", "ie")),
    _p("navigation.new-tab", "navigation", r", opens? (?:in )?(?:a )?new (?:tab|window)$", 12,
       keys=("tab", "window")),
    _p("navigation.breadcrumb", "navigation",
       r"^[\w&'’ .-]{1,30}(?: ?[>›»/|] ?[\w&'’ .-]{1,40}){2,8}$", 20,
       keys=(">", "›", "»", "/", "|")),
)

GENERIC_LINES = PatternSet(LINE_PATTERNS)


# Share counts, font sizes, slide counters: "20", "1.2k", "4 / 5", "12 of 12".
NUMBER_WIDGET = re.compile(r"^(?:[\d.,]{1,5}[km]?|\d{1,3} ?(?:/|of) ?\d{1,3})$", re.I)
# A word mixing Latin and Cyrillic letters ("Аdvеrtіѕе"): ad copy disguised to dodge filters.
CYRILLIC = re.compile("[\u0400-\u04ff]")
MIXED_SCRIPT_WORD = re.compile(r"\b(?=\w*[a-zA-Z])(?=\w*[" + "\u0400-\u04ff" + r"])\w+\b")

# "Recent News", "Most read", "More from Reuters": a header that opens a teaser list.
# A teaser section's header in other languages ('Mehr zum Thema', 'Lire aussi').
RELATED_HEADER = re.compile(
    r"^(?:mehr zum thema|auch interessant|das könnte sie auch interessieren|lesen sie auch|"
    r"weitere artikel|empfehlungen|lire aussi|à lire aussi|sur le même sujet|voir aussi|"
    r"lee también|te puede interesar|noticias relacionadas|leggi anche|potrebbe interessarti|"
    r"veja também|leia também|lees ook|les også|läs också|"
    # 'most read' in other languages
    r"meistgelesen|meist gelesen|am meisten gelesen|lo más leído|lo más visto|les plus lus|"
    r"les plus populaires|i più letti|più letti|più lette|mais lidas|mais lidos|meest gelezen|"
    r"mest lest|mest läst|mest lästa|najczęściej czytane|самое читаемое)\W*$", re.I)
TEASER_HEADER = re.compile(
    r"^(?:recent|latest|top|popular|trending|related|more|other|further|most (?:read|"
    r"popular|viewed|shared|watched|commented|recent)|recommended|suggested|featured|"
    r"editor'?s|editors'?|you (?:may|might) (?:also )?(?:like|enjoy|have missed)|"
    r"don'?t miss|also|read|what to read|in case you missed|also in|from (?:around|across) the|"
    r"around the|elsewhere|sponsored|promoted|partner|we recommend|must read|"
    r"up next|next up|today'?s|this week'?s|newsletter)"
    r"(?:[\w'’ &-]{0,40})?[:»›>]?$",
    re.I,
)
MORE_FROM = re.compile(r"^(?:more|latest|also|best) (?:from|in|on|by|of) \S", re.I)
# Words a teaser header line is made of; a line with any other word is a headline.
TEASER_HEADER_WORDS = frozenset(
    "recent latest top popular trending related more most other further read viewed shared "
    "watched commented recommended suggested featured editor's editors editors' editor pick "
    "picks you may might also like enjoy have missed don't dont miss what to in case from "
    "around across the elsewhere sponsored promoted partner we recommend must up next "
    "today's todays this week's news stories story articles article posts content coverage "
    "reading reads videos video headlines for on and of by topics links features opinion "
    "analysis sport sports world business politics local national international on site web "
    "for you now now: right newsletter newsletters".split()
)

# --- Calls to action by form, not wording: a short line that addresses the reader
# (second person, or an imperative opening) and speaks of the outlet or one of its
# channels (our/us/we, a newsletter, an app, an address, a handle, a link). A story
# sentence that says "you" or "our" without a channel, or any quoted speech, stays.
READER = re.compile(r"\b(?:you|your|yours|you'?re|you'?ll|you'?d|you'?ve|vous|votre|vos|"
                    r"ihnen|ihr\w*|dich|dein\w*|usted|ustedes|tu|tus|te|voi|vostr\w|"
                    r"jij|je|jouw|u|uw)\b", re.I)
FORMAL_YOU = re.compile(r"(?<=\w )Sie\b")  # German 'Sie' inside a sentence: you, not she
IMPERATIVE = re.compile(
    r"^(?:please |now |just |why not |don'?t )?(?:sign|subscribe|join|follow|download|get|give|"
    r"become|register|create|turn|enable|click|tap|watch|listen|share|e-?mail|tip|send|support|"
    r"donate|help|try|start|install|upgrade|unlock|log|claim|grab|discover|stay|keep|never|find|"
    r"visit|check|explore|tell|write|contact|drop|got|want|add|save|bookmark|receive|activate|"
    r"allow|switch|upload|submit|call|text|message|reach|let|chip|back|fund|make|continue|"
    r"buy|stand|tag|chat|hit)\b", re.I)
# Imperatives by their form, in languages whose verbs show it: German 'Lesen Sie',
# French 'Abonnez-vous', Spanish and Italian with a pronoun attached ('Suscríbete',
# 'Síguenos', 'Iscriviti').
IMPERATIVE_FORM = re.compile(
    # 'Catch us on ...', 'Hear our ...': an order in any verb (not 'In our view', 'For us')
    r"^(?:(?!(?:In|On|At|For|To|With|Of|By|From|About|Into|Among|Between|Behind|Against|"
    r"Without|Within|Under|Over|After|Before|Around|Across|Through|Unlike|Than|As|And|"
    r"But|Or|So|All|Both|Each|Many|Most|Some|None|Despite|Beyond|Near|Toward|Towards|Upon)\b)"
    r"[A-Z][a-z]+ (?:us|our)\b|"
    r"[A-ZÄÖÜ][a-zäöüß]+(?:en|ern|eln) Sie\b|"
    r"[A-ZÉÈ][a-zéèêàâçîô]+ez(?:-(?:vous|nous|les?|la)\b| (?:notre|nos|la|le|les|l'|à|au|"
    r"un|une|des|sur|en|chaque|tous|toutes)\b)|"
    r"[A-ZÁÉÍÓÚÜ][a-záéíóúüñ]*[áéíóú][a-záéíóúüñ]*(?:te|nos|se|ti|ci)\b|"
    r"(?:Hazte|Únete|Iscriviti|Seguici|Scarica|Descarga|Inscreva-se|Siga-nos|Inicia sesión|"
    r"Accede|Descubre|Sigue leyendo|Continúa leyendo|Lee|Recibe)\b)")
# German orders in the infinitive, a short line of their own: 'Jetzt kostenlos anmelden',
# 'Newsletter abonnieren', 'Weiterlesen mit Plus'.
CTA_INFINITIVE = re.compile(  # in lower case after the first word: 'Folgen' is a noun
    r"^(?:[^\s.!?]+\s){0,3}(?:anmelden|abonnieren|registrieren|herunterladen|weiterlesen|"
    r"testen|bestellen|einloggen|spenden|folgen)[.!]?$|"
    r"^(?:Anmelden|Abonnieren|Registrieren|Herunterladen|Weiterlesen|Einloggen)\b")
# The social web, named in an order ('Síguenos en redes sociales'); in a story it is news.
SOCIAL_WEB = re.compile(r"\b(?:social media|social networks?|redes sociales|r[ée]seaux sociaux|"
                        r"sozialen? (?:medien|netzwerk\w*))\b", re.I)
CTA_INFINITIVE_WORDS = 5
# The page speaking of itself: 'this article', 'dieser Artikel', 'cet article'.
THIS_PIECE = re.compile(
    r"\b(?:this (?:article|story|content|piece|site|website|newspaper|page)|"
    r"diese[rsnm]? (?:artikel|beitrag|inhalt|text|seite)|cet article|ce contenu|ce site|"
    r"este (?:artículo|contenido|sitio)|esta (?:noticia|historia)|questo (?:articolo|contenuto))\b",
    re.I)
# Journalism spoken of to 'you': 'Independent reporting like this costs money. Readers
# like you make it possible', 'Unabhängiger Journalismus braucht Ihre Unterstützung'.
JOURNALISM = re.compile(
    r"\b(?:journalism|reporting like this|stories like this|work like this|journalis(?:m|tic) "
    r"like this|journalismus|berichterstattung|periodismo|historias como esta|journalisme|"
    r"giornalismo|jornalismo)\b", re.I)
OUTLET_VOICE = re.compile(r"\b(?:our|(?-i:us|Us)|we|we['’](?:re|d|ll|ve)|unser\w*|uns|"
                          r"notre|nos|nuestr[oa]s?|nostr[oaie]|ci|noi|nosso|nossa|nossos|nossas|onze|ons|"
                          r"wij|vår\w*|oss|vi)\b", re.I)
CHANNEL = re.compile(
    r"\b(?:newsletters?|inbox|e-?mails?|apps?|notifications?|alerts?|accounts?|members?|"
    r"membership|subscri\w*|channel|podcasts?|whatsapp|telegram|instagram|facebook|twitter|"
    r"tiktok|youtube|linkedin|bluesky|threads|mastodon|hashtag|rss|feed|premium|briefing|"
    r"digest|push|"
    r"bolet[íi]n|aplicaci[óo]n|application|applicazione|aplicativo|kanal|canal|cha[îi]ne|"
    r"canale|abonn\w*|abo|suscri\w*|iscri\w*|assin\w*|spende\w*|don(?![’'])|dons|donaci[óo]n\w*|"
    r"free trial|ios|android|smartwatch|postfach|posteingang|correo|courriel|"
    r"bo[îi]te (?:mail|e-?mail|de r[ée]ception|aux lettres)|bandeja de entrada|"
    r"donazion\w*|doa[çc][ãa]o)\b"
    r"|@\w|#\w|https?://|www\.|\w\.(?:com|org|net|co\.uk|de|fr|es|it|news)\b", re.I)
_SENTENCES = re.compile(r"(?<=[.!?:])\s+")  # "Seen a fire? Send us your photos"
READER_PROMPT_WORDS = 30  # a call to action is a short paragraph of its own
# How a newsletter, an app or a subscription is offered, with no 'you' or order:
# 'The Morning Briefing, free every weekday', 'Available on iOS and Android'.
OFFER = re.compile(
    r"\b(?:daily|weekly|monthly|every (?:morning|evening|day|night|week|weekday|weekend|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)|each (?:morning|week)|"
    r"delivered|free|for free|sign[- ]?up|unsubscribe|no spam|opt[- ]out|on the go|offline|"
    r"available on|ios|android|iphone|ipad|app store|google play|free trial|unlimited|per month|"
    r"a month|täglich|wöchentlich|kostenlos|gratis|gratuit\w*|diario|quotidien\w*|"
    r"hebdomadaire|semanal|jeden (?:morgen|tag|abend)|montags bis freitags|"
    r"cada (?:mañana|día|semana|noche)|de lunes a viernes|chaque (?:matin|jour|soir|semaine)|"
    r"du lundi au vendredi)\b", re.I)
OFFER_WORDS = 20  # such a blurb is short
OFFER_SENTENCE_WORDS = 14  # with no outlet's voice, a longer sentence is the story's
# The channel a prompt names decides its category; the first that matches wins.
# Words of giving money, in several languages (a prompt's category, an appeal's button).
GIVING = re.compile(
    r"\b(?:donat\w*|contribut(?:e|ion|ions)|support\w*|member\w*|fund\w*|give|gift|chip in|back us|"
    r"patrons?|spende\w*|unterstütz\w*|don(?![’'])|dons|donner|soutien\w*|soutenir|donar|"
    r"donaci[óo]n\w*|apoy\w*|socio|socia|sostien\w*|donazion\w*|doa[çc][ãa]o)\b", re.I)
PROMPT_CATEGORIES: tuple[tuple[re.Pattern[str], str], ...] = (
    (GIVING, "donation_appeal"),
    (re.compile(r"\b(?:newsletters?|inbox|briefing|digest|bolet[íi]n|lettre|e-?mail|postfach|"
                r"posteingang|correo|courriel|bo[îi]te mail|bandeja de entrada)\b", re.I),
     "newsletter_prompt"),
    (re.compile(r"\b(?:apps?|notifications?|alerts?|push|download|install|aplicaci[óo]n|"
                r"ios|android|iphone|ipad|smartwatch|app store|google play|"
                r"application|applicazione|aplicativo|descarga\w*|télécharge\w*|"
                r"herunterladen)\b", re.I), "app_prompt"),
    (re.compile(r"\b(?:follow|channel|whatsapp|telegram|instagram|facebook|twitter|tiktok|"
                r"youtube|linkedin|bluesky|threads|mastodon|kanal|canal|cha[îi]ne|canale|folgen|suivez|"
                r"social|"
                r"sociales|sociaux|sozialen|"
                r"s[íi]gue\w*|seguici)\b", re.I), "social_prompt"),
    (re.compile(r"\b(?:subscri\w*|premium|log in|sign in|accounts?|unlimited|access|abonn\w*|"
                r"abo|suscri\w*|iscri\w*|assin\w*)\b", re.I), "paywall"),
)


# '— Visit Scotland (@VisitScotland) March 12, 2023': who posted the post a story embeds.
EMBED_ATTRIBUTION = re.compile(r"^[—–-] .{1,60}\(@\w+\) .{0,30}\d")


def reader_prompt(para: Para) -> str | None:
    """The category of a call to action addressed to the reader, if the line is one
    (an embedded post's attribution is none, whatever the account's name: 'Visit
    Scotland', 'Get Surrey')."""
    if (para.words > READER_PROMPT_WORDS or QUOTED_SPEECH.search(para.text)
            or EMBED_ATTRIBUTION.match(para.text)):
        return None
    text = without_trailing_link(para.text.lstrip("►▶→»>•·*-–— "))  # an embedded post's link
    channel = CHANNEL.search(text)
    # An order needs the outlet's voice or a channel; "you" alone needs a channel
    # ("Whether you're climbing peaks, we've found the best bags" is a story line).
    parts = _SENTENCES.split(text)
    ordered = any((IMPERATIVE.match(part) or IMPERATIVE_FORM.match(part))
                  and (channel or OUTLET_VOICE.search(part) or OFFER.search(part)
                       or SOCIAL_WEB.search(part) or THIS_PIECE.search(part))
                  for part in parts) or any(  # "...us" in the ordering sentence
        CTA_INFINITIVE.match(part) and word_count(part) <= CTA_INFINITIVE_WORDS for part in parts)
    you = READER.search(text) or FORMAL_YOU.search(text)
    addressed = channel and (you or THIS_PIECE.search(text))
    blurb = not (para.prose and para.words > OFFER_SENTENCE_WORDS)
    offered = channel and para.words <= OFFER_WORDS and (  # a service's blurb, or the
        (blurb and OFFER.search(text)) or OUTLET_VOICE.search(text))  # outlet on its channels
    if (you and JOURNALISM.search(text)) or (  # the reader asked to keep what they read going
            any(IMPERATIVE.match(part) for part in parts)
            and GIVING.search(text) and DONATION_CUE.search(text)):
        return "donation_appeal"  # ... or told to give: 'Keep the lights on: $5 a month...'
    if not (ordered or addressed or offered):
        return None
    return next((cat for pattern, cat in PROMPT_CATEGORIES if pattern.search(text)),
                "call_to_action")


# --- Teaser links by form: a whole line in square brackets, or one opened by an
# arrow, that is a title rather than a sentence ("[See also: X]", "► Explainer: X").
# Bullets (•, -) open story lists and are left alone.
BRACKETED = re.compile(r"^\[[^\[\]]{3,200}\]$")
ARROWS = "»›"  # quotation marks that point like arrows
POINTER_SHAPES = ("ARROW", "POINTING", "POINTER", "TRIANGLE")  # in a symbol's Unicode name


def pointed_title(text: str) -> str | None:
    """The text after a line's opening arrow or pointing symbol ('► Explainer: X',
    '☛ X', '⏩ X'): any symbol whose Unicode name points right. A diamond or a
    bracket opening a sub-heading ('◆ ...', '＜...＞') points at nothing; None when
    the line opens with no pointer."""
    first = text[:1]
    if not first:
        return None
    name = unicodedata.name(first, "")
    if first in ARROWS or ("RIGHT" in name and any(shape in name for shape in POINTER_SHAPES)):
        return text[1:].lstrip(ARROWS + "\ufe0f ")
    return None


# Captions and credits: a photo credit closes the line (its word among the first
# three in the brackets: '(AP Photo/X)', '(Reuters file photo)', not '(add some images)').
# A lower-case word of running text, not one of a credit's ('courtesy', 'handout',
# 'picture alliance').
_RUNNING_WORD = (r"\b(?!(?:courtesy|handout|supplied|photos?|images?|files?|archive|pool|staff|"
                 r"picture|alliance|getty|shutterstock|istock|screenshot|screengrab)\b)"
                 r"(?-i:[a-zà-öø-ÿß]{4,})\b")
CAPTION_CREDIT: tuple[LinePattern, ...] = (
    _p("caption.parenthetical", "caption",
       r"\((?:(?:[^()\s]+\s){0,2}(?:photos?|images?|pictures?|pic|credit|file|handout|courtesy|"
       r"illustration|screenshot|screengrab)\b[^()]*|[^()]{2,80} / [^()]{2,80}|"
       r"[^()]*\bvia [A-Z][^()]*)\)[.]?$", 90, True,
       keys=(")",)),
    # the same in square brackets: '[Photo: Ana Ribeiro/Harbour Press]'
    _p("caption.bracketed", "caption",
       r"\[(?:[^\[\]\s]+\s){0,2}(?:photos?|images?|pictures?|pic|credit|file|handout|courtesy|"
       r"illustration|screenshot|screengrab|사진|写真|照片|图片|圖片)\b[^\[\]]*\][.]?$", 90, True,
       keys=("photo", "photos", "image", "images", "picture", "pictures", "pic", "credit", "file",
             "handout", "courtesy", "illustration", "screenshot", "screengrab", "사진", "写真",
             "照片", "图片", "圖片")),
    _p("caption.label", "caption",
       r"(?:^|[\s|.])(?:photos?|images?|pictures?|pic|photograph|illustration|graphic|"
       r"file photo|photo credit|image credit|credit|courtesy|source|"
       # 'photo' and 'image' as other languages label a credit
       r"bild(?:rechte|quelle|nachweis)?|fotos?|fotograf[íi]a|imagen|immagine|kuva|zdj[eę]cie|"
       r"фото|사진|写真|照片|图片|圖片)s?\s*(?:credit)?\s*"
       r"(?:[:|]|\.{2,3}|…)\s*"
       # a credit names, it does not say: two running lower-case words after the label
       # make a title ('Erstes Bild: So könnte die Seilbahn aussehen')
       rf"(?!.*{_RUNNING_WORD}.*{_RUNNING_WORD})"
       r"\S(?:[^.!?]|\.(?=\S)){0,80}$", 90, True,
       keys=("photo", "photos", "image", "images", "picture", "pictures", "pic", "photograph",
             "illustration", "graphic", "credit", "courtesy", "source", "bild", "bildrechte",
             "bildquelle", "bildnachweis", "foto", "fotos", "fotografía", "fotografia", "imagen",
             "immagine", "kuva", "zdjęcie", "фото", "사진", "写真", "照片", "图片", "圖片")),
    # A sentence, then '© Agency', 'Photograph by X', 'Courtesy of X' (not a footer's ©).
    _p("caption.credit-tail", "caption",
       r"^\S.{10,}?(?:\s©\s?[^©]{2,40}|"
       r"[\s.](?:(?:photograph(?:ed)?|photos?(?: illustration)?|images?|pictures?|pics?) "
       r"by|courtesy(?: of)?) [A-Z][\w .'’&/-]{1,40})$", 60, True,
       keys=("©", "photograph", "photographed", "courtesy", "photo", "photos", "image",
             "images", "picture", "pictures", "pic", "pics")),
    # A caption under its label: 'PHOTO: Firefighters work at the scene.' (not 'Photos:',
    # a gallery's title)
    _p("caption.label-first", "caption",
       r"^(?:photo|image|picture|caption|foto|bild|imagen)\s*[:|]\s+\S.{8,250}$", 60, True,
       starts=("photo", "image", "picture", "caption", "foto", "bild", "imagen")),
    _p("caption.agency", "caption",
       # a bare name after a lower-case word is prose ('according to Reuters'), not a credit
       r"(?:^|[^\w\s]\s*|\b(?-i:[A-Z0-9])[\w'’.-]*\s+|\s{2,}|\bvia\s+"
       r"|(?=\S+(?: \S+)?(?: files?| photo)?\s*(?:via|/|\|)))"
       r"(?:getty images|shutterstock|\bafp|ap photo|\breuters|\bepa(?:-efe)?|bloomberg|alamy|"
       r"pa images|pa wire|pa media|anadolu(?: agency)?|xinhua|imago|sipa(?: usa)?|zuma|"
       r"istock(?:photo)?|associated press|nurphoto|supplied|handout|file|yonhap|kyodo|"
       r"연합뉴스|뉴시스|뉴스1)(?: files?| photo)?"
       r"(?:\s*(?:via|/|\|)\s*[\w .&-]{1,40})?\)?$", 90, True,
       keys=("getty", "shutterstock", "afp", "ap", "reuters", "epa", "bloomberg", "alamy",
             "pa", "anadolu", "xinhua", "imago", "sipa", "zuma", "istock", "istockphoto",
             "associated", "nurphoto", "supplied", "handout", "file", "yonhap", "kyodo",
             "연합뉴스", "뉴시스", "뉴스1")),
    # A photographer's credit on its own line: 'Jane Doe/Reuters', 'Max Muster / dpa'.
    _p("caption.name-credit", "caption",
       r"^(?-i:[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}) ?/ ?\w[\w&.'’-]*"
       r"(?: (?-i:[A-Z])[\w&.'’-]*){0,2}$", 6),
    # A sentence, then its credit after a bar or a dash: '... goal. | Harbour Press',
    # '... summit. — Ana Ribeiro, Harbour Press'.
    # (A caption states: a question or exclamation there is a headline with its site.)
    _p("caption.pipe-credit", "caption", r"\.[\"”’]?\s+\|\s+[^|.!?]{2,40}$", 60, True,
       keys=("|",)),
    _p("caption.dash-credit", "caption",
       r"\.[\"”’]?\s+[—–]\s+(?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}),\s+"
       r"(?-i:[A-Z][\w .&'’/-]{1,30})$", 60, True),
    _p("caption.photo-by", "caption",
       r"^(?:photograph|photo|image|picture|illustration|video)s? (?:by|courtesy of) \S.{0,100}$",
       90, True,
       starts=("photo", "image", "picture", "illustration", "video")),
    _p("caption.pictured", "caption", r"^pictured\b|\bfrom left(?: to right)?\s?[:,]", 60, True,
       keys=("pictured", "left")),
    # Wire-photo boilerplate inside the caption itself.
    _p("caption.wire", "caption",
       r"\b(?:mandatory credit|no resales|no archives|editorial use only|"
       r"in this (?:handout |undated |file )?(?:picture|photo|photograph|image|still image|"
       r"screengrab|screenshot|illustration)|(?:^|\b(?:an?|the|this|that|file|handout) )"
       r"(?:photo|picture|image) (?:taken|obtained|released|provided|supplied)|/via [A-Z])",
       90, True,
       keys=("mandatory", "resales", "archives", "editorial", "picture", "photo", "photograph",
             "image", "illustration", "screengrab", "screenshot", "taken", "obtained",
             "released", "provided", "supplied", "via")),
)


PHOTO_CREDITS = PatternSet(CAPTION_CREDIT)


COOKIE_NOTICES = PatternSet(tuple(p for p in LINE_PATTERNS if p.category == "cookie_notice"))


def cookie_banner(para: Para) -> bool:
    """A cookie consent line ('Diese Website verwendet Cookies.')."""
    return COOKIE_NOTICES.first_match(para.text, para.words, False, para.folded,
                                      para.tokens) is not None


def photo_credit(para: Para) -> LinePattern | None:
    """The credit pattern a caption line matches, if any."""
    return PHOTO_CREDITS.first_match(para.text, para.words, False, para.folded, para.tokens)
# A short caption sentence, then a credit: "... her. (AAP)", "... hour. AP". Longer
# paragraphs ending in "(NM)" are story paragraphs signed with the reporter's initials.
CAPTION_SHORT_CREDIT = re.compile(
    r"[.!?][\"”’]? +(?:[(\[](?:[A-Z][\w.'’&-]*[ /]?){1,6}[)\]]|[(\[](?:[a-z]{2,5}/?){1,3}[)\]]|"
    r"(?:AP|AFP|AAP|Reuters|EPA|PA|"
    r"Getty Images|Getty|Supplied|File|Bloomberg|Shutterstock|iStock))$"
)
CAPTION_SHORT_WORDS = 35
CREDIT_TOKENS = frozenset({")", "]", "ap", "afp", "aap", "reuters", "epa", "pa", "getty", "images",
                           "supplied", "file", "bloomberg", "shutterstock", "istock"})
# "Donald Trump talks to reporters. The White House": a sentence, then a credit
# (not "... am 15. Juni": a German ordinal date; not "Sinkt der Leitzins? Klare
# Ansage": a caption states, it does not ask; not "... Attacks on Trans Rep. Zooey
# Zephyr": a title before a name).
CAPTION_TRAILING_CREDIT = re.compile(
    rf"^[^.!?]{{10,}}(?<!\d){NOT_ABBREVIATION}[.][\"”’]? +"
    r"(?:[A-Z][\w.'’&-]*|/|of|the|for|via|and) ?"
    r"(?:(?:[A-Z][\w.'’&-]*|/|of|the|for|via|and) ?){0,5}$"
)

# Byline, date and reading-time lines near the headline.
MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
# A line that separates two articles in an endless-scroll copy (line_key form).
NEXT_ARTICLE = frozenset({"up next", "read next", "next article", "next story", "next up",
                          "next", "continue reading next", "the next story", "following story",
                          "nächster artikel", "nächste geschichte",
                          "article suivant", "prochain article", "siguiente artículo",
                          "siguiente noticia", "otra noticia", "artigo seguinte",
                          "próxima notícia", "articolo successivo", "prossimo articolo",
                          "volgend artikel", "neste artikkel", "nästa artikel"})
# 'By X' in English; in other languages the same word before a name ('Von Anna
# Berg', 'Ein Artikel von Anna Berg', 'Por Ana Ruiz'), the name capitalised.
BYLINE_PREFIX = re.compile(
    r"^(?:(?i:by|words by|written by|story by|posted by|text by)\s+(?=\S)|"
    r"(?i:von|ein artikel von|ein beitrag von|par|un article de|por|di|door|av|af|przez|"
    r"texto|text|autor|auteur|author)(?::\s*|\s+)(?=[A-ZÀ-ÖØ-ÞĀ-Ž]\w+ [A-ZÀ-ÖØ-ÞĀ-Ž]))")
BYLINE = re.compile(BYLINE_PREFIX.pattern + r"\S.{0,100}$")
DATE_LINE = re.compile(
    rf"^(?:(?:published|updated|posted|last updated|first published|modified|created|date)"
    rf"(?: on| at)?:?\s.{{0,60}}$|"
    # the same labels in German, French, Spanish, Italian, with their colon
    rf"(?:stand|aktualisiert|veröffentlicht|erstellt|publié|mis à jour|publicado|actualizado|"
    rf"pubblicato|aggiornato)(?: (?:am|le|el|il))?:\s.{{0,60}}$|"
    rf"(?:{_DAY},?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}|"
    rf"{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?),?\s+\d{{4}}.{{0,40}}$|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"(?:[ T]\d{{2}}:\d{{2}}.{{0,20}})?$|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}.{{0,30}}$|"
    rf"(?:\d+|an?|one|two|three) (?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?) ago$|"
    rf"\d+ ?min(?:ute)?s?(?: read| listen| watch)?$|"
    rf"\d+ ?min(?:ute)?s? (?:read|listen|watch)\b.{{0,80}}$|(?:reading|read) time:?.{{0,20}}$|"
    rf"{_DAY},? {MONTH} \d{{1,2}}.{{0,30}}$|\d{{1,2}}:\d{{2}} ?(?:am|pm)?\b.{{0,40}}$|"
    # '2024年04月24日 08:15', '2025年1月14日 01時28分 (...更新)': a date, a time, nothing else
    rf"\d{{4}}年\d{{1,2}}月\d{{1,2}}日(?:\s*\d{{1,2}}[:：時时]\d{{2}}.{{0,24}})?$)",
    re.I,
)


def meta_line(text: str) -> bool:
    """A byline or a date line: what stands under a headline apart from the story."""
    return bool(BYLINE.match(text) or DATE_LINE.match(text))

# An amount button: '$6', '£3 a month', 'Donner 5 €', '10 EUR'; or a row of them,
# maybe under a label: 'Choose an amount: $5 · $10 · $25'.
_AMOUNT = r"(?:[$£€¥₹]\s?\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s?(?:[$£€¥₹]|eur|usd|gbp|chf|kr|zł))"
AMOUNT_LINE = re.compile(
    rf"^(?:[^\W\d]+ )?{_AMOUNT}(?: [^\W\d]+){{0,3}}$"
    rf"|^(?:[^:：\d]{{1,40}}[:：] ?)?{_AMOUNT}(?: ?[·|/•,] ?{_AMOUNT})+$", re.I)
# How often a gift recurs, a donation form's choice: 'Once', 'Every month', 'Monatlich'.
GIFT_FREQUENCY = re.compile(
    r"^(?:(?:give |donate )?(?:once|one[- ]time|one[- ]off|single|monthly|yearly|annually|annual|"
    r"weekly|every (?:month|year|week)|each month|einmalig|monatlich|jährlich|"
    r"une fois|mensuel(?:lement)?|annuel(?:lement)?|una vez|mensual(?:mente)?|anual(?:mente)?|"
    r"una tantum|mensile|annuale))(?: gift| donation| payment)?$", re.I)
# A reader's answer on a button, in the first person ('Count me in', 'Je participe',
# 'Yes, I'll help'), or a refusal ('Maybe later', 'Not now'): a form's wording, not a story's.
FORM_REPLY = re.compile(
    r"^(?:yes[,!]? )?(?:i|i'm|i’m|i'll|i’ll|i want|count me|sign me|je|j'|j’|ich|yo|quiero|"
    r"voglio|ja,? ich|oui,? je|sí,? quiero)\b|"
    r"^(?:maybe|perhaps|vielleicht|peut-être|quizás|tal vez) (?:later|später|plus tard|"
    r"más tarde|luego)\b|^(?:not now|not today|no thanks|no,? thanks|nein danke|non merci|"
    r"ahora no|no,? gracias)\b", re.I)
# Donation appeal: the line that opens one, and the vocabulary that keeps it going.
DONATION_START = re.compile(
    r"^(?:a (?:message|note|word|letter) from [^.]{2,60}|dear (?:reader|readers|friend|friends|"
    r"subscriber|subscribers|supporter|supporters)|before you go|"
    r"(?:can you|will you|would you) (?:help|support|chip in)|we need your (?:help|support)|"
    r"support (?:independent|quality|trusted) journalism|help us (?:keep|continue|do)|"
    r"thank you for reading|if you value|(?:as|because) you(?:'re| are) here)\b.{0,120}$",
    re.I,
)
# Words of an appeal; common news words ("supporters", "funding", "members") are not.
DONATION_CUE = re.compile(
    r"\b(?:donat\w*|contribution|contributions|contribute (?:to|today|now|monthly)|"
    r"(?:your|our|reader) support|support (?:us|our|independent|quality)|supporting (?:us|our|"
    r"independent|quality)|journalism|subscri\w*|membership|become a (?:member|supporter)|"
    r"make a difference|chip in|reader[- ]funded|paywall|free (?:for|to) (?:all|read|everyone)|"
    r"(?:monthly|annual|one-time|one-off) (?:gift|donation|contribution|payment|support))\b|"
    r"[$£€]\s?\d|\d\s?[$£€]",
    re.I,
)


# "Will Knight is a senior writer for WIRED", "Evan Halper writes about ...": the
# note on the author after the last paragraph.
AUTHOR_BIO = re.compile(
    r"^(?:[A-Z][\w.'’-]+ ){1,3}(?:is|was|has been|serves as) (?:a|an|the) (?:[\w&,-]+ ){0,5}"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|critic|"
    r"photographer|producer|intern|freelancer)\b|"
    r"^(?:[A-Z][\w.'’-]+ ){1,3}(?:is|was) (?:a|an|the) .{0,120}\band (?:the )?author of\b|"
    r"^(?:[A-Z][\w.'’-]+ ){1,3}(?:writes|covers|reports) (?:about|on|for)\b"
)
AUTHOR_BIO_TAIL = 3  # only the last paragraphs of a body can be an author note

