"""What a rule's check() receives: the refusal plus the views of it that several rules share.

Everything here is computed once per letter, on first use: sentences, headings, the harm
and public-interest passages, NCND statements, the request profile, the timeline. Spans
always index into `refusal.text`, so evidence is a verbatim slice of the letter.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from appeal.model import Evidence, Exemption, Finding, Refusal, Timeline
from appeal.rules.base import Rule
from appeal.rules.request import RequestProfile, analyse

_F = re.IGNORECASE
_LOWER: set = set()


_WORD_START: set = set()


def ci(pattern: str, flags: int = 0, *, word_start: bool = False) -> re.Pattern:
    """A case-insensitive pattern, compiled to run (much faster) on the lower-cased letter.

    Use it through Context.search/finditer/sentences_matching, which pick the lower-cased text
    for these patterns; spans are the same, because the lower-cased copy keeps every offset.
    word_start=True: every match must begin a word (as a leading \\b would require). Write such
    patterns with a literal first character in every alternative and no leading \\b: Python's
    regex engine then skips ahead to candidate characters instead of trying every position.
    """
    alternatives = _alternatives(pattern)
    if all(a.startswith("\\b") for a in alternatives):
        word_start = True  # the same meaning, and the scan can skip to candidate characters
    if word_start:
        pattern = "|".join(a[2:] if a.startswith("\\b") else a for a in alternatives)
    out, escaped = [], False
    for ch in pattern:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        else:
            out.append(ch.lower())
    rx = re.compile("".join(out), flags & ~re.IGNORECASE)
    _LOWER.add(rx)
    if word_start:
        _WORD_START.add(rx)
    return rx


def _alternatives(pattern: str) -> list[str]:
    """Split a pattern at its top-level | (not inside groups or character classes)."""
    parts, depth, in_class, escaped, start = [], 0, False, False, 0
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def _starts_word(hay: str, pos: int) -> bool:
    return pos == 0 or not (hay[pos - 1].isalnum() or hay[pos - 1] == "_")


def lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)

REGIME_NAMES = {
    "FOIA": "the Freedom of Information Act 2000",
    "EIR": "the Environmental Information Regulations 2004",
    "FOISA": "the Freedom of Information (Scotland) Act 2002",
    "EISR": "the Environmental Information (Scotland) Regulations 2004",
}
COMMISSIONER = {
    "FOIA": "the Information Commissioner",
    "EIR": "the Information Commissioner",
    "FOISA": "the Scottish Information Commissioner",
    "EISR": "the Scottish Information Commissioner",
}

# Provisions grouped by what they protect, per regime (the section numbers differ in Scotland).
GROUPS = {
    "national_security": {
        "FOIA": ("s23", "s24"), "EIR": ("reg12(5)(a)",), "FOISA": ("s31",), "EISR": ("reg10(5)(a)",),
    },
    "security_ncnd": {  # the NCND forms used for security bodies / national security
        "FOIA": ("s23(5)", "s24(2)"), "FOISA": ("s31",), "EIR": (), "EISR": (),
    },
    "personal_data": {"FOIA": ("s40",), "EIR": ("reg13",), "FOISA": ("s38",), "EISR": ("reg11",)},
    "investigations": {"FOIA": ("s30",), "FOISA": ("s34",), "EIR": (), "EISR": ()},
    "cost": {"FOIA": ("s12",), "FOISA": ("s12",), "EIR": ("reg12(4)(b)",), "EISR": ("reg10(4)(b)",)},
}

_LINE = re.compile(r"[^\n]+")
_HEADING_OK = re.compile(r"^[\W\d]*[A-Za-z]")
NCND_RX = ci(
    r"neither\s+confirms?\s+nor\s+den(?:y|ies)|ncnd\b|not\s+(?:to\s+)?confirm\s+or\s+deny\b|"
    r"neither\s+(?:to\s+)?confirm\s+or\s+deny\b|cannot\s+confirm\s+or\s+deny|can't\s+confirm\s+or\s+deny|"
    r"can\s+not\s+confirm\s+or\s+deny",
    word_start=True,
)
HARM_VERB = ci(
    r"prejudic\w*|undermin\w*|compromis\w*|jeopardi[sz]\w*|hinder\w*|harm\w*|damag\w*|imped\w*|"
    r"endanger\w*|disrupt\w*|frustrat\w*|assist\w* (?:criminals|offenders|those)|avoid detection|"
    r"avoiding detection|evade\w*|put\w* [^.]{0,30}at risk|increase the risk|risk of|adversely affect\w*|"
    r"affect\w* adversely|impair\w*|weaken\w*|inhibit\w*|deter\w*|reduce the effectiveness|"
    r"help\w* (?:offenders|criminals|those intent)|allow\w* (?:offenders|criminals|those intent)|"
    r"enabl\w* (?:offenders|criminals|those intent)",
    word_start=True,
)
QUALIFIED_WORDS = re.compile(r"\bqualified\b", _F)


def normalise_prose(text: str) -> str:
    """Collapse a template's whitespace: paragraphs (blank-line separated) of single-spaced prose."""
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paras if p)


