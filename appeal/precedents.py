"""The precedent library: one TOML file per authority in the top-level precedents/ folder.

Each file records a case, decision notice or piece of guidance with its citation exactly as
the source gave it, our own paraphrase of what it decided, which of our rules it supports, the
regimes it is apt for, which way it cuts (`direction`) and whether it was verified. Letters
cite only what `for_rule` returns: verified entries, apt for the letter's regime, that do not
cut against the requester; the best fit first, then the most authoritative.

    direction   "helps"    cited in support;
                "caution"  cited in support, but double-edged: `caution` says how (shown to the
                           user, never printed in the letter), and it ranks after "helps";
                "hurts"    never cited in support; `against()` lists it so the rule's wording
                           does not contradict it.
    supports    rule ids; "rule-id:variant" limits an entry to one branch of a rule (the
                finding's `kind` fact, e.g. "national-security-mismatch:no_link").
    fit         optional {rule-id = "strong"|"fair"|"weak"}: how squarely it fits (default fair).
    general_reason  why a Scottish authority is cited under FOIA/EIR (printed beside it there).

    load_all() -> list[Precedent]      every entry, validated (UserError naming the bad file)
    get(id) -> Precedent | None
    for_rule(rule_id, regime=None, variant=None) -> list[Precedent]
    against(rule_id, regime=None) -> list[Precedent]   verified authority that cuts the other way
    to_dict(precedents) -> {"precedents": [...]}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from appeal.errors import UserError
from appeal.resources import shipped_dir, read_toml

# The rule catalogue's ids (design.md, "Rule catalogue"); `supports` may only name these.
from appeal.rules.registry import RULE_IDS  # noqa: E402  (the one list: the registry)

KINDS = ("case", "decision_notice", "guidance", "commissioner_decision")
DIRECTIONS = ("helps", "caution", "hurts")
FITS = ("strong", "fair", "weak")
from appeal.law.regimes import KEYS as REGIMES, SCOTTISH  # noqa: E402,F401  (named once)
HOLDING_BASES = ("judgment_text", "headnote", "official_summary", "secondary", "outcome_only")

_REQUIRED: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "kind": str,
    "title": str,
    "citation": str,
    "court_or_body": str,
    "source_url": str,
    "holding": str,
    "holding_basis": str,
    "supports": list,
    "regimes": list,
    "verified": bool,
    "direction": str,
}
_OPTIONAL: dict[str, type | tuple[type, ...]] = {
    "source_id": str,
    "cite_as": str,
    "also_cited_as": str,
    "date": str,
    "other_urls": list,
    "source_tags": list,
    "caution": str,
    "do_not_cite_for": list,
    "fit": dict,
    "general_reason": str,
    "pinpoint": str,
}


@dataclass(frozen=True)
class Precedent:
    id: str
    kind: str
    title: str
    citation: str  # exactly as the source gave it
    court_or_body: str
    source_url: str
    holding: str  # our own words
    holding_basis: str
    supports: tuple[str, ...]
    regimes: tuple[str, ...]  # first = the regime it was decided under; others persuasive
    verified: bool
    direction: str  # helps | caution | hurts
    source_id: str | None = None
    cite_as: str | None = None  # the form the source recommends for letters, when it gives one
    also_cited_as: str | None = None
    date: str | None = None  # ISO date, or a bare year when only the year was seen
    other_urls: tuple[str, ...] = ()
    source_tags: tuple[str, ...] = ()
    caution: str | None = None
    do_not_cite_for: tuple[str, ...] = ()  # propositions this entry must never be cited for
    fit: tuple[tuple[str, str], ...] = ()  # (rule-id, strong|fair|weak)
    general_reason: str | None = None  # why a Scottish authority is apt outside Scotland
    pinpoint: str | None = None  # paragraph(s) seen, e.g. "paras 96-97"
    path: str | None = field(default=None, compare=False)

    @property
    def against_requester(self) -> bool:
        return self.direction == "hurts"

    @property
    def citable(self) -> bool:
        """May a letter cite this in support? Verified and not against the requester."""
        return self.verified and self.direction != "hurts"

    @property
    def scottish(self) -> bool:
        """Decided or issued under the Scottish regimes (its home regime is FOISA or EISR)."""
        return self.regimes[0] in SCOTTISH

    def fit_for(self, rule_id: str) -> str:
        return dict(self.fit).get(rule_id, "fair")

    def supports_rule(self, rule_id: str, variant: str | None = None) -> bool:
        """Tagged for the whole rule, or for this branch (variant) of it."""
        return rule_id in self.supports or (variant is not None and f"{rule_id}:{variant}" in self.supports)

    def letter_citation_for(self, regime: str | None) -> str:
        """The string a letter in `regime` prints: the exact citation, and for a Scottish
        authority cited under FOIA/EIR the stated reason the point is general."""
        cite = self.letter_citation
        if regime and regime.upper() not in SCOTTISH and self.scottish and self.general_reason:
            return f"{cite} ({self.general_reason})"
        return cite

    @property
    def letter_citation(self) -> str:
        """The string a letter prints: the source's recommended form, else the citation."""
        return self.cite_as or self.citation

    @property
    def rank(self) -> int:
        return authority_rank(self)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "citation": self.citation,
            "cite_as": self.cite_as,
            "also_cited_as": self.also_cited_as,
            "court_or_body": self.court_or_body,
            "date": self.date,
            "source_url": self.source_url,
            "holding": self.holding,
            "holding_basis": self.holding_basis,
            "supports": list(self.supports),
            "regimes": list(self.regimes),
            "verified": self.verified,
            "direction": self.direction,
            "against_requester": self.against_requester,
            "caution": self.caution,
            "fit": dict(self.fit),
            "general_reason": self.general_reason,
            "pinpoint": self.pinpoint,
            "do_not_cite_for": list(self.do_not_cite_for),
        }
        return out


