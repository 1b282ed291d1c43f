"""Which public authority made the decision.

Names come from the gazetteer (appeal/data/authorities.toml: every UK police force, the
departments, devolved governments, regulators) and from patterns for councils, NHS bodies,
universities and companies. The deciding authority is the one the letter speaks for — it
"neither confirms nor denies", "holds" or "does not hold", signs, gives the review right —
not a shared unit's letterhead: every mention is weighed by where it stands and what it
says.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from appeal.model import Authority
from appeal.text import finditer, lower, windows, windows_at
from appeal.resources import data_path, read_toml


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str | None
    nation: str | None
    parent: str | None = None
    commissioner: bool = False


@dataclass
class _Gazetteer:
    by_key: dict[str, Entry]
    by_name: dict[str, Entry]
    names_rx: re.Pattern  # capital first letter, then any case
    acronyms_rx: re.Pattern  # over the text as written
    places: dict[str, str]
    domains: dict[str, Entry]


def _key(s: str) -> str:
    s = s.replace("’", "'").replace("&", "and")
    return " ".join(s.lower().split())


def _trie_regex(words: list[str], *, capital_first: bool = False) -> re.Pattern:
    """One alternation factored by common prefixes: the engine tries one branch per
    character instead of every alias at every position. A space matches any whitespace.
    With capital_first, words are given in lower case and match with a capital first
    letter and any case after it (the regex engine then skips quickly over the text to
    the next capital)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict, depth: int = 0) -> str:
        alts = []
        for ch in sorted(k for k in node if k):
            if ch == " ":
                piece = r"\s+"
            elif capital_first and ch.isalpha():
                piece = ch.upper() if depth == 0 else f"[{ch}{ch.upper()}]"
            else:
                piece = re.escape(ch)
            alts.append(piece + emit(node[ch], depth + 1))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            body = "(?:" + body + ")?"
        return body

    return re.compile(emit(trie) if trie else r"(?!)")


def _is_acronym(alias: str) -> bool:
    return alias.isupper() or (len(alias) <= 5 and alias.replace("o", "O").isupper())


@lru_cache(maxsize=1)
def gazetteer() -> _Gazetteer:
    data = read_toml(data_path("authorities.toml"))
    by_key: dict[str, Entry] = {}
    by_name: dict[str, Entry] = {}
    domains: dict[str, Entry] = {}
    names: list[str] = []
    acronyms: list[str] = []
    for a in data["authority"]:
        e = Entry(a["name"], a.get("kind"), a.get("nation"), a.get("parent"), bool(a.get("commissioner")))
        by_name[e.name] = e
        for d in a.get("domains", []):
            domains[d.lower()] = e
        for alias in [a["name"], *a.get("aliases", [])]:
            if _is_acronym(alias):
                by_key[alias] = e
                acronyms.append(alias)
                continue
            by_key[_key(alias)] = e
            low = " ".join(alias.lower().replace("’", "'").split())
            variants = {low, low.replace("&", "and"), low.replace(" and ", " & ")}
            for v in list(variants):
                variants.add(v.replace("'", "’"))
            names.extend(variants)
    places: dict[str, str] = {}
    for nation, plist in data.get("places", {}).items():
        for n in plist:
            places[_place_key(n) or _key(n)] = nation
    return _Gazetteer(by_key, by_name, _trie_regex(names, capital_first=True), _trie_regex(acronyms), places,
                      domains)


def _bounded(text: str, s: int, e: int) -> bool:
    if s > 0 and (text[s - 1].isalnum() or text[s - 1] in "_@."):
        return False
    if e < len(text) and (text[e].isalnum() or text[e] in "_@"):
        return False
    return True


def gazetteer_mentions(text: str, low: str) -> list[tuple[int, int, Entry]]:
    g = gazetteer()
    out = []
    for m in g.names_rx.finditer(text):
        if _bounded(text, m.start(), m.end()):
            e = g.by_key.get(_key(m.group(0)))
            if e:
                out.append((m.start(), m.end(), e))
    for m in g.acronyms_rx.finditer(text):
        if _bounded(text, m.start(), m.end()):
            e = g.by_key.get(m.group(0))
            if e:
                out.append((m.start(), m.end(), e))
    out.sort(key=lambda x: x[0])
    return out


