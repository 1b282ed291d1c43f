"""error-of-law: the letter states the law wrongly, on its face."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from appeal.rules.base import ALL_REGIMES, Rule
from appeal.rules.context import ci

RULE = Rule(
    id="error-of-law",
    title="The letter misstates the law",
    regimes=ALL_REGIMES,
    strengths=("strong", "moderate", "weak"),
    detects="Statements of law in the letter that are wrong on their face: a qualified exemption called "
    "absolute (no public interest test then done); a prejudice-based exemption called class-based (no harm "
    "then shown); s23 treated as a prejudice test; the personal data exemption called 'section 40 of the Data "
    "Protection Act'; s40(5) cited in its pre-25 May 2018 numbering; s14 applied to the requester rather "
    "than the request. Whether a provision is absolute, qualified, class- or prejudice-based is read from the "
    "exemption catalogue (appeal/law/exemptions.toml), and only for sections whose every limb is the same.",
    why="A refusal notice must specify the exemption and say why it applies (FOIA s17(1)(b)-(c), s17(3); FOISA "
    "s16). A decision taken on a wrong view of the law has not applied the test the Act sets: an authority "
    "that thinks s31 absolute or class-based has neither shown prejudice nor weighed the public interest, and "
    "the decision must be taken again. Lesser errors (a wrong Act, a repealed subsection) show the notice does "
    "not specify the exemption correctly.",
    example="'Section 31 is a class based absolute exemption and there is no requirement to consider the "
    "public interest.'",
    near_miss="'Section 23 is a class based absolute exemption' (correct: s23 is both); 'Section 40(2) is an "
    "absolute exemption' (s40 depends on the limb, so the rule does not judge it); s40(5) in a letter dated "
    "before 25 May 2018.",
    references=("FOIA s2(3) (absolute exemptions), s17(1) and (3)", "FOISA s2(2), s16",
                "Data Protection Act 2018, Schedule 19 (FOIA s40 amended: s40(5A), (5B))",
                "ICO guidance: the prejudice test; the public interest test"),
)

CUTOVER = dt.date(2018, 5, 25)

# "Section 31 (Law Enforcement) is a qualified, prejudice based exemption"
_CLAIM = ci(
    r"(?:section|s\.?)\s*(\d{1,2})((?:\s?\(\s?\w{1,3}\s?\))*)\s*(?:[-–]\s*)?(?:\([^)]{0,60}\)\s*|"
    r"[A-Z]?[a-z ,']{0,50}?\s)?(?:of (?:the |that )?(?:freedom of information|foia|act)[^.,]{0,40}?\s)?"
    r"(?:is|was|as|being)\s+(?:an?\s+|both\s+)?((?:(?:absolute|qualified|class[- ]?based|prejudice[- ]?based|"
    r"harm[- ]?based)(?:\s*(?:,|and|&|/)\s*|\s+)){1,3})(?:exemption|provision|exception)?",
)
# EIR reg 12(4)/(5) and EISR reg 10(4)/(5): every exception is subject to the public interest
# test (EIR reg 12(1)(b); EISR reg 10(1)(b)), so none is absolute.
_EIR_ABSOLUTE = ci(
    r"(?:regulation|reg\.?)\s*1[02]\s*\(\s?[45]\s?\)\s*(?:\(\s?[a-g]\s?\))?[^.]{0,60}?\b(?:is|as) (?:an? )?"
    r"(?:absolute|class[- ]based and absolute)\b",
)
_TEST_WORDS = ci(r"absolute|class[- ]?based|prejudice[- ]?based|harm[- ]?based")
_DPA40 = ci(
    r"(?:section|s\.?)\s*40\s*(?:\(\s?\w{1,2}\s?\)){0,3}\s+(?:of|under|within|in)\s+the\s+data\s+protection\s+act",
)
_REQUESTER = ci(
    r"(?:you are|you have been (?:deemed|designated|classed|considered|identified as)|we (?:consider|deem|regard) you"
    r"(?: to be| as)?|(?:deemed|designated|classed|regarded) (?:you )?as)\s+(?:an?\s+)?vexatious(?: (?:requester|"
    r"applicant|person|individual|correspondent|complainant))?\b|\bvexatious (?:requester|applicant)\b",
)
_NEGATED = ci(r"not\b|no\b|never\b|n't\b|rather than|instead of", word_start=True)

# Sections whose every catalogued limb shares the flag, so that a statement about the section
# as a whole can be judged. Mixed sections (FOIA s27, s36, s40, s43; FOISA s33, s36, s38, s41) are
# left out by `_uniform`.


@lru_cache(maxsize=128)
def _uniform(section: str, regime: str, field: str):
    from appeal.law.exemptions import catalogue

    table = catalogue().get(regime, {})
    head = table.get(section)
    if head is None:
        return None
    base = head.get(field)
    values = {base}
    for key, entry in table.items():
        if key.startswith(section + "("):
            values.add(entry.get(field, base))
    return base if len(values) == 1 else None


def _section_claims(ctx):
    out = []
    regime = "FOISA" if ctx.regime in ("FOISA", "EISR") else "FOIA"
    if ctx.regime in ("EIR", "EISR"):
        return out  # EIR exceptions are numbered regulations: no section claims to judge
    seen = set()
    matches = []
    for k in ctx.finditer(_TEST_WORDS, response=True):  # a cheap first pass: only sentences naming a test
        a, b = ctx.sentence_at(k.start())
        if (a, b) in seen:
            continue
        seen.add((a, b))
        matches.extend(ctx.finditer(_CLAIM, a, b, response=True))
    for m in matches:
        section = "s" + m.group(1)
        words = m.group(3).lower()
        absolute = _uniform(section, regime, "absolute")
        test = _uniform(section, regime, "test")
        a, b = ctx.sentence_at(m.start())
        if ctx.search(_NEGATED, m.start(), m.end()):
            continue
        label = ctx.words(m).split(" is ")[0].split(" was ")[0].strip()
        if "absolute" in words and absolute is False:
            kind = "qualified-called-absolute"
            strength = "moderate" if ctx.refusal.public_interest_test else "strong"
        elif "class" in words and test == "prejudice":
            kind = "prejudice-called-class"
            strength = "moderate"
        elif ("prejudice" in words or "harm" in words) and test == "class" and absolute is True:
            kind = "class-called-prejudice"
            strength = "weak"
        else:
            continue
        out.append({"kind": kind, "strength": strength, "span": (a, b), "section": section,
                    "provision": f"section {m.group(1)}", "label": label})
    return out


def _eir_absolute(ctx):
    if ctx.regime not in ("EIR", "EISR"):
        return []
    for m in ctx.finditer(_EIR_ABSOLUTE, response=True):
        a, b = ctx.sentence_at(m.start())
        if ctx.search(_NEGATED, m.start(), m.end()):
            continue
        reg = "regulation 10" if ctx.regime == "EISR" else "regulation 12"
        return [{"kind": "eir-absolute", "strength": "moderate" if ctx.refusal.public_interest_test else "strong",
                 "span": (a, b), "section": reg, "provision": reg, "label": ctx.words(m)}]
    return []


def _dpa40(ctx):
    out = []
    if "data protection act" not in ctx.response_low:
        return out
    for m in ctx.finditer(_DPA40, response=True):
        a, b = ctx.sentence_at(m.start())
        out.append({"kind": "s40-of-dpa", "strength": "weak", "span": (a, b), "section": "s40",
                    "provision": "section 40", "label": ctx.words(m)})
        break
    return out


def _old_s40_5(ctx):
    if ctx.regime != "FOIA":
        return []
    old = [e for e in ctx.exemptions if (e.citation == "s40(5)" or e.citation.startswith("s40(5)("))
           and getattr(e, "found", "cited") == "cited"]
    if not old:
        return []
    date = ctx.letter_date
    if date is None:
        ctx.note("error-of-law: s40(5) numbering not checked: the letter's date is unknown (after 25 May 2018 "
                 "the provision is s40(5A)/(5B)).")
        return []
    if date < CUTOVER:
        return []
    ev = ctx.citation_ev(old[0])
    if ev is None:
        return []
    a, b = ctx.sentence_at(ev.start)
    if _outdated_law_covers(ctx, a, b):
        return []
    return [{"kind": "old-s40-5", "strength": "weak", "span": (a, b), "section": "s40",
             "provision": "section 40(5)", "label": ev.quote, "date": date.isoformat()}]


def _outdated_law_covers(ctx, a, b) -> bool:
    """outdated-law argues repealed data protection law; leave it the words it already quotes."""
    try:
        from appeal.rules import outdated_law
    except ImportError:
        return False
    try:
        found = outdated_law.check(ctx) or []
    except Exception:  # another rule's failure is not ours to report
        return False
    return any(e.start < b and a < e.end for f in found for e in f.evidence)


def _requester(ctx):
    if not (ctx.cited("s14") or ctx.search(ci(r"vexatious"), response=True)):
        return []
    for m in ctx.finditer(_REQUESTER, response=True):
        a, b = ctx.sentence_at(m.start())
        if ctx.search(_NEGATED, max(a, m.start() - 40), m.start()):
            continue
        return [{"kind": "s14-requester", "strength": "weak", "span": (a, b), "section": "s14",
                 "provision": "section 14", "label": ctx.words(m)}]
    return []


_ORDER = {"strong": 0, "moderate": 1, "weak": 2}


def check(ctx):
    errors = _section_claims(ctx) + _eir_absolute(ctx) + _dpa40(ctx) + _old_s40_5(ctx) + _requester(ctx)
    if not errors:
        return []
    seen, unique = set(), []
    for e in sorted(errors, key=lambda e: _ORDER[e["strength"]]):
        key = (e["kind"], e["section"])
        if key in seen:
            continue
        seen.add(key)
        unique.append(e)
    strength = unique[0]["strength"]
    evidence = [ctx.ev(*e["span"]) for e in unique[:3]]
    for e, ev in zip(unique, evidence):
        e["quote"] = ev.quote
    return [ctx.finding(RULE, strength, evidence, errors=unique[:3])]
