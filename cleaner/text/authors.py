"""The record's `authors`: people's (or agencies') names, without job titles.

Bylines and author metadata often carry more than a name: 'Evan Halper Staff
Writer', 'Lucy Thornton, News Reporter', 'Jane Doe | Political Editor',
'Elena Oberholzer (obe)', 'By Glen Owen For The Mail On Sunday', 'Povilas
Aleksandravičius, ... fakulteto profesorius, Lrt.lt'. What is cut:

- a leading 'By' (also 'Von', 'Par', 'Por', 'Door', 'Di', 'Af', 'Av') and a
  trailing 'For <publication>';
- a bracketed note ('(obe)', '(www.dw.com)');
- a part after a separator (',', '|', ' - ', '–', '—', '/') that names a role:
  it holds a job-title word (the lists below, in several languages) or reads
  as a phrase rather than a name (most of its words are lower-case, in scripts
  that have case); a part that is another name ('Jessica Holly, Gail Levy')
  or a place or agency stays;
- trailing job-title words with no separator ('Lucy Thornton News Reporter'),
  with the role words before them ('Staff', 'Senior', 'Political').

A value left with no letters, or made of single letters ('F T W M'), is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Words that name a job in a byline (lower-case; a word matches with any case).
_TITLE_WORDS = frozenset("""
    writer writers reporter reporters editor editors correspondent correspondents journalist
    journalists columnist columnists contributor contributors producer photographer critic
    analyst anchor presenter commentator blogger researcher intern freelancer freelance
    reporterin redakteur redakteurin korrespondent korrespondentin journalistin autorin
    chefredakteur chefredakteurin ressortleiter ressortleiterin volontär volontärin
    rédacteur rédactrice journaliste chroniqueur chroniqueuse envoyé envoyée correspondante
    periodista redactor redactora corresponsal columnista cronista
    giornalista redattore redattrice inviato inviata corrispondente
    jornalista repórter correspondente colunista
    redacteur verslaggever correspondent columnist
    redaktør journalist korrespondent medarbetare skribent toimittaja dziennikarz
    dziennikarka redaktor redaktorka korespondent novinář novinářka muhabir
    профессор журналист корреспондент редактор обозреватель
    professor profesor profesorius professeur professore
""".split())
# Words that stand before a job title and belong to it ('Senior Political Editor').
_ROLE_WORDS = frozenset("""
    staff senior chief deputy executive managing associate assistant contributing special
    political politics foreign national international local city metro business economics
    economic finance financial technology tech science health education environment climate
    sports sport entertainment culture arts lifestyle travel food fashion royal crime legal
    security defence defense diplomatic investigative data digital news breaking weekend
    music film opinion features feature community regional state affairs home world
    and & of
""".split())
# 'By' alone; the others only before two words ('Di Maria' is a name).
_LEAD = re.compile(r"^(?:by\s+|(?:von|par|por|door|di|af|av)\s+(?=\S+\s+\S))", re.I)
_FOR_PUBLICATION = re.compile(
    r"\s+(?i:for)\s+(?:(?i:the)\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*$")
_BRACKETED = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
_SEPARATOR = re.compile(r"\s*(?:,|\||/|\s[-–—]\s|\s[–—]|[–—]\s)\s*")
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
_LETTER = re.compile(r"[^\W\d_]")


def clean_authors(names: Iterable[str]) -> list[str]:
    """Each name without job titles, empty and repeated ones dropped (order kept)."""
    cleaned = (clean_author(name) for name in names)
    return list(dict.fromkeys(name for name in cleaned if name))


def clean_author(name: str) -> str | None:
    """One author value without its role (see the module doc); None if no name is left."""
    text = " ".join(name.split())
    text = _BRACKETED.sub("", text)
    text = _LEAD.sub("", text)
    text = _FOR_PUBLICATION.sub("", text)
    parts = [p for p in _SEPARATOR.split(text) if p]
    kept = [_without_trailing_title(p) for n, p in enumerate(parts) if n == 0 or not _is_role(p)]
    text = ", ".join(p for p in kept if p).strip(" ,;:|-–—")
    words = _WORD.findall(text)
    if not words or all(len(w) == 1 for w in words) or not _LETTER.search(text):
        return None
    return text


def _is_role(part: str) -> bool:
    """A byline part that names a job or reads as a phrase, not a name."""
    words = _WORD.findall(part)
    if not words:
        return True
    if any(w.casefold() in _TITLE_WORDS for w in words):
        return True
    cased = [w for w in words if w[0].lower() != w[0].upper()]
    lower = [w for w in cased if w[0].islower() and w.casefold() not in _PARTICLES]
    return len(cased) >= 3 and 2 * len(lower) > len(cased)


# Lower-case words that are part of names ('Ursula von der Leyen', 'Vincent van Gogh').
_PARTICLES = frozenset("von van der den de del della di da du la le zu ter ten bin ibn al el "
                       "dos das do y e und and".split())


def _without_trailing_title(part: str) -> str:
    """'Lucy Thornton News Reporter' -> 'Lucy Thornton': a job title at the end of a
    name, with the role words before it, when at least two words of name remain."""
    words = part.split()
    end = len(words)
    while end > 2 and words[end - 1].casefold().strip(".,") in _TITLE_WORDS:
        end -= 1
        while end > 2 and words[end - 1].casefold() in _ROLE_WORDS:
            end -= 1
    if words[end - 1].casefold() in _FUNCTION_WORDS:  # 'Letters To The Editor' is no name
        return part
    return " ".join(words[:end])


_FUNCTION_WORDS = frozenset("the to of for a an our your from by with at in on".split())
