"""What the request asked for, as the rules need to know it.

Several weaknesses depend on the request, not on the refusal alone: NCND over a count is hard
to justify, while NCND over a named suspect or a particular incident is often legitimate (ICO
NCND guidance: NCND "is more likely to be needed for very specific requests than for more
general or wide ranging requests"). `analyse()` sorts the request into a few kinds, each with
the words that put it there, so a rule can quote them.

A profile of no request (None / empty) has `known = False`; rules that depend on the request
stay silent then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from appeal import prefilter

_F = re.IGNORECASE

STATISTICS = re.compile(
    r"\bhow many\b|\bhow much\b|\bnumbers? of\b|\bthe number\b|\bfigures?\b|\bbreak ?down\b|"
    r"\bbroken down\b|\btotals?\b|\bstatistic|\bcounts? of\b|\bdata (on|for|regarding|about)\b|"
    r"\baverage\b|\bper (year|month|annum)\b|\beach (of the )?(last|past)? ?\w* ?(financial |calendar )?years?\b|"
    r"\bhow long\b|\bnumber of days\b|\bpercentage\b|\bproportion\b|\bbreak (it|them|this|these|that) down\b|"
    r"\bgrouped (into|by)\b",
    _F,
)
SPENDING = re.compile(
    r"\bcosts?\b|\bcosting\b|£|\bspen[dt]\b|\bspending\b|\bexpenditure\b|\bbudgets?\b|\bcontracts?\b|"
    r"\binvoices?\b|\bpaid\b|\bpayments?\b|\bfunding\b|\bprice\b|\bprocure|\bpurchase|\bvalue of\b",
    _F,
)
POLICY = re.compile(
    r"\bpolic(y|ies)\b|\bprocedures?\b|\bguidance\b|\bprotocols?\b|\bstandard operating\b|"
    r"\bcodes? of practice\b|\bstrateg(y|ies)\b|\bmanuals?\b|\btraining (materials?|documents?)\b",
    _F,
)
# Tactics and methods: if the request names none of these, reasoning about "these techniques"
# or "operations" is not about the requested information.
OPERATIONAL = re.compile(
    r"\btechniques?\b|\btactic(s|al)?\b|\boperations?\b|\bcovert\b|\bsurveillance\b|"
    r"\b(police|policing|investigative|investigation|enforcement) (methods?|capabilit(y|ies))\b|"
    r"\bdeploy(ed|ment|ments)?\b|\bequipment\b|\bsoftware\b|\bintelligence\b|\binformants?\b|"
    r"\bundercover\b|\bdrones?\b|\bANPR\b|\bcameras?\b|\bIMSI\b|\bRIPA\b",
    _F,
)
# Anything that links the subject to the bodies in FOIA s23(3) or to national security.
SECURITY_LINK = re.compile(
    r"\bnational security\b|\bsecurity (service|bod(y|ies)|services)\b|\bMI5\b|\bMI6\b|\bGCHQ\b|"
    r"\bsecret intelligence\b|\bintelligence (agenc|services?)\w*|\bterror\w*|\bextremis\w*|"
    r"\bcounter[- ]terror\w*|\bprevent (referral|programme|strategy|duty)s?\b|\bspecial forces\b|"
    r"\bSIS\b|\binterception\b|\bIMSI\b|\bRIPA\b|\bcovert\b|\bsurveillance\b|\bespionage\b|"
    r"\bofficial secrets\b|\bNational Crime Agency\b|\bNCA\b|\bSOCA\b|\bfirearms?\b|\barmed (police|officers?)\b|"
    r"\bprotected persons?\b|\broyal(ty| family)?\b|\bnuclear\b|\bmilitary\b|\bdefence\b",
    _F,
)
# A named person: a title followed by a capitalised name, or "named"/"the officer involved".
_TITLES = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|PC|DC|DS|DI|DCI|Sgt|Sergeant|Inspector|Constable|Councillor|Cllr|Professor)"
NAMED_PERSON = re.compile(
    rf"\b{_TITLES}\.? [A-Z][a-z'’-]+|\bnamed (person|individual|officer|suspect)\b|"
    r"\bthe (officer|suspect|person|individual|man|woman|driver|victim)s?(/\w+)? (involved|who|named|arrested|concerned)\b|"
    r"\b(about|concerning|regarding) me\b|\bmy (own )?(personal )?(data|information|file|records?)\b|"
    r"\bmy (own )?(request|application|case|complaint|claim|appeal|SAR|subject access request)\b|"
    r"\bhas (he|she|this officer) been\b",
)
# A particular event: a named operation, or an incident tied to a place or a date.
SPECIFIC_INCIDENT = re.compile(
    r"\bOperation [A-Z][a-z]+\b|"
    r"\bthe (incident|events?|shooting|stabbing|murder|death|killing|accident|collision|crash|raid|"
    r"fire|explosion|attack|protest|riot|arrest|disappearance)\b[^.?\n]{0,60}?"
    r"\b(at|in|on|near|outside|involving|of) [A-Z0-9]|"
    r"\bon (the )?\d{1,2}(st|nd|rd|th)? (of )?(January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b[^.?\n]{0,80}\b(incident|arrest|raid|attack|shooting)\b",
)
# One transaction or one extreme, not a count: "the largest single payment", "the highest award".
SINGLE_ITEM = re.compile(
    r"\b(largest|highest|biggest|smallest|lowest|greatest|maximum|minimum|most expensive)\b[^.?\n]{0,40}?"
    r"\b(payments?|transactions?|sums?|amounts?|awards?|fees?|invoices?|claims?|settlements?|payouts?|rewards?)\b|"
    r"\b(single|individual|one-off|particular) (payments?|transactions?|sums?|awards?|invoices?|settlements?|rewards?)\b|"
    r"\b(each|every) (payment|transaction|invoice|award|settlement|reward)\b",
    _F,
)

# Case-level detail: per-case particulars rather than aggregates.
CASE_LEVEL = re.compile(
    r"\bfor (each|every) (?!(?:year|month|quarter|week|day|financial|calendar|offence|offense|crime type|category|"
    r"type|force|area|district|ward|region|age|period|of|one|unit|team|department|site|location|school|hospital)s?\b)\w+|"
    r"\beach (individual )?case\b|\bdetails? of (each|every|the) (case|incident|investigation)\b|"
    r"\bcase[- ]by[- ]case\b|\bnames? of (the )?(suspects?|offenders?|officers?|victims?|individuals?)\b",
    _F,
)
# A list or dataset of records (accounts, properties, contracts): administrative, not statistics.
RECORDS = re.compile(
    r"\b(a )?list of\b|\bspreadsheet\b|\bdataset\b|\bdata ?base\b|\bregister of\b|\bschedule of\b",
    _F,
)
# Question units: numbered items, or sentences ending in "?" (bullet lists are detail, not questions).
# The sentence alternative starts only where a run of sentence characters starts: tried at
# every character of a long run it rescanned the run each time (a request of one 100 KB
# sentence took 14 s); the matches are the same.
_UNIT = re.compile(r"(?m)^[ \t]*(?:\(?\d{1,2}[a-z]?[.):]|Q\d+)[^\n]*|(?<![^.?!\n•])[^.?!\n•]*\?")
# Questions that ask for something other than figures: documents, policies, lists, yes/no facts.
NON_STATISTICS = re.compile(
    r"\bcop(y|ies) of\b|\bdocuments?\b|\bcorrespondence\b|\be-?mails?\b|\bminutes\b|\bpolic(y|ies)\b|"
    r"\bprocedures?\b|\blist (of|the|all)\b|\bnames? of\b|\bwhich\b|\bwhat (is|was|are|were) the names?\b|"
    r"\b(has|have|does|do|did|is|are) (your|the) (department|force|organisation|council|authority|trust|service)\b|"
    r"^\W*(?:\d{1,2}[a-z]?[.):]\s*)?(does|do|did|has|have|is|are|was|were|can|will) (your|the|you|any|it|there|this)\b",
    _F,
)


# "cost" as in the cost limit ("if it's not exceeding time and cost grounds") is not spending.
COST_LIMIT_TALK = re.compile(
    r"\b(time|cost)\s*(and|or|/|&)\s*(cost|time)\b|\bcost (limit|grounds?|constraints?|threshold|ceiling)s?\b|"
    r"\bexceed\w*[^.\n]{0,30}\b(cost|limit)|\bappropriate limit\b|\bwithin (the )?(cost|time)\b",
    _F,
)
INVESTIGATION_SPECIFIC = re.compile(
    r"\bthe investigation (into|of)\b|\binvestigation (into|of) the (death|murder|incident|case|disappearance)\b",
    _F,
)

@lru_cache(maxsize=256)
def mentions(rx: re.Pattern, request_text: str | None) -> bool:
    """Does the request text match `rx`? Remembered per (pattern, request): several rules ask."""
    return bool(request_text) and bool(rx.search(request_text))


@lru_cache(maxsize=64)
def count_units(request_text: str | None) -> tuple[tuple[int, int], ...]:
    """The questions (numbered items or '?' sentences) that ask for a count or a total, as spans into
    the request: not for one transaction or extreme, a named person, a particular incident or operation,
    or case-by-case detail. A request with no question units is judged whole."""
    if not request_text:
        return ()
    units = [m.span() for m in _UNIT.finditer(request_text) if len(m.group(0).strip()) > 12]
    if not units:
        units = [(0, len(request_text))]
    return tuple((a, b) for a, b in units if is_count(request_text[a:b]))


def is_count(text: str) -> bool:
    return bool(STATISTICS.search(text)) and not (
        SINGLE_ITEM.search(text) or NAMED_PERSON.search(text) or SPECIFIC_INCIDENT.search(text)
        or re.search(r"\bOperation [A-Z][a-z]+", text))


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")
# Words too general to tie a harm statement to this request.
_GENERIC = frozenset(
    """
    please provide information request requested requesting like would could should also
    with from that this these those which what when where there their about into under
    your you have been were will shall each other than then them they such only time
    number numbers total totals figure figures data many much year years month months
    period current currently date dates last financial calendar police force forces
    constabulary service services crime crimes criminal investigation investigations
    offence offences case cases include including included following details detail
    within whether held hold information freedom act section regarding relating related
    breakdown broken down breakdowns possible provide given give list copy copies record
    records recorded type types category categories annum since until between during
    know like able unable interested find grateful thank thanks dear regards sincerely
    """.split()
)


@dataclass(frozen=True)
class RequestProfile:
    known: bool = False  # there was request text to analyse
    text: str = ""
    statistics: bool = False
    spending: bool = False
    policy: bool = False
    operational: bool = False  # mentions techniques, tactics, operations, equipment...
    security_link: bool = False
    named_person: bool = False
    specific_incident: bool = False
    case_level: bool = False
    records: bool = False  # a list or dataset of records
    # Share of the request's questions that ask for figures (1.0 for a one-line count)
    statistics_share: float = 0.0
    # The words that put the request in each kind: kind -> [(start, end)] into `text`.
    spans: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    terms: frozenset[str] = frozenset()  # its content words (lower case), for topic matching

    @property
    def specific(self) -> bool:
        """About a named person or a particular incident: NCND is often legitimate there."""
        return self.named_person or self.specific_incident

    @property
    def aggregate(self) -> bool:
        """Asks for figures only, not for case-level particulars or about someone/some event."""
        return self.mostly_statistics and not self.specific and not self.case_level

    @property
    def mostly_statistics(self) -> bool:
        """At least half of the questions ask for figures."""
        return self.statistics and self.statistics_share >= 0.5

    def first(self, kind: str) -> tuple[int, int] | None:
        found = self.spans.get(kind) or ()
        return found[0] if found else None

    def words(self, kind: str) -> list[str]:
        return [self.text[a:b] for a, b in self.spans.get(kind, ())]


_KINDS = {
    "statistics": STATISTICS,
    "spending": SPENDING,
    "policy": POLICY,
    "operational": OPERATIONAL,
    "security_link": SECURITY_LINK,
    "named_person": NAMED_PERSON,
    "specific_incident": SPECIFIC_INCIDENT,
    "case_level": CASE_LEVEL,
    "records": RECORDS,
}


def content_terms(text: str) -> frozenset[str]:
    """Content words of a text, lower case, with a crude plural/singular fold."""
    out = set()
    for m in _WORD.finditer(text):
        w = m.group(0).lower().replace("’", "'")
        if w in _GENERIC:
            continue
        out.add(_stem(w))
    return frozenset(out)


def _stem(word: str) -> str:
    if len(word) > 5 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=64)
def analyse(request_text: str | None) -> RequestProfile:
    if not request_text or not request_text.strip():
        return RequestProfile()
    spans = {}
    for kind, rx in _KINDS.items():  # prefilter.finditer = rx.finditer, quicker
        spans[kind] = tuple(m.span() for m in prefilter.finditer(rx, request_text))
    limits = [m.span() for m in prefilter.finditer(COST_LIMIT_TALK, request_text)]
    spans["spending"] = tuple(s for s in spans["spending"] if not any(a <= s[0] < b for a, b in limits))
    flags = {kind: bool(found) for kind, found in spans.items()}
    if INVESTIGATION_SPECIFIC.search(request_text):
        flags["specific_incident"] = True
        spans["specific_incident"] = spans["specific_incident"] + tuple(
            m.span() for m in INVESTIGATION_SPECIFIC.finditer(request_text)
        )
    units = [u for u in (m.group(0).strip() for m in _UNIT.finditer(request_text)) if len(u) > 12]
    stat = sum(bool(STATISTICS.search(u)) for u in units)
    other = sum(bool(NON_STATISTICS.search(u)) and not STATISTICS.search(u) for u in units)
    if stat + other:
        share = stat / (stat + other)
    else:
        share = 1.0 if flags["statistics"] else 0.0
    return RequestProfile(
        known=True,
        statistics_share=share,
        text=request_text,
        spans=spans,
        terms=content_terms(request_text),
        **flags,
    )