def authority_rank(p: Precedent) -> int:
    """0 = most authoritative. Apex courts > appellate courts and the Upper Tribunal >
    first-instance tribunals > Commissioner decisions > guidance."""
    body = p.court_or_body.lower()
    if p.kind == "guidance":
        return 6
    if p.kind in ("decision_notice", "commissioner_decision"):
        return 5
    if "supreme court" in body or "house of lords" in body:
        return 0
    if "court of appeal" in body or "court of session" in body or "high court" in body:
        return 1
    if "upper tribunal" in body:
        return 2
    if "tribunal" in body:
        return 3
    return 4


def _fail(path: Path, what: str) -> UserError:
    return UserError(f"precedent file {path.name}: {what}")


def _load_file(path: Path) -> Precedent:
    try:
        data = read_toml(path)
    except (OSError, ValueError) as exc:  # tomllib.TOMLDecodeError is a ValueError
        raise _fail(path, f"cannot be read as TOML ({exc})") from None
    for key, typ in _REQUIRED.items():
        if key not in data:
            raise _fail(path, f"missing required field '{key}'")
        if not isinstance(data[key], typ):
            raise _fail(path, f"field '{key}' should be {typ.__name__}")
    for key, typ in _OPTIONAL.items():
        if key in data and not isinstance(data[key], typ):
            raise _fail(path, f"field '{key}' should be {typ.__name__}")
    unknown = set(data) - set(_REQUIRED) - set(_OPTIONAL)
    if unknown:
        raise _fail(path, f"unknown field(s) {', '.join(sorted(unknown))}")
    if data["id"] != path.stem:
        raise _fail(path, f"id '{data['id']}' does not match the file name (expected '{path.stem}')")
    if data["kind"] not in KINDS:
        raise _fail(path, f"kind '{data['kind']}' is not one of {', '.join(KINDS)}")
    if data["holding_basis"] not in HOLDING_BASES:
        raise _fail(path, f"holding_basis '{data['holding_basis']}' is not one of {', '.join(HOLDING_BASES)}")
    for rule in data["supports"]:
        if not re.fullmatch(r"[a-z]+(-[a-z]+)*(:[a-z_]+)?", rule):
            raise _fail(path, f"supports malformed rule id '{rule}'")
        if rule.split(":")[0] not in RULE_IDS:
            raise _fail(path, f"supports unknown rule id '{rule}'")
    if data["direction"] not in DIRECTIONS:
        raise _fail(path, f"direction '{data['direction']}' is not one of {', '.join(DIRECTIONS)}")
    if data["direction"] != "helps" and not data.get("caution"):
        raise _fail(path, f"direction '{data['direction']}' needs a 'caution' saying how it cuts")
    for rule, fit in data.get("fit", {}).items():
        if fit not in FITS:
            raise _fail(path, f"fit for '{rule}' is not one of {', '.join(FITS)}")
    if data["regimes"] and data["regimes"][0] in SCOTTISH and set(data["regimes"]) - set(SCOTTISH) \
            and not data.get("general_reason"):
        raise _fail(path, "a Scottish authority listed for FOIA/EIR needs 'general_reason'")
    if not data["regimes"]:
        raise _fail(path, "regimes is empty")
    for regime in data["regimes"]:
        if regime not in REGIMES:
            raise _fail(path, f"unknown regime '{regime}' (use {', '.join(REGIMES)})")
    for key in ("citation", "holding", "title"):
        if not data[key].strip():
            raise _fail(path, f"field '{key}' is empty")
    return Precedent(
        id=data["id"],
        kind=data["kind"],
        title=data["title"],
        citation=data["citation"],
        court_or_body=data["court_or_body"],
        source_url=data["source_url"],
        holding=" ".join(data["holding"].split()),
        holding_basis=data["holding_basis"],
        supports=tuple(data["supports"]),
        regimes=tuple(data["regimes"]),
        verified=data["verified"],
        direction=data["direction"],
        source_id=data.get("source_id"),
        cite_as=data.get("cite_as"),
        also_cited_as=data.get("also_cited_as"),
        date=data.get("date"),
        other_urls=tuple(data.get("other_urls", ())),
        source_tags=tuple(data.get("source_tags", ())),
        caution=" ".join(data["caution"].split()) if data.get("caution") else None,
        do_not_cite_for=tuple(data.get("do_not_cite_for", ())),
        fit=tuple(sorted(data.get("fit", {}).items())),
        general_reason=data.get("general_reason"),
        pinpoint=data.get("pinpoint"),
        path=str(path),
    )


