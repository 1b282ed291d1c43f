"""Where the letter quotes the request, and where its response begins.

Most refusals quote the request ("You asked:", "Request", "Information requested", "I note
you seek access to the following information:", numbered "Request 1 ... Answer 1"
blocks) and then answer ("Response", "In response:", "Having made enquiries ...").
`find_request` returns the spans of the quoted request; the text outside them is the
authority's own words (exemptions are only counted there).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from appeal import prefilter

# A heading line that opens the request.
_START_HEADING = re.compile(
    r"(?im)^[ \t]*(?:your\s+request|the\s+request|request(?:\s+details)?|information\s+requested|"
    r"details\s+of\s+(?:your\s+)?request|what\s+you\s+asked\s+for|you\s+asked(?:\s+for)?|"
    r"request\s+(?:text|wording))[ \t]*:?[ \t]*$"
)
# A phrase after which the request is quoted (on the same or the next lines).
_START_PHRASE = re.compile(
    r"(?i)(?:\byou\s+asked\s*:|\byour\s+request\s*(?:was|read|reads|stated|is|asked(?:\s+for)?|was\s+for|sought)?\s*:|"
    r"(?m:^[ \t]*request[ \t]*:(?![ \t]*[A-Z]{0,6}[\-/]?\d[\w/\-]*[ \t]*$))|"
    r"\bI\s+note\s+(?:that\s+)?you\s+(?:seek|are\s+seeking|request(?:ed)?)\s+(?:access\s+to\s+)?the\s+following(?:\s+information)?\s*:?|"
    r"\byou\s+(?:asked|requested)\s+(?:for\s+|us\s+)?(?:the\s+following|for)[^:.\n]{0,80}:|"
    r"\bin\s+which\s+you\s+(?:asked|requested|ask)[^:\n]{0,80}:|"
    r"\bthe\s+following\s+request\s+has\s+been\s+refused\s*:|"
    r"\bin\s+your\s+(?:e-?mail|letter|request)[^:\n]{0,60}\byou\s+(?:asked|requested|said)[^:\n]{0,40}:|"
    r"\byour\s+[^.\n:]{0,40}\brequest\s+for\s*:|"
    r"\brequested\s+the\s+following(?:\s+information)?\s*:|"
    r"\byou\s+seek\s+(?:access\s+to\s+)?the\s+following(?:\s+information)?\s*:|"
    r"\byou\s+(?:submitted|made|sent)\s+the\s+following\s+request\s*:|"
    r"\b(?:we|I)\s+(?:have\s+)?received\s+(?:a|your)\s+request\b[^:\n]{0,80}:(?=[ \t]*\n))"
)
# Numbered request blocks ("Request 1", "Question 2 and 3", "Questions 1 A-C").
_BLOCK_HEADING = re.compile(r"(?im)^[ \t]*(?:request|questions?)[ \t]+\d[\w \t,&\-–]{0,24}[:.]?[ \t]*$")
# A heading line that opens the response ("Response", "Response 1:", "Answer to question 2",
# "Our Response:", "DWP Response", "Reason for decision").
_END_HEADING = re.compile(
    r"(?im)^[ \t]*(?:(?:our\s+|the\s+|(?-i:[A-Z][\w&'’.\-]*\s+){1,5})?(?:response|reply|answers?)"
    r"(?:[ \t]+(?:to\s+)?(?:(?:your\s+)?(?:questions?|q|part|request|point)\s*)?\d[\w \t,&\-–]{0,20})?|"
    r"in\s+response|decision|our\s+decision|outcome|reasons?\s+for\s+(?:the\s+|our\s+)?decision|"
    r"response\s+to\s+your\s+request|answer\s+to\s+your\s+request)[ \t]*[:\-–.]?[ \t]*$"
)
# A line that starts the authority's answer.
_END_PHRASE = re.compile(
    r"(?im)^[ \t]*(?:(?:answer|response|reply)\s*(?:to\s+(?:question\s+|q)?)?\d{1,2}[a-z]?\s*[:\-–]|having\s+made\s+enquiries|having\s+considered|(?:I|we)\s+have\s+(?:now\s+)?concluded|we\s+have\s+(?:now\s+)?(?:considered|looked|had|"
    r"completed|carried\s+out)|your\s+request\s+(?:for\s+information\s+)?(?:has|was)\s+(?:now\s+)?been|"
    r"I\s+am\s+(?:required|obliged)\s+by\s+the\s+freedom|we\s+have\s+(?:now\s+)?(?:dealt|handled)\s+with|under\s+the\s+freedom\s+of\s+information\s+act\s*\(FOIA\)\s+we|"
    r"we\s+are\s+therefore\s+dealing|we\s+have\s+considered|section\s+14\s*\(1\)\s+provides|"
    r"following\s+receipt\s+of\s+your\s+request|(?:I|we)\s+can\s+(?:now\s+)?confirm|"
    r"(?:I|we)\s+(?:am|are)\s+(?:now\s+)?(?:writing\s+(?:in|to\s+(?:inform|advise|let|confirm|respond|tell))|able|unable|"
    r"sorry|pleased)|"
    r"further\s+to\s+(?:my|our|your)|I\s+have\s+(?:now\s+)?(?:completed|concluded|considered|reviewed)|"
    r"please\s+(?:find|see)\s+(?:attached|enclosed|below)|as\s+the\s+information\s+you\s+have\s+requested|"
    r"the\s+\w+\s+(?:does|do)\s+(?:not\s+)?hold|this\s+information\s+is\s+exempt|unfortunately|"
    r"please\s+be\s+advised|thank\s+you\s+for\s+your\s+request|I\s+enclose|we\s+enclose|"
    r"in\s+accordance\s+with\s+the\s+act|(?-i:(?:[A-Z][\w']+\s+){1,5})(?:can|will|does|shall)\s+neither\s+confirm|"
    r"(?-i:(?:[A-Z][\w']+\s+){1,5})neither\s+confirms|your\s+request\s+has\s+been\s+handled|"
    r"it\s+is\s+estimated|we\s+estimate|any\s+data\s+we\s+have|you\s+(?:have\s+)?(?:requested|asked\s+(?:for|us\s+for))\s+"
    r"an?\s+(?:internal\s+)?review|in\s+your\s+(?:request\s+for\s+(?:an?\s+)?(?:internal\s+)?review|review\s+request)|"
    r"(?:I|we)\s+have\s+(?:today\s+|now\s+)?decided|(?:this|the)\s+(?:requested\s+)?information\s+(?:that\s+|which\s+)?"
    r"(?:you\s+(?:have\s+)?(?:requested|asked\s+for|seek|are\s+seeking)\s+)?is\s+(?:exempt|withheld|not\s+held|being\s+withheld)|"
    r"no\s+(?:recorded\s+)?information\s+(?:is\s+)?held|section\s+1\s+of\s+the\s+freedom\s+of\s+information|"
    r"the\s+exemptions?\s+(?:applicable|which\s+appl|that\s+appl|being\s+applied|applied)|"
    r"compliance\s+with\s+(?:this|your)\s+request|(?:to\s+)?comply(?:ing)?\s+with\s+(?:this|your)\s+request\s+would|"
    r"(?-i:(?:[A-Z][\w'’&\-]+\s+(?:(?:for|of|and|the|&)\s+)?){1,5})(?:believes|considers|estimates|has\s+(?:now\s+)?(?:considered|decided|located|searched)|"
    r"is\s+(?:unable|not\s+able|able)|cannot|(?:does|do)\s+not\s+(?:hold|have)|holds?\s+(?:no\s+|the\s+|some\s+|this\s+|that\s+|these\s+|such\s+)?"
    r"(?:information|data|records|details)|can\s+(?:now\s+)?confirm))"
)
# The authority's voice where line breaks are lost (a page flattened to one line): the same
# openings after the end of a sentence.
_END_SENTENCE = re.compile(
    r"(?<=[.!?:”\"\d][ \t])(?:(?:I|we)\s+can\s+(?:now\s+)?confirm|(?:I|we)\s+responded\s+to\s+your|(?:I|we)\s+have\s+(?:today\s+|now\s+)?decided|"
    r"(?:I|we)\s+(?:am|are)\s+(?:unable|able|writing\s+to\s+(?:inform|advise|confirm))|unfortunately\b|"
    r"please\s+find\s+(?:below|attached|enclosed)|(?:this|the)\s+information\s+is\s+(?:exempt|withheld|not\s+held)|"
    r"(?-i:(?:[A-Z][\w'’&\-]+\s+(?:(?:for|of|and|the|&)\s+)?){1,5})(?:can|will|does|shall)\s+neither\s+confirm|it\s+is\s+estimated|"
    r"compliance\s+with\s+(?:this|your)\s+request|the\s+exemptions?\s+(?:applicable|which\s+appl|applied)|"
    r"section\s+1\s+of\s+the\s+freedom\s+of\s+information\s+act[^.]{0,40}\b(?:places|imposes|gives|provides))",
    re.I,
)
# A line of the authority's exemption list ("Section 31(1)(a)(b) – Law Enforcement",
# "Sections 24(1) – National Security and", "Regulation 12(5)(a)"): short, no question.
_END_LIST = re.compile(
    r"(?m)^[ \t]*(?:[•·*\-–][ \t]*)?(?:Sections?|SECTIONS?|S\.|s\.|[Ss]{1,2}(?=[ \t]?\d)|Regulations?|REGULATIONS?|"
    r"Reg\.|Exemptions?)"
    r"[ \t]*\d{1,2}[A-Z]?(?:[ \t]*(?:&|and|,|/)?[ \t]*\([^()\n]{1,4}\))*[ \t]*(?:[\-–—:][^\n?]{0,90}|\([A-Z][^\n?]{0,60}|"
    r"[A-Z][^\n?]{0,60}|)$"
)
# A line that starts with a provision (an item of a list of them, whoever wrote it).
_LIST_START = re.compile(
    r"[ \t]*(?:[•·*\-–][ \t]*)?(?:Sections?|SECTIONS?|S\.|s\.|[Ss]{1,2}(?=[ \t]?\d)|Regulations?|REGULATIONS?|Reg\.|"
    r"Exemptions?|(?=\d{1,2}[A-Z]?[ \t]?\(\d))[ \t]*\d"
)
# A line of figures: "2017 – 7", "Total: 1,234", "Q1 - 15" (the answer's table).
_END_FIGURES = re.compile(
    r"(?m)^[ \t]*(?:[A-Za-z][\w ,/()'’]{0,40}?|(?:19|20)\d\d(?:/\d\d)?)[ \t]*[\-–:=][ \t]*"
    r"(?!(?:19|20)\d\d\b)£?\d[\d,]*(?:\.\d+)?%?[ \t]*$|^[ \t]*(?:(?:19|20)\d\d(?:/\d\d)?[ \t]*[\-–:][ \t]*)?"
    r"(?i:no\s+(?:recorded\s+)?information\s+(?:is\s+)?held)\b"
)
# Lines that look like a request when nothing marks one.
_REQUESTISH = re.compile(
    r"(?i)\b(?:please\s+(?:provide|disclose|send|supply|tell|confirm|state|could|can|list)|"
    r"(?:could|can|would)\s+you\s+(?:please\s+)?(?:provide|tell|send|disclose|confirm|advise|let)|"
    r"I\s+would\s+like|I\s+am\s+requesting|I\s+(?:wish|want)\s+to\s+(?:request|know|see)|I['’]?d\s+like|"
    r"I\s+request|I\s+am\s+writing\s+to\s+(?:request|ask|enquire|make)|how\s+(?:many|much|often)|what\s+is\s+the|"
    r"under\s+the\s+freedom\s+of\s+information\s+act[^.\n]{0,60}(?:request|provide|disclose|ask|like))"
)
_RESPONSE_CUES = re.compile(
    r"(?i)\b(?:exempt|withh[eo]ld|refus|neither\s+confirm|we\s+hold|is\s+held|not\s+held|attached|enclosed|"
    r"disclos|appropriate\s+limit|cost\s+of\s+compl|section\s+\d+\s*\(|regulation\s+\d+\s*\()"
)


# A web form's own words left in the copy of the request: the field's guidance ("This might
# include:", "Please select all that apply.", "Please feel free to disregard this question if
# ..."), an option to tick ("iii. Other (please state)."), a bare label ("Optional", "Required").
# They are not the requester's words.
_FORM_DEBRIS = re.compile(
    r"(?i)[ \t]*(?:[\-•·*][ \t]*|\(?(?:[ivx]{1,5}|[a-z]|\d{1,2})[.)][ \t]*)?(?:"
    r"this\s+(?:might|may|could)\s+include\s*:?|"
    r"(?:please\s+)?(?:select|tick|choose|check)\s+(?:all|any|one|each|the\s+\w+)(?:\s+(?:that|which|options?\s+that))?"
    r"(?:\s+(?:apply|applies))?\s*[.:]?|"
    r"please\s+feel\s+free\s+to\s+(?:disregard|ignore|skip|leave)\b[^\n]{0,100}|"
    r"(?:this\s+(?:field|question)\s+is\s+)?(?:optional|required|mandatory)\s*[.:]?|"
    r"(?:other|something\s+else)\s*\(\s*please\s+(?:state|specify|give\s+details|describe)\s*\)\s*[.:]?|"
    r"\(?\s*(?:maximum|max\.?|up\s+to)\s+\d+\s+(?:characters|words)\s*\)?\s*[.:]?"
    r")[ \t]*$"
)
# A lead-in that announces what follows ("I am writing to request the following information:")
# whose items were lost: it says "the following" / "as follows", or is a few words only.
_LEAD_IN = re.compile(r"(?i)[^\n?]*\b(?:the\s+following|as\s+follows)\b[^\n?]{0,40}:[ \t]*|[ \t]*(?:\S+[ \t]+){0,4}\S+:[ \t]*")


def _without_debris(quote: str) -> str | None:
    """The quote without the form's own words. A quote with nothing left but lead-ins (the
    items they announced were lost from the copy) is no quote: null rather than debris."""
    lines = [ln for ln in quote.strip().split("\n") if not _FORM_DEBRIS.fullmatch(ln)]
    if not any(ln.strip() and not _LEAD_IN.fullmatch(ln) for ln in lines):
        return None
    # blank runs left where debris lines were
    return re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", "\n".join(lines)).strip()


@dataclass
class RequestSplit:
    spans: list[tuple[int, int]] = field(default_factory=list)  # the quoted request
    response_start: int = 0  # where the authority's answer begins (0: unknown)
    # the quoted words are the requester's request for a review, not the request itself (a
    # review outcome that prints only the review request): kept out of the authority's
    # words, but not offered as the request
    review_request: bool = False

    def text_of(self, text: str) -> str | None:
        spans = self.spans[1:] if self.review_request else self.spans
        parts = [_without_debris(text[s:e]) for s, e in spans]
        parts = [p for p in parts if p]
        if not parts:
            return None
        return "\n\n".join(parts)

    def contains(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.spans)


def _requesters_list(text: str, pos: int, start: int) -> bool:
    """A list of provisions the requester asks about ("how many times you used each of these
    exemptions:\nSection 40(2) – Personal information"): the line leading into the list asks."""
    p = pos
    while p > start:
        ls = text.rfind("\n", start, p - 1) + 1
        line = text[max(ls, start):p].strip()
        p = max(ls, start)
        if not line:
            continue
        if _LIST_START.match(line) and "?" not in line:
            continue  # another item of the same list
        return "?" in line or bool(_REQUESTISH.search(line))
    # the list opens the request: the request's own lead-in is before `start`
    ls = text.rfind("\n", 0, max(0, start - 1)) + 1
    return bool(_REQUESTISH.search(text[ls:start]))


_NUMBERED_ASK = re.compile(r"[ \t]*(?:Q(?:uestion)?[ \t]*)?\(?\d{1,2}[a-z]?[.):][ \t]")


def _request_continues(text: str, pos: int) -> bool:
    """The next line is another numbered question ("3. How often ...?"): whatever looked like
    the authority's voice before it ("... in 2023? Unfortunately ...") was still the request."""
    nl = text.find("\n", pos)
    while nl != -1:
        nxt = text.find("\n", nl + 1)
        line = text[nl + 1: nxt if nxt != -1 else len(text)]
        if line.strip():
            return bool(_NUMBERED_ASK.match(line)) and ("?" in line or bool(_REQUESTISH.search(line)))
        nl = nxt
    return False


def _end_of_request(text: str, start: int) -> int | None:
    """The start of the response after a request that begins at `start`. The cheap line
    patterns go first; the costlier ones are searched only up to the best end so far."""
    best = None
    for rx in (_END_HEADING, _END_PHRASE, _END_LIST, _END_FIGURES, _END_SENTENCE):
        stop = len(text) if best is None else best
        m = rx.search(text, start, stop)
        # an answer marker with nothing quoted before it ends nothing (but a response heading
        # straight after a request heading means the request is not printed)
        while m is not None and (m.start() < start or (rx is not _END_HEADING and not text[start:m.start()].strip())
                                 or ((rx is _END_LIST or rx is _END_FIGURES) and _REQUESTISH.search(m.group(0)))
                                 or (rx is _END_LIST and _requesters_list(text, m.start(), start))
                                 or (rx is not _END_HEADING and _request_continues(text, m.start()))):
            m = rx.search(text, m.end(), stop)
        if m and (best is None or m.start() < best):
            best = m.start()
    return best


def _fallback_end(text: str, start: int) -> int:
    """No marker: the request runs to the first paragraph that reads like an answer."""
    pos = start
    for para in re.finditer(r"(?s)(.+?)(?:\n[ \t]*\n|\Z)", text[start:]):
        chunk = para.group(1)
        if para.start() > 0 and _RESPONSE_CUES.search(chunk):
            return start + para.start()
        pos = start + para.end()
        if pos - start > 4000:
            break
    return min(pos, len(text))


def _asks(text: str, block: tuple[int, int]) -> bool:
    body = text[block[0]:block[1]].strip()
    first = body.split("\n", 1)[0]
    return "?" in body or bool(_REQUESTISH.search(first))


def _answers_at(text: str, pos: int) -> bool:
    """The first non-blank line from pos is in the authority's voice ("Questions 1 and 2"
    then "DHSC holds information relevant to these questions")."""
    m = re.compile(r"\s*").match(text, pos)
    p = m.end() if m else pos
    ls = text.rfind("\n", 0, p) + 1
    return any(rx.match(text, ls) for rx in (_END_PHRASE, _END_HEADING, _END_LIST))


def _blocks(text: str) -> list[tuple[int, int]]:
    """Numbered "Request N" / "Answer N" blocks (PSNI style)."""
    spans = []
    for m in _BLOCK_HEADING.finditer(text):
        s = m.end()
        if _answers_at(text, s):
            continue  # "Questions 1-3" heading an answer, not a request
        end = _END_HEADING.search(text, s)
        nxt = _BLOCK_HEADING.search(text, s)
        e = end.start() if end else None
        if nxt and (e is None or nxt.start() < e):
            e = nxt.start()
        if e is None:
            e = _fallback_end(text, s)
        if e > s:
            spans.append((s, e))
    return spans


# A header line printed above the quoted request: "Original request 202500448819",
# "Request 101003832329", "Request reference: FOI/123".
_HEADER_LINE = re.compile(
    r"(?i)[ \t]*(?:original\s+)?request(?:\s+(?:no\.?|number|ref(?:erence)?\.?))?[ \t]*:?[ \t]*"
    r"[A-Z]{0,6}[\-/]?\d[\w/\-]*[ \t]*(?:\n|$)"
)
# The requester asking for a review ("I am writing to request an internal review of ...").
_REVIEW_ASK = re.compile(
    r"(?i)\b(?:request(?:ing)?|ask(?:ing)?\s+for|require|requirement\s+for)\s+(?:an?\s+|the\s+)?(?:internal\s+review\b|"
    r"review\s+of\s+(?:this|the|your|its|my)\s+(?:decision|response|handling|refusal|foi|request)|"
    r"review\s+of\s+[^.\n]{0,40}\bhandling\b)"
)
# The original request quoted in the answer: "... your request under the Act for: “...”".
_QUOTED_REQUEST = re.compile(r"(?i)\byour\s+(?:original\s+)?request\b[^“\"\n.]{0,120}?\bfor\s*:?\s*[“\"]([^”\"]{10,1500})[”\"]")
# A page's metadata label and date run into the request's first line ("Responded Wed 06 June 2018I am ...").
_META_DATE = re.compile(
    r"[ \t]*(?:Responded|Requested|Received|Sent|Published|Date(?:[ \t]+\w+)?)\b[^\n]{0,40}?(?:19|20)\d\d(?=[A-Z])"
)


_LONE_MARKER = re.compile(r"\n[ \t]*\(?(?:[a-z]|\d{1,2})[.)][ \t]*\s*$")


def find_request(text: str) -> RequestSplit:
    split = _find_request(text)
    if not split.spans:
        return split
    s, e = split.spans[0]
    m = re.compile(r"\s*").match(text, s)
    p = m.end() if m else s
    h = _HEADER_LINE.match(text, p)
    if h and h.end() < e and text[h.end():e].strip():
        s = h.end()
    mm = _META_DATE.match(text, s)
    if mm and mm.end() < e:
        s = mm.end()
    t = _LONE_MARKER.search(text, s, e)
    if t and t.start() > s:
        e = t.start()  # "... 2016 / 2017 / 2018.\na)": the item's words are missing from the copy
    split.spans[0] = (s, e)
    if len(split.spans) == 1:
        split.spans.extend(_interleaved(text, s, e))
    first = text[s:min(e, s + 400)]
    if _REVIEW_ASK.search(first) and not re.search(r"(?i)\boriginal\s+request\b", first):
        split.review_request = True
        # the review outcome may quote the original request ("your request under FOISA for:
        # “All correspondence ...”"): that is the request
        q = _QUOTED_REQUEST.search(text, e)
        if q:
            split.spans.append((q.start(1), q.end(1)))
    return split


_ITEM_NO = re.compile(r"(?m)^[ \t]*(?:Q(?:uestion)?[ \t]*)?\(?(\d{1,2})[.):]")
# a numbered item that asks in the requester's words without asking outright
_YOUR_ITEM = re.compile(r"[ \t]*\(?\d{1,2}[.)][ \t]+(?=[^\n]*\byour\b)[^\n]{10,200}[:?][ \t]*$", re.M)
_YOUR_ITEM_FIRST = re.compile(r"(?m)^[ \t]*\(?1[.)][ \t]+(?=[^\n]*\byour\b)(?![^\n]*\b(?:we|our|I)\b)[^\n]{10,200}[:?][ \t]*$")
_ITEM_HEAD = re.compile(r"[ \t]*\(?\d{1,2}[.)][ \t]+(?![^\n]*\b(?:we|our|I|[Ss]ections?|[Rr]egulations?|exempt\w*)\b)"
                        r"[A-Z][^\n]{10,200}:[ \t]*$")
_GAP_MAX = 1200  # the answer printed between two questions (a longer run is another part of the letter)


def _interleaved(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Questions with the answer printed after each ("1. How many ...?" / "The Council does
    not hold this information." / "2. What is ...?"): the later numbered questions, each a
    span of its own. Only the next number in sequence, asking, within a short gap."""
    nums = [int(m.group(1)) for m in _ITEM_NO.finditer(text, s, e)]
    if not nums:
        return []
    expect = max(nums) + 1
    out: list[tuple[int, int]] = []
    pos = e
    while expect <= 40:
        nxt = re.compile(rf"(?m)^[ \t]*(?:Q(?:uestion)?[ \t]*)?\(?{expect}[.):](?!\d)").search(text, pos, pos + _GAP_MAX)
        if nxt is None:
            break
        le = text.find("\n", nxt.start())
        line = text[nxt.start(): le if le != -1 else len(text)]
        if not text[pos:nxt.start()].strip():
            break
        if "?" in line or _REQUESTISH.search(line) or _YOUR_ITEM.match(line):
            end = _requestish_run(text, nxt.start(), min(len(text), nxt.start() + _GAP_MAX))
            if end is None:
                end = le if le != -1 else len(text)
        elif _ITEM_HEAD.match(line):
            end = le if le != -1 else len(text)  # "2. The total number of assaults during:": that line only
        else:
            break
        out.append((nxt.start(), end))
        pos = end
        expect += 1
    return out


def _find_request(text: str) -> RequestSplit:
    starts = []
    for rx in (_START_HEADING, _START_PHRASE):
        m = prefilter.search(rx, text)  # = rx.search(text), quicker
        if m:
            starts.append(m)
    blocks = _blocks(text)
    if starts:
        m = min(starts, key=lambda x: x.start())
        s = m.end()
        # "Request 1" just after a "Request Details" heading: use the blocks
        if blocks and blocks[0][0] - s < 400 and any(_END_HEADING.search(text, b[1], b[1] + 40) for b in blocks):
            spans = _merge_blocks(text, s, blocks)
            return RequestSplit(spans, _response_after(text, spans))
        e = _end_of_request(text, s)
        if e is None:
            e = _fallback_end(text, s)
        # numbered blocks after the response has begun are requests only when they ask
        # ("Request 2\nHow many ...?"), not when they answer ("Question 2\nThere were 57.")
        later = [b for b in blocks if b[0] >= e and _asks(text, b)]
        if later:
            spans = [(s, e)] + later
            return RequestSplit(spans, e)
        return RequestSplit([(s, e)], e)
    if blocks:
        return RequestSplit(blocks, _response_after(text, blocks))
    # Nothing marks the request: take the first request-like line (before any response
    # heading) to the response heading or the first line that answers.
    head = _END_HEADING.search(text)
    limit = head.start() if head else len(text)
    q = None
    for m in re.finditer(r"(?m)^[^\n]*$", text[:limit]):
        line = m.group(0)
        if len(line) > 400:
            # a page flattened to one line: the sentence that asks, not the whole line
            for c in _REQUESTISH.finditer(line):
                ss = max(line.rfind(". ", 0, c.start()), line.rfind("? ", 0, c.start()), line.rfind(": ", 0, c.start()))
                glued = _GLUED_COLON.search(line, max(ss, 0), c.start() + 1)
                cut = ss + 2 if ss != -1 else 0
                while glued:  # "answers to your questions:RESPONSE How many ..."
                    cut = glued.end()
                    glued = _GLUED_COLON.search(line, glued.end(), c.start() + 1)
                sent = line[cut:c.end() + 120]
                if re.match(r"(?i)\s*(?:thank\s+you|if\s+you|should\s+you)", sent) or _AUTHORITY_VOICE.search(
                        line, cut, c.end()):
                    continue
                q = m.start() + cut
                break
            if q is not None:
                break
            continue
        mm = _META_DATE.match(line) if line[:1] in "RSPD \t" else None
        if mm:
            line = line[mm.end():]  # "Responded Wed 06 June 2018I would like ..."
        if _REQUESTISH.search(line) and not re.match(r"(?i)\s*(?:thank\s+you|if\s+you|should\s+you)", line) \
                and not _REFUSER_VOICE.search(line):
            q = m.start() + (mm.end() if mm else 0)
            break
    if q is None:
        # a numbered item in the requester's words, ending in ":" ("1. The total amount spent by
        # your trust on private security during:"), with a "2." later: the questions are printed
        # with the answers after each
        for m in _YOUR_ITEM_FIRST.finditer(text, 0, limit):
            if re.search(r"(?m)^[ \t]*2[.)][ \t]", text[m.end():m.end() + _GAP_MAX * 2]):
                le = text.find("\n", m.start())
                e = le if le != -1 else len(text)
                split = RequestSplit([(m.start(), e)], e)
                return split
    if q is None:
        return RequestSplit([], head.start() if head else 0)
    e = head.start() if head else None
    run = _requestish_run(text, q, limit)
    if run is not None and (e is None or run < e):
        e = run
    nxt = _end_of_request(text, q)
    if nxt is not None and (e is None or nxt < e):
        e = nxt
    if e is None:
        e = _fallback_end(text, q)
    return RequestSplit([(q, e)], e)


# In a page flattened to one line: a sentence in the authority's voice about the request
# ("Request under the FOIA 2000 I write in connection with your request ...") is not the request.
_AUTHORITY_VOICE = re.compile(r"(?i)\byour\s+(?:request|questions?|e-?mail|letter)\b|\bI\s+write\b|\bwe\s+(?:have\s+)?received\b")
# A line in the refuser's voice that reads like an ask ("Under the Freedom of Information Act
# (FOIA) we have the right to refuse a request ... have decided to refuse your request").
_REFUSER_VOICE = re.compile(
    r"(?i)\byour\s+(?:request|questions?)\b|\bwe\s+have\s+the\s+right\s+to\b|"
    r"\b(?:we|I)\s+have\s+(?:therefore\s+)?decided\s+to\s+refuse\b"
)
# a colon glued to the next word, optionally an upper-case heading ("questions:RESPONSE How")
_GLUED_COLON = re.compile(r":(?:[A-Z]{3,}[ \t]+)?(?=[A-Z])")


_ITEM_LINE = re.compile(r"[ \t]*(?:[\-•·*]|\(?\d{1,2}[.)]|\(?[a-z][.)]|Q\d|[a-z])")


def _requestish_run(text: str, q: int, limit: int) -> int | None:
    """With nothing marking the request: it runs over the request-like line at q and the
    lines that continue it (numbered items, lower-case continuations, more request-like
    lines); the first other line is the authority's."""
    pos = text.find("\n", q)
    while pos != -1 and pos < limit:
        nxt = text.find("\n", pos + 1)
        line = text[pos + 1: nxt if nxt != -1 else len(text)]
        if line.strip() and not (_ITEM_LINE.match(line) or _REQUESTISH.search(line) or "?" in line
                                 or (_LIST_START.match(line) and _requesters_list(text, pos + 1, q))):
            return pos + 1
        if not line.strip() and nxt != -1 and not text[nxt + 1: nxt + 2].strip() == "":
            # a blank line: the request continues only into a numbered item or another ask
            after_end = text.find("\n", nxt + 1)
            after = text[nxt + 1: after_end if after_end != -1 else len(text)]
            if not (_ITEM_LINE.match(after) or _REQUESTISH.search(after) or "?" in after):
                return nxt + 1
        pos = nxt
    return None


def _merge_blocks(text: str, s: int, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    first = blocks[0]
    spans = [(s, first[1])] + blocks[1:]
    return spans


def _response_after(text: str, spans: list[tuple[int, int]]) -> int:
    return spans[0][1] if spans else 0
