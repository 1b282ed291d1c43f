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

QUOTES_PER_GROUND = 2
QUOTE_LIMIT = 600
REQUEST_LIMIT = 320


from appeal.dates import long_date  # noqa: E402  (kept importable from here)


@dataclass
class Ground:
    number: int
    rule: str
    title: str
    strength: str
    quotes: list[str]
    argument: str
    citations: list[str]  # exact citation strings of verified precedents
    ask: str
    from_review: bool = False  # found in the review outcome rather than the first response


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
    # For the summary, never the letter:
    assumptions: list[str] = field(default_factory=list)
    left_out: dict[str, int] = field(default_factory=dict)  # strength -> grounds not used


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
    return {
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
                 review_findings: list[Finding] = (), request: str | None = None) -> list[Ground]:
    """One ground per rule, strongest first (ties keep the engine's order).

    A rule that fired on both the response and the review outcome is argued once, with the
    quotes from both letters.
    """
    cite = cite or _citation_lookup()
    merged: dict[str, tuple[Finding, list[str], bool]] = {}
    order: list[str] = []
    for f, from_review in [(f, False) for f in findings] + [(f, True) for f in review_findings]:
        quotes = [shorten(one_line(e.quote), QUOTE_LIMIT) for e in f.evidence]
        if f.rule in merged:
            old, old_quotes, old_rev = merged[f.rule]
            best = f if STRENGTH_ORDER.get(f.strength, 3) < STRENGTH_ORDER.get(old.strength, 3) else old
            merged[f.rule] = (best, old_quotes + quotes, old_rev and from_review)
        else:
            merged[f.rule] = (f, quotes, from_review)
            order.append(f.rule)
    ranked = sorted(order, key=lambda r: (STRENGTH_ORDER.get(merged[r][0].strength, 3), order.index(r)))
    grounds = []
    for n, rule in enumerate(ranked, 1):
        f, quotes, from_review = merged[rule]
        argument = one_line(f.argument)
        if re.match(r"[a-z]+[\s,;:]", argument):  # "the Act requires" -> "The Act"; never "S31(3)"
            argument = argument[:1].upper() + argument[1:]
        uniq = []
        for q in quotes:
            q = _unquote(q).rstrip(":;, ")
            # the request is quoted in the opening already; the argument's own quotes stay inline
            if q and q not in uniq and _worth_quoting(q, argument) and _worth_quoting(q, request or ""):
                uniq.append(q)
        citations = []
        for pid in f.precedents:
            c = cite(pid)
            if c and one_line(c) not in citations:
                citations.append(one_line(c))
        grounds.append(Ground(
            number=n, rule=f.rule, title=one_line(f.title), strength=f.strength,
            quotes=uniq[:QUOTES_PER_GROUND], argument=argument,
            citations=citations, ask=one_line(f.ask), from_review=from_review,
        ))
    return grounds


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
    request = shorten(_unquote(one_line(refusal.request_text)), REQUEST_LIMIT).rstrip(".,;: ") or None
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
        what = {"name": "--name (the letter is signed '[Your name]')",
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
                regulator=reg.to_dict(),
                authority=authority, reference=reference, request=request,
                response=_response(refusal, regime), dates=dates, bases=bases,
                source_name=refusal.source, assumptions=_unique(notes))


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
def build_review(refusal: Refusal, findings: list[Finding], timeline: Timeline | None,
                 requester: Requester, *, regime: str, letter_date: dt.date,
                 received: dt.date | None = None, responded: dt.date | None = None,
                 review_requested: dt.date | None = None, all_strengths: bool = False,
                 include: tuple[str, ...] = (), assumptions: list[str] = (),
                 cite: Callable[[str], str | None] | None = None) -> Letter:
    kept, left = select(findings, all_strengths=all_strengths, include=include)
    grounds = make_grounds(kept, cite=cite or _citation_lookup(regime), request=refusal.request_text)
    common = _common("review", refusal, timeline, requester, regime=regime, letter_date=letter_date,
                     received=received, responded=responded,
                     review_requested=review_requested or letter_date, review_responded=None,
                     assumptions=list(assumptions))
    return Letter(template=f"letters/review_{regime.lower()}.md.j2", grounds=grounds,
                  asks=consolidate_asks(grounds), review={}, left_out=left, **common)


def build_complaint(refusal: Refusal, findings: list[Finding], timeline: Timeline | None,
                    requester: Requester, *, regime: str, letter_date: dt.date,
                    received: dt.date | None = None, responded: dt.date | None = None,
                    review_requested: dt.date | None = None, review_responded: dt.date | None = None,
                    outcome: Refusal | None = None, outcome_findings: list[Finding] = (),
                    all_strengths: bool = False, include: tuple[str, ...] = (),
                    assumptions: list[str] = (),
                    cite: Callable[[str], str | None] | None = None,
                    accepted: tuple[str, ...] = ()) -> Letter:
    kept, left = select(findings, all_strengths=all_strengths, include=include)
    kept_rev, left_rev = select(list(outcome_findings), all_strengths=all_strengths, include=include)
    for k, v in left_rev.items():
        left[k] = left.get(k, 0) + v
    grounds = make_grounds(kept, cite=cite or _citation_lookup(regime), review_findings=kept_rev,
                           request=refusal.request_text)
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
        "requested": review_requested is not None,
        "responded": review_responded is not None or outcome is not None,
        "overdue": overdue,
        "limit": dates.get(limit_id),
        "late": bool(timeline and timeline.review_late),
        "late_by": timeline.review_late_by_working_days if timeline else None,
        "upheld_cited": _cited_phrase([e.citation for e in outcome.exemptions], regime) if outcome else None,
        "outcome_reference": one_line(outcome.reference) if outcome and outcome.reference else None,
        "outcome_source": outcome.source if outcome else None,
    }
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
    form = {} if scottish else ico_form(refusal, outcome, grounds, common, accepted=accepted)
    if form:
        common["assumptions"] += form.pop("notes")
    return Letter(template=f"letters/complaint_{'sic' if scottish else 'ico'}.md.j2",
                  grounds=grounds, asks=consolidate_asks(grounds), review=review,
                  attachments=attachments, left_out=left, ico_form=form, **common)


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
    return text
