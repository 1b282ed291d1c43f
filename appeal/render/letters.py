"""The letters as structured records, built from Refusal + Findings + Timeline + Requester.

`build_review` and `build_complaint` gather the facts a letter states (who, to whom, what
was asked and when, what came back, the grounds strongest first, what to ask for, the dates
that matter) and what the summary must tell the user (what was assumed, what is missing).
Nothing here is wording: the templates in templates/letters/ turn a Letter into Markdown
(`to_markdown`), and the renderers turn that into plain text or Word.

Unknown facts stay None: a letter says "your letter" rather than invent a date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable

from appeal.model import Finding, Refusal, Timeline
from appeal.render.clean import one_line, shorten
from appeal.render.requester import Requester

STRENGTH_ORDER = {"strong": 0, "moderate": 1, "weak": 2}
from appeal.law.regimes import REGIMES as _REGIMES, SCOTTISH  # noqa: E402  (named once)
MONTHS = ("January February March April May June July August September October "
          "November December").split()

# The instruments, for naming what a letter cited ("sections 23(5) and 31(3) of ...").
ACTS = {k: r.act for k, r in _REGIMES.items()}
REGULATIONS = {k: r.regulations for k, r in _REGIMES.items()}

QUOTES_PER_GROUND = 1  # the authority's own words: the one passage that proves the point
QUOTE_LIMIT = 600
QUOTE_WORDS = 70  # a whole sentence longer than this is quoted as the rule found it
REQUEST_LIMIT = 240
LAW_WORDS = 40  # the law after the point: whole sentences up to about this many words
CITATIONS_PER_GROUND = 1  # the one authority that best supports the point
ASK_WORDS = 45  # a merged ground's asks together
GROUNDS_WORDS = 540  # the grounds' share of a 400-900 word letter: grounds past it are left out
STRONG_OVERRUN = 80  # ...except a strong ground, which may take the letter this far past it
MIN_GROUNDS = 3  # ... but never fewer than this many for that reason
POINTS_PER_GROUND = 2  # merged grounds: at most this many further points
GROUND_LIMIT = 5  # the cap on grounds; the rest are listed in the summary (--all: no cap)


from appeal.dates import long_date  # noqa: E402  (kept importable from here)


@dataclass
class Ground:
    """One ground as the letter argues it: the point in one sentence, the authority's own
    words, the law, and the ask tied to it. A merged ground carries its other `points`."""

    number: int
    rule: str
    title: str
    strength: str
    quotes: list[str]
    argument: str  # the point and the law together (what --all or an old template shows)
    citations: list[str]  # exact citation strings of verified precedents
    ask: str
    from_review: bool = False  # found in the review outcome rather than the first response
    point: str = ""  # the point, one sentence
    law: str = ""  # why in law, a few sentences
    points: list[str] = field(default_factory=list)  # merged grounds: one sentence each
    rules: list[str] = field(default_factory=list)  # every rule argued in this ground


@dataclass
class Letter:
    kind: str  # "review" or "complaint"
    regime: str  # FOIA, EIR, FOISA, EISR
    template: str  # templates/letters/<template>
    date: str  # the letter's date, long form
    requester: Requester
    authority: str | None
    reference: str | None
    request: str | None  # the request's words, shortened for the opening paragraph
    response: dict  # what came back: ncnd, ncnd_scope, partial, cost, vexatious, cited, ...
    grounds: list[Ground]
    asks: list[str]
    dates: dict[str, str | None]  # long-form dates by event id (None: not known)
    bases: dict[str, str]  # statutory basis by event id
    review: dict  # complaint: requested, responded, overdue, outcome given, outcome cited
    timing: dict = field(default_factory=dict)  # late, late_by (the first response)
    attachments: list[dict] = field(default_factory=list)  # {what, file}
    source_name: str | None = None  # the refusal's file name, for the attachment list
    # The regulator in force on the letter's date (appeal.law.regulator): templates write
    # {{ regulator.name }}, {{ regulator.title }}, {{ regulator.address }}, never a literal name.
    regulator: dict = field(default_factory=dict)
    ico_form: dict = field(default_factory=dict)  # complaint: the ICO online form's answers
    recipient: dict = field(default_factory=dict)  # the FOI team's e-mail, from the letter
    late_review: dict = field(default_factory=dict)  # review asked for late: {"by": date}
    orders: dict = field(default_factory=dict)  # complaint: what a decision notice would order
    outcome: dict = field(default_factory=dict)  # the judgement: kind, reason
    # For the summary, never the letter:
    assumptions: list[str] = field(default_factory=list)
    left_out: dict[str, int] = field(default_factory=dict)  # strength -> grounds not used
    left_out_rules: list[str] = field(default_factory=list)  # the grounds not argued, in rank order


# ---- pieces ----------------------------------------------------------------------------------
def _cited_phrase(citations: list[str], regime: str) -> str | None:
    """['s23(5)', 's31(3)', 'reg13'] -> 'sections 23(5) and 31(3) of the ... Act 2000 and ...'"""
    sections, regs, seen = [], [], set()
    for c in citations:
        c = c.strip()
        if not c or c in seen:
            continue
        seen.add(c)
        if m := re.fullmatch(r"s\s*(\d.*)", c):
            sections.append(m.group(1))
        elif m := re.fullmatch(r"reg\s*(\d.*)", c):
            regs.append(m.group(1))
    # The letter names its own instrument first ("the Act" / "the Regulations"); the other
    # one, cited across regimes (s39 in an EIR letter, reg 13 in a FOIA one), in full.
    environmental = regime in ("EIR", "EISR")
    act = ACTS[regime] if environmental else "the Act"
    regulations = "the Regulations" if environmental else REGULATIONS[regime]
    parts = []
    if sections:
        word = "section" if len(sections) == 1 else "sections"
        parts.append(f"{word} {_and(sections)} of {act}")
    if regs:
        word = "regulation" if len(regs) == 1 else "regulations"
        parts.append(f"{word} {_and(regs)} of {regulations}")
    return " and ".join(parts) or None


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _response(refusal: Refusal, regime: str) -> dict:
    cites = [e.citation for e in refusal.exemptions]
    tests = {e.test for e in refusal.exemptions}
    heads = {e.section for e in refusal.exemptions}
    cost = "cost" in tests or bool(heads & {"s12"}) or any(c.startswith("reg12(4)(b)") for c in cites) \
        or refusal.cost is not None
    vexatious = "vexatious" in tests or "s14" in heads
    # What the parser read of each question's answer: "some" where any was answered (or said
    # not held), "none" where every one was refused, None where that is not known. The letter
    # never says "answered in part" without it.
    answers = [getattr(q, "answer", "unknown") for q in getattr(refusal, "questions", None) or ()]
    answered = "some" if any(a in ("answered", "not-held") for a in answers) else \
        "none" if answers and all(a in ("refused", "ncnd", "cost") for a in answers) else None
    return {
        "answered": answered,
        "ncnd": bool(refusal.ncnd),
        "ncnd_all": bool(refusal.ncnd) and refusal.ncnd_scope != "other",
        "ncnd_other": bool(refusal.ncnd) and refusal.ncnd_scope == "other",
        "partial": bool(refusal.partial_disclosure),
        "cost": cost,
        "vexatious": vexatious,
        "cited": _cited_phrase(cites, regime),
        "review_outcome": bool(refusal.is_review_outcome),
    }


def _citation_lookup(regime: str | None = None) -> Callable[[str], str | None]:
    def lookup(pid: str) -> str | None:
        from appeal import precedents

        p = precedents.get(pid)
        if p is None or getattr(p, "verified", True) is False or getattr(p, "citable", True) is False:
            return None  # nothing invented: only verified authority that helps the requester
        if regime and regime.upper() not in getattr(p, "regimes", (regime.upper(),)):
            return None  # never cite an authority out of its regime
        return citation_text(p, regime)

    return lookup


def citation_text(p, regime: str | None = None) -> str | None:
    """How a letter cites precedent `p`: its exact citation string (the source's recommended
    form `cite_as` where one is recorded), never composed from other fields. Guidance carries
    its title, date and address in that string. A Scottish authority cited under FOIA/EIR
    carries the stated reason its point is general."""
    form = getattr(p, "letter_citation_for", None)
    if callable(form):
        return one_line(form(regime)) or None
    return one_line(getattr(p, "cite_as", None) or getattr(p, "citation", None)) or None


def select(findings: list[Finding], *, all_strengths: bool = False,
           include: tuple[str, ...] = ()) -> tuple[list[Finding], dict[str, int]]:
    """Strong and moderate findings (all with --all; a rule named in --include always)."""
    kept, left = [], {}
    for f in findings:
        if all_strengths or f.strength in ("strong", "moderate") or f.rule in include:
            kept.append(f)
        else:
            left[f.strength] = left.get(f.strength, 0) + 1
    return kept, left


def make_grounds(findings: list[Finding], *, cite: Callable[[str], str | None] | None = None,
                 review_findings: list[Finding] = (), request: str | None = None,
                 refusal: Refusal | None = None, outcome_refusal: Refusal | None = None,
                 limit: int | None = None, kind: str = "review",
                 include: tuple[str, ...] = ()) -> list[Ground]:
    """The judgement step's grounds (appeal.judge): ranked by likely success, findings that
    make one point merged, each quote used once and quoted as a whole sentence.

    A rule that fired on both the response and the review outcome is argued once, with the
    quotes from both letters.
    """
    from appeal.judge import merge

    cite = cite or _citation_lookup()
    both = list(findings) + list(review_findings)
    from_review = {id(f) for f in review_findings}
    plans = merge(both, refusal, source=lambda f: id(f) in from_review)
    if limit is not None:  # the cap; a ground the user named (--include) stays within it
        from appeal.judge import cap
        from appeal.judge.weights import FLOOR, SIGNABLE

        plans = cap(plans, limit, include)[0]
        # with enough grounds worth signing, none the letter's own words answer (scored below
        # the floor, e.g. "no security body" where the letter names one) goes in beside them
        if sum(p.score >= SIGNABLE for p in plans) >= MIN_GROUNDS:
            plans = [p for p in plans if p.score >= FLOOR or set(p.rules) & set(include)]
    used: list[str] = [_norm(request or "")] if request else []
    quoted_in: dict[str, int] = {}  # a passage quoted inline -> the ground that quoted it
    asked: set[str] = set()
    grounds = []
    for n, plan in enumerate(plans, 1):
        lead = plan.lead
        text_of = (outcome_refusal.text if outcome_refusal is not None and id(lead) in from_review
                   else refusal.text if refusal is not None else "")
        flat = one_line(text_of) if text_of else ""
        argument = _refer_back(_complete(_voice(_capital(one_line(lead.argument)), kind), flat), quoted_in)
        sentences = split_sentences(argument)
        point = sentences[0] if sentences else argument
        law = _budget(sentences[1:], LAW_WORDS)
        points = []
        here = {_norm(q): n for q in _inline_quotes(point + " " + law)}
        for other in plan.points:
            if len(points) >= POINTS_PER_GROUND:
                break
            # the member's first sentence that says something of its own: each passage is quoted
            # once, and a sentence that only quotes again what is quoted above adds nothing
            for raw in split_sentences(_complete(_voice(_capital(one_line(other.argument)), kind), flat))[:3]:
                sentence = _refer_back(raw, {**quoted_in, **here}, current=n)
                if _words(_INLINE.sub("", sentence)) - 4 * (sentence != raw) < 8:
                    continue
                if _norm(sentence) in {_norm(x) for x in points} or _norm(sentence) == _norm(point):
                    break
                points.append(sentence)
                here.update({_norm(q): n for q in _inline_quotes(raw)})
                break
        inline = " ".join([argument] + points)
        quotes: list[str] = []
        for f in plan.everything:
            src = (outcome_refusal.text if outcome_refusal is not None and id(f) in from_review
                   else text_of if f is lead else (refusal.text if refusal is not None else ""))
            for e in f.evidence:
                q = _unquote(whole_sentence(src, e) if src else one_line(e.quote)).rstrip(":;, ")
                key = _norm(q)
                if not q or any(key in u or u in key for u in used if u) or not _worth_quoting(q, inline):
                    continue
                if _worth_quoting(q, request or ""):
                    quotes.append(shorten(q, QUOTE_LIMIT))
                    used.append(key)
                if len(quotes) >= QUOTES_PER_GROUND:
                    break
            if len(quotes) >= QUOTES_PER_GROUND:
                break
        for q in _inline_quotes(" ".join([point, law] + points)) + quotes:
            used.append(_norm(q))
            quoted_in.setdefault(_norm(q), n)
        citations = []
        for f in plan.everything:
            for pid in f.precedents:
                c = cite(pid)
                if c and one_line(c) not in citations and len(citations) < CITATIONS_PER_GROUND:
                    citations.append(one_line(c))
        asks = [_first(_voice(one_line(lead.ask), kind))] if lead.ask else []
        for other in plan.points:
            a = _first(_voice(one_line(other.ask), kind))
            if a and _norm(a) not in {_norm(x) for x in asks} and _words(" ".join(asks)) + _words(a) <= ASK_WORDS:
                asks.append(a)
        asks = [a for a in asks if _norm(a) not in asked]
        asked.update(_norm(a) for a in asks)
        grounds.append(Ground(
            number=n, rule=lead.rule, title=_voice(one_line(lead.title), kind), strength=lead.strength,
            quotes=quotes[:QUOTES_PER_GROUND], argument=argument, citations=citations,
            ask=" ".join(_sentence(a) for a in asks), from_review=id(lead) in from_review and all(id(a) in from_review for a in plan.also),
            point=point, law=law, points=points, rules=plan.rules,
        ))
    return grounds


def consolidate_asks(grounds: list[Ground]) -> list[str]:
    """Each distinct ask once, in the grounds' order."""
    asks, seen = [], set()
    for g in grounds:
        if not g.ask:
            continue
        key = _norm(g.ask)
        if key in seen:
            continue
        seen.add(key)
        asks.append(g.ask)
    return asks


