"""The exemptions a letter relies on, and the regime it answers under.

Citations come from `appeal.parse.citations.find_citations`; the catalogue
(`appeal.law.exemptions.lookup`) says which are exemptions (procedural sections such as
s1, s17, s50 are not). Only the authority's own words count: a provision quoted in the
request is not relied on. A bare "Section 31" beside "Section 31(3)" is the same exemption:
its places join the more specific citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bisect import bisect_left

from appeal.model import Exemption
from appeal.text import find_all, finditer, lower, sentence_bounds, windows

# ---- regime ---------------------------------------------------------------------------------
_SCOT_ACT = re.compile(r"(?i)Freedom\s+of\s+Information\s*\(\s*Scotland\s*\)\s*Act|\bFOISA\b|\bFOI\(S\)A\b")
_SCOT_REGS = re.compile(r"(?i)Environmental\s+Information\s*\(\s*Scotland\s*\)\s*Regulations|\bEISR\b|\bEI\(S\)Rs?\b")
_EIR_NAMED = re.compile(r"(?i)Environmental\s+Information\s+Regulations|\bEIRs?\b")
_FOIA_NAMED = re.compile(r"(?i)Freedom\s+of\s+Information\s+Act(?!\s*\(\s*Scotland)|\bFOIA\b|\bFOI\s+Act\b")
_DEALT_UNDER_ENV = re.compile(
    r"(?i)(?:deal(?:t|ing)?\s+with|handled?|consider(?:ed)?|respond(?:ed|ing)?\s+to)\s+(?:your|the|this)\s+request\s+"
    r"(?:\w+\s+){0,3}under\s+(?:the\s+|those\s+)?(?:Environmental|Regulations|EIRs?\b|EISR)"
)
_DEALT_UNDER_FOI = re.compile(
    r"(?i)(?:deal(?:t|ing)?\s+with|handled?|consider(?:ed)?|processed)\s+(?:your|the|this)\s+request\s+"
    r"(?:\w+\s+){0,4}under\s+(?:the\s+)?(?:terms\s+of\s+the\s+)?(?:Freedom\s+of\s+Information|FOI)"
)


_DEALT_WORDS = ("deal", "handl", "consider", "respond", "processed")


def _affirmed(rx: re.Pattern, text: str) -> bool:
    """rx matches somewhere not under a negation ("so that we do not also have to deal with")."""
    for m in finditer(rx, text, windows(lower(text), _DEALT_WORDS, 10, 160)):
        if not re.search(r"(?i)\b(?:not|never|no\s+longer)\s+(?:\w+\s+){0,3}$", text[max(0, m.start() - 40):m.start()]):
            return True
    return False


_COUNT_WORDS = {
    "scot_act": ("scotland", "foisa", "foi(s)a"),
    "scot_regs": ("scotland", "eisr", "ei(s)r"),
    "eir": ("environmental", "eir"),
    "foia": ("freedom of information", "foia", "foi act"),
}


def _count(rx: re.Pattern, text: str, in_request, key: str) -> int:
    wins = windows(lower(text), _COUNT_WORDS[key], 40, 60)
    return sum(1 for m in finditer(rx, text, wins) if not in_request(m.start()))


@dataclass
class RegimeGuess:
    regime: str
    scottish: bool
    assumption: str | None = None


def decide_regime(text: str, in_request, nation: str | None, cits) -> RegimeGuess:
    """`cits`: the CitationMatch list outside the request."""
    scot_act = _count(_SCOT_ACT, text, in_request, "scot_act")
    scot_regs = _count(_SCOT_REGS, text, in_request, "scot_regs")
    foia = _count(_FOIA_NAMED, text, in_request, "foia")
    eir = _count(_EIR_NAMED, text, in_request, "eir")
    inst = {c.instrument for c in cits if c.instrument}
    if nation == "scotland":
        scottish = True
    elif nation in ("england", "wales", "northern-ireland", "uk"):
        # A UK or other-nation body answering about Scotland is still under FOIA/EIR, unless
        # the letter itself works under the Scottish Act only.
        scottish = (scot_act + scot_regs) > 0 and foia == 0 and "FOIA" not in inst
    else:
        scottish = (scot_act + scot_regs + ("FOISA" in inst) + ("EISR" in inst)) > foia + ("FOIA" in inst)
    regs = [c for c in cits if c.citation.startswith("reg")]
    sects = [c for c in cits if c.citation.startswith("s")]
    env = False
    if regs:
        if any(c.citation.startswith("s39") for c in sects):
            env = True  # FOIA s39 / FOISA s39(2): handled under the Regulations instead
        elif _affirmed(_DEALT_UNDER_FOI, text):
            env = False
        else:
            env = not sects or _affirmed(_DEALT_UNDER_ENV, text)
    elif (eir > 0 or scot_regs > 0) and _affirmed(_DEALT_UNDER_ENV, text) and not sects:
        env = True
    if scottish:
        regime = "EISR" if env else "FOISA"
    else:
        regime = "EIR" if env else "FOIA"
    assumption = None
    if not (scot_act or scot_regs or foia or eir or inst or regs or nation == "scotland"):
        assumption = "the letter does not name the law it answers under: FOIA assumed"
    return RegimeGuess(regime, scottish, assumption)


# ---- relied-on exemptions ------------------------------------------------------------------------
def _lookup_regime(c, guess: RegimeGuess) -> str:
    if c.instrument:
        return c.instrument
    if c.citation.startswith("reg"):
        return "EISR" if guess.scottish else "EIR"
    return "FOISA" if guess.scottish else "FOIA"


_NEG_AFTER = re.compile(
    r"(?i)[^.;:\n]{0,60}?\b(?:(?:does|do|did)\s+not\s+(?:apply|engage)|(?:is|was|are|were)\s+not\s+(?:engaged|"
    r"relevant|applicable|being\s+(?:applied|relied))|(?:has|have|was|were)\s+not\s+(?:been\s+)?(?:applied|relied|used))"
)
# Withdrawn on review: "arguments applied under Section 31 of the Act, have been disregarded"
_WITHDRAWN_AFTER = re.compile(
    r"(?i)[^.;:]{0,90}?\b(?:has|have|was|were|is|are)\s+(?:now\s+)?(?:been\s+)?(?:disregarded|withdrawn|dropped|set\s+aside|"
    r"abandoned|no\s+longer\s+(?:relied|applied|engaged))"
)
_NEG_BEFORE = re.compile(
    r"(?i)\b(?:(?:we|I)\s+(?:have|had|are|am|do|did)\s+not\s+(?:applied|apply|relied|rely|relying|used|use|"
    r"considered\s+it\s+necessary\s+to\s+apply)(?:\s+on)?|rather\s+than|instead\s+of|no\s+longer\s+rel\w+\s+on)"
    r"[^.;\n]{0,30}$"
)
_COUNTING = re.compile(r"(?i)\bnumber\s+of\s+times\b|\bhow\s+many\s+times\b|\btimes\s+(?:it|we|the\s+\w+)\s+used\b|"
                       r"\b(?:used|applied|cited|relied\s+on)\b[^.\n]{0,60}?\b\d[\d,]*\s+times\b")


_DESCRIBES = re.compile(
    r"(?i)(?:[ \t]*(?:,|and|&|or)[ \t]*\([\w]{1,3}\))*[ \t,]*(?:of\s+the\s+(?:[\w()]+\s+){0,6}?(?:Act|FOIA|FOISA)(?:\s+\d{4})?[ \t,]*)?"
    r"(?:provides?\b|states?\b|says\b|sets?\s+out\b|reads\b|is\s+engaged\s+(?:where|if|when)\b|applies\s+(?:where|if|when)\b|"
    r"(?:[-–:][ \t]*)?(?:information\s+)?is\s+exempt(?:\s+information)?\s+if\b|exempts\b)"
)
_POSITIVE = re.compile(r"(?i)exempt|\brel(?:y|ies|ied|ying)\b|engag|by\s+virtue|withh[oe]ld|refus")
_NEGATION = re.compile(r"(?i)\b(?:not|no\s+longer|rather\s+than|instead\s+of)\b")


class _Bounds:
    """Sentence and line bounds of one text, found once, so that every citation's sentence is
    a bisect and each sentence is searched once: a letter of thousands of citations in one
    endless 'sentence' stays linear (issue 13: 160 KB of 'regulation 12(4)(b)' took minutes)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # ". " (sentence end) and "\n": the places _sentence stops at
        self.sent = sorted([m.start() for m in re.finditer(r"\. |\n", text)])
        # "." and "\n": where a counting line starts; "\n": where it ends
        self.dots = sorted([m.start() for m in re.finditer(r"[.\n]", text)])
        self.nls = [m.start() for m in re.finditer(r"\n", text)]
        self.memo: dict[tuple[str, int, int], object] = {}

    def sentence(self, a: int, b: int) -> tuple[int, int]:
        i = bisect_left(self.sent, a) - 1
        s = self.sent[i] + 1 if i >= 0 else 0
        j = bisect_left(self.sent, b)
        e = self.sent[j] if j < len(self.sent) else len(self.text)
        return s, e

    def line(self, a: int, b: int) -> tuple[int, int]:
        i = bisect_left(self.dots, a) - 1
        s = self.dots[i] + 1 if i >= 0 else 0
        j = bisect_left(self.nls, b)
        e = self.nls[j] if j < len(self.nls) else len(self.text)
        return s, e


