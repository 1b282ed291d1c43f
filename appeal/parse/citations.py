"""Find the provisions a letter cites, in canonical form.

    find_citations("exempt under Section 31(1)(a)(b) of the Freedom of Information Act")
    -> [CitationMatch("s31(1)(a)", 13, 29, "FOIA"), CitationMatch("s31(1)(b)", 13, 32, "FOIA")]

The grammar reads what letters actually write: "Section 31(1)(a)(b)", "s.31(1)(a) & (b)",
"S31(3)", "Sections 23(5), 24(2), 30(3) & 31(3)", "section 40 (5)", "Section 40(5B)(a)(i)",
"regulation 12(4)(b)", "reg. 12(5)(e)", "Regulations 12(5)(a) and 13", "s40(2)/(3A)", a line
break after the keyword. Canonical forms: FOIA/FOISA "s31(1)(a)", EIR/EISR "reg12(4)(b)".

What it leaves out: provisions of other enactments ("section 15 of the Sexual Offences Act",
"Regulation of Investigatory Powers Act 2000 section 26", "section 29 DPA"), the "s.45 Code of
Practice", decimals ("s5.9"), postcodes ("S10 2TN"), dates ("s 12 May"), and provisions the
letter names only to say they are not relied on ("s.36 applies only outside s.35"; pass
include_excluded=True to get those too, flagged). Procedural sections of the Acts (s1, s10,
s17, s50 ...) are returned: `appeal.law.exemptions.lookup()` answers None for them.

Matching is a few regular expressions compiled at import, anchored on digits for speed (see
bench/citations_speed.py), plus a little bookkeeping per match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["CitationMatch", "find_citations"]


@dataclass(frozen=True, slots=True)
class CitationMatch:
    citation: str  # canonical: "s31(1)(a)", "reg12(4)(b)"
    start: int  # the span of the words that cite it, [start, end) into the text
    end: int
    instrument: str | None = None  # "FOIA" | "FOISA" | "EIR" | "EISR" when the words say which
    excluded: bool = False  # only with include_excluded=True: named as not relied on


# ---- the grammar ----------------------------------------------------------------------------
# Keyword: Section(s), SECTION, s., s, S, ss., Regulation(s), reg., regs., and "Exemption 21",
# "exemption 38(1)(b)", "the exception 12(4)(b)". "s"/"S" alone only right before the number
# or after a dot ("s.31", "S31", "S 40", "s. 40"). The pattern starts with a plain character
# class so the regex engine can skip through text quickly; the character before the keyword
# (not a letter, digit or apostrophe: "it's 12"; nor a dot before "s": "e.g.s 4") is checked
# in Python.
_KW = (
    r"(?P<kw>(?:[Ss]ections?|SECTIONS?|[Rr]egulations?|REGULATIONS?"
    r"|[Ee]xemptions?|[Ee]xceptions?)(?![\w])"
    r"|(?:[Rr]egs?|REGS?)(?:\.|(?![\w]))"
    r"|[Ss]{1,2}\.|S{1,2}|s{1,2}(?=[ \t]?\d))"
)
_NUM = r"\d{1,3}[A-Z]?(?![\dA-Za-z]|[.,:]\d|/\d)"
_GROUP = r"\([ \t]?(?:\d{1,2}[A-Za-z]{0,2}|[A-Za-z]{1,2}|i{1,3}|iv|vi{0,3}|ix)[ \t]?\)"
_GROUPS = rf"(?:[ \t]{{0,2}}{_GROUP})*"
_CONN = r"(?:[ \t]*(?:,[ \t]*(?:and|&|or)?|&|\band\b|\bor\b|/)[ \t]*|[ \t]{0,2})"
# A number followed by one of these is a quantity or a date, not a section: "s 12 May",
# "sections 30 and 3 other exemptions", "section 40(2) and 20 working days".
_UNITS = (
    r"(?![ \t]*(?:working|calendar|days?|weeks?|months?|years?|hours?|minutes?|per\b|percent|%|"
    r"other|more|people|persons|individuals|officers|cases|times|occasions|requests?|pages?|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)"
)
_ITEM_TAIL = rf"(?:{_CONN}(?:{_GROUP}|{_NUM}{_UNITS}){_GROUPS})*"

_MATCH = re.compile(
    rf"{_KW}[ \t]*\.?\s{{0,3}}?(?P<body>{_NUM}{_UNITS}{_GROUPS}{_ITEM_TAIL})"
)
# Speed: trying _MATCH at every s, r and e of a letter is slow in Python's regex engine, so
# the scan is anchored on digits (far rarer): for each digit after a letter that can end a
# keyword, _MATCH is tried from the start of that word.
_DIGITS = re.compile(r"[nNsSgG][ \t.\n\r]{0,4}\d")  # a digit after what can end a keyword

# Inside a body: items (a number with its groups) and bracket groups, with connectors.
_TOKEN = re.compile(
    r"(?P<num>\d{1,3}[A-Z]?)|\((?P<grp>[^()]{1,6})\)|(?P<comma>,)|(?P<word>and|or|&|/)"
)

# The words that name our instruments, as they follow or precede a citation.
_INSTRUMENTS = [
    # Full names in any case ("Freedom of information Act" is common); abbreviations as written.
    ("FOISA", r"(?i:Freedom\s+of\s+Information\s+\(\s*Scotland\s*\)\s+Act)(?:\s+2002)?|FOI\s*\(\s*S\s*\)\s*A|FOISA"),
    ("EISR", r"(?i:Environmental\s+Information\s+\(\s*Scotland\s*\)\s+Regulations)(?:\s+2004)?|EI\s*\(\s*S\s*\)\s*Rs?|EISRs?"),
    ("FOIA", r"(?i:Freedom\s+of\s+Information\s+Act)(?:\s+2000)?|FOIA|FoIA|F[Oo][Ii]\s+Act|Act"),
    ("EIR", r"(?i:Environmental\s+Information\s+Regulations)(?:\s+2004)?"),
    # "the EIRs" is what Scottish letters call the EISR too: decided by the number
    ("EIRX", r"EIRs?"),
]
_INSTRUMENT_NAMES = "|".join(f"(?P<{k}>{v})" for k, v in _INSTRUMENTS)
# What follows a citation, tried in this order at the end of the citation (one match call):
#   ours:  "of the Freedom of Information Act 2000", "of FOISA", "FOIA", "under the EIRs"
#   code:  "Code of Practice", "s.45 code"
#   other: "of the Sexual Offences Act", "of the Police Act 1996", "of the Data Protection
#          Act 2018", "of the Fees Regulations", "of the Town and Country Planning
#          (Scotland) Act", "DPA 2018"
_TAIL = re.compile(
    rf"(?P<ours>[ \t]*,?\s{{0,3}}(?:\(?(?:of|under|in|within|from)\s+)?(?:the\s+)?(?:{_INSTRUMENT_NAMES})(?![\w(]))"
    r"|(?P<code>(?i:[ \t]*(?:of\s+the\s+)?(?:(?:FOI|FOIA|Act)\s+)?Codes?\s+of\s+Practice|[ \t]*Code\b))"
    r"|(?P<other>[ \t]*,?\s{0,3}(?:(?:of|under|in)\s+(?:the\s+)?(?:[A-Z][\w'’-]*|\([^()]{1,30}\)|and|of|for|the|&)"
    r"(?:\s+(?:[A-Z][\w'’-]*|\([^()]{1,30}\)|and|of|for|on|the|&|\d{4})){0,12}?\s+"
    r"(?:Act|Regulations|Order|Rules|Measure|Directive|Convention|Ordinance)\b"
    r"|(?:of\s+(?:the\s+)?)?(?:DPA|RIPA|PACE|GDPR|UK\s+GDPR|HRA|CPIA|TCPA|LGA|PoFA|IPA|SOA|PCA)\b))"
)
# "... Act 2000 section 26", "RIPA s.26": another enactment named just before the keyword.
# Checked on the few characters before the keyword with string operations (see _before).
_OTHER_ABBREV = frozenset("DPA RIPA PACE GDPR HRA CPIA TCPA LGA PoFA IPA SOA PCA".split())
_ENACTMENT_WORDS = ("Act", "Regulations", "Order", "Rules")
_BEFORE_OURS = re.compile(rf"(?:{_INSTRUMENT_NAMES})(?:\s+\d{{4}})?\Z")
# "... outside s.35", "other than section 36", "we are not relying on section 43(2)"
_BEFORE_EXCLUDED = re.compile(
    r"\b(?:outside(?:\s+of)?|other\s+than|except(?:ing)?(?:\s+for)?|excluding|rather\s+than|instead\s+of|"
    r"apart\s+from|not\s+(?:be\s+)?(?:relying|rely|relied|applying|applied|engaging|engaged|using|used|citing|cited)"
    r"(?:\s+(?:on|upon))?|no\s+longer\s+(?:relying|rely|relies)(?:\s+(?:on|upon))?)"
    r"(?:\s+(?:the|any))?(?:\s+(?:exemptions?|exceptions?)(?:\s+(?:at|in|under|of))?)?[ \t]*\Z",
    re.I,
)
_POSTCODE = re.compile(r"[ \t]?\d[A-Z]{2}\b")
_CONNECTOR_ONLY = re.compile(r"[ \t]*(?:,[ \t]*)?(?:and|&|or|,)?[ \t]*$")

# reg 12(4)(a)-(e) and 12(5)(a)-(g) are EIR shapes that FOIA s12 letters never cite
# "12(4)(d)", "12(5)(e)", "10(4)(b)" standing alone after "under", "exception", a comma or "and"
_BARE_EIR = re.compile(
    r"(?:(?<=under )|(?<=exception )|(?<=exceptions )|(?<=and )|(?<=, )|(?<=& )|(?<=at )|(?<=EIR )|(?<=EIRs )|(?<=EISR )|"
    r"(?<=\n)|(?<=\n- )|(?<=\n• )|(?<=^))"
    r"(?P<n>1[02])[ \t]?\((?P<p>[45])\)[ \t]?\((?P<l>[a-gA-G])\)(?![\w(])"
)
_EIR_SHAPE = re.compile(r"\((?:4\)\([a-e]|5\)\([a-g])\)")
_ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}


def _level(part: str, prev: str | None) -> int:
    """1: subsection (1), (5A); 2: paragraph (a), (fa); 3: sub-paragraph (i), (ii)."""
    if part[0].isdigit():
        return 1
    low = part.lower()
    if low not in _ROMAN:
        return 2
    if prev is None or prev[0].isdigit():
        return 2  # "31(1)(i)": paragraph (i) of s31(1)
    p = prev.lower()
    if len(p) == 1 and len(low) == 1 and ord(low) == ord(p) + 1:
        return 2  # "(h)(i)": the letter after (h), a sibling paragraph
    if p in _ROMAN and not (len(p) == 1 and p not in ("i", "v", "x")):
        return 3  # "(i)(ii)": siblings at sub-paragraph level
    return 3  # "(b)(i)", "(5B)(a)(i)": a sub-paragraph


def _norm(part: str) -> str:
    part = part.strip()
    if part[0].isdigit():
        return part.upper()  # 5a -> 5A (inserted subsections are capitals in the statute)
    return part.lower()


@lru_cache(maxsize=2048)
def _expand(body: str, plural: bool) -> tuple[tuple[tuple[str, str, int, int], ...], int]:
    """Split a matched body into citations: ((number, "(1)(a)", item_start, item_end), ...), end.

    "31(1)(a)(b)"            -> 31(1)(a), 31(1)(b)
    "30 (1) (a) (b) and (2) (a) (i)" -> 30(1)(a), 30(1)(b), 30(2)(a)(i)
    "24(2), 30(3) and 31(3)" -> three items
    A bare number after a comma is taken only for a plural keyword ("Sections 24, 30 and 31")
    or when it carries brackets; otherwise the body stops before it. Letters repeat the same
    few citations, so results are cached.
    """
    out: list[tuple[str, str, int, int]] = []
    num = ""
    path: list[tuple[str, int]] = []  # (part, level)
    item_start = 0
    last_end = 0
    pending: str | None = None  # the connector seen since the last number or group
    open_path = False  # the current path has not been emitted yet

    def emit() -> None:
        out.append((num, "".join(f"({p})" for p, _ in path), item_start, last_end))

    tokens = list(_TOKEN.finditer(body))
    for i, t in enumerate(tokens):
        if t["num"]:
            if num:
                # a new item needs a connector; after a bare comma, a plural keyword or brackets
                if pending is None:
                    break
                nxt = tokens[i + 1] if i + 1 < len(tokens) else None
                has_groups = nxt is not None and nxt["grp"] is not None and not body[t.end() : nxt.start()].strip()
                if pending == "," and not plural and not has_groups:
                    break
                if open_path:
                    emit()
            num = t["num"]
            item_start = t.start()
            path = []
            open_path = True
            last_end = t.end()
            pending = None
        elif t["grp"] is not None:
            part = t["grp"].strip()
            lvl = _level(part, path[-1][0] if path else None)
            if path and lvl <= path[-1][1]:
                # a sibling: "(a)(b)", "(a) & (b)", "(b) and (2)"
                if open_path:
                    emit()
                while path and path[-1][1] >= lvl:
                    path.pop()
            path.append((_norm(part), lvl))
            open_path = True
            last_end = t.end()
            pending = None
        elif t["comma"]:
            pending = ","
        else:
            pending = t["word"]
    if num and open_path:
        emit()
    return tuple(out), last_end


def _after(text: str, pos: int) -> tuple[str | None, bool, bool]:
    """(instrument named right after pos, another enactment named, a code of practice)."""
    m = _TAIL.match(text, pos, pos + 160)
    if m is None:
        return None, False, False
    if m["ours"] is not None:
        for name in ("FOISA", "EISR", "FOIA", "EIR", "EIRX"):
            found = m[name]
            if found:
                if found == "Act":
                    return None, False, False  # "of the Act": ours, but which one is not said
                return name, False, False
    if m["code"] is not None:
        return None, False, True
    return None, True, False


def _before(text: str, pos: int) -> tuple[str | None, bool]:
    """(instrument named just before pos, another enactment named just before pos)."""
    window = text[max(0, pos - 70) : pos].rstrip(" \t,")
    if window.endswith(")"):  # "Freedom of Information Act 2000 (FOIA) section 40"
        cut = window.rfind("(")
        if cut != -1 and pos - 70 < cut:
            window = window[:cut].rstrip(" \t,")
    if window[-4:].isdigit():
        window = window[:-4].rstrip()
    last = window[window.rfind(" ") + 1 :] if window else ""
    if last not in _ENACTMENT_WORDS and last not in _OTHER_ABBREV and not last.startswith(("FOI", "EI")):
        return None, False
    m = _BEFORE_OURS.search(window)
    if m:
        for name in ("FOISA", "EISR", "FOIA", "EIR", "EIRX"):
            if m.group(name) and m.group(name) != "Act":
                return name, False
    if last in _ENACTMENT_WORDS or last in _OTHER_ABBREV:
        return None, True  # "Regulation of Investigatory Powers Act 2000 section 26"
    return None, False


def _excluded(text: str, pos: int) -> bool:
    lo = max(0, pos - 50)
    w = text[lo:pos].lower()
    if not ("not" in w or "out" in w or "other" in w or "xcept" in w or "xclud" in w
            or "rather" in w or "instead" in w or "apart" in w or "longer" in w):
        return False
    return _BEFORE_EXCLUDED.search(text, lo, pos) is not None


def _candidates(text: str):
    """_MATCH objects for every keyword-and-number in text, in order (see _DIGITS)."""
    done = 0
    match = _MATCH.match
    for d in _DIGITS.finditer(text):
        j = d.start()  # the last letter of the would-be keyword
        if j < done:
            continue
        k = j  # back to the start of the word: "sections", "reg", "S"
        while k > 0 and k > j - 12 and text[k - 1].isalpha():
            k -= 1
        m = match(text, k)
        if m is None:
            continue
        done = m.end()
        yield m


def find_citations(text: str, *, include_excluded: bool = False) -> list[CitationMatch]:
    """Every FOI/EIR provision cited in `text`, canonical, in text order (duplicates kept).

    With include_excluded=True, provisions the letter names only to set aside ("outside
    s.35", "other than section 36", "not relying on section 43") are returned too, with
    excluded=True.
    """
    groups: list[list] = []  # [start, end, is_reg, items, body_start]
    for m in _candidates(text):
        start = m.start()
        kw = m["kw"]
        if start:
            before = text[start - 1]
            if before.isalnum() or before in "_'’" or (before == "." and kw[0] in "Ss" and len(kw) <= 3):
                continue
        body = m["body"]
        if kw in ("S", "SS") and "(" not in body and _POSTCODE.match(text, m.end("body")):
            continue  # a postcode: "Sheffield S10 2TN"
        kw_low = kw.lower().rstrip(".")
        plural = kw_low in ("sections", "regulations", "regs", "ss", "exemptions", "exceptions")
        items, body_len = _expand(body, plural)
        if not items:
            continue
        body_start = m.start("body")
        is_reg = kw_low.startswith("reg") or (
            # "the exception 12(4)(b)"; but "exception 43(2)" is a misnamed FOIA exemption
            kw_low.startswith("exception") and items[0][0] in ("10", "11", "12", "13")
        )
        groups.append([start, body_start + body_len, is_reg, items, body_start])

    # Each group's instrument, and whether it belongs to another enactment or a code. A group
    # followed only by a connector and another group ("section 30(3) and section 31(3) of the
    # Act") takes that group's answer.
    decided: list[tuple[str | None, bool, bool]] = [(None, False, False)] * len(groups)
    for idx in range(len(groups) - 1, -1, -1):
        g = groups[idx]
        ans = _after(text, g[1])
        if ans == (None, False, False) and idx + 1 < len(groups):
            nxt = groups[idx + 1]
            if _CONNECTOR_ONLY.match(text, g[1], nxt[0]):
                ans = decided[idx + 1]
        if ans == (None, False, False):
            inst, other = _before(text, g[0])
            ans = (inst, other, False)
        decided[idx] = ans

    out: list[CitationMatch] = []
    # Bare exception numbers with the Regulations' shape ("withheld under 12(4)(d) and 12(5)(e)"):
    # no keyword, but no Act section has that shape.
    bare = []
    for needle in ("(4)", "(5)"):
        i = text.find(needle)
        while i != -1:
            for back in (2, 3):  # "12(4)" and "12 (4)"
                st = i - back
                if st >= 0 and text[st:st + 2] in ("12", "10"):
                    m = _BARE_EIR.match(text, st)
                    if m:
                        bare.append(m)
            i = text.find(needle, i + 3)
    if bare:
        covered = [(g[0], g[1]) for g in groups]
        for m in sorted(bare, key=lambda x: x.start()):
            if any(a <= m.start() < b for a, b in covered):
                continue
            out.append(CitationMatch("reg" + m["n"] + "(" + m["p"] + ")(" + m["l"].lower() + ")", m.start(), m.end(),
                                     "EISR" if m["n"] == "10" else None))
    for g, (inst, other, code) in zip(groups, decided):
        if other or code:
            continue
        start, _end, is_reg, items, body_start = g
        excluded = _excluded(text, start)
        if excluded and not include_excluded:
            continue
        if inst == "EIRX":
            # "the EIRs": reg 10(4)/(5)/(8) are the EISR's exceptions; the EIR's are in reg 12
            inst = "EISR" if is_reg and items[0][0] == "10" else "EIR"
        prefix = "reg" if is_reg or inst in ("EIR", "EISR") else "s"
        for k, (num, parts, s, e) in enumerate(items):
            span_start = start if s == 0 else body_start + s
            p = prefix
            if p == "s" and inst is None and num == "12" and _EIR_SHAPE.match(parts):
                p = "reg"  # "Section 12(4)(b)" with no Act named: the EIR exception, not FOIA s12
            out.append(CitationMatch(p + num + parts, span_start, body_start + e, inst, excluded))
    out.sort(key=lambda c: c.start)
    return out