# ---- sentences and voice ----------------------------------------------------------------------
_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|etc|No|no|para|paras|s|ss|reg|regs|v|cf|Ltd|Co|St|Mr|Mrs|Ms|Dr|art)|\b[A-Z])\.$")
_OPEN = "“‘"
_CLOSE = "”’"


def split_sentences(text: str) -> list[str]:
    """Sentences of our own prose, never split inside a quotation ("…" or “…”)."""
    out, start, depth, straight = [], 0, 0, False
    n = len(text)
    for i, ch in enumerate(text):
        if ch == '"':
            straight = not straight
        elif ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
        elif ch in ".?!" and not straight and depth == 0:
            j = i + 1
            while j < n and text[j] in "”\")'’":
                j += 1
            if j < n and text[j] != " ":
                continue
            k = j
            while k < n and text[k] == " ":
                k += 1
            if k < n and not (text[k].isupper() or text[k] in "“\"'‘(" or text[k].isdigit()):
                continue
            if ch == "." and _ABBREV.search(text[max(0, i - 6):i + 1]):
                continue
            out.append(text[start:j].strip())
            start = k
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]


def _first(text: str) -> str:
    """The first sentence of an ask: the thing asked for, not its fallbacks."""
    parts = split_sentences(text)
    return parts[0] if parts else text