_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[A-Z0-9\"'“‘(])")
_CLAUSE_END = re.compile(r"[;:]\s+|\s[–—-]\s")


def short_quote(text: str, limit: int = 320) -> str:
    """The quoted words for an argument: whitespace collapsed; whole sentences, never cut mid-phrase.

    A quote longer than `limit` keeps its leading whole sentences; a single sentence longer than
    that is cut only at a clause break (a semicolon, colon or dash) with " …", else kept whole."""
    s = " ".join(text.split())
    if len(s) > limit:
        ends = [m.end() for m in _SENTENCE_END.finditer(s) if m.end() <= limit]
        if ends:
            s = s[: ends[-1]].rstrip()
        else:
            clauses = [m.start() for m in _CLAUSE_END.finditer(s) if 40 <= m.start() <= limit]
            if clauses:
                s = s[: clauses[-1]].rstrip(",;: ") + " …"
    return s.rstrip(".:;, ") if not s.endswith("…") else s


@dataclass
class Report:
    findings: list[Finding]
    notes: list[str] = field(default_factory=list)  # what could not be checked, and why
    timeline: Timeline | None = None


class Context:
    def __init__(
        self,
        refusal: Refusal,
        *,
        timeline: Timeline | None = None,
        dates: dict | None = None,
        template_dir: str | None = None,
    ):
        self.refusal = refusal
        self.text = refusal.text or ""
        self.regime = (refusal.regime or "FOIA").upper()
        self.timeline = timeline
        self.dates = dates or {}  # the dates the timeline was built from (ISO strings)
        self.template_dir = template_dir
        self.notes: list[str] = []
        self.covered: dict[str, str] = {}  # exemption citation -> rule id that argued it
        self._matching: dict = {}
        self._memo: dict = {}

    # ---- searching (ci() patterns run on the lower-cased copy) ---------------------------
    @cached_property
    def low(self) -> str:
        return lower_same_length(self.text)

    @cached_property
    def response_low(self) -> str:
        return lower_same_length(self.response_text)

    def _hay(self, rx: re.Pattern, response: bool = False) -> str:
        if response:
            return self.response_low if rx in _LOWER else self.response_text
        return self.low if rx in _LOWER else self.text

    def search(self, rx: re.Pattern, start: int = 0, end: int | None = None, *, response: bool = False):
        hay = self._hay(rx, response)
        end = len(hay) if end is None else end
        m = rx.search(hay, start, end)
        if rx in _WORD_START:
            while m is not None and not _starts_word(hay, m.start()):
                m = rx.search(hay, m.start() + 1, end)
        return m

    def finditer(self, rx: re.Pattern, start: int = 0, end: int | None = None, *, response: bool = False):
        hay = self._hay(rx, response)
        found = rx.finditer(hay, start, len(hay) if end is None else end)
        if rx in _WORD_START:
            return (m for m in found if _starts_word(hay, m.start()))
        return found

    def words(self, m) -> str:
        """The letter's own words for a match (matches on the lower-cased copy are lower case)."""
        return self.text[m.start() : m.end()]

    # ---- request -----------------------------------------------------------------------
    @cached_property
    def request(self) -> RequestProfile:
        return analyse(self.refusal.request_text)

    @cached_property
    def request_span(self) -> tuple[int, int] | None:
        """Where the request text sits in the letter, if it is quoted there verbatim."""
        rt = self.refusal.request_text
        if not rt:
            return None
        i = self.text.find(rt)
        if i < 0:
            rt2 = rt.strip()[:200]
            i = self.text.find(rt2) if rt2 else -1
            if i < 0:
                return None
            return (i, i + len(rt2))
        return (i, i + len(rt))

    def in_request(self, pos: int) -> bool:
        span = self.request_span
        return bool(span and span[0] <= pos < span[1])

    @cached_property
    def response_text(self) -> str:
        """The letter without the quoted request (same length: the request is blanked out)."""
        span = self.request_span
        if not span:
            return self.text
        a, b = span
        return self.text[:a] + re.sub(r"[^\n]", " ", self.text[a:b]) + self.text[b:]

    # ---- text structure ----------------------------------------------------------------
    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return split_sentences(self.text)

    @cached_property
    def _starts(self) -> list[int]:
        return [a for a, _b in self.sentences]

    def _sentence_index(self, pos: int) -> int | None:
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and pos < self.sentences[i][1]:
            return i
        return None

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = self._sentence_index(pos)
        return self.sentences[i] if i is not None else (pos, pos)

    def sentences_matching(self, rx: re.Pattern, *, in_response: bool = True) -> list[tuple[int, int]]:
        """Sentences holding a match of `rx` (matches may not cross a sentence end), in order."""
        key = (rx.pattern, rx.flags, in_response)
        cached = self._matching.get(key)
        if cached is not None:
            return cached
        found: dict[int, None] = {}
        for m in self.finditer(rx):
            i = self._sentence_index(m.start())
            if i is None or i in found:
                continue
            a, b = self.sentences[i]
            if m.end() > b and not self.search(rx, a, b):
                continue
            if in_response and self.in_request(a):
                continue
            found[i] = None
        out = [self.sentences[i] for i in found]
        self._matching[key] = out
        return out

    @cached_property
    def headings(self) -> list[tuple[int, int, str]]:
        """Lines that look like headings: short, no closing full stop, starting with a word."""
        out = []
        for m in _LINE.finditer(self.text):
            line = m.group(0).strip()
            if not line or len(line) > 110 or len(line.split()) > 16:
                continue
            if line.endswith((".", ",", ";")) or not _HEADING_OK.match(line):
                continue
            out.append((m.start(), m.end(), line))
        return out

    def passages(self, heading_rx: re.Pattern) -> list[tuple[int, int]]:
        """Body spans under headings matching `heading_rx`, up to the next heading."""
        hs = self.headings
        out = []
        for i, (a, b, line) in enumerate(hs):
            if heading_rx.search(line.lower() if heading_rx in _LOWER else line):
                end = len(self.text)
                for a2, _b2, _l2 in hs[i + 1 :]:
                    if a2 > b and self.text[b:a2].strip():
                        end = a2
                        break
                out.append((b, end))
        return out

    def ev(self, start: int, end: int) -> Evidence:
        """Evidence for text[start:end], with surrounding whitespace trimmed off the span."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return Evidence(quote=self.text[start:end], start=start, end=end)

    def ev_sentence(self, pos: int) -> Evidence:
        a, b = self.sentence_at(pos)
        return self.ev(a, b)

    # ---- exemptions --------------------------------------------------------------------
    @cached_property
    def exemptions(self) -> list[Exemption]:
        """The provisions relied on: a citation met only inside the quoted request (the requester
        asking about 'section 35') is not one."""
        span = self.request_span
        if not span:
            return list(self.refusal.exemptions)
        a, b = span
        return [e for e in self.refusal.exemptions
                if not e.spans or not all(a <= s < b for s, _e in e.spans)]

    def request_evidence(self, kind: str):
        """Evidence from the quoted request for the words that put it in `kind`."""
        span, prof = self.request_span, self.request
        if not span:
            return None
        for a, b in prof.spans.get(kind, ()):
            word = prof.text[a:b]
            pos = span[0] + a
            if self.text[pos : pos + len(word)] != word:
                pos = self.text.find(word, span[0])
                if pos < 0:
                    continue
            sa, sb = self.sentence_at(pos)
            if sb - sa > 400 or not (span[0] <= sa < span[1] + 1):
                return self.ev(pos, pos + len(word))
            return self.ev(sa, sb)
        return None

    def cited(self, group_or_prefixes) -> list[Exemption]:
        """Exemptions whose citation starts with any prefix (or a GROUPS name for this regime)."""
        if isinstance(group_or_prefixes, str) and group_or_prefixes in GROUPS:
            prefixes = GROUPS[group_or_prefixes].get(self.regime, ())
        elif isinstance(group_or_prefixes, str):
            prefixes = (group_or_prefixes,)
        else:
            prefixes = tuple(group_or_prefixes)
        return [e for e in self.exemptions if any(_cites(e.citation, p) for p in prefixes)]

    def info(self, ex: Exemption):
        """(test, absolute, ncnd) for an exemption: the parser's values, else the law table."""
        test, absolute, ncnd = ex.test, ex.absolute, ex.ncnd
        if test is None or absolute is None:
            looked = _lookup(ex.citation, self.regime)
            if looked is not None:
                test = test or getattr(looked, "test", None)
                if absolute is None:
                    absolute = getattr(looked, "absolute", None)
                ncnd = ncnd or bool(getattr(looked, "ncnd", False))
        return test, absolute, ncnd

    def is_prejudice(self, ex: Exemption) -> bool:
        return self.info(ex)[0] == "prejudice"

    def is_qualified(self, ex: Exemption) -> bool:
        return self.info(ex)[1] is False

    def citation_ev(self, ex: Exemption) -> Evidence | None:
        """The sentence (or heading line) that cites `ex`, outside the quoted request where it can
        be: a whole sentence, never a cut phrase; the bare citation only where its sentence is long."""
        spans = [(a, b) for a, b in ex.spans if 0 <= a < b <= len(self.text)]
        spans.sort(key=lambda ab: self.in_request(ab[0]))
        for a, b in spans:
            sa, sb = self.sentence_at(a)
            if sa <= a and b <= sb and sb - sa <= 300:
                return self.ev(sa, sb)
            return self.ev(a, b)
        return None

    ev_citation_line = citation_ev

    @cached_property
    def ncnd_sentences(self) -> list[tuple[int, int]]:
        return self.sentences_matching(NCND_RX)

    @cached_property
    def ncnd_statement(self) -> tuple[int, int] | None:
        """The sentence that applies NCND (not a heading or a recital of the law)."""
        for a, b in self.ncnd_sentences:
            s = self.text[a:b]
            if re.search(r"\b(can|will|must|may|we|it|force|police|constabulary|council|department|authority|service)\b"
                         r"[^.]{0,60}neither\s+confirms?\s+nor\s+den", s, _F):
                return (a, b)
        return self.ncnd_sentences[0] if self.ncnd_sentences else None

    @cached_property
    def harm_sentences(self) -> list[tuple[int, int]]:
        """Statements of harm: not talk about the test ('a prejudice based exemption', 'I am not
        required to identify the harm')."""
        return [s for s in self.sentences_matching(HARM_VERB) if not self.search(_HARM_TALK, *s)]

    @cached_property
    def harm_passages(self) -> list[tuple[int, int]]:
        """The prejudice test proper: passages under 'Harm' / 'prejudice test' headings."""
        return self.passages(_HARM_HEADING)

    @cached_property
    def published_copy(self) -> bool:
        """A copy from a disclosure log or web page rather than the letter as sent."""
        head = self.text[:400]
        return bool(self.search(_WEB_CHROME)) or bool(_ANNEX_HEAD.search(head))

    # ---- dates -------------------------------------------------------------------------
    @cached_property
    def letter_date(self) -> dt.date | None:
        d = self.refusal.dates.letter
        try:
            return dt.date.fromisoformat(d) if d else None
        except ValueError:
            return None

    # ---- output ------------------------------------------------------------------------
    def note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)

    def cover(self, exemptions, rule_id: str) -> None:
        for e in exemptions:
            self.covered.setdefault(e.citation, rule_id)

    def finding(self, rule: Rule, strength: str, evidence: list[Evidence], **facts) -> Finding:
        assert strength in rule.strengths, f"{rule.id}: strength {strength} outside {rule.strengths}"
        seen, evs = set(), []
        for e in evidence:
            if e is None or not e.quote or (e.start, e.end) in seen:
                continue
            assert self.text[e.start : e.end] == e.quote
            seen.add((e.start, e.end))
            evs.append(e)
        argument, ask = render_rule(rule.id, self.template_dir, self._template_vars(rule, strength, evs, facts))
        return Finding(
            rule=rule.id,
            title=rule.title,
            strength=strength,
            evidence=evs,
            argument=argument,
            precedents=list(precedents_for(rule.id, self.regime, facts.get("kind"))),
            ask=ask,
        )

    def _template_vars(self, rule, strength, evidence, facts) -> dict:
        r = self.refusal
        return {
            "authority": r.authority.name or "the authority",
            "authority_named": bool(r.authority.name),
            "police": r.authority.kind == "police",
            "regime": self.regime,
            "regime_name": REGIME_NAMES.get(self.regime, REGIME_NAMES["FOIA"]),
            "commissioner": _regulator_name(self.regime),
            "scotland": self.regime in ("FOISA", "EISR"),
            "eir": self.regime in ("EIR", "EISR"),
            "strength": strength,
            "quotes": [e.quote for e in evidence],
            "q": short_quote,
            "truncated": r.truncated,
            "published_copy": self.published_copy,
            "and_list": and_list,
            **facts,
        }


