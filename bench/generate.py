"""Deterministic synthetic text dumps for the benchmark.

Timing the cleaner on copies of one seed would flatter it (the same lines, the
same branches, every time), and real dumps cannot be shipped in bulk. So each
dump is assembled fresh: sample sentences recombined and recast with new names
and numbers, template sentences over a word list, and boilerplate from every
category the cleaner removes, in the layouts real dumps use. Dump i depends
only on (seed, i), so the first 1,000 of 10,000 dumps are the same as 1,000.

    python bench/generate.py N OUTDIR [--seed S]   # OUTDIR/dump_00001.txt ...
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# --- word list ---------------------------------------------------------------------------
FIRST = ("Amara Bruno Chen Dalia Emil Farah Goran Hana Ines Jonas Kofi Lena Malik Nadia "
         "Oren Priya Quentin Rosa Samir Tove Ugo Vera Wen Yusuf Zofia Aiko Bastian Carmen "
         "Dmitri Elif Felix Greta Hugo Ingrid Jamal Katja Luis Mei Niall Olga").split()
LAST = ("Adeyemi Bergstrom Castillo Dufresne Eriksen Fontaine Gallagher Haddad Ivanova "
        "Jablonski Kaur Lindqvist Moreau Nakamura Okafor Petrov Quispe Rahman Sato Tanaka "
        "Ueda Varga Whitfield Xu Yilmaz Zielinski Abara Bianchi Coelho Dvorak Esposito "
        "Ferreira Grünberg Horvat Iqbal Jensen Kowalski Lachance Mbeki Novak Oyelaran "
        "Pereira Rossi Schmidt Takahashi Vasquez Weber Yamamoto Ziegler").split()
CITIES = ("Lisbon Nairobi Osaka Bogotá Tallinn Leipzig Accra Porto Valparaíso Krakow "
          "Mombasa Busan Seville Tbilisi Dakar Bergen Cork Montevideo Hanoi Rotterdam "
          "Brisbane Quito Zagreb Marseille Lagos Gdansk Kaunas Salvador Tromsø Medellín "
          "Adelaide Malmö Bratislava Durban Chennai Halifax Tampere Izmir Riga Lyon").split()
COUNTRIES = (("Norway", "Norwegian"), ("Chile", "Chilean"), ("Kenya", "Kenyan"),
             ("Brazil", "Brazilian"), ("Japan", "Japanese"), ("Portugal", "Portuguese"),
             ("Ghana", "Ghanaian"), ("Estonia", "Estonian"), ("Peru", "Peruvian"),
             ("Vietnam", "Vietnamese"), ("Morocco", "Moroccan"), ("Finland", "Finnish"),
             ("Colombia", "Colombian"), ("Georgia", "Georgian"), ("Senegal", "Senegalese"),
             ("Ireland", "Irish"), ("Uruguay", "Uruguayan"), ("Croatia", "Croatian"))
TOPICS = {
    "economy": "inflation figures|budget deficit|tariff plan|bond sale|pension reform|housing "
               "market|wage agreement|export ban|interest rate decision|trade surplus|fuel "
               "subsidy|tax overhaul",
    "climate": "drought plan|wildfire season|reservoir project|emissions target|flood barrier|"
               "heatwave warning|wind farm|recycling scheme|coastal defence|water rationing",
    "health": "vaccine rollout|hospital merger|waiting list|measles outbreak|clinical trial|"
              "nurses' strike|drug shortage|mental health service|screening programme",
    "tech": "satellite launch|chip plant|data breach|telescope upgrade|battery factory|"
            "language model|broadband plan|cyber attack|rover mission|privacy ruling",
    "politics": "coalition talks|snap election|referendum|ceasefire proposal|sanctions package|"
                "border agreement|court ruling|no-confidence vote|corruption inquiry|census",
    "culture": "film festival|museum reopening|cup final|transfer deal|stadium plan|book prize|"
               "marathon|opera season|heritage listing|music award",
    "transport": "rail strike|metro extension|bridge repair|airport expansion|bus fleet|toll "
                 "road|ferry service|freight corridor|cycle network|port upgrade",
}
ADJ = ("controversial long-awaited ambitious disputed emergency regional temporary "
       "cross-border multibillion-dollar fragile unexpected sweeping modest record-breaking "
       "overdue provisional landmark scaled-back cautious costly experimental").split()
VERBS = (("approve", "approved"), ("delay", "delayed"), ("reject", "rejected"),
         ("expand", "expanded"), ("review", "reviewed"), ("fund", "funded"),
         ("challenge", "challenged"), ("block", "blocked"), ("overhaul", "overhauled"),
         ("scrap", "scrapped"), ("extend", "extended"), ("investigate", "investigated"),
         ("resume", "resumed"), ("suspend", "suspended"), ("back", "backed"),
         ("cut", "cut"), ("revive", "revived"), ("restore", "restored"), ("defend", "defended"))
ROLES = ("spokesperson|minister|chief executive|mayor|senior analyst|professor|union leader|"
         "director|chief economist|ambassador|head coach|prosecutor|researcher|deputy governor|"
         "committee chair|party leader").split("|")
ORGS = ("{city} City Council|the Ministry of Finance|the {adj_country} central bank|"
        "the {last} Institute|{city} University|the national statistics office|"
        "the transport authority|the {adj_country} Medical Association|the port authority|"
        "the regional court|the energy regulator|the {last} Foundation").split("|")
WHEN = ("next week|by the end of the year|within days|before the summer|on {day}|in {month}|"
        "later this month|over the next decade|as early as {day}|after the holidays").split("|")
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = ("January February March April May June July August September October November "
          "December").split()
AGENCIES = ("AFP", "Reuters", "AP", "EPA", "Getty Images", "Anadolu Agency", "Bloomberg", "Xinhua")

SENTENCES = (
    "{person}, the {role} of {org}, said on {day} that the {adj} {noun} would go ahead "
    "{when}.",
    "Officials in {city} {past} the {noun} after {num} residents signed a petition against it.",
    "The {noun} was first proposed in {year} but {past_passive} {num} times since then.",
    "According to figures published by {org}, the {noun} has cost {money} so far.",
    "Critics say the {adj} {noun} could {verb} years of work in {city} and beyond.",
    "Analysts at {org} expect the {noun} to {verb} by {pct} percent {when}.",
    "{person} told reporters in {city} that the government would not {verb} the {noun}.",
    "The {adj} plan, which {person} first announced in {month}, still needs the support "
    "of {num} lawmakers.",
    "Supporters of the {noun} gathered outside the offices of {org} on {day} evening.",
    "In {city}, {num} people were affected, {org} said in a statement.",
    "{adj_country} officials have {past} similar measures in the past, with mixed results.",
    "The decision follows months of pressure from {org} and from {person}.",
    "It is the {ordinal} time this year that {org} has had to {verb} the {noun}.",
    "Neither {org} nor {person} responded to a request for comment.",
    "Polls published on {day} suggest {pct} percent of voters in {country} oppose the {noun}.",
    "A final vote on the {noun} is expected {when}.",
    "Local businesses in {city} say the {noun} has already cut their income by {pct} percent.",
)
QUOTES = (
    "“We will {verb} the {noun} {when}, and we will not be rushed,” {person} said.",
    "“This is {a_adj} moment for {country},” said {person}, the {role} of {org}.",
    "“Nobody in {city} asked for this,” {person} told a local radio station.",
    "“The numbers speak for themselves: {pct} percent is not enough,” {person} wrote on X.",
)
HEADLINES = (
    "{person} Vows to {verb} {adj} {noun} in {city}",
    "{country} to {verb} {noun} after {num} Complaints",
    "{city} {past} {adj} {noun} amid Growing Protests",
    "{adj_country} {role} Warns {noun} Could Cost {money}",
    "Why the {noun} in {city} Is Dividing {country}",
    "{person} and {org} Clash Over {adj} {noun}",
    "{org} {past} {noun} as Deadline Looms",
)
SUBHEADS = ("What Happens Next", "{city} Reacts", "{a_adj} Road Ahead", "Pressure Mounts on "
            "{last}", "The {noun} in Numbers", "Questions Over Funding", "Opposition Responds")

# --- boilerplate, by the category the cleaner files it under ------------------------------
NAV = ("Home|World|Politics|Business|Markets|Tech|Science|Health|Sport|Culture|Opinion|Video|"
       "Podcasts|Newsletters|Weather|Local News|Climate|Travel|Lifestyle|Obituaries|"
       "Skip to content|Menu|Search|Sign in|Latest News|Fact Check|Money").split("|")
FOOTER = ("About us", "Contact us", "Privacy Policy", "Terms of Use", "Advertise", "Careers",
          "Cookie Policy", "Sitemap", "RSS")
WIDGETS = (("TT", "20"), ("Share", "Tweet", "Email"), ("Share", "Copy link"),
           ("Listen to this article", "4 min"), ("Print", "Share"), ("A", "A", "Share"))
ADS = ("Advertisement", "ADVERTISEMENT", "Story continues below advertisement",
       "Sponsored content", "Advertisement - scroll to continue")
INLINE = ("Also Read | {headline}", "Read more: {headline}", "READ MORE: {headline}",
          "Related: {headline}", "Watch: {headline}")
TEASER_HEADERS = ("Recent News", "Related", "Most read", "Related Stories", "More from {outlet}",
                  "You may also like", "Latest")
NEWSLETTERS = (
    ("Sign up for our free weekly newsletter",
     "Our weekly newsletter contains a hand-picked selection of news, features, analysis and "
     "more from {outlet}. You will receive it in your mailbox every Friday.",
     "Subscribers agree to the Privacy Policy"),
    ("Get the latest headlines from {outlet} delivered to your inbox every morning.",
     "Enter your email", "Sign up"),
    ("Sign up for the {topic} Briefing newsletter",
     "By signing up, you agree to our Terms of Use and acknowledge our Privacy Policy.",
     "You can unsubscribe at any time."),
)
APPEAL_OPENERS = ("A Message from {outlet}:", "Dear readers,", "Before you go",
                  "Thank you for reading {outlet}.")
APPEAL = (
    "Independent journalism is under pressure, and {outlet} depends on readers like you.",
    "We do not have a paywall, because we believe news should be free for everyone to read.",
    "Your support, no matter how small, makes a difference. If you can, please support us "
    "monthly starting from just $2.",
    "By supporting {outlet}, you're defending open, independent journalism. Thank you for "
    "standing with us.",
    "Every contribution helps us keep reporters on the ground in {city} and beyond.",
)
BUTTONS = ("Once", "Monthly", "Annual", "Continue", "Not ready to support today?",
           "Remind me later.")
COOKIES = (
    ("We use cookies to give you the best experience on our website. By continuing to use "
     "this site, you agree to our use of cookies.", "Accept all cookies", "Cookie settings"),
    ("This website uses cookies to improve your experience and to show you relevant "
     "advertising.", "Manage cookies", "Accept all"),
)
APPS = ("Download the {outlet} app for iOS and Android",
        "Get breaking news alerts straight to your phone with our free app.",
        "Read this story in our app")
SOCIAL = ("Follow us on X", "Follow {outlet} on Facebook and Instagram",
          "Join our WhatsApp channel for the latest updates.", "Follow us on Telegram")
BANNERS = ("Support {outlet}!", "Breaking News", "Live Updates")

# How often each page element appears (a House overrides some for its outlet).
ODDS = {"banner": .25, "nav": .25, "standfirst": .5, "caption": .6, "byline": .5,
        "widgets": .4, "subheads": .5, "inline": .5, "ads": .35, "newsletter": .5,
        "donation": .3, "teaser": .45, "cookie": .2, "app": .2, "social": .3, "trailer": .3,
        "footer": .2, "wire": .2, "bio": .15, "dateline": .4, "echo": .1, "two": .08}


@dataclass(frozen=True)
class House:
    """How one outlet dresses its pages, so that its rule file (rules/*.toml) fires too."""

    name: str
    odds: dict[str, float] = field(default_factory=dict)
    one_line_paragraphs: float = .3  # chance of no blank lines between paragraphs
    banner: str = ""
    inline: tuple[str, ...] = INLINE
    teaser: tuple[str, ...] = TEASER_HEADERS
    widgets: tuple[tuple[str, ...], ...] = WIDGETS
    newsletter: tuple[tuple[str, ...], ...] = NEWSLETTERS


HOUSES = (
    House("The Moscow Times", {"banner": 1, "newsletter": 1, "donation": .9, "trailer": 0},
          one_line_paragraphs=0, banner="Support {outlet}!", newsletter=NEWSLETTERS[:1]),
    House("Asharq Al-Awsat", {"caption": 1, "widgets": 1, "echo": .8, "two": .3},
          one_line_paragraphs=0, widgets=(("TT", "20"),)),
    House("The Daily Intake", {"inline": 1, "teaser": 1, "dateline": .9},
          one_line_paragraphs=0, inline=("Also Read | {headline}",), teaser=("Recent News",)),
    House("The Neutral", {"inline": 1, "subheads": 1}, one_line_paragraphs=1,
          inline=("Read more: {headline}",)),
    House("Daily Express", {"trailer": 1}, one_line_paragraphs=1),
)
HOUSE_SHARE = .3  # share of dumps from the outlets that have a rule file
MASTHEADS = ("Herald", "Gazette", "Post", "Chronicle", "Courier", "Observer", "Tribune",
             "Ledger", "Dispatch", "Monitor", "Standard", "Independent")

# Names in the sample dumps, recast per dump so recombined sentences differ too.
SAMPLE_LAST = ("Trump Putin Zelensky Zelenskiy Zelenskyy Macron Starmer Merz Tusk Erdogan "
               "Peskov Yermak Ushakov Medinsky Umerov Kellogg Rutte Anton").split()
SAMPLE_FIRST = ("Donald Vladimir Volodymyr Emmanuel Keir Friedrich Dmitry Andriy Yuri Rustem "
                "Keith Mark Michael").split()
SAMPLE_PLACES = "Kyiv Moscow Istanbul Washington Odesa Geneva Quetta Copenhagen Ankara".split()
SAMPLE_COUNTRIES = {"Russia": "Russian", "Ukraine": "Ukrainian", "Turkey": "Turkish",
                    "Türkiye": "Turkish", "China": "Chinese", "Pakistan": "Pakistani",
                    "India": "Indian", "Poland": "Polish", "France": "French",
                    "Germany": "German"}
_RECAST = re.compile(r"\b(?:" + "|".join((*SAMPLE_LAST, *SAMPLE_FIRST, *SAMPLE_PLACES,
                                           *SAMPLE_COUNTRIES, *SAMPLE_COUNTRIES.values()))
                     + r")\b|\d+")
# A sentence ends at . ! ? (and a closing quote) before a capital; "U.S." does not end one.
_SENTENCE = re.compile(r"\S.*?(?<!\b[A-Z])[.!?]+[\"”’]?(?=\s+[\"“‘(A-Z]|\s*$)")
_SMALL_WORDS = frozenset("a an and as at by for in of on or the to with amid over after".split())
_SAMPLE_STOP = re.compile(r"^(?:Sign up|A Message from|Recent News|Reuters contributed)")


@lru_cache(maxsize=1)
def sample_sentences() -> tuple[str, ...]:
    """Story sentences from samples/*.txt: full lines before the boilerplate starts,
    seen once in their file (repeated lines are captions and headlines)."""
    found: list[str] = []
    for path in sorted(SAMPLES.glob("*.txt")):
        lines = [" ".join(line.split()) for line in path.read_text(encoding="utf-8").split("\n")]
        for line in lines:
            if _SAMPLE_STOP.match(line):
                break
            if len(line.split()) >= 12 and lines.count(line) == 1:
                found.extend(s for s in _SENTENCE.findall(line) if len(s.split()) >= 6)
    if not found:
        raise SystemExit(f"no sample sentences found in {SAMPLES}")
    return tuple(dict.fromkeys(found))


def title_case(text: str) -> str:
    """Headline capitals that str.title() gets wrong ("Nurses' Strike", "in", "of")."""
    words = text.split(" ")
    return " ".join(w if (n and w in _SMALL_WORDS) or not w[:1].isalpha() else w[0].upper() + w[1:]
                    for n, w in enumerate(words))


class Writer:
    """Everything random about one dump: its cast of names, topic, outlet and wording.

    It is also the mapping format_map() fills templates from, so every field
    ("{person}", "{noun}", ...) draws a fresh word each time it occurs.
    """

    def __init__(self, rng: random.Random, outlet: str) -> None:
        self.rng, self.outlet = rng, outlet
        self.topic = rng.choice(list(TOPICS))
        self.nouns = TOPICS[self.topic].split("|")
        self.cast = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randint(2, 4))]
        self.home, self.away = rng.sample(COUNTRIES, 2)
        self.recast: dict[str, str] = {}

    def __getitem__(self, key: str) -> str:
        rng = self.rng
        match key:
            case "person":
                return rng.choice(self.cast) if rng.random() < .7 else \
                    f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            case "last":
                return rng.choice(self.cast).split()[-1]
            case "city":
                return rng.choice(CITIES)
            case "country":
                return rng.choice((self.home, self.away))[0]
            case "adj_country":
                return rng.choice((self.home, self.away))[1]
            case "noun":
                return rng.choice(self.nouns)
            case "adj":
                return rng.choice(ADJ)
            case "a_adj":
                adj = rng.choice(ADJ)
                return f"{'an' if adj[0] in 'aeiou' else 'a'} {adj}"
            case "verb":
                return rng.choice(VERBS)[0]
            case "past":
                return rng.choice(VERBS)[1]
            case "past_passive":
                return f"has been {rng.choice(VERBS)[1]}"
            case "role":
                return rng.choice(ROLES)
            case "org":
                return rng.choice(ORGS).format_map(self)
            case "when":
                return rng.choice(WHEN).format_map(self)
            case "day":
                return rng.choice(DAYS)
            case "month":
                return rng.choice(MONTHS)
            case "year":
                return str(rng.randint(1998, 2024))
            case "num":
                return f"{rng.choice((rng.randint(2, 99), rng.randint(100, 9999))):,}"
            case "pct":
                return str(rng.randint(3, 87))
            case "money":
                return f"${rng.randint(2, 950)} {rng.choice(('million', 'billion'))}"
            case "ordinal":
                return rng.choice(("second", "third", "fourth", "fifth"))
            case "outlet":
                return self.outlet
            case "topic":
                return self.topic.title()
            case "headline":
                return self.headline()
        raise KeyError(key)

    def fill(self, template: str) -> str:
        return template.format_map(self)

    def _recast_match(self, match: re.Match[str]) -> str:
        word, rng = match.group(), self.rng
        if word.isdigit():
            if len(word) == 4 and word[:2] in ("19", "20"):
                return str(rng.randint(1995, 2029))
            return str(rng.randint(10 ** (len(word) - 1) if len(word) > 1 else 0,
                                   10 ** len(word) - 1))
        if word not in self.recast:
            if word in SAMPLE_LAST:
                new = rng.choice(LAST)
            elif word in SAMPLE_FIRST:
                new = rng.choice(FIRST)
            elif word in SAMPLE_PLACES:
                new = rng.choice(CITIES)
            else:
                country = rng.choice(COUNTRIES)
                noun = next((n for n, a in SAMPLE_COUNTRIES.items() if word in (n, a)))
                self.recast[noun] = country[0]
                self.recast[SAMPLE_COUNTRIES[noun]] = country[1]
                return self.recast[word]
            self.recast[word] = new
        return self.recast[word]

    def sentence(self) -> str:
        """A story sentence: a recast sample sentence, two spliced at a comma, or a template."""
        roll, rng = self.rng.random(), self.rng
        if roll < .35:
            text = rng.choice(sample_sentences())
        elif roll < .5:
            head, tail = rng.choice(sample_sentences()), rng.choice(sample_sentences())
            text = (head.split(", ")[0] + ", " + tail.split(", ", 1)[-1]) if ", " in head \
                else head
        elif roll < .6:
            return self.fill(rng.choice(QUOTES))
        else:
            return self.fill(rng.choice(SENTENCES))
        return _RECAST.sub(self._recast_match, text)

    def paragraph(self, budget: int) -> str:
        """Sentences until the paragraph is about `budget` characters long."""
        text = self.sentence()
        while len(text) < budget:
            more = self.sentence()
            if len(text) + len(more) > budget * 1.25:
                break
            text += " " + more
        return text

    def headline(self) -> str:
        """Title Case mostly; otherwise sentence case, names still capitalised."""
        template = self.rng.choice(HEADLINES)
        if self.rng.random() < .7:
            return title_case(self.fill(template))
        line = self.fill(template[0] + template[1:].lower())
        return line[0].upper() + line[1:]


def _caption(w: Writer) -> str:
    rng, desc = w.rng, w.fill("{person} speaks to reporters in {city}, {country}, on {day}")
    return rng.choice((
        f"{desc}. (Photo by {rng.choice(FIRST)} {rng.choice(LAST)}/{rng.choice(AGENCIES)})",
        f"{desc}. Photo: {rng.choice(AGENCIES)}",
        f"{desc}. {rng.choice(AGENCIES)}",
        f"{desc} ({rng.choice(AGENCIES)} Photo/{rng.choice(LAST)})",
    ))


def _byline(w: Writer) -> list[str]:
    rng = w.rng
    day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(2019, 2025)
    date = rng.choice((f"{month} {day}, {year}",
                       f"Updated: {day} {month} {year} {rng.randint(0, 23):02}:"
                       f"{rng.randint(0, 59):02}",
                       f"{rng.randint(2, 12)} min read"))
    return [f"By {w['person']}", date]


def _article(w: Writer, house: House, odds: dict[str, float], budget: int) -> list[list[str]]:
    """One article as blocks of lines: headline, its furniture, body paragraphs."""
    rng = w.rng
    on = {k: rng.random() < p for k, p in odds.items()}
    headline = w.headline()
    blocks: list[list[str]] = [[headline]]
    caption = _caption(w) if on["caption"] else None
    if caption:
        blocks.append([caption, caption] if on["echo"] else [caption])
    if on["widgets"]:
        blocks.append(list(rng.choice(house.widgets)))
    if on["echo"]:
        blocks.append([headline])
        if caption:
            blocks.append([caption, caption])
    n_paras = min(rng.randint(8, 25), max(8, int(budget // 170)))  # a sentence is ~150 chars
    body = [w.paragraph(int(budget / n_paras * rng.uniform(.4, 1.6))) for _ in range(n_paras)]
    if on["dateline"]:
        body[0] = f"{rng.choice(CITIES)}: {body[0]}"
    if on["standfirst"]:
        # Some standfirsts repeat a body sentence, as seed 001's does.
        standfirst = body[rng.randrange(1, n_paras)].split(". ")[0].rstrip(".") + "." \
            if rng.random() < .3 else w.sentence()
        blocks.append([standfirst])
    if on["byline"]:
        blocks.append(_byline(w))
    if on["wire"]:
        body.append(rng.choice(("Reuters contributed reporting.", "With AFP.",
                                f"Additional reporting by {w['person']}.")))
    if on["bio"]:
        body.append(w.fill("{person} is a senior correspondent for {outlet} covering {topic}."))
    extras: list[str] = []
    if on["subheads"]:
        extras += [title_case(w.fill(line)) for line in rng.sample(SUBHEADS, rng.randint(1, 3))]
    if on["inline"]:
        extras += [w.fill(rng.choice(house.inline)) for _ in range(rng.randint(1, 2))]
    if on["ads"]:
        extras += [rng.choice(ADS) for _ in range(rng.randint(1, 3))]
    for line in extras:  # never before the first paragraph or after the last
        body.insert(rng.randint(1, len(body) - 1), line)
    blocks.extend([p] for p in body)
    return blocks


def dump(seed: int, index: int) -> str:
    """Dump number `index` of the series `seed`."""
    rng = random.Random(f"{seed}:{index}")
    if rng.random() < HOUSE_SHARE:
        house = rng.choice(HOUSES)
    else:
        house = House(f"The {rng.choice(CITIES)} {rng.choice(MASTHEADS)}",
                      banner=rng.choice(BANNERS))
    odds = ODDS | house.odds
    w = Writer(rng, house.name)
    on = {k: rng.random() < p for k, p in odds.items()}
    size = rng.triangular(2400, 7400, 3800)  # characters, as real dumps run
    top: list[list[str]] = []
    if on["cookie"] and rng.random() < .5:
        top.append(list(rng.choice(COOKIES)))
    if on["banner"]:
        top.append([w.fill(house.banner or rng.choice(BANNERS))])
    if on["nav"]:
        top.append(rng.sample(NAV, rng.randint(5, 12)))
    bottom: list[list[str]] = []
    if on["newsletter"]:
        bottom.append([w.fill(line) for line in rng.choice(house.newsletter)])
    if on["social"]:
        bottom.append([w.fill(rng.choice(SOCIAL))])
    if on["app"]:
        bottom.append([w.fill(rng.choice(APPS))])
    if on["donation"]:
        appeal = rng.sample(APPEAL, rng.randint(2, 4))
        opener = w.fill(rng.choice(APPEAL_OPENERS))
        bottom += [[opener], ["Dear readers,"]] if opener != "Dear readers," else [[opener]]
        bottom += [[w.fill(p)] for p in appeal]
        bottom.append(list(BUTTONS[:rng.randint(3, 4)]) + list(BUTTONS[4:]))
    if on["teaser"]:
        bottom.append([w.fill(rng.choice(house.teaser))])
        for _ in range(rng.randint(3, 5)):
            bottom.append([w.headline()])
            if rng.random() < .8:
                cut = " ".join(w.sentence().split()[:rng.randint(14, 24)])
                bottom.append([cut.rstrip(".,;:!?\"”’") + "..."])
    if on["cookie"] and not top:
        bottom.append(list(rng.choice(COOKIES)))
    if on["footer"]:
        bottom.append(rng.sample(FOOTER, rng.randint(4, len(FOOTER))))
        bottom.append([f"© {rng.randint(2019, 2025)} {house.name}. All rights reserved."])
    if on["trailer"]:
        bottom.append([house.name])
    furniture = sum(len(line) + 1 for block in top + bottom for line in block)
    budget = max(1200, size - furniture) * .9  # sub-headings and widgets take the rest
    articles = [budget / 2, budget / 2] if on["two"] else [budget]
    sep = "\n" if rng.random() < house.one_line_paragraphs else "\n\n"
    pages = [_article(w, house, odds, share) for share in articles]
    pages[0] = top + pages[0]
    pages[-1] += bottom
    return "\n\n\n\n".join(sep.join("\n".join(block) for block in page) for page in pages) + "\n"


def generate(n: int, seed: int = 1) -> Iterator[str]:
    """The first n dumps of the series `seed` (the same text on every run and machine)."""
    return (dump(seed, i) for i in range(n))


def write_dumps(n: int, outdir: Path, seed: int = 1) -> int:
    """Write OUTDIR/dump_00001.txt ... and return the bytes written."""
    outdir.mkdir(parents=True, exist_ok=True)
    width, total = max(5, len(str(n))), 0
    for i, text in enumerate(generate(n, seed), 1):
        data = text.encode("utf-8")
        (outdir / f"dump_{i:0{width}}.txt").write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description="Write N synthetic text dumps to OUTDIR.")
    parser.add_argument("n", type=int, metavar="N")
    parser.add_argument("outdir", type=Path, metavar="OUTDIR")
    parser.add_argument("--seed", type=int, default=1, help="series to draw (default: 1)")
    args = parser.parse_args()
    total = write_dumps(args.n, args.outdir, args.seed)
    print(f"wrote {args.n} dumps, {total:,} bytes, to {args.outdir}")


if __name__ == "__main__":
    main()
