"""Facts the rules need: NCND and its scope, partial disclosure, the public-interest test,
rights stated, review outcome, truncation, cost estimates, and the harm words used.

Every detector is a compiled pattern over the authority's own words (the quoted request is
left out where it could mislead).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from appeal.model import CostEstimate
from appeal.text import find_all, finditer, lower, sentence_end, sentence_start, windows

# ---- NCND --------------------------------------------------------------------------------------
_NCND_ASSERT = re.compile(
    r"(?i)\b(?:(?P<modal>can|will|shall|must|would|does|do|therefore|hereby|to)\s+(?:therefore\s+|also\s+|now\s+)?"
    r"neither\s+confirm\s+n?or\s+deny"
    r"|neither\s+confirms?\s+n?or\s+denies"
    r"|(?:is|are|am)\s+(?:therefore\s+)?neither\s+confirming\s+n?or\s+denying"
    r"|(?:adopt|adopted|adopting|take|taken|taking)\s+(?:an?\s+|the\s+)?(?:NCND|neither[\s\-]+confirm[\s\-]+n?or[\s\-]+deny)"
    r"(?:\s+\(NCND\))?\s+(?:response|stance|position|approach)"
    r"|(?:cannot|can['’]?t)\s+confirm\s+or\s+deny"
    r"|(?:providing|provide|provided|issue|issuing|apply|applying|applied|give|giving)\s+(?:you\s+with\s+)?"
    r"(?:an?\s+)?(?:NCND|neither[\s\-]+confirm[\s\-]+n?or[\s\-]+deny)\s+(?:response|stance|position|reply)"
    r"|\bNCND\s+(?:response|stance|position)\s+(?:is|has\s+been|applies)"
    r"|(?:will|can|shall)\s+not\s+(?:either\s+)?confirm\s+or\s+deny"
    r"|(?:is|are)\s+(?:therefore\s+)?unable\s+to\s+confirm\s+or\s+deny\s+whether"
    r"|(?:cit\w+|rel(?:y|ies|ied|ying)\s+on|appl(?:y|ies|ied|ying)|invok\w+)\s+[“\"‘']?(?:an?\s+|the\s+)?exemption\s+from\s+the\s+"
    r"duty\s+to\s+confirm\s+or\s+deny)"
)
_NCND_NOT = re.compile(
    r"(?i)(?:may\s+include\s+information\s+where\s+\w+\s*$|\bwhere\s+(?:we|it|a\s+public\s+authority|an\s+authority|"
    r"the\s+\w+)\s*$|\bif\s+(?:we|it)\s*$|\bwhether\s+to\s*$|\bdecision\s+to\s*$|\bright\s+to\s*$|\boption\s+to\s*$|"
    r"\bable\s+to\s*$|\bneed\s+to\s*$|\brequired\s+to\s*$|\bchoose\s+to\s*$|\bdecide\s+to\s*$)"
)
_OTHER_SCOPE = re.compile(
    r"(?i)\b(?:any\s+(?:other|further|additional|more)|other|further|additional|anymore|any\s+more|"
    r"the\s+remaining|the\s+rest\s+of\s+the)\s+(?:\w+\s+){0,2}?(?:information|data|records|details)\b"
)


@dataclass
class NcndFacts:
    ncnd: bool
    scope: str | None
    spans: list[tuple[int, int]]


def find_ncnd(text: str, in_request) -> NcndFacts:
    spans = []
    scopes = []
    low = lower(text)
    wins = windows(low, ("neither", "ncnd", "confirm or deny"), 90, 60)
    for m in finditer(_NCND_ASSERT, text, wins):
        if in_request(m.start()):
            continue
        if m.group("modal") and m.group("modal").lower() == "to":
            # "to neither confirm nor deny" asserts only after "we have decided/ will continue".
            pre = text[max(0, m.start() - 40):m.start()].lower()
            if not re.search(r"(?:decided|continue|going|intend|have|wish)\s*$", pre):
                continue
        pre = text[max(0, m.start() - 60):m.start()]
        if _NCND_NOT.search(pre):
            continue
        spans.append((m.start(), m.end()))
        # the sentence the statement stands in
        s_end = _sentence_end(text, m.end())
        s_start = _sentence_start(text, m.start())
        sentence = text[s_start:s_end]
        scopes.append("other" if _OTHER_SCOPE.search(sentence) else "all")
    if not spans:
        if "NCND" in text:
            for m in re.finditer(r"\bNCND\b", text):
                if not in_request(m.start()):
                    return NcndFacts(True, "all", [(m.start(), m.end())])
        return NcndFacts(False, None, [])
    scope = "all" if "all" in scopes else "other"
    return NcndFacts(True, scope, spans)


_sentence_end = sentence_end  # the shared helpers (appeal.text), under their old names here
_sentence_start = sentence_start


# ---- partial disclosure ------------------------------------------------------------------------
_ATTACH = re.compile(
    r"(?i)\b(?:please\s+(?:find|see)\s+(?:attached|enclosed)|(?:is|are|have\s+been|has\s+been)\s+attached|"
    r"attached\s+(?:is|are|please\s+find|to\s+this|our\s+response|spreadsheets?|documents?|files?)\b|I\s+(?:have\s+)?attached|"
    r"I\s+enclose|we\s+enclose|enclosed\s+(?:is|are|please\s+find)|please\s+find\s+enclosed|attachment\s*[\-–:]|"
    r"(?:we\s+have|I\s+have)\s+(?:supplied|provided|included)\s+(?:you\s+with\s+)?(?:(?:a|an|the|some|all|this)\s+)?"
    r"(?:\w+\s+)?(?:information|data|figures?|documents?|copy|copies|spreadsheet|table|list|details|bundle)\b|(?:is|are)\s+(?:being\s+)?provided\s+(?:to\s+you|below)|"
    r"this\s+is\s+being\s+provided|is\s+held\s+and\s+is\s+provided|I\s+am\s+(?:able|pleased)\s+to\s+(?:disclose|provide)|"
    r"(?:we|I)\s+(?:can|have\s+(?:today\s+|now\s+)?decided\s+to)\s+disclose|please\s+(?:find|see)\s+below\s+the\s+information|"
    r"\bhold(?:s)?\s+the\s+information(?:\s+(?:you\s+)?requested)?,?\s+as\s+(?:outlined|set\s+out|shown|detailed)\s+below|"
    r"\bmost\s+of\s+the\s+(?:requested\s+)?information\s+(?:has\s+been|is\s+being|is)\s+(?:disclosed|provided|released)|disclose\s+the\s+located\s+information|"
    r"(?:the\s+)?information\s+(?:you\s+(?:have\s+)?requested\s+)?is\s+(?:set\s+out\s+)?(?:below|attached|enclosed)|"
    r"(?:have\s+been|has\s+been|are|were)\s+redacted|redactions?\s+(?:have|has)\s+been|we\s+have\s+redacted|"
    r"(?:some|part)\s+of\s+the\s+information\s+(?:you\s+(?:have\s+)?requested\s+)?(?:is|has\s+been)\s+(?:provided|disclosed|attached)|"
    r"(?:a\s+copy\s+of\s+)?some\s+of\s+the\s+information|"
    r"(?:set\s+out|provided|given|included|contained|listed)\s+(?:at|in)\s+(?:the\s+)?(?:attached\s+)?"
    r"(?:annex|appendix|attachment|spreadsheet)|please\s+see\s+(?:the\s+)?(?:attached|annex|appendix))"
)
# said outright, whatever else the sentence says ("most of the information has been disclosed;
# the names are withheld")
_ATTACH_STRONG = re.compile(r"(?i)most\s+of\s+the|(?:we|I)\s+(?:can|have\s+(?:today\s+|now\s+)?decided\s+to)\s+disclose")
_ATTACH_NOT = re.compile(
    r"(?i)(?:\bPIT\b|public\s+interest|prejudice\s+test|review\s+procedure|leaflet|guidance|complaints?\s+procedure|"
    r"your\s+(?:rights|request)\s+(?:is|are)\s+(?:set\s+out|outlined)|\b(?:request|requests)\b[^.]{0,40}\b(?:annex|outlined)|"
    r"findings|attached\s+report|not\s+(?:been\s+)?(?:attached|provided|disclosed|able)|unable|withheld|arguments|"
    r"(?:do|does|did)\s+not\s+hold|not\s+held|explanation|\blinks?\b)"
)
_FIGURE_LINE = re.compile(
    r"(?m)^[ \t]*(?:(?:Q(?:uestion)?\s*)?\d{1,2}[a-z]?[.):]?\s*[\-–]?\s*)?(?:[A-Za-z][\w ,/()']{0,40}?\s*[\-–:]\s*|"
    r"(?:19|20)\d\d/\d\d\s*[\-–:]?\s*)?£?\s?\d[\d,]*(?:\.\d+)?%?[ \t]*\.?[ \t]*$"
)
_FIGURE_SENTENCE = re.compile(
    r"(?i)\b(?:there\s+(?:are|were|is|was)\s+(?:currently\s+)?\d[\d,]*\b|total\s+(?:number\s+)?(?:of\s+[\w ]{1,40}?\s+)?"
    r"(?:is|was|as)\s+£?\d[\d,]*|\d[\d,]*\s+(?:FOI\s+)?(?:requests|incidents|offences|cases|crimes|officers|people|"
    r"arrests|applications|complaints|referrals)\s+(?:were|was|have\s+been|had\s+been)\s+(?:received|recorded|made|"
    r"submitted|reported|dealt))"
)


_ATTACH_WORDS = ("attach", "enclos", "provided", "disclos", "redact", "supplied", "included", "some of the information",
                 "below", "annex", "appendix")
_FIGURE_WORDS = ("there are", "there were", "there is", "there was", "total", " were received", " were recorded",
                 " were made", " were submitted", " were reported", " have been received", " have been recorded",
                 " was received", " had been")


def _figure_lines(text: str, start: int):
    pos = start
    for line in text[start:].split("\n"):
        ln = len(line)
        st = line.strip()
        if st and len(st) <= 60 and any(c.isdigit() for c in st):
            m = _FIGURE_LINE.match(text, pos, pos + ln)
            if m and m.end() == pos + ln or (m and not text[m.end():pos + ln].strip()):
                yield m
        pos += ln + 1


def partial_disclosure(text: str, response_start: int, in_request) -> bool:
    low = lower(text)
    for m in finditer(_ATTACH, text, windows(low, _ATTACH_WORDS, 80, 80)):
        if in_request(m.start()):
            continue
        s, e = _sentence_start(text, m.start()), _sentence_end(text, m.end())
        if _ATTACH_NOT.search(text[s:e]) and not _ATTACH_STRONG.match(m.group(0)):
            continue
        return True
    sources = ((_FIGURE_LINE, _figure_lines(text, response_start)),
               (_FIGURE_SENTENCE, finditer(_FIGURE_SENTENCE, text, windows(low, _FIGURE_WORDS, 80, 60, response_start))))
    for rx, matches in sources:
        for m in matches:
            if in_request(m.start()):
                continue
            line = m.group(0).strip()
            if rx is _FIGURE_LINE and (re.fullmatch(r"(?:19|20)\d\d\.?", line) or len(line) < 1):
                continue
            if rx is _FIGURE_LINE and re.fullmatch(r"\d{1,2}[.)]?", line):
                continue  # a bare question number
            return True
    return False


# ---- public interest test -----------------------------------------------------------------------
_PIT = re.compile(
    r"(?i)(?:factors?\s+(?:in\s+)?(?:favou?ring|favou?r\s+of|for|against|supporting)\s+(?:the\s+)?"
    r"(?:disclosure|non[\s\-]?disclosure|release|confirming|complying|maintaining|withholding|neither)|"
    r"balanc(?:e|ing)\s+(?:test|exercise|the\s+public\s+interest)|public\s+interest\s+(?:considerations|factors|"
    r"arguments)|public\s+interest\s+in\s+(?:the\s+information\s+being\s+)?(?:disclos|maintaining|withholding|"
    r"favour|release|applying|upholding|confirming)|weighed\s+up|on\s+balance|outweigh|"
    r"(?<!no\s)(?<!not\s)(?:carry\s+out|conduct|complete|completed|undertake|undertaken)\s+(?:a|the)\s+"
    r"(?:prejudice\s+test/)?public\s+interest\s+test|(?m:^[ \t]*public\s+interest\s+test\b[^\n.]{0,40}$)|"
    r"where\s+the\s+(?:balance\s+of\s+the\s+)?public\s+interest\s+lies|assessing\s+the\s+public\s+interest|"
    r"there\s+is\s+(?:also\s+)?(?:a|some|clearly\s+a|an\s+obvious)\s+(?:strong\s+|general\s+|legitimate\s+|wider\s+)?"
    r"public\s+interest\s+in|(?:is\s+)?not\s+in\s+the\s+public\s+interest\s+(?:for|to)\b)"
)
_PIT_NEG = re.compile(
    r"(?i)(?:no\s+(?:requirement|need)\s+to\s+(?:\w+\s+){0,4}public\s+interest|not\s+(?:subject|required)\s+to\s+"
    r"(?:\w+\s+){0,4}public\s+interest|no\s+(?:prejudice\s+or\s+)?public\s+interest|without\s+(?:a\s+)?public\s+interest|"
    r"(?:requester|applicant|you)\s+(?:argue|believe|consider|said))"
)


def public_interest_test(text: str, in_request) -> bool:
    wins = windows(lower(text), ("factor", "balanc", "public interest", "weighed", "outweigh"), 60, 80)
    for m in finditer(_PIT, text, wins):
        if in_request(m.start()):
            continue
        s, e = _sentence_start(text, m.start()), _sentence_end(text, m.end())
        if _PIT_NEG.search(text[s:e]):
            continue
        return True
    return False


# ---- rights --------------------------------------------------------------------------------------
_REVIEW_RIGHT = re.compile(
    r"(?i)(?:(?:request|ask\s+for|apply\s+for|seek|require|requesting|asking\s+for|right\s+to)\s+(?:an?\s+)?"
    r"(?:independent\s+|internal\s+)*review|review\s+procedure|internal\s+review\s+procedure|"
    r"(?:dissatisfied|unhappy|not\s+satisfied)[^.]{0,160}\breview|\breview[^.]{0,80}\bwithin\s+(?:two|2|40|forty)|"
    r"complaints?\s+procedure|(?:ask|request)\s+us\s+to\s+review|require\s+a\s+review)"
)
_COMMISSIONER = re.compile(
    r"(?i)(?:Information\s+Commissioner|\bICO\b|ico\.org\.uk|itspublicknowledge|0303\s*123\s*1113|"
    r"Scottish\s+Information\s+Commissioner|\bSIC\b)"
)
_COMPLAIN = re.compile(
    r"(?i)(?:complain|complaint|appeal|apply|application|right|entitled|dissatisfied|unhappy|contact\s+them|"
    r"refer|concerns|make\s+a\s+complaint|ask\s+(?:the|them)|for\s+a\s+decision)"
)


def rights(text: str, in_request) -> tuple[bool, bool]:
    low = lower(text)
    review = False
    for m in finditer(_REVIEW_RIGHT, text, windows(low, ("review", "complaint"), 180, 100)):
        if in_request(m.start()):
            continue
        s, e = _sentence_start(text, m.start()), _sentence_end(text, m.end())
        sent = text[s:e]
        if re.search(r"(?i)\b(?:I|we)\s+have\s+(?:now\s+)?(?:completed|concluded|carried\s+out)|"
                     r"(?:this|our|the)\s+review\s+(?:response|decision|outcome)|(?:following|after)\s+"
                     r"(?:our|the|this|my)\s+(?:internal\s+)?review", sent):
            continue
        review = True
        break
    commissioner = False
    wins = windows(low, ("commissioner", "ico", "itspublicknowledge", "0303", "sic"), 40, 40)
    for m in finditer(_COMMISSIONER, text, wins):
        if in_request(m.start()):
            continue
        s, e = _sentence_start(text, m.start()), _sentence_end(text, m.end())
        sent = text[s:e]
        if re.search(r"(?i)guidance|followed|guide\b", sent) and not re.search(r"(?i)complain|appeal|apply|dissatisfied", sent):
            continue
        if _COMPLAIN.search(sent):
            commissioner = True
            break
    return review, commissioner


# ---- review outcome ------------------------------------------------------------------------------
_REVIEW_OUTCOME = re.compile(
    r"(?i)(?:(?:I|we)\s+have\s+(?:now\s+)?(?:completed|concluded|carried\s+out|conducted|undertaken)\s+(?:the|my|our|an?|your)\s+"
    r"(?:internal\s+)?review|review\s+panel|uph(?:old|eld|olding)\s+the\s+original\s+(?:decision|response)|original\s+"
    r"(?:decision|response)\s+(?:should\s+be|is|has\s+been|was)\s+(?:confirmed|upheld|varied|substituted|overturned|"
    r"revised)|(?:a\s+)?different\s+decision\s+should\s+be\s+substituted|outcome\s+of\s+(?:the|your|my|our)\s+"
    r"(?:internal\s+)?review|result\s+of\s+(?:the|your)\s+internal\s+review|(?m:^[^\n]{0,100}:\s*(?:FOI\s+|internal\s+)review[ \t]*$)|"
    r"(?:have|has)\s+reviewed\s+(?:the|our)\s+(?:original\s+)?(?:decision|response|handling)|"
    r"(?m:^[^\n]{0,80}\breview\s+of\s+(?:our\s+|the\s+)?(?:response|decision)[ \t]*$)|"
    r"(?:your|the)\s+requirement\s+for\s+(?:a\s+)?review(?!\s+(?:must|should|can|may|needs?|has\s+to|is\s+to)\b))"
)
# More ways an outcome says so, tried only near their own words (speed).
_REVIEW_OUTCOME2 = re.compile(
    r"(?i)(?:(?:I|we)\s+have\s+(?:now\s+)?(?:reviewed|considered)\s+(?:the|your)\s+(?:complaint|circumstances|appeal|original\s+"
    r"(?:decision|response|request|handling))|(?:the\s+)?panel\s+(?:has\s+)?reviewed|review\s+(?:meeting|panel)\s+was\s+"
    r"(?:held|convened)|(?:following|further\s+to)\s+your\s+request\s+for\s+(?:a|an)\s+(?:internal\s+)?review|"
    r"(?:I|we)\s+have\s+handled\s+your\s+request\s+for\s+(?:a|an)\s+(?:internal\s+)?review|"
    r"(?:I|we)\s+(?:uphold|have\s+upheld|do\s+not\s+uphold|partially\s+uphold|partly\s+uphold)\s+your\s+(?:complaint|appeal)|"
    r"\band\s+uphold\s+your\s+(?:complaint|appeal)|you\s+requested\s+(?:a|an)\s+(?:internal\s+)?review\s+of)"
)
_REVIEW2_WORDS = ("reviewed", "considered the complaint", "considered your", "panel", "review meeting",
                  "request for a review", "request for an internal", "handled your", "uphold your", "upheld your",
                  "you requested a")
# An "Internal review" heading: the line it stands on, or "INTERNAL REVIEW:" in capitals.
_REVIEW_HEADING = re.compile(
    r"(?i)[ \t]*internal\s+review\s*[:\-–][^\n]{0,120}|[^\n]{0,60}\binternal\s+review\s+(?:response|outcome|decision)[ \t]*:?[ \t]*"
)


_CONDITIONAL = re.compile(r"(?i)\b(?:if|should|when|once)\s+you\b|\byou\s+(?:can|may|could|have\s+the\s+right)\b|"
                          r"\bright\s+to\b|\bentitled\b")


def is_review_outcome(text: str, in_request) -> bool:
    wins = windows(lower(text), ("review", "upheld", "uphold", "original decision", "original response",
                                 "substituted"), 120, 80, align=True)
    low = lower(text)
    for p in find_all(low, "internal review"):
        if in_request(p):
            continue
        ls, le = low.rfind("\n", 0, p) + 1, low.find("\n", p)
        le = len(text) if le == -1 else le
        if (le - ls < 200 and _REVIEW_HEADING.fullmatch(text, ls, le)) or text.startswith("INTERNAL REVIEW:", p):
            return True
    for rx, w in ((_REVIEW_OUTCOME, wins), (_REVIEW_OUTCOME2, None)):
        if w is None:
            w = windows(low, _REVIEW2_WORDS, 70, 60)
        for m in finditer(rx, text, w):
            if in_request(m.start()):
                continue
            s = _sentence_start(text, m.start())
            if _CONDITIONAL.search(text, s, m.start()):
                continue  # "if you are not content with the outcome of the internal review, ..."
            return True
    return False


# ---- truncation ------------------------------------------------------------------------------------
_CHROME_LINE = re.compile(
    r"(?i)^(?:comments\s+are\s+closed|bookmark\s+the\s+permalink\.?|attachments?|no\s+attachments|ok|print\s+this\s+page|"
    r"back\s+to\s+top|share\s+(?:this\s+page)?|our\s+website\s+uses\s+cookies.*|accept.*cookies.*|cookie.*|"
    r"[\w\-]+_attachment_?\s*\d*|\d+_\d+|skip\s+to\s+(?:main\s+)?content|top\s+of\s+page|was\s+this\s+page\s+useful\??.*|rate\s+this\s+page)$"
)
_SIGNOFF = re.compile(r"(?im)^[ \t]*(?:yours\s+(?:sincerely|faithfully)|kind\s+regards|best\s+regards|regards|"
                      r"many\s+thanks|with\s+thanks)\b")


# A last line that is only a provision ("Section 40(5)(a)(b)", "Regulation 12(5)(a) -"): the
# heading of a reason whose text is missing.
_BARE_CITATION = re.compile(
    r"(?i)(?:[•·*\-–][ \t]*)?(?:sections?|s\.?|regulations?|reg\.?)[ \t]*\d{1,3}[A-Z]?(?:[ \t]*\([0-9a-zA-Z]{1,4}\))*"
    r"(?:[ \t]*(?:and|&|,)[ \t]*(?:\d{1,3}[A-Z]?)?(?:\([0-9a-zA-Z]{1,4}\))*)*[ \t]*[\-–:]?$"
)


def looks_truncated(text: str) -> bool:
    stripped = text.rstrip()
    if not stripped:
        return False
    if stripped.endswith(("...", "…", "[...]", "(continued)")):
        return True
    lines = [ln.strip() for ln in stripped.splitlines() if ln.strip()]
    while lines and _CHROME_LINE.match(lines[-1]):
        lines.pop()
    if not lines:
        return False
    last = lines[-1]
    if len(last) >= 50 and last[-1].isalpha() and last[-1].islower() and len(last.split()) >= 10:
        return True  # a line of prose cut mid-word or mid-sentence (an annex after the sign-off, cut)
    if _SIGNOFF.search("\n".join(lines[-8:])):
        return False
    if _BARE_CITATION.match(last) or re.search(r"(?i)\b(?:and|or|of|the|to|under|by|section|regulation|s\.?)$", last):
        return True  # the copy stops at a bare citation or mid-phrase: the reasons that follow are cut
    if re.search(r"[.!?;)\"”’'>]$", last):
        return False
    # a contact line (e-mail, telephone, web address) closes a letter too
    if len(last.split()) <= 8 and re.search(r"@|\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b", last):
        return False
    if re.fullmatch(r"(?:[A-Za-z ,]{0,40}\s)?[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}", last):
        return False  # an address's postcode closes the page
    return True


# ---- cost ----------------------------------------------------------------------------------------------
_COST_WORDS = re.compile(
    r"(?i)(?:appropriate\s+(?:costs?\s+)?limit|cost\s+limit|costs?\s+of\s+compl|exceed\s+the\s+(?:\w+\s+){0,3}limit|"
    r"upper\s+cost\s+limit|statutory\s+(?:time|cost)\s+limit|manifestly\s+unreasonable)"
)
_HOURS = re.compile(r"(?i)(?<![\w£.])(\d[\d,]*(?:\.\d+)?)\s*(?:hours?|hrs?)\b")
_DAYS = re.compile(r"(?i)(?<![\w£.])(\d[\d,]*(?:\.\d+)?)\s*(?:working\s+)?days?\s+(?:of\s+work|work)")
_POUNDS = re.compile(r"£\s?(\d[\d,]*(?:\.\d\d)?)")
_LIMIT_CTX = re.compile(
    r"(?i)(?:limit|set\s+at|equates?\s+to|equivalent\s+(?:of|to)|rate\s+of|per\s+hour|per\s+request|"
    r"prescribed|regulations?\s+\d|fees\s+regulations|based\s+on|maximum\s+of|no\s+more\s+than)[^.£\d]{0,30}$"
)
_LIMIT_AFTER = re.compile(r"(?i)^[^.]{0,25}?(?:limit|per\s+hour|an\s+hour|per\s+request|threshold)")
_PER_UNIT = re.compile(
    r"(?i)\b\d[\d,.]*\s*(?:minutes?|mins?|seconds?|hours?)\s+(?:per|for\s+each|each|to\s+(?:review|read|check|locate|"
    r"retrieve|extract|examine|search|consider))|\b(?:per|for\s+each|each)\s+(?:file|record|case|document|item|report|"
    r"invoice|plot|entry|log|request)\b[^.]{0,40}\b\d[\d,.]*\s*(?:minutes?|mins?|hours?)"
)
_ADVICE = re.compile(
    r"(?i)(?:\bnarrow(?:ing|ed)?\b|\brefin(?:e|ing|ed)\b|\breduc(?:e|ing)\s+the\s+(?:scope|time\s*(?:frame|period)|"
    r"number|amount|range)|bring\s+(?:it|this|the\s+request|your\s+request)\s+within|within\s+the\s+(?:cost|appropriate)\s+"
    r"limit\s+if|if\s+you\s+(?:were\s+to\s+)?(?:limit|restrict|reduce|focus)|advice\s+and\s+assistance|section\s+16\b|"
    r"s\.?16\b|(?:you\s+may|you\s+could|you\s+might)\s+(?:wish\s+to\s+)?(?:consider|submit|resubmit)|"
    r"(?:submit|make)\s+a\s+(?:new|revised|refined|narrower)\s+request)"
)
_ADVICE_NEG = re.compile(
    r"(?i)(?:difficult|unable|not\s+(?:possible|able))\s+(?:for\s+us\s+)?to\s+(?:suggest|advise|identify)\s+(?:how|any|a\s+way)|"
    r"cannot\s+(?:suggest|advise)\s+(?:how|any)|no\s+(?:way|means)\s+(?:of|to)\s+(?:narrow|refin|reduc)"
)


def cost_estimate(text: str, in_request) -> CostEstimate:
    low = lower(text)
    hours: list[float] = []
    pounds: list[float] = []
    for rx, bucket, factor, words in ((_HOURS, hours, 1.0, ("hour", "hrs")), (_DAYS, hours, 7.5, ("of work", "days work", "day work")),
                                      (_POUNDS, pounds, 1.0, ("£",))):
        for m in finditer(rx, text, windows(low, words, 25, 10)):
            if in_request(m.start()):
                continue
            before = text[max(0, m.start() - 70):m.start()]
            after = text[m.end():m.end() + 40]
            if _LIMIT_CTX.search(before) or _LIMIT_AFTER.match(after):
                continue
            try:
                v = float(m.group(1).replace(",", "")) * factor
            except ValueError:
                continue
            if rx is _POUNDS and v in (450.0, 600.0, 25.0):
                continue
            if rx is _HOURS and v in (18.0, 24.0):
                continue
            if rx is _DAYS and v in (2.5 * 7.5, 3 * 7.5):
                continue
            bucket.append(v)
    breakdown = False
    for m in finditer(_PER_UNIT, text, windows(low, ("minute", "mins", "second", "hour"), 80, 80)):
        if not in_request(m.start()):
            breakdown = True
            break
    advice = False
    neg = windows(low, ("suggest", "advise", "identify", "narrow", "refin", "reduc"), 60, 30)
    if not any(True for _ in finditer(_ADVICE_NEG, text, neg)):
        wins = windows(low, ("narrow", "refin", "reduc", "bring", "within the", "if you", "advice and", "16",
                             "you may", "you could", "you might", "new request", "revised request"), 40, 40)
        for m in finditer(_ADVICE, text, wins):
            if not in_request(m.start()):
                advice = True
                break
    return CostEstimate(
        hours=max(hours) if hours else None,
        pounds=max(pounds) if pounds else None,
        breakdown_given=breakdown,
        advice_given=advice,
    )


def mentions_cost_limit(text: str, in_request) -> bool:
    wins = windows(lower(text), ("limit", "cost", "unreasonable"), 40, 30)
    return any(not in_request(m.start()) for m in finditer(_COST_WORDS, text, wins))
