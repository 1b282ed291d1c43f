"""security-link-unexplained: s23(5) or s24(2) relied on with no link to a security body or to national
security shown (a s17(1)(c) explanation point)."""

from __future__ import annotations

import re

from appeal.rules.base import Rule
from appeal.rules.context import ci, distinct, ncnd_scope
from appeal.rules.request import mentions

RULE = Rule(
    id="security-link-unexplained",
    title="The link to the security bodies or to national security is not explained",
    regimes=("FOIA",),
    strengths=("moderate", "weak"),
    detects="FOIA s23(5) or s24(2) relied on for a request with no apparent connection to the bodies listed in "
    "s23(3) or to national security, where the letter says nothing about what that connection is. Silent where "
    "the request itself concerns security work (terrorism, intelligence, informants and covert sources, "
    "Prevent), a named person, incident or operation, or where the letter explains the link. Citing s23(5) and "
    "s24(2) in the alternative is lawful and is not a ground by itself.",
    why="A refusal notice must say why the exemption applies (s17(1)(c)), unless that would itself reveal "
    "exempt information (s17(4)). Section 23(5) is engaged only where confirming or denying would reveal "
    "something about a s23(3) body, judged on the balance of probabilities; s24(2) only where exemption from "
    "the duty to confirm or deny is required to safeguard national security. Neither is engaged by asserting it, "
    "and an authority can say in general terms why a link is plausible without revealing anything.",
    example="s23(5) and s24(2) cited for the number of visits the force's computers made to a website, with no "
    "word on why confirming that the figure is held would reveal anything about a security body.",
    references=("FOIA s17(1)(c), s17(4), s23(3), s23(5), s24(2)",
                "ICO guidance: section 23 security bodies (balance of probabilities)",
                "ICO guidance: section 24 national security"),
)

# The letter says how a security body or national security is concerned (not "other agencies").
LINK_EXPLAINED = ci(
    r"\b(mi5|mi6|gchq|security service|secret intelligence service|government communications headquarters|"
    r"special forces|counter[- ]terrorism (policing|command|unit)|special branch|"
    r"(was|were|is|are|has been|have been) (supplied|provided) by[^.]{0,40}security bod(y|ies)|"
    r"security bod(y|ies) (were|was|are|is|have been) "
    r"(involved|consulted|concerned))",
)
# Vaguer words in the letter that the ground must answer rather than ignore.
GESTURE = ci(r"\b(other|partner|national) (national )?agencies\b|\bpartner organisations\b|\bnational partners\b")
# Subjects plausibly touching a s23(3) body: the ground anticipates the link and answers it.
NCA_SUBJECT = re.compile(
    r"\bonline\b[^.?\n]{0,60}\b(child|children|sexual|abuse|grooming|exploitation)|\bindecent (images?|photographs?)\b|"
    r"\bchild sexual (abuse|exploitation)\b|\bCSE\b|\bCSAE?\b|\bgrooming\b|\bsexting\b|\bCEOP\b|"
    r"\bNational Crime Agency\b|\bNCA\b|\borgani[sz]ed crime\b|\bcounty lines\b|\bmodern slavery\b|"
    r"\bhuman trafficking\b|\bcyber ?crime\b|\bhigh tech crime\b",
    re.I,
)
CEOP_WORDS = ci(r"\b(child exploitation and online protection|ceop|national crime agency)\b")
# The information itself is about security work: the authority's answer is plain, so say nothing.
SECURITY_WORK = re.compile(
    r"\binformants?\b|\bCHIS\b|\bcovert (human )?(intelligence )?sources?\b|\bspecial branch\b|"
    r"\bcounter[- ]?terror\w*|\bterror\w*|\bextremis\w*|\bradicali[sz]\w*|\bPrevent\b|\bproscribed\b|"
    r"\bMI5\b|\bMI6\b|\bGCHQ\b|\bintelligence\b|\bsecurity services?\b|\bnational security\b|\bespionage\b|"
    r"\bofficial secrets\b|\binterception\b|\bIMSI\b|\bRIPA\b|\bcovert\b|\bsurveillance\b|\bnuclear\b|"
    r"\bmilitary\b|\broyal(ty| family)?\b|\bprotected persons?\b|\bcritical (national )?infrastructure\b",
    re.I,
)


def _ncnd_forms(ctx):
    return [e for e in ctx.cited(("s23", "s24"))
            if e.citation.startswith(("s23(5)", "s24(2)"))]


def check(ctx):
    forms = _ncnd_forms(ctx)
    prof = ctx.request
    if not forms or not prof.known or prof.specific:
        return []
    if mentions(SECURITY_WORK, prof.text):
        return []  # the subject is security work itself: a link is plain
    if ctx.search(LINK_EXPLAINED, response=True):
        return []
    gesture = ctx.search(GESTURE, response=True)
    ceop = ctx.search(CEOP_WORDS, response=True)
    nca = mentions(NCA_SUBJECT, prof.text) or bool(ceop)
    scope = ncnd_scope(ctx)
    # moderate at most (an explanation point); weak where the copy is cut or the request is not for figures
    strength = "moderate" if prof.aggregate and not ctx.refusal.truncated else "weak"
    evidence = [ctx.ev_citation_line(e) for e in forms]
    if gesture:
        evidence.append(ctx.ev_sentence(gesture.start()))
    ctx.cover(forms, RULE.id)
    return [ctx.finding(
        RULE, strength, evidence,
        forms=distinct(e.citation for e in forms),
        s23=any(e.citation.startswith("s23") for e in forms),
        s24=any(e.citation.startswith("s24") for e in forms),
        aggregate=prof.aggregate,
        other=scope == "other",
        nca=nca,
        ceop_named=bool(ceop),
        gesture=ctx.words(gesture) if gesture else None,
        gesture_quote=evidence[-1].quote if gesture else None,
    )]