def _sentence(text: str, a: int, b: int, bounds: _Bounds | None = None) -> str:
    bounds = bounds or _Bounds(text)
    s, e = bounds.sentence(a, b)
    key = ("sent", s, e)
    if key not in bounds.memo:
        sent = text[s:e]
        bounds.memo[key] = "" if _NEGATION.search(sent) else sent
    return bounds.memo[key]  # type: ignore[return-value]


def _positive(text: str, a: int, b: int, bounds: _Bounds) -> bool:
    s, e = bounds.sentence(a, b)
    key = ("pos", s, e)
    if key not in bounds.memo:
        bounds.memo[key] = bool(_POSITIVE.search(_sentence(text, a, b, bounds)))
    return bounds.memo[key]  # type: ignore[return-value]


def _not_relied(text: str, c, bounds: _Bounds | None = None) -> bool:
    """Named only to be set aside, or counted as a statistic ("used section 35 ... times")."""
    low = lower(text)
    # the words around it (a citation that runs on for pages is not copied per citation)
    near = low[max(0, c.start - 80): min(c.end, c.start + 200)] + " " + low[c.end: c.end + 70]
    if ("not" in near or "rather" in near or "instead" in near or "longer" in near) and (
        _NEG_AFTER.match(text, c.end) or _NEG_BEFORE.search(text[max(0, c.start - 80):c.start])
    ):
        return True
    far = low[c.end: c.end + 110]
    if ("disregard" in far or "withdrawn" in far or "dropped" in far or "set aside" in far or "abandoned" in far
            or "no longer" in far) and _WITHDRAWN_AFTER.match(text, c.end):
        return True
    bounds = bounds or _Bounds(text)
    line_s, line_e = bounds.line(c.start, c.end)
    key = ("count", line_s, line_e)
    if key not in bounds.memo:
        bounds.memo[key] = low.find("times", line_s, line_e) != -1 and bool(_COUNTING.search(text, line_s, line_e))
    return bounds.memo[key]  # type: ignore[return-value]