_DOMAIN = re.compile(r"(?i)\b(?:www\.)?((?:[a-z0-9\-]+\.)+(?:police\.uk|gov\.uk|gov\.scot|gov\.wales|mod\.uk|nhs\.uk))"
                     r"(/[a-z0-9\-]+)?")
_DOMAIN_ENDS = ("police.uk", "gov.uk", "gov.scot", "gov.wales", "mod.uk", "nhs.uk")


def _domain_mentions(text: str, low: str) -> list[tuple[int, int, Entry]]:
    doms = gazetteer().domains
    out = []
    for m in finditer(_DOMAIN, text, windows(low, _DOMAIN_ENDS, 80, 60)):
        host = m.group(1).lower().replace(".pnn.", ".")
        path = (m.group(2) or "").lower()
        e = doms.get(host + path) or doms.get(host)
        if e:
            out.append((m.start(), m.end(), e))
    return out


# ---- bodies found by pattern ------------------------------------------------------------
_CAP = r"[A-Z][\w'’\-]*"
_JOIN = r"(?:[ \t]+(?:and|&|upon|on|under|of|the|in)(?=[ \t]))?"
_COUNCIL = re.compile(
    rf"\b(?:(?:London|Royal)\s+Borough\s+of|City\s+and\s+County\s+of|City\s+of|Council\s+of\s+the)\s+{_CAP}"
    rf"(?:{_JOIN}[ \t]+{_CAP}){{0,4}}(?:[ \t]+Council)?"
    rf"|(?:{_CAP}(?:,|{_JOIN})?[ \t]+){{1,7}}Council\b"
)
_NHS = re.compile(
    rf"(?:{_CAP}(?:,|{_JOIN})?[ \t]+){{1,8}}NHS[ \t]+(?:Foundation[ \t]+)?Trust\b"
    rf"|\bNHS[ \t]+(?!Trust|Foundation|Act|England|Digital|Business|Blood|National)(?:{_CAP})(?:{_JOIN}[ \t]+{_CAP}){{0,3}}"
    rf"|(?:{_CAP}(?:,|{_JOIN})?[ \t]+){{1,6}}(?:University[ \t]+|Teaching[ \t]+)?Health[ \t]+Board\b"
    rf"|(?:{_CAP}(?:,|{_JOIN})?[ \t]+){{1,6}}Health[ \t]+and[ \t]+Social[ \t]+Care[ \t]+Trust\b"
    rf"|(?:{_CAP}(?:,|{_JOIN})?[ \t]+){{1,6}}(?:Clinical[ \t]+Commissioning[ \t]+Group|Integrated[ \t]+Care[ \t]+Board)\b"
    rf"|(?:{_CAP}(?:,|{_JOIN})?[ \t]+){{1,4}}Ambulance[ \t]+Service\b"
)
_UNIVERSITY = re.compile(
    rf"\bUniversity[ \t]+of[ \t]+(?:the[ \t]+)?{_CAP}(?:{_JOIN}[ \t]+{_CAP}){{0,3}}"
    rf"|(?:{_CAP}[ \t]+){{1,3}}University\b(?:[ \t]+Belfast)?"
    rf"|\b(?:Imperial|King['’]s|University|Goldsmiths|Birkbeck)[ \t]+College(?:[ \t]+London)?"
)
_DEPARTMENT = re.compile(
    rf"\b(?:Department\s+(?:for|of)|Ministry\s+(?:for|of))\s+(?:the\s+)?{_CAP}(?:(?:,|{_JOIN})?[ \t]+{_CAP}){{0,5}}"
    rf"(?:\s+\(Northern\s+Ireland\))?"
)
_POLICE = re.compile(
    rf"(?:{_CAP}(?:,|{_JOIN})?[ \t]+){{1,4}}(?:Police|Constabulary)\b"
    rf"(?![ \t]+(?:and[ \t]+Crime|Service\b|Federation|Scotland|Authority|Station|Officers?\b|Act\b|Reform))"
)
_NOT_FORCE = {"local", "national", "military", "royal", "transport", "border", "special", "civil", "community",
              "neighbourhood", "traffic", "armed", "secret", "state", "home", "office", "ministry", "defence",
              "college", "federation", "chief", "chiefs", "uk", "english", "welsh", "scottish", "british", "all",
              "other", "force", "forces", "senior", "private", "military", "railway", "port", "dock", "parks",
              "police", "constabulary"}