def ground_words(g: Ground) -> int:
    return sum(_words(x) for x in [g.title, g.point, g.law, g.ask, *g.quotes, *g.points, *g.citations])


def fit(grounds: list[Ground], budget: int = GROUNDS_WORDS, minimum: int = MIN_GROUNDS,
        include: tuple[str, ...] = ()) -> tuple[list[Ground], list[Ground]]:
    """Keep grounds, likeliest first, while they fit the letter's word budget (at least
    `minimum`); technicalities only where fewer than `minimum` substantive grounds exist.
    A ground the user named (`include`) always stays; a strong one may overrun a little."""
    from appeal.judge.weights import TECHNICAL

    substantive = [g for g in grounds if g.rule not in TECHNICAL]
    kept, total = [], 0
    for g in grounds:
        named = bool(set(g.rules or [g.rule]) & set(include))
        # a technicality never leads: none without a substantive ground before it, and none
        # where there are enough substantive grounds to fill the letter
        if g.rule in TECHNICAL and (len(substantive) >= minimum or not substantive) and not named:
            continue
        w = ground_words(g)
        # a strong ground is worth a slightly longer letter (STRONG_OVERRUN words at most)
        limit = budget + (STRONG_OVERRUN if g.strength == "strong" else 0)
        if len(kept) >= minimum and total + w > limit and not named:
            continue
        kept.append(g)
        total += w
    dropped = [g for g in grounds if g not in kept]
    for n, g in enumerate(kept, 1):
        g.number = n
    return kept, dropped


def _budget(sentences: list[str], words: int) -> str:
    """Whole sentences, in order, until about `words` words (at least one)."""
    kept, count = [], 0
    for s in sentences:
        w = _words(s)
        if kept and count + w > words:
            break
        kept.append(s)
        count += w
    return " ".join(kept)


def _words(text: str) -> int:
    return len(text.split())


def _capital(text: str) -> str:
    if re.match(r"[a-z]+[\s,;:]", text):  # "the Act requires" -> "The Act"; never "S31(3)"
        return text[:1].upper() + text[1:]
    return text


def _sentence(ask: str) -> str:
    ask = ask.strip()
    return ask if ask.endswith((".", "?", "!")) else ask + "."


_VOICE = (
    (re.compile(r"\bThe letter's\b"), "Your letter's", "The response's"),
    (re.compile(r"\bthe letter's\b"), "your letter's", "the response's"),
    (re.compile(r"\bThe letter\b"), "Your letter", "The response"),
    (re.compile(r"\bthe letter\b"), "your letter", "the response"),
    # rules that already address the authority: a complaint speaks of it to the Commissioner
    (re.compile(r"\bYour letter(?='s\b|’s\b)"), "Your letter", "The response"),
    (re.compile(r"\byour letter(?='s\b|’s\b)"), "your letter", "the response"),
    (re.compile(r"\bYour letter\b"), "Your letter", "The response"),
    (re.compile(r"\byour letter\b"), "your letter", "the response"),
)


def _voice(text: str, kind: str) -> str:
    """Rules write of "the letter"; a review speaks to the authority ("your letter"), a
    complaint to the Commissioner about "the response". Dates read as a letter writes them
    (23 October 2019, never 2019-10-23), and a sentence never starts "s31(3)"."""
    for rx, review, complaint in _VOICE:
        text = rx.sub(review if kind == "review" else complaint, text)
    text = _ISO.sub(lambda m: long_date(m.group(0)) if _valid_iso(m.group(0)) else m.group(0), text)
    text = _REG.sub(lambda m: ("Regulation " if m.group(1) == "R" else "regulation ") + m.group(2), text)
    text = re.sub(r"(^|[.!?][”\"’')]?\s+)regulation ", r"\1Regulation ", text)
    return _SECTION_START.sub(_section_words, text)


_REG = re.compile(r"\b([Rr])eg\s?(\d+[A-Z]?(?:\(\w{1,4}\))+)")


_ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_CITE = r"s\d+[A-Z]?(?:\(\w{1,4}\))*"
_SECTION_START = re.compile(rf"(^|[.!?][”\"’')]?\s+)({_CITE}(?:, {_CITE})*(?: and {_CITE})?)(?=\s)")