def relied_exemptions(text: str, cits, guess: RegimeGuess, in_request) -> list[Exemption]:
    from appeal.law.exemptions import lookup

    found: dict[str, Exemption] = {}
    order: list[str] = []
    set_aside: set[str] = set()
    relied: set[str] = set()
    bounds = _Bounds(text)
    seen_spans: dict[str, set[tuple[int, int]]] = {}
    described: dict[str, bool] = {}  # citation -> every mention only describes the law
    for c in cits:
        if in_request(c.start):
            continue
        d = bool(_DESCRIBES.match(text, c.end))
        described[c.citation] = described.get(c.citation, True) and d
        if _not_relied(text, c, bounds):
            set_aside.add(c.citation)
            continue
        if c.citation not in relied and _positive(text, c.start, c.end, bounds):
            relied.add(c.citation)
        info = lookup(c.citation, _lookup_regime(c, guess))
        if info is None:
            continue
        ex = found.get(c.citation)
        if ex is None:
            ex = Exemption(
                citation=c.citation, title=info.title or None, ncnd=info.ncnd,
                absolute=info.absolute, test=info.test,
            )
            found[c.citation] = ex
            order.append(c.citation)
            seen_spans[c.citation] = set()
        if (c.start, c.end) not in seen_spans[c.citation]:
            seen_spans[c.citation].add((c.start, c.end))
            ex.spans.append([c.start, c.end])
    # Named to be set aside and never relied on in so many words: not an exemption relied on.
    order = [c for c in order if not (c in set_aside and c not in relied)]
    # A provision relied on at section level, and its subsections only described in an annex
    # ("Section 27(1) Information is exempt if ...", "Sections 27(2) and (3) provide ..."): the
    # descriptions are of the law, not further provisions relied on.
    order = [c for c in order if not (described.get(c) and any(c.startswith(p + "(") and not described.get(p)
                                                                for p in order if p != c))]
    # A less specific citation joins the more specific ones it is the parent of.
    keep = []
    for cit in order:
        children = [o for o in order if o != cit and o.startswith(cit + "(")]
        if children:
            for ch in children:
                for sp in found[cit].spans:
                    if tuple(sp) not in seen_spans[ch]:
                        seen_spans[ch].add(tuple(sp))
                        found[ch].spans.append(sp)
            continue
        keep.append(cit)
    out = [found[c] for c in keep]
    for ex in out:
        ex.spans.sort()
    return out