_REGULATOR = re.compile(rf"(?:{_CAP}(?:,|{_JOIN})?[ \t]+){{1,5}}(?:Regulator|Ombudsman|Commission)\b")
_COMPANY = re.compile(rf"(?:{_CAP}(?:[ \t]+&)?[ \t]+){{1,5}}(?:Ltd|Limited|LLP|plc|PLC)\b")
# "Greater London Authority", "Scottish Police Authority", "West Midlands Combined Authority"
_AUTH_BODY = re.compile(rf"(?:{_CAP}(?:{_JOIN})?[ \t]+){{1,4}}Authority\b")
_GENERIC_AUTH = {"local", "public", "planning", "licensing", "highway", "highways", "housing", "health", "education",
                 "police", "fire", "transport", "waste", "port", "unitary", "relevant", "competent", "data",
                 "prosecuting", "supervisory", "statutory", "appropriate", "contracting", "tax", "combined",
                 "billing", "parent", "awarding", "responsible", "regulatory", "investigating", "deciding",
                 "requesting", "enforcement", "authority", "national", "water", "harbour", "scotland"}
_FIRE = re.compile(rf"(?:{_CAP}(?:{_JOIN})?[ \t]+){{1,5}}Fire[ \t]+(?:and|&)[ \t]+Rescue[ \t]+(?:Service|Authority)\b")

_STOP = {
    "the", "this", "that", "these", "those", "our", "your", "their", "its", "his", "her", "my", "a", "an",
    "unfortunately", "however", "please", "dear", "if", "when", "where", "whilst", "while", "as", "in",
    "on", "at", "for", "from", "by", "with", "to", "under", "local", "each", "every", "any", "all", "both",
    "which", "who", "we", "i", "it", "and", "of", "or", "but", "so", "also", "therefore", "thank", "you",
    "re", "subject", "dear", "mr", "mrs", "ms", "dr", "yours", "sincerely", "faithfully", "regards",
    "borough", "city", "county", "district", "town", "parish", "metropolitan", "community", "unitary",
    "council", "nhs", "foundation", "trust", "university", "health", "board", "college", "teaching",
    "not", "no", "other", "such", "some", "following", "relevant", "said", "relevant", "own", "foi",
    "freedom", "information", "request", "response", "annex", "section", "regarding", "about",
    "scottish", "welsh", "british", "english", "national", "european", "a", "ltd", "limited", "one",
}
_NOT_COUNCILS = {"privy", "security", "sentencing", "research", "arts", "medical", "nursing", "midwifery",
                 "design", "chiefs", "chiefs'", "chiefs’", "police", "sports", "energy", "advisory",
                 "consumer", "cabinet", "legislative", "european", "grants"}


_LEAD_KEEP = {"nhs", "university", "london", "royal", "city", "council", "borough", "county", "college", "imperial"}


def _trim(name: str) -> str | None:
    words = name.replace("\n", " ").split()
    while words and words[0].strip(",").lower() in _STOP and words[0].strip(",").lower() not in _LEAD_KEEP:
        words.pop(0)
    if not words:
        return None
    core = [w for w in words if w.strip(",").lower() not in _STOP]
    if not core:
        return None
    return " ".join(words).rstrip(",")


_PLACE_NOISE1 = re.compile(r"\b(?:london borough of|royal borough of|city and county of|council of the|comhairle)\b")
_PLACE_NOISE2 = re.compile(
    r"\b(?:metropolitan|borough|city|county|district|town|parish|community|council|nhs|foundation|"
    r"trust|university|teaching|health|board|of|the|and social care|clinical commissioning group|"
    r"integrated care board|ambulance service)\b"
)


def _place_key(name: str) -> str:
    k = _PLACE_NOISE1.sub("", _key(name))
    k = _PLACE_NOISE2.sub(" ", k)
    return " ".join(k.replace(",", " ").split())