def load_dir(folder: Path) -> list[Precedent]:
    """Load and validate every *.toml in `folder` (uncached; tests use it on bad data)."""
    out = [_load_file(p) for p in sorted(folder.glob("*.toml"))]
    seen: dict[str, str] = {}
    for p in out:
        if p.id in seen:
            raise UserError(f"precedent id '{p.id}' appears twice ({seen[p.id]}, {p.path})")
        seen[p.id] = p.path or ""
    return out


@cache
def _library() -> tuple[Precedent, ...]:
    return tuple(load_dir(shipped_dir("precedents")))


def load_all() -> list[Precedent]:
    """Every precedent in the library, sorted by id (cached after the first call)."""
    return list(_library())


def get(precedent_id: str) -> Precedent | None:
    for p in _library():
        if p.id == precedent_id:
            return p
    return None


_FIT_ORDER = {"strong": 0, "fair": 1, "weak": 2}
_DIRECTION_ORDER = {"helps": 0, "caution": 1, "hurts": 2}


def _home(p: Precedent, regime: str | None) -> int:
    """0: decided under the letter's regime (or its UK/Scottish sibling), or on a point the
    entry says is general (`general_reason`); 1: persuasive only."""
    if regime is None:
        return 0
    family = SCOTTISH if regime in SCOTTISH else ("FOIA", "EIR")
    return 0 if p.regimes[0] in family or p.general_reason else 1


def _sort_key(p: Precedent, regime: str | None, rule_id: str | None = None) -> tuple:
    # A home-regime authority beats a foreign one; an apt one beats an off-point one of higher
    # rank; one that only helps beats a double-edged one; then the body's rank; newest first.
    fit = _FIT_ORDER[p.fit_for(rule_id)] if rule_id else 1
    return (_home(p, regime), fit, _DIRECTION_ORDER[p.direction], p.rank,
            0 if p.date else 1, _neg(p.date or ""), p.id)


def _neg(s: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in s)


def _check_rule(rule_id: str) -> None:
    # A rule id not in the catalogue (a new rule not yet listed) simply has no support;
    # a malformed one is a programming error.
    if not isinstance(rule_id, str) or not re.fullmatch(r"[a-z]+(-[a-z]+)*", rule_id):
        raise ValueError(f"malformed rule id {rule_id!r}")


def for_rule(rule_id: str, regime: str | None = None, variant: str | None = None) -> list[Precedent]:
    """Citable support for a rule (or one branch of it, `variant`): verified, not against
    the requester, apt for `regime` (when given); best fit first, then most authoritative."""
    _check_rule(rule_id)
    regime = regime.upper() if regime else None
    found = [
        p
        for p in _library()
        if p.citable and p.supports_rule(rule_id, variant) and (regime is None or regime in p.regimes)
    ]
    return sorted(found, key=lambda p: _sort_key(p, regime, rule_id))


def against(rule_id: str, regime: str | None = None) -> list[Precedent]:
    """Verified authority on the rule's subject that cuts against the requester: never to be
    cited in support; the rule's wording should not contradict it."""
    _check_rule(rule_id)
    regime = regime.upper() if regime else None
    found = [
        p
        for p in _library()
        if p.verified and p.against_requester
        and (rule_id in p.supports or any(s.startswith(rule_id + ":") for s in p.supports))
        and (regime is None or regime in p.regimes)
    ]
    return sorted(found, key=lambda p: _sort_key(p, regime, rule_id))


def to_dict(precedents: list[Precedent] | None = None) -> dict[str, Any]:
    """The JSON form: {"precedents": [{"id", "citation", "verified", ...}]}."""
    items = load_all() if precedents is None else precedents
    return {"precedents": [p.to_dict() for p in items]}