def _valid_iso(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _section_words(m: re.Match) -> str:
    """'s38(2) is' -> 'Section 38(2) is'; 's28 and s27(1) are' -> 'Sections 28 and 27(1) are'."""
    cites = re.findall(_CITE, m.group(2))
    bare = [c[1:] for c in cites]
    if len(bare) == 1:
        return f"{m.group(1)}Section {bare[0]}"
    return f"{m.group(1)}Sections {', '.join(bare[:-1])} and {bare[-1]}"


_INLINE = re.compile(r'"([^"]*)"|“([^”]*)”')  # every quotation, paired in order


_CUT = re.compile(r'"([^"]{20,}?)\s*…"|“([^”]{20,}?)\s*…”')


def _complete(text: str, source: str) -> str:
    """Quotes are whole sentences: a quotation a rule cut short ("… the duty in Section 1(1)(a)
    of the …") is completed from the letter, up to the end of its sentence, where that
    sentence is not too long to quote."""
    if not source or "…" not in text:
        return text

    def sub(m: re.Match) -> str:
        head = m.group(1) or m.group(2)
        i = source.find(head)
        if i == -1:
            return m.group(0)
        end = _SENT_END.search(source + " ", i + len(head))
        if end is None:
            return m.group(0)
        whole = source[i:end.end()].strip()
        if _words(whole) > QUOTE_WORDS:
            return m.group(0)
        whole = whole.rstrip(".")
        return f'"{whole}"' if m.group(1) is not None else f"“{whole}”"

    return _CUT.sub(sub, text)


def _refer_back(text: str, quoted_in: dict[str, int], current: int | None = None) -> str:
    """Each passage quoted once: a long passage an earlier ground already quoted becomes a
    reference to that ground."""
    if not quoted_in:
        return text

    def sub(m: re.Match) -> str:
        key = _norm(m.group(1) or m.group(2) or "")
        if len(key) < 80:
            return m.group(0)  # a phrase inside the sentence's grammar stays quoted
        for q, n in quoted_in.items():
            if q and len(q) >= 80 and (key in q or q in key or key[:60] == q[:60]):
                return "the same passage" if n == current else f"the passage quoted under ground {n}"
        return m.group(0)

    return _INLINE.sub(sub, text)


def _inline_quotes(text: str) -> list[str]:
    return [q for a, b in _INLINE.findall(text) if len(q := a or b) >= 12]


_SENT_END = re.compile(r"[.?!][”\"')’]*(?=\s)|\n\s*\n")


def whole_sentence(text: str, e) -> str:
    """The evidence widened to the whole sentence(s) it sits in, as one line; the evidence
    as found where the sentence runs past QUOTE_WORDS words or the span does not fit, with
    an ellipsis where it starts mid-sentence (the cut is shown, never hidden)."""
    quote = one_line(e.quote)

    def cut(q: str) -> str:
        return "… " + q if q[:1].islower() else q

    if not (0 <= e.start < e.end <= len(text)):
        return cut(quote)
    lo = max(0, e.start - 600)
    start = lo
    for m in _SENT_END.finditer(text, lo, e.start):
        start = m.end()
    if start == lo and lo > 0:
        return cut(quote)
    m = _SENT_END.search(text + " ", e.end - 1 if e.end > e.start else e.end)
    end = m.end() if m and m.start() - e.end < 600 else None
    if end is None:
        return cut(quote)
    # a line break with a heading-like line before the quote also starts a sentence
    head = text[start:e.start]
    if "\n" in head:
        before, after = head.rsplit("\n", 1)
        if not before.strip() or before.rstrip().endswith((":", ".", "?", "!")) or len(before.split("\n")[-1].split()) < 8:
            start = start + len(before) + 1
    sentence = one_line(text[start:end])
    if _words(sentence) > QUOTE_WORDS or _words(sentence) < _words(quote):
        return cut(quote)
    return cut(sentence)


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _worth_quoting(quote: str, argument: str) -> bool:
    """A block quote earns its place: more than a bare citation ("Section 31(3)"), and not
    words the argument already quotes in its own sentences."""
    words = _norm(quote).split()
    if sum(1 for w in words if any(c.isalpha() for c in w)) < 4:
        return False
    head = " ".join(words[:8])
    return head not in _norm(argument)


def _dates(timeline: Timeline | None, extra: dict[str, str | dt.date | None]) -> tuple[dict, dict]:
    dates: dict[str, str | None] = {k: long_date(v) for k, v in extra.items()}
    bases: dict[str, str] = {}
    ids = ("response_due", "response_due_alt", "response_due_extended", "review_request_by",
           "review_due", "review_due_max", "commissioner_complaint_by")
    for eid in ids:
        dates.setdefault(eid, None)
    if timeline is not None:
        for ev in timeline.events:
            dates[ev.id] = long_date(ev.date)
            bases[ev.id] = one_line(ev.basis)
    return dates, bases


def _common(kind: str, refusal: Refusal, timeline: Timeline | None, requester: Requester, *,
            regime: str, letter_date: dt.date, received: dt.date | None, responded: dt.date | None,
            review_requested: dt.date | None, review_responded: dt.date | None,
            assumptions: list[str]) -> dict:
    authority = one_line(refusal.authority.name) or None
    reference = one_line(refusal.reference) or None
    request = _short_request(_unquote(one_line(refusal.request_text))).rstrip(".,;: ") or None
    dates, bases = _dates(timeline, {
        "letter": letter_date, "received": received, "responded": responded,
        "review_requested": review_requested, "review_responded": review_responded,
    })
    notes = list(refusal.assumptions) + list(assumptions)
    if not authority:
        notes.append("the authority's name was not found in the letter: the letter says 'your authority'")
    if not reference:
        notes.append("no reference was found in the letter: the subject line has none")
    if received is None:
        notes.append("the date your request was received is not known: the letter says 'my request' (give --received)")
    if responded is None:
        notes.append("the date of the response is not known: the letter says 'your response' (give --responded)")
    if not request:
        notes.append("the request's words were not found: the letter does not quote them")
    for f in requester.missing:
        what = {"name": "--name (the letter is left unsigned)",
                "email": "--email", "address": "--address"}[f]
        notes.append(f"no requester {f} given: add {what}, APPEAL_{f.upper()} or the config file")
    timing = {"late": bool(timeline and timeline.late),
              "late_by": timeline.late_by_working_days if timeline else None}
    from appeal.law.regulator import regulator_for

    reg = regulator_for(regime, letter_date)
    notes += list(reg.assumptions)
    if reg.pending and kind == "complaint":
        notes.append(f"the complaint is addressed to {reg.name}; {reg.pending}")
    return dict(kind=kind, regime=regime, date=long_date(letter_date), requester=requester, timing=timing,
                recipient=recipient(refusal, requester), regulator=reg.to_dict(),
                authority=authority, reference=reference, request=request,
                response=_response(refusal, regime), dates=dates, bases=bases,
                source_name=refusal.source, assumptions=_unique(notes))


_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_FOI_MAILBOX = re.compile(r"foi|freedom|information|disclosure|data\.?protection|records|access|"
                          r"openness|transparency|enquir|request|ir\b|eir|dpa|compliance|governance",
                          re.IGNORECASE)


def recipient(refusal: Refusal, requester: Requester | None = None) -> dict:
    """Where the review goes: the FOI team's e-mail address as the letter gives it (the one
    that names FOI or information work; never the requester's own, nor the Commissioner's)."""
    mine = (requester.email or "").lower() if requester is not None else ""
    seen = []
    for m in _EMAIL.finditer(refusal.text or ""):
        addr = m.group(0).rstrip(".")
        low = addr.lower()
        if low == mine or low in seen or low.endswith(("ico.org.uk", "itspublicknowledge.info",
                                                       "foi.scot", "whatdotheyknow.com")):
            continue
        seen.append(low)
        if _FOI_MAILBOX.search(low.split("@")[0]):
            return {"email": addr}
    return {"email": None}


def _short_request(text: str) -> str:
    """The request's words for the opening: whole, or cut at the end of a sentence (or a
    numbered question) within REQUEST_LIMIT characters, never mid-phrase where that can be helped."""
    if len(text) <= REQUEST_LIMIT:
        return text
    head = text[:REQUEST_LIMIT]
    # a sentence's end, never the dot of a list number ("2. Break it down")
    cuts = [m.end() for m in re.finditer(r"(?<![\s(:]\d)(?<![\s(:]\d\d)[.?!;](?=\s)", head) if m.end() >= 80]
    if cuts:
        return head[:cuts[-1]].rstrip(" .;") + " …"
    return shorten(text, REQUEST_LIMIT)


def _unquote(text: str) -> str:
    """The request's words without the quotation marks a letter put round them (we add ours)."""
    pairs = {'"': '"', "“": "”", "'": "'", "‘": "’"}
    if len(text) > 1 and text[0] in pairs and text.endswith(pairs[text[0]]) \
            and text.count(text[0]) + (text.count(pairs[text[0]]) if pairs[text[0]] != text[0] else 0) <= 2:
        return text[1:-1].strip()
    return text


def _unique(items: list[str]) -> list[str]:
    out = []
    for x in items:
        if x not in out:
            out.append(x)
    return out


# ---- the two letters ------------------------------------------------------------------------
def _choose(findings: list[Finding], review_findings: list[Finding], refusal: Refusal, *,
            all_strengths: bool, include: tuple[str, ...], limit: int | None):
    """The judgement step: usable findings (strong and moderate; weak with --all or --include),
    merged and capped. Returns (findings, review findings, limit, left-out counts and rules)."""
    from appeal.judge import merge

    kept, left = select(findings, all_strengths=all_strengths, include=include)
    kept_rev, left_rev = select(list(review_findings), all_strengths=all_strengths, include=include)
    for k, v in left_rev.items():
        left[k] = left.get(k, 0) + v
    cap = None if all_strengths else limit
    rev = {id(f) for f in kept_rev}
    plans = merge(kept + kept_rev, refusal, source=lambda f: id(f) in rev)
    from appeal.judge import cap as capped

    left_rules = [p.lead.rule for p in capped(plans, cap, include)[1]] if cap is not None else []
    if left_rules:
        left["below the cap"] = len(left_rules)
    weak = [f.rule for f in list(findings) + list(review_findings) if f not in kept and f not in kept_rev]
    return kept, kept_rev, cap, left, left_rules + [r for r in weak if r not in left_rules]


def build_review(refusal: Refusal, findings: list[Finding], timeline: Timeline | None,
                 requester: Requester, *, regime: str, letter_date: dt.date,
                 received: dt.date | None = None, responded: dt.date | None = None,
                 review_requested: dt.date | None = None, all_strengths: bool = False,
                 include: tuple[str, ...] = (), assumptions: list[str] = (),
                 cite: Callable[[str], str | None] | None = None,
                 limit: int | None = GROUND_LIMIT, outcome=None) -> Letter:
    from appeal.judge.outcome import promote

    # the weak findings the judgement raises (the one real ground) are argued by every caller
    findings = promote(list(findings), refusal)
    kept, _, cap, left, left_rules = _choose(findings, [], refusal, all_strengths=all_strengths,
                                             include=include, limit=limit)
    grounds = make_grounds(kept, cite=cite or _citation_lookup(regime), request=refusal.request_text,
                           refusal=refusal, limit=cap, kind="review", include=include)
    if cap is not None:
        grounds, dropped = fit(grounds, include=include)
        left_rules = _not_argued(grounds, left_rules, findings)
        if dropped:
            left["over the length"] = len(dropped)
    common = _common("review", refusal, timeline, requester, regime=regime, letter_date=letter_date,
                     received=received, responded=responded,
                     review_requested=review_requested or letter_date, review_responded=None,
                     assumptions=list(assumptions))
    late = {}
    ev = timeline.event("review_request_by") if timeline is not None else None
    if ev is not None and dt.date.fromisoformat(ev.date) < (review_requested or letter_date):
        late = {"by": long_date(ev.date)}
    elif ev is None and "late-review" in getattr(outcome, "notes", ()):
        late = {"by": None}  # the judgement inferred the window closed (the response's date unknown)
    if late:
        late["procedural_only"] = bool(grounds) and all(
            set(g.rules or [g.rule]) <= PROCEDURAL_RULES for g in grounds)
    return Letter(template=f"letters/review_{regime.lower()}.md.j2", grounds=grounds,
                  asks=consolidate_asks(grounds), review={}, left_out=left, left_out_rules=left_rules,
                  late_review=late, outcome=_outcome_dict(outcome), **common)


# Grounds that record a breach but do not go to whether the information should be withheld.
PROCEDURAL_RULES = frozenset({"late-response", "review-late", "outdated-law", "review-rights-missing",
                              "template-artifacts", "subsection-not-specified"})


def _not_argued(grounds: list[Ground], left_rules: list[str], findings) -> list[str]:
    """Every rule found that the letter does not argue, likeliest first: for the summary."""
    argued = {r for g in grounds for r in (g.rules or [g.rule])}
    out = []
    for r in left_rules + [f.rule for f in findings]:
        if r not in argued and r not in out:
            out.append(r)
    return out


def _outcome_dict(outcome) -> dict:
    if outcome is None:
        return {}
    return {"kind": outcome.kind, "reason": outcome.reason, "notes": list(getattr(outcome, "notes", []))}


def build_complaint(refusal: Refusal, findings: list[Finding], timeline: Timeline | None,
                    requester: Requester, *, regime: str, letter_date: dt.date,
                    received: dt.date | None = None, responded: dt.date | None = None,
                    review_requested: dt.date | None = None, review_responded: dt.date | None = None,
                    outcome: Refusal | None = None, outcome_findings: list[Finding] = (),
                    all_strengths: bool = False, include: tuple[str, ...] = (),
                    assumptions: list[str] = (),
                    cite: Callable[[str], str | None] | None = None,
                    limit: int | None = GROUND_LIMIT, judgement=None,
                    accepted: tuple[str, ...] = ()) -> Letter:
    kept, kept_rev, cap, left, left_rules = _choose(findings, list(outcome_findings), refusal,
                                                    all_strengths=all_strengths, include=include,
                                                    limit=limit)
    grounds = make_grounds(kept, cite=cite or _citation_lookup(regime), review_findings=kept_rev,
                           request=refusal.request_text, refusal=refusal, outcome_refusal=outcome,
                           limit=cap, kind="complaint", include=include)
    if cap is not None:
        grounds, dropped = fit(grounds, include=include)
        left_rules = _not_argued(grounds, left_rules, list(findings) + list(outcome_findings))
        if dropped:
            left["over the length"] = len(dropped)
    notes = list(assumptions)
    if outcome is not None:
        notes += [f"review outcome: {a}" for a in outcome.assumptions]
    common = _common("complaint", refusal, timeline, requester, regime=regime, letter_date=letter_date,
                     received=received, responded=responded, review_requested=review_requested,
                     review_responded=review_responded, assumptions=notes)
    dates = common["dates"]
    limit_id = "review_due_max" if dates.get("review_due_max") else "review_due"
    overdue = False
    if review_requested and review_responded is None and timeline is not None:
        ev = timeline.event(limit_id)
        overdue = bool(ev and dt.date.fromisoformat(ev.date) < letter_date)
    review = {
        "requested": review_requested is not None or review_responded is not None or outcome is not None
        or refusal.is_review_outcome,
        "responded": review_responded is not None or outcome is not None or refusal.is_review_outcome,
        "overdue": overdue,
        "limit": dates.get(limit_id),
        "late": bool(timeline and timeline.review_late),
        "late_by": timeline.review_late_by_working_days if timeline else None,
        # what the review relied on: only where it upheld the decision, or did not say (a partial
        # outcome names exemptions it set aside as well as those it kept)
        "upheld_cited": _cited_phrase([e.citation for e in outcome.exemptions], regime)
        if outcome and getattr(getattr(outcome, "review", None), "result", None) in ("upheld", None) else None,
        "outcome_reference": one_line(outcome.reference) if outcome and outcome.reference else None,
        "outcome_source": outcome.source if outcome else None,
        # the letter at hand is itself the review outcome: what it says of the first response
        # (exemptions later set aside, information given) is not restated as the response
        "from_outcome_only": outcome is None and bool(refusal.is_review_outcome),
        "result": getattr(getattr(outcome if outcome is not None else refusal, "review", None), "result", None),
        "complaint_late": None,
    }
    ev = timeline.event("commissioner_complaint_by") if timeline is not None else None
    if ev is not None and dt.date.fromisoformat(ev.date) < letter_date:
        review["complaint_late"] = long_date(ev.date)
    scottish = regime in SCOTTISH
    regname = common["regulator"].get("name", "the Commissioner")
    if not review["requested"] and not review["responded"]:
        if scottish:
            common["assumptions"].append(
                f"no review is recorded: {regname} takes an application "
                "only after a requirement for review (FOISA s47(1)); give --review-requested")
        else:
            common["assumptions"].append(
                f"no internal review is recorded: {regname} is unlikely to accept a complaint before one "
                "(give --review-requested, or run 'appeal review' first)")
    if review["requested"] and not review["responded"] and not overdue:
        common["assumptions"].append(
            f"the review is not yet overdue: {regname} normally waits for its outcome")
    attachments = _attachments(common["source_name"], review, outcome)
    # the breaches recorded are those the letter argues (and the dates show), not every weak finding
    argued = [f for f in list(findings) + list(outcome_findings) if any(f.rule in g.rules for g in grounds)]
    orders = _orders(refusal, outcome, argued, timeline, regime)
    form = {} if scottish else ico_form(refusal, outcome, grounds, common, accepted=accepted)
    if form:
        common["assumptions"] += form.pop("notes")
        # the answers as the letter prints them (curly quotes, one for one: the counts hold)
        form["complaint"] = typography(form["complaint"])
        form["why_lines"] = [typography(x) for x in form.get("why_lines", [])]
    return Letter(template=f"letters/complaint_{'sic' if scottish else 'ico'}.md.j2",
                  grounds=grounds, asks=consolidate_asks(grounds), review=review,
                  attachments=attachments, left_out=left, left_out_rules=left_rules, ico_form=form,
                  orders=orders, outcome=_outcome_dict(judgement), **common)


# What a decision notice orders, by regime: the provisions breached.
_BREACH = {
    # rights: where the notice must state the rights to a review and to the Commissioner
    "FOIA": {"duty": "section 1(1)", "time": "section 10(1)", "notice": "section 17",
             "review": None, "advice": "section 16", "rights": "section 17"},
    "EIR": {"duty": "regulation 5(1)", "time": "regulation 5(2) or 14(2)", "notice": "regulation 14",
            "review": "regulation 11(4)", "advice": "regulation 9", "rights": "regulation 14"},
    "FOISA": {"duty": "section 1(1)", "time": "section 10(1)", "notice": "section 16",
              "review": "section 21(1)", "advice": "section 15", "rights": "section 19"},
    "EISR": {"duty": "regulation 5(1)", "time": "regulation 5(2)", "notice": "regulation 13",
             "review": "regulation 16(4)", "advice": "regulation 9", "rights": "regulation 13"},
}
_NOTICE_RULES = {"exemption-not-explained", "subsection-not-specified", "public-interest-missing",
                 "ncnd-unexplained", "security-link-unexplained",
                 "cost-limit-no-estimate", "vexatious-unexplained", "qualified-person-not-shown"}


def _provisions(items: list[str], instrument: str) -> str:
    """['section 1(1)', 'section 17'] -> 'sections 1(1) and 17 of the Act'."""
    if not items:
        return ""
    words = {i.split(" ", 1)[0] for i in items}
    if len(words) == 1 and len(items) > 1:
        word = words.pop()
        return f"{word}s {_and([i.split(' ', 1)[1] for i in items])} of {instrument}"
    return f"{_and(items)} of {instrument}"


def _orders(refusal: Refusal, outcome: Refusal | None, findings: list[Finding], timeline: Timeline | None,
            regime: str) -> dict:
    """The steps a decision notice orders, and the breaches it records (the wording is the
    template's): confirm or deny; disclose or issue a proper refusal notice; s16 advice;
    breaches of the duty (s1), of time (s10, review time) and of the notice (s17)."""
    law = _BREACH.get(regime, _BREACH["FOIA"])
    last = outcome or refusal
    rules = {f.rule for f in findings}
    withheld = bool(last.exemptions or last.partial_disclosure or last.cost is not None or last.ncnd)
    breaches = []
    # The duty itself (s1(1), reg 5(1)) is breached only if the Commissioner finds the information
    # should have been given: the order to disclose asks for that. Breaches recorded are the ones
    # the dates and the letter show: time (s10(1), not s1(1)), the notice, review time.
    if (timeline is not None and timeline.late) or "late-response" in rules:
        breaches.append(law["time"])
    if rules & _NOTICE_RULES:
        breaches.append(law["notice"])
    if "review-rights-missing" in rules and law["rights"] not in breaches:
        breaches.append(law["rights"])
    if law["review"] and ((timeline is not None and timeline.review_late) or "review-late" in rules):
        breaches.append(law["review"])
    return {
        "confirm_deny": bool(last.ncnd),
        "disclose": withheld,
        "notice": law["notice"],
        "advice": law["advice"] if "cost-limit-no-advice" in rules else None,
        "breaches": breaches,
        "breached": _provisions(breaches, "the Regulations" if regime in ("EIR", "EISR") else "the Act"),
        "code_late": regime == "FOIA" and bool(timeline is not None and timeline.review_late),
    }



# ---- the ICO's online form ----------------------------------------------------------------------
FORM_BOX = 2000  # characters in each of the ICO form's two free-text boxes (peers-2026 §3.2)


def _provision(c: str, regime: str) -> str:
    """'s31(3)' -> 'section 31(3)'; 'reg12(5)(b)' -> 'regulation 12(5)(b)'."""
    if m := re.fullmatch(r"s\s*(\d.*)", c):
        return f"section {m.group(1)}"
    if m := re.fullmatch(r"reg\s*(\d.*)", c):
        return f"regulation {m.group(1)}"
    return c


def _fit(text: str, limit: int = FORM_BOX) -> str:
    return text if len(text) <= limit else shorten(text, limit)


def ico_form(refusal: Refusal, outcome: Refusal | None, grounds: list[Ground], common: dict, *,
             accepted: tuple[str, ...] = ()) -> dict:
    """The two answers the ICO's online complaint form asks for, each within its 2,000-character
    box; the exemptions disputed and accepted; the documents to upload unedited, with dates.

    Every exemption relied on is treated as disputed unless `accepted` names it (the ICO asks
    the complainant to make the scope clear)."""
    regime = common["regime"]
    relied: list[str] = []
    for r in (refusal, outcome):
        for e in (r.exemptions if r is not None else ()):
            if e.citation not in relied:
                relied.append(e.citation)
    accepted_set = {_canonical(a) for a in accepted if a.strip()}
    acc = [c for c in relied if _canonical(c) in accepted_set]
    disputed = [c for c in relied if c not in acc]
    who = common["authority"] or "the authority"
    dates = common["dates"]
    notes = []
    for a in sorted(accepted_set - {_canonical(c) for c in relied}):
        notes.append(f"--accept {a}: the authority did not rely on it, so it is not mentioned")

    # Box 1: what is the complaint (scope, disputed and accepted exemptions).
    parts = []
    head = f"I complain about how {who} dealt with my request"
    if dates.get("received"):
        head += f" received on {dates['received']}"
    if common["reference"]:
        head += f" (reference {common['reference']})"
    parts.append(head + ".")
    if common["request"]:
        parts.append(f"I asked for: \u201c{shorten(common['request'], 600)}\u201d.")
    if disputed:
        phrase = _cited_phrase(disputed, regime) or _and([_provision(c, regime) for c in disputed])
        parts.append(f"I dispute the authority's reliance on {phrase}"
                     + (" and on the refusal to confirm or deny whether the information is held" if refusal.ncnd else "")
                     + ", and ask for a decision on whether the information must be disclosed.")
    elif not relied:
        parts.append("I dispute the way the authority handled the request, as set out below.")
    if acc:
        parts.append(f"I accept its reliance on {_cited_phrase(acc, regime) or _and(acc)}.")
    elif relied:
        parts.append("I do not accept any of the exemptions relied on.")
        notes.append("ICO form: every exemption the authority relied on is listed as disputed; "
                     "if you accept any, say so in the first box (the ICO asks you to make the scope clear)")
    if any(c.startswith(("s40", "reg13")) for c in disputed):
        notes.append("ICO form: the authority relied on personal data; the form asks whether you exclude "
                     "personal data from your complaint or why it should be disclosed: add your answer")
    complaint = _fit(" ".join(parts))

    # Box 2: why the authority has not acted properly (the grounds, briefly).
    lines = ["The grounds are set out in full in the attached letter:"]
    for i, g in enumerate(grounds):
        line = f"{g.number}. {g.title}." + (f" I ask that it {_lower_first(g.ask)}" if g.ask else "")
        rest = len(grounds) - i - 1
        tail = f"(And {rest} further ground{'s' if rest != 1 else ''} in the attached letter.)" if rest else ""
        if len("\n".join(lines + [line])) + (len(tail) + 1 if tail else 0) > FORM_BOX:
            line = f"{g.number}. {g.title}."
            if len("\n".join(lines + [line])) + (len(tail) + 1 if tail else 0) > FORM_BOX:
                lines.append(f"(And {rest + 1} further ground{'s' if rest + 1 != 1 else ''} in the attached letter.)")
                break
        lines.append(line)
    if not grounds:
        lines.append("The authority has not answered my request as the law requires; see the attached letter.")
    why_lines = [_fit(x) for x in lines]
    while len("\n".join(why_lines)) > FORM_BOX and len(why_lines) > 1:
        why_lines.pop(-1)

    # The documents, unedited, with their dates.
    docs = [{"what": "request", "date": dates.get("received"), "date_kind": "received"},
            {"what": "response", "date": dates.get("responded"), "date_kind": "dated"}]
    if dates.get("review_requested"):
        docs.append({"what": "review_request", "date": dates.get("review_requested"), "date_kind": "sent"})
    if dates.get("review_responded") or outcome is not None:
        docs.append({"what": "review_outcome", "date": dates.get("review_responded"), "date_kind": "dated"})
    return {
        "complaint": complaint, "complaint_chars": len(complaint),
        "why_lines": why_lines, "why_chars": len("\n".join(why_lines)),
        "limit": FORM_BOX,
        "disputed": [_provision(c, regime) for c in disputed], "accepted": [_provision(c, regime) for c in acc],
        "ncnd": bool(refusal.ncnd), "documents": docs, "notes": notes,
    }


def _canonical(citation: str) -> str:
    """'Section 40(2)', 's.40(2)', 's40(2)' -> 's40(2)'; 'regulation 13' -> 'reg13'."""
    c = re.sub(r"\s+", "", citation.strip().lower())
    c = re.sub(r"^(section|sec\.?|s\.?)(?=\d)", "s", c)
    return re.sub(r"^(regulation|reg\.?|r\.?)(?=\d)", "reg", c)


def _lower_first(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if first.isupper() and len(first) > 1:  # "ICO", "FOI"
        return text
    return text[:1].lower() + text[1:]


def _attachments(source: str | None, review: dict, outcome: Refusal | None) -> list[dict]:
    """What to send with the complaint: kinds the templates word, with file names we know."""
    import os

    def named(what: str, path: str | None) -> dict:
        base = os.path.basename(path) if path and path != "-" else None
        return {"what": what, "file": base}

    items = [named("request", None), named("response", source)]
    if review["requested"]:
        items.append(named("review_request", None))
    if review["responded"]:
        items.append(named("review_outcome", review.get("outcome_source")))
    return items


# ---- to Markdown ------------------------------------------------------------------------------
def context(letter: Letter) -> dict:
    """The template context: every string escaped for Markdown (templates write Markdown)."""
    from appeal.render.markdown import escape

    def esc(value):
        if isinstance(value, str):
            return escape(value)
        if isinstance(value, dict):
            return {k: esc(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [esc(v) for v in value]
        return value

    d = {f.name: getattr(letter, f.name) for f in dataclasses.fields(letter)}
    d["requester"] = {"name": letter.requester.name, "email": letter.requester.email,
                      "address": list(letter.requester.address)}
    d["grounds"] = [dataclasses.asdict(g) for g in letter.grounds]
    d.pop("assumptions")
    d.pop("left_out")
    return esc(d)


def to_markdown(letter: Letter, *, template_dir: str | None = None) -> str:
    from appeal.render.clean import clean
    from appeal.templating import render

    text = render(letter.template, template_dir=template_dir, **context(letter))
    text = re.sub(r"\n{3,}", "\n\n", clean(text)).strip("\n") + "\n"
    return typography(text, keep=_exact_strings(letter))


# A request that names a year or a date ("2012/13", "between 1 April 2019 and 31 March 2020",
# "August 2013 to November 2013") is bounded by it: never widened to "up to the date of this
# request" (that turns a year's records into fourteen, and invites a cost refusal).
_FIXED_PERIOD = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}[/.]\d{1,2}[/.]\d\d(?:\d\d)?\b")
# Wording that already runs to "now": the period updates itself.
_OPEN_PERIOD = re.compile(r"\b(?:to date|up to (?:the )?(?:present|now|today)|since|currently|current|"
                          r"latest|most recent|last (?:\w+ )?(?:months?|years?|weeks?))\b", re.IGNORECASE)
FRESH_REQUEST_LIMIT = 1500

# The provisions by regime (FOIA s38 is health and safety; FOISA s38 is personal data).
_RESHAPE = {
    "personal": {"FOIA": ("s40",), "FOISA": ("s38",), "EIR": ("reg13",), "EISR": ("reg11",)},
    "confidence": {"FOIA": ("s41",), "FOISA": ("s36(2)",), "EIR": ("reg12(5)(f)",), "EISR": ("reg10(5)(f)",)},
    "commercial": {"FOIA": ("s43",), "FOISA": ("s33(1)(b)",), "EIR": ("reg12(5)(e)",), "EISR": ("reg10(5)(e)",)},
}


def _fresh(refusal: Refusal | None, regime: str = "FOIA") -> dict:
    """What the fresh or narrowed request needs beyond the letter's context: the request's
    words whole (or plainly marked abridged), whether it has a fixed period of its own, and
    the one reshaping the refusal calls for (aggregates over records for personal data, what
    is held over what is not for cost, the authority's own summary over confidences)."""
    if refusal is None:
        return {}
    text = _unquote(one_line(refusal.request_text or "")).rstrip(",; ")
    # words that end by introducing a list ("I would like the following data:") were read
    # without the list: say so rather than quote a preamble as the whole request
    lead_in = text.endswith(":")
    text = text.rstrip(": ")
    # a copy of the letter cut off inside the request: its words stop mid-sentence
    cut_off = bool(getattr(refusal, "truncated", False)) and bool(text) and text[-1] not in ".?!)\"\u201d\u2019"
    abridged = len(text) > FRESH_REQUEST_LIMIT or cut_off or (lead_in and bool(text))
    if abridged and not (lead_in and len(text) <= FRESH_REQUEST_LIMIT):
        head = text[:FRESH_REQUEST_LIMIT] + " "
        cut = max(head.rfind(". "), head.rfind("? "), head.rfind("; "))
        if cut >= (1 if cut_off else FRESH_REQUEST_LIMIT // 2):
            text = head[:cut + 1]
        else:  # no sentence end to cut at: drop the broken last word, or shorten
            text = text.rsplit(" ", 1)[0] if cut_off and " " in text else shorten(text, FRESH_REQUEST_LIMIT)
        text = text.rstrip(" .;")
    fixed = bool(text) and bool(_FIXED_PERIOD.search(text)) and not _OPEN_PERIOD.search(text)
    cites = [e.citation for e in refusal.exemptions]
    heads = {e.section for e in refusal.exemptions}
    cost = refusal.cost is not None or "s12" in heads or any(
        e.test == "cost" or e.citation.startswith(("reg12(4)(b)", "reg10(4)(b)")) for e in refusal.exemptions)

    def relied(prefixes):
        return any(c == p or c.startswith(p + "(") or (p.endswith(")") and c.startswith(p)) for c in cites
                   for p in prefixes)

    reshape = [k for k in ("personal", "confidence", "commercial") if relied(_RESHAPE[k].get(regime, ()))]
    if "personal" in reshape and refusal.partial_disclosure:
        # names taken out of documents otherwise disclosed: offer the redaction, not aggregates
        reshape[reshape.index("personal")] = "names"
    if cost:
        reshape.insert(1 if reshape[:1] in (["personal"], ["names"]) else 0, "cost")
    if cost and sum(1 for q in getattr(refusal, "questions", None) or () if q.number) >= 2:
        reshape.append("parts")  # several numbered parts: each can be dealt with on its own
    return {"request_full": text or None, "abridged": abridged, "fixed_period": fixed, "reshape": reshape}


def new_request(letter: Letter, outcome_kind: str, *, refusal: Refusal | None = None,
                template_dir: str | None = None) -> str:
    """The short document a `fresh-request` or `narrow` judgement calls for, in place of a review:
    the request made afresh, or a narrowing that asks for the regime's advice-and-assistance duty
    (FOIA s16, FOISA s15, EIR/EISR regulation 9). Same sender, authority and reference. Given
    the refusal, the request is quoted whole (or marked abridged), a fixed historic period is
    left as it is, and one sentence reshapes the request to what the refusal turned on."""
    outcome = dict(letter.outcome or {})
    outcome["kind"] = outcome_kind
    outcome.update(_fresh(refusal, letter.regime))
    return to_markdown(dataclasses.replace(letter, template="letters/new_request.md.j2", outcome=outcome),
                       template_dir=template_dir)


def _exact_strings(letter: Letter) -> list[str]:
    """Strings printed exactly as their source gives them (citations, the regulator's names),
    as they appear in the Markdown: typography leaves them alone."""
    from appeal.render.markdown import escape

    out = [c for g in letter.grounds for c in g.citations]
    reg = letter.regulator or {}
    out += [v for k in ("name", "title", "short_name") if isinstance(v := reg.get(k), str)]
    return sorted({escape(x) for x in out if x and ("'" in x or '"' in x)}, key=len, reverse=True)


_DQ_OPEN = re.compile(r'(^|[\s(\[{>—–/-])"')
_SQ_OPEN = re.compile(r"(^|[\s(\[{>—–/-])'(?=\w)")


def typography(text: str, keep: list[str] = ()) -> str:
    """One style of quotation marks throughout, as British letters print them: the rules'
    straight quotes become curly (“…”, ‘…’), and apostrophes ’. Strings in `keep` (exact
    citations) are left as they are."""
    kept: list[str] = []
    for k in keep:
        if k in text:
            kept.append(k)
            text = text.replace(k, f"\x00{len(kept) - 1}\x00")
    out = []
    for line in text.split("\n"):
        if '"' in line:
            line = _DQ_OPEN.sub(lambda m: m.group(1) + "“", line)
            line = line.replace('"', "”")
        if "'" in line:
            line = _SQ_OPEN.sub(lambda m: m.group(1) + "‘", line)
            line = line.replace("'", "’")
        out.append(line)
    text = "\n".join(out)
    for i, k in enumerate(kept):
        text = text.replace(f"\x00{i}\x00", k)
    return text