def _nation_from_place(name: str, default: str | None) -> str | None:
    places = gazetteer().places
    k = _place_key(name)
    if not k:
        return default
    if k in places:
        return places[k]
    # the longest place phrase the name contains (word n-grams, longest first)
    words = k.split()
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i:i + n])
            if len(phrase) > 3 and phrase in places:
                return places[phrase]
    return default


def _iter(rx: re.Pattern, text: str, words: tuple[str, ...] | re.Pattern):
    """rx only around its keyword ("Council", "NHS", ...): the names end there."""
    if isinstance(words, re.Pattern):
        wins = windows_at(((m.start(), m.end()) for m in words.finditer(text)), 160, 40, len(text))
    else:
        wins = windows(text, words, 160, 40)
    return finditer(rx, text, wins)


_NATIONAL_LEAD = re.compile(r"\b(National|British|Scottish|Welsh|English|European)[ \t]+$")
_REGULATOR_KW = re.compile(r"(?:Regulator|Ombudsman|Commission)(?![a-z])")
_DEPARTMENT_KW = re.compile(r"(?:Department|Ministry)[ \t]+(?:for|of)\b")


def _pattern_bodies(text: str) -> list[tuple[int, int, Entry]]:
    out = []
    for m in _iter(_COUNCIL, text, ("Council", "Borough of", "City of", "County of")):
        raw = m.group(0)
        name = _trim(raw)
        if not name or not name.endswith("Council") and not re.match(r"(?:London|Royal)\s+Borough|City|Council", name):
            if not name:
                continue
        words = name.split()
        if name.endswith("Council") and len(words) >= 2 and words[-2].lower() in _NOT_COUNCILS:
            continue
        if name.endswith("Council") and len(words) < 2:
            continue
        start = m.start() + raw.index(name.split()[0])
        out.append((start, m.end(), Entry(name, "council", _nation_from_place(name, None))))
    for m in _iter(_NHS, text, ("NHS", "Health", "Commissioning", "Care Board", "Ambulance")):
        name = _trim(m.group(0))
        if not name or len(name.split()) < 2:
            continue
        default = None
        if re.search(r"Health\s+Board", name):
            default = "wales"
        if re.search(r"Health\s+and\s+Social\s+Care\s+Trust", name):
            default = "northern-ireland"
        nation = _nation_from_place(name, default)
        start = m.start() + m.group(0).index(name.split()[0])
        out.append((start, m.end(), Entry(name, "nhs", nation)))
    for m in _iter(_UNIVERSITY, text, ("University", "College")):
        name = _trim(m.group(0))
        if not name or len(name.split()) < 2:
            continue
        start = m.start() + m.group(0).index(name.split()[0])
        out.append((start, m.end(), Entry(name, "university", _nation_from_place(name, None))))
    for m in _iter(_FIRE, text, ("Fire",)):
        name = _trim(m.group(0))
        if name:
            start = m.start() + m.group(0).index(name.split()[0])
            out.append((start, m.end(), Entry(name, "other", _nation_from_place(name, None))))
    for m in _iter(_POLICE, text, ("Police", "Constabulary")):
        name = _trim(m.group(0))
        if not name:
            continue
        place = [w for w in name.split()[:-1] if w.lower() not in _NOT_FORCE and w.lower() not in _STOP]
        if not place:
            continue
        start = m.start() + m.group(0).index(name.split()[0])
        out.append((start, m.end(), Entry(name, "police", _nation_from_place(name, None))))
    for m in _iter(_DEPARTMENT, text, _DEPARTMENT_KW):
        name = m.group(0).rstrip(",")
        nation = "northern-ireland" if "Northern Ireland" in name else "uk"
        kind = "devolved" if nation == "northern-ireland" else "department"
        out.append((m.start(), m.end(), Entry(name, kind, nation)))
    for m in _iter(_AUTH_BODY, text, ("Authority",)):
        name = _trim(m.group(0))
        if not name:
            continue
        words = [w.strip(",").lower() for w in name.split()[:-1]]
        if len(words) < 1 or all(w in _GENERIC_AUTH or w in _STOP for w in words) or words[0] in _GENERIC_AUTH:
            continue
        start = m.start() + m.group(0).index(name.split()[0])
        out.append((start, m.end(), Entry(name, "other", _nation_from_place(name, None))))
    for m in _iter(_REGULATOR, text, _REGULATOR_KW):
        name = _trim(m.group(0))
        if name and len(name.split()) >= 2:
            start = m.start() + m.group(0).index(name.split()[0])
            out.append((start, m.end(), Entry(name, "regulator", _nation_from_place(name, None))))
    for m in _iter(_COMPANY, text, ("Ltd", "Limited", "LLP", "plc", "PLC")):
        name = _trim(m.group(0))
        if name:
            # a company's name may open with "National", "British", "Scottish" ...: keep it
            pre = _NATIONAL_LEAD.search(m.group(0), 0, m.group(0).index(name))
            if pre:
                name = pre.group(1) + " " + name
        if name and len(name.split()) >= 2:
            start = m.start() + m.group(0).index(name.split()[0])
            out.append((start, m.end(), Entry(name, "other", None)))
    return out