# ---- harm and likelihood ------------------------------------------------------------------------
_HARM_STEMS = ("prejudic", "harm", "undermin", "compromis", "jeopardi", "hinder", "damag", "endanger", "risk",
               "detriment", "inhibit", "imped", "impair", "disrupt", "threat", "vulnerab", "weaken",
               "assist criminals", "assist offenders", "assist those", "advantage to", "useful to",
               "avoid detection", "evade detection", "less effective", "adverse", "negative impact",
               "to criminals", "criminal fraternity", "those intent", "would-be offenders")
_MODAL = re.compile(
    r"(?i)\b(?P<wbl>would\s+(?:be\s+)?likely\s+to|would\s+likely|(?:is|are|be)\s+likely\s+to)\b|\b(?P<w>would)\b|"
    r"\b(?P<c>could)\b|\b(?P<may>may)\b|\b(?P<might>might)\b"
)
_H_PRO = re.compile(
    r"(?i)(?:favou?r(?:ing)?\s+(?:of\s+)?(?:the\s+)?(?:disclos|confirm|complying|release|releasing)|for\s+disclos|"
    r"public\s+interest\s+in\s+(?:the\s+information\s+being\s+)?disclos|in\s+favour\s+of\s+disclos|supporting\s+disclos)"
)
_H_BAL = re.compile(r"(?i)balanc|conclusion")
_H_HARM = re.compile(r"(?i)\bharm\b|prejudice\s+test|evidence\s+of\s+harm|overall\s+harm")
_H_AGAINST = re.compile(r"(?i)against|non[\s\-]?disclos|maintaining|withhold|not\s+(?:confirm|disclos)|neither")

_CLUSTER_GAP = 160
_WINDOW_MAX = 3500


_HEADING_WORDS = ("harm", "prejudice", "favour", "favor", "balanc", "conclusion", "against", "disclos",
                  "maintain", "withh", "confirm", "neither", "public interest", "factor", "consideration")