_HARM_HEADING = ci(
    r"^(overall )?harm\b|\bprejudice test\b|\bevidence of harm\b|\bharm (in|of) (confirm|comply|disclos|releas)"
    r"|\bharm test\b",
)
_HARM_TALK = ci(
    r"prejudice[- ]based|prejudice test|harm test|prejudice/public|no requirement|not required|requirement to|"
    r"identify the harm|articulate the harm|evidence of harm|evidence the harm|evidence this|consider the harm|"
    r"demonstrate the (?:harm|prejudice)|legislators",
    word_start=True,
)
_ANNEX_HEAD = re.compile(r"(?m)^\s*(?:Appendix|Annex|Schedule|APPENDIX|ANNEX)\b")
_WEB_CHROME = ci(
    r"Bookmark the permalink|Comments are closed|Print this Page|Date published|Disclosure log|"
    r"cookies|Skip to (main )?content|Skip navigation|Site map|Quick exit|Leave this site|FOI release|Published \d",
)


def _cites(citation: str, prefix: str) -> bool:
    if not citation.startswith(prefix):
        return False
    rest = citation[len(prefix) :]
    return rest == "" or rest.startswith("(") or prefix.endswith(")")


def distinct(words) -> list[str]:
    """Words in order, each once (ignoring case)."""
    out: list[str] = []
    for w in words:
        if w.lower() not in (o.lower() for o in out):
            out.append(w)
    return out