# ---- weighing the mentions ----------------------------------------------------------------
_AFTER_SIGNAL = re.compile(
    r"[ \t]*(?:\([A-Z]{2,8}\)[ \t]*)?(?:,[^,\n]{0,40},\s*)?(?:(?:can|will|shall|does|do|must|would|therefore|hereby)\s+)*"
    r"(?:neither\s+confirms?|hold|holds|does\s+(?:not\s+)?hold|(?:is|are)\s+(?:not\s+)?(?:obliged|providing|able|unable|"
    r"required|applying|relying|withholding)|provides?\s+you|has\s+(?:decided|considered|now)|have\s+(?:decided|considered)|"
    r"considers?|engages?|response\s+to|responds|is\s+not\s+obliged|rel(?:y|ies)\s+on|confirms?\s+that|"
    r"Information\s+Rights|Freedom\s+of\s+Information\s+(?:Unit|Team|Office|Department)|FOI\s+(?:Unit|Team|Office)|"
    r"Disclosure\s+(?:Unit|Team))",
    re.I,
)
_BEFORE_SIGNAL = re.compile(
    r"(?:\bheld\s+by|\bon\s+behalf\s+of|\bbehalf\s+of|\bresponse\s+from|\breview\s+procedure\s+of|"
    r"\bmade\s+a\s+request\s+(?:to|of)|\brequest\s+to|\bwritten\s+to)\s+(?:the\s+)?$",
    re.I,
)
_THIRD_PARTY_BEFORE = re.compile(
    r"(?i)(?:published\s+by|publishes|visit|guidance\s+(?:issued\s+)?(?:by|from)|website\s+of|according\s+to|"
    r"supplied\s+by|provided\s+by|shared\s+with|refer(?:red)?\s+to|contact|complain\s+to|apply\s+to|"
    r"acquisition\s+of|merg(?:ed|er|ing)\s+with|took\s+over|formerly|former|predecessor|previously)\s+(?:the\s+)?$"
)
_THIRD_PARTY_AFTER = re.compile(
    r"(?i)['’]?s?\s*(?:routinely\s+)?(?:publish(?:es)?|website|guidance|statistics|police\s+use|offence\s+code|"
    r"counting\s+rules|data\s+tables)\b"
)
_SIGNOFF = re.compile(r"(?i)\b(?:yours\s+(?:sincerely|faithfully)|kind\s+regards|best\s+regards|regards)\b")
_SALUTATION = re.compile(r"(?m)^[ \t]*Dear\b")


@dataclass
class AuthorityResult:
    authority: Authority
    assumptions: list[str]
    spans: list[tuple[int, int]]