def _headings(text: str) -> list[tuple[int, str]]:
    """Short heading-like lines that say what the block under them argues."""
    low = lower(text)
    starts = sorted({low.rfind("\n", 0, p) + 1 for w in _HEADING_WORDS for p in find_all(low, w)})
    out = []
    for start in starts:
        stop = text.find("\n", start)
        line = text[start: stop if stop != -1 else len(text)]
        h = line.strip().rstrip(":").strip()
        if len(h) < 3 or len(h) > 120 or h.endswith((",", ";", ".", "!", "?")):
            continue
        if h.count(" ") > 14:
            continue
        kind = None
        if _H_HARM.search(h) and not _H_PRO.search(h):
            kind = "harm"
        elif _H_PRO.search(h) and not re.search(r"(?i)against|non[\s\-]?disclos", h):
            kind = "pro"
        elif _H_BAL.search(h):
            kind = "balance"
        elif _H_AGAINST.search(h):
            kind = "against"
        elif re.search(r"(?i)public\s+interest|factors|considerations", h):
            kind = "other"
        if kind:
            out.append((start, kind))
    return out


def _modals(s: str) -> list[str]:
    out: list[str] = []
    low = s.lower()
    if "would" not in low and "could" not in low and "may" not in low and "might" not in low and "likely" not in low:
        return out
    for m in _MODAL.finditer(s):
        if m.group("wbl"):
            w = "would be likely to"
        elif m.group("w"):
            w = "would"
        elif m.group("c"):
            w = "could"
        elif m.group("may"):
            w = "may"
        else:
            w = "might"
        out.append(w)
    return out


_BOUNDARY = re.compile(r"[.!?\n]")


def add_likelihood(text: str, exemptions: list[Exemption], in_request, response_start: int) -> None:
    """For each exemption, the likelihood words ("would", "would be likely to", "could",
    "may", "might") of the harm statements near it, and whether any harm is stated.

    Near: from where it is cited (with the exemptions listed beside it) to where another
    is cited. Sentences under a heading about harm or prejudice count first; other harm
    sentences next, except those arguing for disclosure or weighing the balance. An
    exemption with nothing near it takes the letter's general harm statement, if any.
    """
    if not exemptions:
        return
    heads = _headings(text)
    head_pos = [h[0] for h in heads]
    low = lower(text)
    # each sentence that speaks of harm, keyed by the first harm word in it
    sents: dict[tuple[int, int], int] = {}
    bounds = [m.start() for m in _BOUNDARY.finditer(text)]
    for stem in _HARM_STEMS:
        for p in find_all(low, stem):
            i = bisect_left(bounds, p)
            sp = (bounds[i - 1] + 1 if i else 0, bounds[i] + 1 if i < len(bounds) else len(text))
            if sp not in sents or p < sents[sp]:
                sents[sp] = p
    harm = sorted((p, sp) for sp, p in sents.items() if not in_request(p))

    def block_kind(pos: int) -> str | None:
        i = bisect_left(head_pos, pos + 1) - 1
        return heads[i][1] if i >= 0 else None

    # anchors: every place any exemption is cited, clustered when listed together (nothing
    # but headings and line breaks between them)
    anchors = sorted((sp[0], sp[1], i) for i, ex in enumerate(exemptions) for sp in ex.spans)
    clusters: list[list[tuple[int, int, int]]] = []

    def starts_line(pos: int) -> bool:
        s0 = text.rfind("\n", 0, pos) + 1
        return not text[s0:pos].strip(" \t•·-–*0123456789.)(")

    for a in anchors:
        if clusters:
            prev_end = clusters[-1][-1][1]
            gap = text[prev_end:a[0]]
            listed = "\n" not in gap or starts_line(a[0])
            if a[0] - prev_end <= _CLUSTER_GAP and not re.search(r"[.!?](?:\s|$)", gap) and listed:
                clusters[-1].append(a)
                continue
        clusters.append([a])
    near: dict[int, dict[str, list[tuple[int, str]]]] = {i: {"harm": [], "other": []} for i in range(len(exemptions))}
    stated: set[int] = set()
    memo: dict[tuple[int, int], list[str]] = {}

    def modals(a: int, b: int) -> list[tuple[int, str]]:
        if (a, b) not in memo:
            memo[(a, b)] = _modals(text[a:b])
        return [(a, w) for w in memo[(a, b)]]

    harm_ps = [h[0] for h in harm]
    for ci, cl in enumerate(clusters):
        start = cl[0][0]
        end = clusters[ci + 1][0][0] if ci + 1 < len(clusters) else len(text)
        end = min(end, start + _WINDOW_MAX)
        members = {a[2] for a in cl}
        for k in range(bisect_left(harm_ps, start), bisect_left(harm_ps, end)):
            p, (a, b) = harm[k]
            kind = block_kind(a)
            if kind in ("pro", "balance"):
                continue
            mods = modals(max(a, start), b)
            for i in members:
                near[i]["harm" if kind == "harm" else "other"].extend(mods)
                stated.add(i)
    # the letter's general harm statements: harm-headed blocks anywhere in the response
    general: list[tuple[int, str]] = []
    general_seen = False
    for p, (a, b) in harm:
        if p >= response_start and block_kind(a) == "harm":
            general.extend(modals(a, b))
            general_seen = True
    for i, ex in enumerate(exemptions):
        # its own harm section if it has one; else what it says near it and the general harm
        if near[i]["harm"]:
            found = near[i]["harm"]
        else:
            found = sorted(set(near[i]["other"]) | set(general))
        is_stated = i in stated or (general_seen and not near[i]["harm"] and bool(general))
        seen: list[str] = []
        for _, w in found:
            if w not in seen:
                seen.append(w)
        ex.likelihood = seen
        ex.harm_stated = is_stated or bool(seen)


