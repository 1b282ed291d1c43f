"""What a rule's check() receives: the refusal plus the views of it that several rules share.

Everything here is computed once per letter, on first use: sentences, headings, the harm
and public-interest passages, NCND statements, the request profile. Spans always index into
`refusal.text`, so evidence is a verbatim slice of the letter.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from appeal.model import Evidence, Exemption, Finding, Refusal, Timeline
from appeal.rules.base import Rule
from appeal.prefilter import candidates, matches_at
from appeal.rules.patterns import _LOWER, _WORD_START, _starts_word, ci
from appeal.rules.request import RequestProfile, analyse
from appeal.rules.sentences import split_sentences
from appeal.rules.textutil import and_list, lower_same_length, short_quote
from appeal.rules.wording import REGIME_NAMES, precedents_for, regulator_name, render_rule

_F = re.IGNORECASE

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
    r"enabl\w* (?:offenders|criminals|those intent)|"
    # commercial harm put in market terms ("could be used by competitors to gain an unfair advantage")
    r"(?:unfair|competitive|commercial) advantage|(?:used by|advantage to|benefit\w*|assist\w*|help\w*) "
    r"(?:its |our |the trust's |the council's )?competitors",
    word_start=True,
)
QUALIFIED_WORDS = re.compile(r"\bqualified\b", _F)


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
        self._cands: dict = {}  # (id(hay), pattern) -> where a match can start
        self._found: dict = {}  # (id(hay), literal) -> its positions

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
        if end - start >= (_SCAN_MIN_CI if rx.flags & re.IGNORECASE else _SCAN_MIN):
            cands = self._candidates(hay, rx)
            if cands is not None:
                word = rx in _WORD_START
                for k in range(bisect_left(cands, start), len(cands)):
                    p = cands[k]
                    if p >= end:
                        break
                    if word and not _starts_word(hay, p):
                        continue
                    m = rx.match(hay, p, end)
                    if m is not None:
                        return m
                return None
        m = rx.search(hay, start, end)
        if rx in _WORD_START:
            while m is not None and not _starts_word(hay, m.start()):
                m = rx.search(hay, m.start() + 1, end)
        return m

    def finditer(self, rx: re.Pattern, start: int = 0, end: int | None = None, *, response: bool = False):
        hay = self._hay(rx, response)
        end = len(hay) if end is None else end
        found = None
        if end - start >= (_SCAN_MIN_CI if rx.flags & re.IGNORECASE else _SCAN_MIN):
            cands = self._candidates(hay, rx)
            if cands is not None:
                found = matches_at(rx, hay, cands, start, end)
        if found is None:
            found = rx.finditer(hay, start, end)
        if rx in _WORD_START:
            return (m for m in found if _starts_word(hay, m.start()))
        return found

    def _candidates(self, hay: str, rx: re.Pattern) -> list[int] | None:
        """Where in hay a match of rx can start (sorted), from its literal prefixes; None when the
        pattern has none (it is then searched as usual). Once per letter and pattern."""
        key = (id(hay), rx)
        try:
            return self._cands[key]
        except KeyError:
            pass
        # the lower-cased copies are kept by this Context: positions keyed by their id stay right
        low = self.low if hay is self.text else self.response_low if hay is self.response_text else hay
        out = candidates(rx, hay, self._positions, low=low)
        self._cands[key] = out
        return out

    def _positions(self, hay: str, needle: str) -> list[int]:
        key = (id(hay), needle)
        hit = self._found.get(key)
        if hit is None:
            hit = []
            find = hay.find
            i = find(needle)
            while i != -1:
                hit.append(i)
                i = find(needle, i + 1)
            self._found[key] = hit
        return hit

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
        """Body spans under headings matching `heading_rx`, up to the next heading (once per pattern)."""
        key = ("passages", heading_rx.pattern, heading_rx.flags)
        if key not in self._memo:
            self._memo[key] = self._passages(heading_rx)
        return list(self._memo[key])

    def _passages(self, heading_rx: re.Pattern) -> list[tuple[int, int]]:
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
        from appeal.rules.readings import law_not_reasons  # readings builds on this module

        spans = [(a, b) for a, b in ex.spans if 0 <= a < b <= len(self.text)]
        spans.sort(key=lambda ab: self.in_request(ab[0]))
        for a, b in spans:
            sa, sb = self.sentence_at(a)
            if sa <= a and b <= sb and sb - sa <= 300 and not law_not_reasons(self, (sa, sb)):
                # a heading that runs on into the statute ("Section 30(1)(a) - ... is exempt
                # information if ...") is the law's words, not the authority's: the citation alone
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
        heads = {a for a, _b, _l in self.headings}
        return [s for s in self.sentences_matching(HARM_VERB)
                if not self.search(_HARM_TALK, *s) and not self._is_heading(s, heads)
                and self._harm_outside_brackets(s)]

    def _harm_outside_brackets(self, span: tuple[int, int]) -> bool:
        """A harm word only inside brackets is an exemption's title ("section 33(1)(b) (substantial
        prejudice to commercial interests) applies"), not a statement of harm."""
        low = self.low[span[0] : span[1]]
        if "(" not in low:
            return True
        masked = _BRACKETED.sub(lambda m: " " * len(m.group(0)), low)
        return any(m.start() == 0 or not (masked[m.start() - 1].isalnum() or masked[m.start() - 1] == "_")
                   for m in HARM_VERB.finditer(masked))

    def _is_heading(self, span: tuple[int, int], heads: set) -> bool:
        """A heading line ("Harm in complying with s1(1)(a)") names a topic; it states no harm."""
        a, b = span
        line_start = self.text.rfind("\n", max(0, a - 200), a) + 1
        return (line_start in heads or a in heads) and not self.text[a:b].rstrip().endswith((".", "!", "?"))

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
            "commissioner": regulator_name(self.regime),
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
_BRACKETED = re.compile(r"\([^()]{0,200}\)")
_HARM_TALK = ci(
    r"prejudice[- ]based|prejudice test|harm test|prejudice/public|no requirement|not required|requirement to|"
    r"identify the harm|articulate the harm|evidence of harm|evidence the harm|evidence this|consider the harm|"
    r"demonstrate the (?:harm|prejudice)|legislators|version of an attachment|no need to|class[- ]based|"
    r"would,? or would be likely to|would or would likely|"
    r"freedom of information request [\"'‘“]",
    word_start=True,
)
_ANNEX_HEAD = re.compile(r"(?m)^\s*(?:Appendix|Annex|Schedule|APPENDIX|ANNEX)\b")
_WEB_CHROME = ci(
    r"Bookmark the permalink|Comments are closed|Print this Page|Date published|Disclosure log|"
    r"cookies|Skip to (main )?content|Skip navigation|Site map|Quick exit|Leave this site|FOI release|Published \d",
)


# Ranges at least this long are searched at the patterns' literal prefixes (appeal/prefilter.py);
# shorter ones (a sentence) as usual. Measured warm against the same base: a 10 KB letter's check
# ~0.5 ms quicker, a 1 MB letter's 0.50 -> 0.42 s; reading the prefixes costs ~4 ms once per
# process (a cold `appeal check` of a 10 KB letter reads ~40 patterns).
_SCAN_MIN = 256
_SCAN_MIN_CI = 256


def _cites(citation: str, prefix: str) -> bool:
    if not citation.startswith(prefix):
        return False
    rest = citation[len(prefix) :]
    return rest == "" or rest.startswith("(") or prefix.endswith(")")



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

