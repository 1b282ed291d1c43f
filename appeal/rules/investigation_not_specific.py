"""investigation-not-specific: s30 for information not held for a specific investigation."""

from __future__ import annotations

import re

from appeal.rules.base import Rule
from appeal.rules.context import ci
from appeal.rules.request import mentions

RULE = Rule(
    id="investigation-not-specific",
    title="The investigations exemption is used for information not held for a particular investigation",
    regimes=("FOIA", "FOISA"),
    strengths=("moderate",),
    detects="FOIA s30(1) or its NCND form s30(3) (FOISA s34(1)) relied on for statistics, policies or costs, where "
    "the request concerns no particular investigation, person or incident. Never for s30(2) (confidential "
    "sources), which needs no particular investigation, nor where the request is about informants or sources.",
    why="Section 30 is class-based, but its class is narrow: information held for the purposes of a specific "
    "investigation or proceedings the authority has a duty or power to conduct. The Information Tribunal (Toms "
    "v IC, EA/2005/0027) and the ICO read it as requiring a particular investigation, not investigations in "
    "general or the procedures for them. Aggregate figures, policies and spending are held for management and "
    "reporting, not for any one investigation.",
    example="Annual totals of offences recorded, refused under s30(1) because they 'relate to investigations'.",
    references=("FOIA s30(1), s30(3)", "Toms v Information Commissioner (EA/2005/0027)",
                "ICO guidance: section 30 investigations and proceedings"),
    near_miss="A request naming an operation ('Operation Harbour', 'Op HARBOUR') or an investigation ('the investigation into the death of ...'): that is a particular investigation.",
)


# s30(2) protects confidential sources and other information obtained from them; it needs no
# particular investigation (Toms reads s30(1)). A request about sources is s30(2) ground whatever is cited.
_S30_2 = ("s30(2)",)
SOURCES = re.compile(r"\binformants?\b|\bCHIS\b|\bcovert (human )?(intelligence )?sources?\b|"
                     r"\bconfidential sources?\b|\bundercover\b", re.I)
# A named operation or investigation is a particular investigation: "Operation Angle", "Op ANGLE",
# "the investigation into the death of ...", "the inquiry known as ...".
NAMED_OPERATION = re.compile(
    r"\b(?:Operation|Op\.?) [A-Z][A-Za-z]+|"
    r"\b(?:the|this|that|your|its) (?:police |criminal |murder |major )?(?:investigation|inquiry|enquiry) "
    r"(?:into|known as|called|named|codenamed) (?:the )?[A-Za-z]|"
    r"\b(?:investigation|inquiry|enquiry) (?:known as|called|named|codenamed) [A-Z]"
)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# "on the 5th and 6th of July 2025", "on 3 May": reports of particular days, tied to an event
DAYS = re.compile(rf"\bon (?:the )?\d{{1,2}}(?:st|nd|rd|th)?(?: (?:and|&|or) (?:the )?\d{{1,2}}(?:st|nd|rd|th)?)? "
                  rf"(?:of )?{_MONTH}\b")
_SOURCES_IN_LETTER = ci(r"confidential sources?|covert human intelligence|informants?\b|chis\b|section 30\(2\)",
                        word_start=True)


def check(ctx):
    s30 = [e for e in ctx.cited("investigations") if not e.citation.startswith(_S30_2)]
    prof = ctx.request
    if not s30 or not prof.known or prof.specific or prof.case_level:
        return []
    if mentions(SOURCES, prof.text) or mentions(NAMED_OPERATION, prof.text) or mentions(DAYS, prof.text):
        return []  # sources (s30(2)), a named operation or the reports of particular days: specific
    if any(e.citation.startswith("s30(3)") for e in s30) and ctx.search(_SOURCES_IN_LETTER, response=True):
        return []  # the NCND is put on the confidential-sources limb
    if not (prof.statistics or prof.policy or prof.spending or prof.records):
        return []
    kinds = [k for k, on in (("statistics", prof.statistics), ("policies or procedures", prof.policy),
                             ("spending", prof.spending), ("a list of records", prof.records)) if on]
    evidence = [ctx.citation_ev(e) for e in s30]
    ctx.cover(s30, RULE.id)
    return [ctx.finding(
        RULE, "moderate", evidence,
        citations=[e.citation for e in s30],
        kinds=kinds,
        section="section 34" if ctx.regime == "FOISA" else "section 30",
    )]