# ---- exemptions stated in prose only -------------------------------------------------------------
# A cost refusal that names no section ("would exceed the appropriate limit", "the upper cost
# limit of £600", "in excess of 18 hours") is s12 (FOIA, FOISA) or the "manifestly
# unreasonable" exception (EIR reg 12(4)(b), EISR reg 10(4)(b)); "vexatious" is s14(1)
# (FOIA, FOISA) or the same exception under the Regulations. Recorded as found "inferred"
# and listed in the assumptions.
_COST_PROSE = re.compile(
    r"(?i)(?:exceed\w*|in\s+excess\s+of|above|more\s+than|beyond|outside)\s+(?:the\s+|our\s+|this\s+)?"
    r"(?:(?:appropriate|upper|statutory|permitted|prescribed|set|FOI|FOIA)\s+)*"
    r"(?:(?:cost|costs|time|fees?)\s+)*(?:limits?|threshold)|"
    r"(?:exceed\w*|in\s+excess\s+of|more\s+than|over)\s+(?:the\s+)?(?:permitted\s+|prescribed\s+)?"
    r"(?:18|24|40)\s+hours|in\s+excess\s+of\s+(?:2\.5|3|two\s+and\s+a\s+half|three)\s+(?:working\s+)?days|"
    r"(?:appropriate|upper)\s+(?:cost\s+|costs\s+)?limit\s+(?:would|will|has|is)\s+(?:be\s+)?exceeded|"
    r"manifestly\s+unreasonable|"
    r"exceed\w*\s+(?:the\s+)?[‘'\"]?(?:appropriate|upper)\s+(?:cost\s+)?level|"
    r"\bcost\s+(?:more\s+than|in\s+excess\s+of|over)\s+£\s?(?:450|600)\b"
)
_VEX_PROSE = re.compile(
    r"(?i)\b(?:request|requests|correspondence|it)\s+(?:is|are|was|were|has\s+been|have\s+been|as|to\s+be|being)\s+"
    r"(?:\w+\s+){0,3}?vexatious|\b(?:refus\w+|treat\w*|deem\w*|consider\w*|regard\w*|class\w*)\s+(?:\w+\s+){0,4}?"
    r"(?:as\s+)?vexatious"
)
# Sentences that explain the law in general, argue hypothetically or set the ground aside.
_PROSE_GENERIC = re.compile(
    r"(?i)\b(?:allows?\b|permits?\b|enables?\b|provides?\s+that|does\s+not\s+(?:oblige|require|have\s+to)|not\s+obliged|"
    r"(?:is|are)\s+set\s+at|a\s+public\s+authority|an\s+authority|authorities|may\s+(?:be\s+)?(?:refuse|decline)|"
    r"can\s+(?:refuse|decline)|could\s+(?:refuse|be\s+refused)|guidance|definition|defined|means\s+that|"
    r"(?:if|where|when)\s+(?:the\s+|a\s+|an\s+)?(?:cost|request|time|authority|compliance|complying|it|they)\b)"
)
_PROSE_NEG = re.compile(
    r"(?i)\b(?:not|no\s+longer|never|nor)\b[^.;]{0,40}$|\bwould\s+not\b|\bdo(?:es)?\s+not\b|\bwithin\s+the\s+"
    r"(?:\w+\s+){0,2}(?:limit|threshold)"
)
_PROSE_WORDS_COST = ("exceed", "excess", "limit", "threshold", "unreasonable", "hours", "£450", "£600")
_PROSE_WORDS_VEX = ("vexatious",)