def find_authority(text: str, request_spans: list[tuple[int, int]]) -> AuthorityResult:
    g = gazetteer()
    low = lower(text)
    mentions = gazetteer_mentions(text, low)
    taken = bytearray(len(text) + 1)  # positions a gazetteer name already covers
    for s, e, _ in mentions:
        taken[s:e] = b"\x01" * (e - s)
    for s, e_, ent in _pattern_bodies(text):
        if any(taken[s:e_]):
            continue
        if ent.name in g.by_name:
            ent = g.by_name[ent.name]
        mentions.append((s, e_, ent))
    mentions.extend(_acronym_mentions(text, mentions))
    initials: list[tuple[int, int, Entry]] = []
    if not any(ent.kind == "council" for _s, _e, ent in mentions):
        initials = _council_initials(text)
        mentions.extend(initials)
    domain_hits = _domain_mentions(text, low)
    if not mentions and not domain_hits:
        return _unnamed(text)
    self_kind = _self_kind(text, low)

    sal = _SALUTATION.search(text)
    head_end = sal.start() if sal and sal.start() < len(text) // 2 else min(300, len(text) // 10)
    signoffs = [m.end() for m in finditer(_SIGNOFF, text, windows(low, ("sincerely", "faithfully", "regards"), 40, 5))]

    signoffs.sort()
    req_sorted = sorted(request_spans)
    req_starts = [a for a, _ in req_sorted]
    scores: dict[str, float] = {}
    signals: dict[str, int] = {}
    body: dict[str, int] = {}
    entries: dict[str, Entry] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    for s, e, ent in mentions:
        name = ent.name
        entries[name] = ent
        spans.setdefault(name, []).append((s, e))
        k = bisect_right(req_starts, s) - 1
        in_req = k >= 0 and s < req_sorted[k][1]
        sig = bool(_AFTER_SIGNAL.match(text, e)) or bool(_BEFORE_SIGNAL.search(text[max(0, s - 60):s]))
        w = 1.0
        if in_req:
            # the body the request is addressed to ("all documentation held by the X")
            w = 1.5 if _BEFORE_SIGNAL.search(text[max(0, s - 60):s]) else 0.3
        elif s < head_end:
            w = 0.5
        else:
            body[name] = body.get(name, 0) + 1
        if sig and not in_req:
            w += 4.0
            signals[name] = signals.get(name, 0) + 1
        k = bisect_right(signoffs, s) - 1
        if k >= 0 and s - signoffs[k] < 300:
            w += 2.0
        elif not sig and (_THIRD_PARTY_BEFORE.search(text[max(0, s - 50):s]) or _THIRD_PARTY_AFTER.match(text, e)):
            w *= 0.3
        if ent.commissioner and not sig:
            w = 0.0
        scores[name] = scores.get(name, 0.0) + w
    for s, e, ent in domain_hits:
        entries.setdefault(ent.name, ent)
        spans.setdefault(ent.name, []).append((s, e))
        scores[ent.name] = scores.get(ent.name, 0.0) + 0.4
    # A body that never speaks for itself in the letter, of another kind than the letter
    # calls itself ("the force", "the council"), is someone the letter mentions.
    if self_kind:
        for name in list(scores):
            if not signals.get(name) and _KIND_GROUP.get(entries[name].kind) != _KIND_GROUP.get(self_kind):
                scores[name] = min(scores[name], 0.0)
    if not scores or max(scores.values()) <= 0:
        return _unnamed(text)
    best = max(scores, key=lambda n: (scores[n], -min(s for s, _ in spans[n])))
    if scores[best] <= 0:
        return _unnamed(text)
    ent = entries[best]
    assumptions: list[str] = []
    if ent.parent:
        parent = g.by_name.get(ent.parent)
        assumptions.append(f"{ent.name} is part of the {ent.parent}: the {ent.parent} is taken as the authority")
        ent = parent or Entry(ent.parent, ent.kind, ent.nation)
        best_spans = spans[best] + spans.get(ent.name, [])
    else:
        best_spans = spans[best]
    if any(e is ent for _s, _e, e in initials):
        assumptions.append(f"the authority ({ent.name}) is read from its initials in the letter "
                           f"({text[spans[best][0][0]:spans[best][0][1]]}) and the place it names")
    elif not signals.get(best) and not body.get(best):
        assumptions.append(f"the authority ({ent.name}) is taken from the letterhead or the request; "
                           "the letter does not name itself in its answer")
    return AuthorityResult(Authority(ent.name, ent.kind, ent.nation), assumptions, sorted(best_spans))


_ACRONYM_SKIP = {"and", "of", "the", "for", "&", "on", "upon", "in", "under"}

# A council by its initials ("HBC", "NHDC", "SMBC"): the initials of a place the letter
# names, then the kind of council. "CC" (city or county?) is ambiguous and left alone.
_COUNCIL_INITIALS = re.compile(r"\b([A-Z]{1,3}?)(MBC|BC|DC)\b")
_COUNCIL_KIND = {"MBC": "Metropolitan Borough Council", "BC": "Borough Council", "DC": "District Council"}
_PLACE_WORDS = re.compile(r"(?<![.!?:]\s)(?<!^)\b([A-Z][a-z]{3,}(?:[ \t]+[A-Z][a-z]{3,})?)\b", re.M)