def and_list(items) -> str:
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: split at sentence punctuation, blank lines, and ends of short lines.

    A single line break ends a sentence only after a short line (a heading, a list item) or
    where the next line starts afresh; long wrapped lines (PDF text) run on.
    """
    out = []
    start = 0
    n = len(text)
    for m in _BOUNDARY.finditer(text):
        if m.group("stop") is not None:
            end = m.start() + len(m.group("stop"))
            if m.group("sp") is not None:  # ". Next": only before a capital, digit, bullet or quote
                nxt = text[m.end() : m.end() + 1]
                if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘([•"):
                    continue
        else:
            end = m.start()
            if m.group("nl") is not None:
                line_start = text.rfind("\n", 0, m.start()) + 1
                line = text[line_start : m.start()].strip()
                nxt = text[m.end() : m.end() + 1]
                if len(line) > 70 and not line.endswith((":", ";")) and not (
                    nxt.isupper() or nxt.isdigit() or (nxt and nxt in "•-–*(")
                ):
                    continue
        if text[start:end].strip():
            out.append((start, end))
        start = m.end()
    if start < n and text[start:].strip():
        out.append((start, n))
    return out


_BOUNDARY = re.compile(
    r"(?P<stop>[.!?][\"'”’)\]]?)(?:(?P<sp>[ \t]+)|[ \t]*\n\s*)"
    r"|\n[ \t]*\n\s*"
    r"|(?P<nl>[ \t]*\n[ \t]*)"
)


@lru_cache(maxsize=256)
def _lookup(citation: str, regime: str):
    try:
        from appeal.law.exemptions import lookup
    except ImportError:
        return None
    try:
        return lookup(citation, regime)
    except Exception:  # an unknown citation is not our failure to report here
        return None


@lru_cache(maxsize=8)
def _regulator_name(regime: str) -> str:
    """The regulator in force today (appeal.law.regulator, dated data), not a literal name."""
    try:
        from appeal.law.regulator import regulator_for

        return regulator_for(regime).name
    except Exception:  # noqa: BLE001 - a data problem must not stop the rules
        return COMMISSIONER.get(regime, COMMISSIONER["FOIA"])


@lru_cache(maxsize=128)
def precedents_for(rule_id: str, regime: str, variant: str | None = None) -> tuple[str, ...]:
    """Verified precedents supporting a rule (or the branch of it the finding took, its `kind`
    fact), apt for the regime, at most three, best fit first."""
    try:
        from appeal.precedents import for_rule
    except ImportError:
        return ()
    out = []
    for p in for_rule(rule_id, regime=regime, variant=variant if isinstance(variant, str) else None):
        if getattr(p, "verified", False) is not True or getattr(p, "against_requester", False):
            continue
        if p.id not in out:
            out.append(p.id)
        if len(out) == 3:
            break
    return tuple(out)


@lru_cache(maxsize=128)
def _template(template_dir: str | None, name: str):
    """Compiled once per process (Jinja would otherwise check the file's date on every use)."""
    from appeal.templating import environment

    return environment(template_dir).get_template(name)


def render_rule(rule_id: str, template_dir: str | None, variables: dict) -> tuple[str, str]:
    """Render templates/<id>.j2: its body is the argument, its `ask` block the ask."""
    from appeal.templating import template_errors

    name = f"rules/{rule_id}.j2"
    with template_errors(name):
        template = _template(template_dir, name)
        context = template.new_context(variables, shared=False)
        argument = normalise_prose("".join(template.root_render_func(context)))
        ask = normalise_prose(str(context.vars.get("ask", "") or ""))
    return argument, ask


def build_timeline(
    refusal: Refusal,
    *,
    received: dt.date | None = None,
    responded: dt.date | None = None,
    review_requested: dt.date | None = None,
    review_responded: dt.date | None = None,
    regime: str | None = None,
) -> tuple[Timeline | None, dict]:
    """The timeline the date rules need, from options first, then the letter's own dates.

    A review-outcome letter's date is the review response, not the first response. Returns
    (timeline or None, the ISO dates used, with where each came from). The work is done by
    the spine, `appeal.case.gather_case`, so that the rules see what every command sees.
    """
    from appeal.case import gather_case

    case = gather_case(refusal, regime=regime, received=received, responded=responded,
                       review_requested=review_requested, review_responded=review_responded)
    return case.timeline, case.rule_dates()


HEDGE = ci(r"could\b|may\b|might\b|can\b|potentially\b|possibly\b|perhaps\b|conceivably\b", word_start=True)
STATED_LIKELIHOOD = ci(r"would\b|will\b|likely\b", word_start=True)


def prejudice_exemptions(ctx: Context) -> list[Exemption]:
    return [e for e in ctx.exemptions if ctx.is_prejudice(e)]


def harm_scope(ctx: Context) -> list[tuple[int, int]]:
    """The harm statements that make the prejudice case: those under a 'Harm' / 'prejudice test'
    heading when the letter has one, otherwise every harm statement outside the request."""
    passages = ctx.harm_passages
    if passages:
        inside = [s for s in ctx.harm_sentences if any(a <= s[0] < b for a, b in passages)]
        if inside:
            return inside
    return [s for s in ctx.harm_sentences if not ctx.in_request(s[0])]


_SCOPE_OTHER = ci(
    r"any\s+other\s+(?:recorded\s+)?information\b|all\s+other\s+information\b|"
    r"any\s+additional\s+information\b|any\s+further\s+information\b|additional\s+information\b|"
    r"further\s+information\b|any\s*more\s+information\b|anymore\s+information\b",
    word_start=True,
)
_CONFIRMS = ci(
    r"i can confirm that\b[^.]{0,80}\b(?:is|are) held\b|we (?:have|has) (?:supplied|provided|attached|enclosed)\b|"
    r"i (?:have|has) (?:supplied|provided|attached|enclosed)\b|the force (?:have|has) (?:supplied|provided|attached|enclosed)\b|"
    r"it (?:have|has) (?:supplied|provided|attached|enclosed)\b|please find (?:attached|enclosed|below)\b|"
    r"can confirm that (?:the )?[^.]{0,60}\bholds?\b|"
    r"the (?:information|data|figures?) (?:requested )?(?:is|are) (?:attached|enclosed|as follows|below)\b",
    word_start=True,
)
_ANSWER_LINE = re.compile(
    r"[ \t]*(?:Q?\d{1,2}[a-z]?[.)]?[ \t]+)?[A-Za-z][A-Za-z ()/'’-]{0,50}?(?:[ \t]+[–-]|:)[ \t]*\d[\d,]*[ \t]*|"
    r"[ \t]*Q?\d{1,2}[a-z]?[.)][ \t]+\d[\d,]*[ \t]*"
)
_DIGIT_LINE = re.compile(r"(?m)^[^\n]{0,78}\d[ \t]*$")
_NOT_ANSWER = re.compile(r"\b(?:ref|reference|tel|telephone|phone|fax|date|dated|request|case|page|annex|foi|"
                         r"attachment|no)\b", re.I)
_TOTAL_SENTENCE = ci(
r"\b(the|a) (total )?(number|figure|total) (of [^.]{0,60})?(is|was|were) \d[\d,]*\b",
)


def ncnd_scope(ctx: Context) -> str | None:
    """'all' (NCND over the request), 'other' (over 'any other information'), 'part' (over some
    of the questions only), or None."""
    r = ctx.refusal
    if not r.ncnd:
        return None
    st = ctx.ncnd_statement
    if r.ncnd_scope == "other":
        return "other"
    if st and ctx.search(_SCOPE_PART, *st):
        return "part"  # NCND for some questions only ("to requests 1, 2 and 3")
    if st and ctx.search(_SCOPE_OTHER, *st):
        return "other"
    return "all"


_NEGATIVE = ci(r"not hold|not held|does not|do not|no information|not have|unable to", word_start=True)
_NOT_HELD = ci(r"does not hold|do not hold|is not held|are not held|not held by|holds no|no information (?:is )?held|"
               r"does not have the information|do not have the information", word_start=True)
_SCOPE_PART = ci(r"(?:to|for|in relation to|in respect of|regarding) (?:requests?|questions?|parts?|points?|q) ?\d",
                 word_start=True)


def confirmations(ctx: Context) -> list[tuple[int, int]]:
    """Sentences where the letter confirms holding or gives information (not 'does not hold')."""
    return [s for s in ctx.sentences_matching(_CONFIRMS) if not ctx.search(_NEGATIVE, *s)]


def says_not_held(ctx: Context) -> bool:
    return bool(ctx.search(_NOT_HELD, response=True))


def figures_given(ctx: Context) -> list[tuple[int, int]]:
    """Answer lines in the reply itself ('1a. Charged - 5', 'The total number was 12')."""
    if "figures" in ctx._memo:
        return ctx._memo["figures"]
    out = []
    text = ctx.text
    for m in _DIGIT_LINE.finditer(text):
        line = m.group(0)
        if ctx.in_request(m.start()):
            continue
        if _ANSWER_LINE.fullmatch(line) and not _NOT_ANSWER.search(line):
            out.append(m.span())
    for m in ctx.finditer(_TOTAL_SENTENCE):
        if not ctx.in_request(m.start()):
            out.append(m.span())
    ctx._memo["figures"] = out
    return out


def harm_based_ncnd(ctx: Context) -> bool:
    """NCND on an exemption (not a cost-limit 'cannot confirm' under s12(2))."""
    if not ctx.refusal.ncnd:
        return False
    ex = ctx.exemptions
    if not ex:
        return True
    return any(ctx.info(e)[0] not in ("cost", "vexatious") for e in ex)


_COST_WORDS = ci(r"cost\w*|hours?\b|appropriate limit|£\s?\d|burden\w*|time\b|resources?\b", word_start=True)


_VEXATIOUS = ci(r"vexatious|dransfield|harass|obsessive", word_start=True)


def is_cost_refusal(ctx: Context) -> bool:
    """A refusal on the cost limit: a cost provision cited, or a cost estimate read by the parser
    (a letter that calls it a 'statutory time limit' without citing s12), but not vexatiousness."""
    if cost_refusal(ctx):
        return True
    return ctx.refusal.cost is not None and not (ctx.cited("s14") or ctx.search(_VEXATIOUS, response=True))


def cost_refusal(ctx: Context) -> list[Exemption]:
    """The cost-limit provisions relied on (s12, EIR reg 12(4)(b) on cost grounds, ...)."""
    out = [e for e in ctx.cited("cost")]
    if ctx.regime in ("EIR", "EISR") or any(e.citation.startswith("reg") for e in out):
        # reg 12(4)(b) is cost-based only where the letter talks cost, not vexatiousness
        vexatious = ctx.cited("s14") or ctx.search(_VEXATIOUS, response=True)
        out = [e for e in out if not vexatious and ctx.search(_COST_WORDS, response=True)]
    else:
        out = [e for e in out if ctx.info(e)[0] in (None, "cost")]
    return out