_sentence_bounds = sentence_bounds  # the shared helper (appeal.text), under its old name here


def _prose_hit(text: str, rx: re.Pattern, words, in_request) -> re.Match | None:
    low = lower(text)
    for m in finditer(rx, text, windows(low, words, 90, 60)):
        if in_request(m.start()):
            continue
        s, e = _sentence_bounds(text, m.start(), m.end())
        sent = text[s:e]
        before = text[s:m.start()]
        if _PROSE_NEG.search(before) or re.search(r"(?i)\bwithin\s+the\s+(?:\w+\s+){0,2}(?:limit|threshold)", sent):
            continue
        if _PROSE_GENERIC.search(sent) and not re.search(
            r"(?i)\b(?:your|this|the\s+present)\s+(?:request|application|enquiry)|\bwe\s+(?:have\s+)?estimate|"
            r"\bit\s+is\s+estimated|\bwould\s+take|\bwe\s+(?:consider|believe|find)|\bI\s+(?:consider|find|believe)",
            sent,
        ):
            continue
        return m
    return None


def infer_prose(text: str, exemptions: list[Exemption], guess: RegimeGuess, in_request) -> list[str]:
    """Add the cost or vexatious ground a letter states only in prose. Returns assumptions."""
    from appeal.law.exemptions import lookup

    notes: list[str] = []
    tests = {ex.test for ex in exemptions}
    regime = guess.regime
    env = regime in ("EIR", "EISR")
    mu = "reg10(4)(b)" if regime == "EISR" else "reg12(4)(b)"
    for kind, rx, words, cit in (
        ("cost", _COST_PROSE, _PROSE_WORDS_COST, mu if env else "s12"),
        ("vexatious", _VEX_PROSE, _PROSE_WORDS_VEX, mu if env else "s14(1)"),
    ):
        if kind in tests or (env and any(ex.citation == mu for ex in exemptions)):
            continue
        if kind == "cost" and not env:
            # "manifestly unreasonable" alone is the Regulations' ground, not a cost limit
            pass
        m = _prose_hit(text, rx, words, in_request)
        if m is None:
            continue
        if not env and kind == "cost" and m.group(0).lower().startswith("manifestly"):
            continue
        info = lookup(cit, regime)
        if info is None:
            continue
        ex = Exemption(citation=cit, title=info.title or None, ncnd=info.ncnd, absolute=info.absolute,
                       test=info.test, spans=[[m.start(), m.end()]], found="inferred")
        exemptions.append(ex)
        tests.add(ex.test)
        quote = " ".join(m.group(0).split())
        notes.append(f"{_display(cit, regime)} inferred from the words \"{quote}\": the letter names no provision for it")
    return notes