_NOT_PLACE = {"environmental", "regulations", "regulation", "freedom", "protection", "general", "internal", "review",
              "commissioner", "government", "police", "planning", "enforcement", "response", "request", "section",
              "exemption", "notice", "decision", "tribunal", "court", "officer", "officers", "head", "team", "service",
              "services", "department", "office", "building", "control", "development", "director", "manager"}


def _council_initials(text: str) -> list[tuple[int, int, Entry]]:
    hits = list(_COUNCIL_INITIALS.finditer(text))
    if not hits:
        return []
    out: list[tuple[int, int, Entry]] = []
    names: dict[str, str | None] = {}
    for m in hits:
        pre, kind = m.group(1), m.group(2)
        if (pre, kind) not in names:
            places = set()
            for pm in _PLACE_WORDS.finditer(text):
                words = pm.group(1).split()
                for n in (len(words), 1):
                    cand = words[:n]
                    if len(cand) == len(pre) and "".join(w[0] for w in cand) == pre and \
                            not any(w.lower() in _STOP or w.lower() in _GENERIC_AUTH or w.lower() in _NOT_PLACE
                                    for w in cand):
                        places.add(" ".join(cand))
                        break
            # exactly one place fits the initials, and it is named more than once
            fit = [p for p in places if len(re.findall(r"\b" + re.escape(p) + r"\b", text)) >= 2]
            names[(pre, kind)] = f"{fit[0]} {_COUNCIL_KIND[kind]}" if len(fit) == 1 else None
        name = names[(pre, kind)]
        if name:
            out.append((m.start(), m.end(), Entry(name, "council", _nation_from_place(name, None))))
    return out


def _acronym_mentions(text: str, mentions: list[tuple[int, int, Entry]]) -> list[tuple[int, int, Entry]]:
    """A body named in full once and then by its initials ("Greater London Authority" ...
    "the GLA"): each use of the initials counts as a mention of the body."""
    out: list[tuple[int, int, Entry]] = []
    seen: set[str] = set()
    for _s, _e, ent in mentions:
        words = [w for w in ent.name.replace(",", " ").split() if w.lower() not in _ACRONYM_SKIP]
        if len(words) < 2 or ent.name in seen:
            continue
        seen.add(ent.name)
        acro = "".join(w[0] for w in words if w[0].isalpha()).upper()
        if len(acro) < 2 or acro in gazetteer().by_key:
            continue
        i = text.find(acro)
        while i != -1:
            if _bounded(text, i, i + len(acro)):
                out.append((i, i + len(acro), ent))
            i = text.find(acro, i + 1)
    return out


_SELF = re.compile(r"\b(?:the|The|our|Our)\s+(council|Council|trust|Trust|university|University|"
                   r"department|Department|force|Force|constabulary|Constabulary)\b")
_KIND_GROUP = {"department": "gov", "devolved": "gov", "police": "police", "council": "council", "nhs": "nhs",
               "university": "university", "regulator": "regulator", "other": "other"}
_SELF_KIND = {"council": "council", "trust": "nhs", "university": "university", "department": "department",
              "force": "police", "constabulary": "police"}


def _self_kind(text: str, low: str | None = None) -> str | None:
    low = lower(text) if low is None else low
    counts: dict[str, int] = {}
    wins = windows(low, (" council", " trust", " university", " department", " force", " constabulary"), 6, 14)
    for m in finditer(_SELF, text, wins):
        k = _SELF_KIND[m.group(1).lower()]
        counts[k] = counts.get(k, 0) + 1
    if counts:
        kind = max(counts, key=counts.get)
        if counts[kind] >= 2:
            return kind
    return None


def _unnamed(text: str) -> AuthorityResult:
    kind = _self_kind(text)
    if kind:
        return AuthorityResult(
            Authority(None, kind, None),
            [f"the letter does not name the authority; its kind ({kind}) is guessed from how it "
             "refers to itself"],
            [],
        )
    return AuthorityResult(Authority(), [], [])