# NCND stated in prose with its harm and no provision named ("an exemption from the duty to
# confirm or deny ... where its disclosure could endanger the safety of individuals"): the
# FOIA provision whose subject the sentence names. Only one subject may fit.
_NCND_PROSE = re.compile(r"(?i)duty\s+to\s+confirm\s+or\s+deny|neither\s+confirm\s+n?or\s+deny")
_NCND_SUBJECTS = (
    ("s38(2)", re.compile(r"(?i)\bendanger\w*\b[^.]{0,60}\b(?:safety|(?:physical\s+or\s+mental\s+)?health)\b|"
                          r"\b(?:health\s+and\s+safety|safety\s+of\s+(?:any\s+)?(?:individuals?|persons?|people))\b")),
    ("s24(2)", re.compile(r"(?i)\bnational\s+security\b")),
    ("s31(3)", re.compile(r"(?i)\b(?:law\s+enforcement|prevention\s+or\s+detection\s+of\s+crime)\b")),
    ("s40(5)", re.compile(r"(?i)\bpersonal\s+(?:data|information)\b")),
)


def infer_prose_ncnd(text: str, exemptions: list[Exemption], regime: str, in_request) -> list[str]:
    if exemptions or regime != "FOIA":
        return []
    from appeal.law.exemptions import lookup

    low = lower(text)
    for m in finditer(_NCND_PROSE, text, windows(low, ("confirm or deny", "confirm nor deny", "confirm or deny"), 40, 40)):
        if in_request(m.start()):
            continue
        s, e = _sentence_bounds(text, m.start(), m.end())
        sent = text[s:e]
        fits = [(cit, h) for cit, rx in _NCND_SUBJECTS for h in [rx.search(sent)] if h]
        if len(fits) != 1:
            continue
        cit, h = fits[0]
        info = lookup(cit, regime)
        if info is None:
            return []
        exemptions.append(Exemption(citation=cit, title=info.title or None, ncnd=True, absolute=info.absolute,
                                    test=info.test, spans=[[s + h.start(), s + h.end()]], found="inferred"))
        return [f"{_display(cit, regime)} inferred from the words \"{' '.join(h.group(0).split())}\" in a refusal "
                "to confirm or deny: the letter names no provision for it"]
    return []


def _display(cit: str, regime: str) -> str:
    if cit.startswith("reg"):
        return f"{regime} regulation {cit[3:]}"
    return f"{regime} section {cit[1:]}"


# ---- EISR letters that print the EIR's numbering ---------------------------------------------------
_EIR_TO_EISR = (("reg12(4)", "reg10(4)"), ("reg12(5)", "reg10(5)"), ("reg13", "reg11"), ("reg12(9)", "reg10(8)"))


def eisr_numbering(exemptions: list[Exemption], regime: str) -> list[str]:
    """Under the EISR, "regulation 12(4)(d)" (the EIR's number) is regulation 10(4)(d): record the
    EISR provision, keep the spans, and say so in the assumptions."""
    if regime != "EISR":
        return []
    from appeal.law.exemptions import lookup

    notes = []
    have = {e.citation for e in exemptions}
    out = []
    for ex in exemptions:
        for eir, eisr in _EIR_TO_EISR:
            if ex.citation == eir or ex.citation.startswith(eir + "("):
                new = eisr + ex.citation[len(eir):]
                info = lookup(new, "EISR")
                if info is None:
                    break
                notes.append(f"the letter cites {_display(ex.citation, 'EIR')}, the EIR's numbering; under the EISR "
                             f"that is regulation {new[3:]}, recorded as {new}")
                if new in have:
                    keep = next(e for e in exemptions if e.citation == new)
                    keep.spans = sorted(keep.spans + ex.spans)
                    ex = None
                else:
                    ex.citation, ex.title, ex.ncnd = new, info.title or None, info.ncnd
                    ex.absolute, ex.test = info.absolute, info.test
                    have.add(new)
                break
        if ex is not None:
            out.append(ex)
    exemptions[:] = out
    return notes
