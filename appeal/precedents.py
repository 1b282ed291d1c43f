"""The precedent library: one TOML file per authority in the top-level precedents/ folder.

Each file records a case, decision notice or piece of guidance with its citation exactly as
the source gave it, our own paraphrase of what it decided, which of our rules it supports and
whether it was verified. Letters cite only what `for_rule` returns: verified entries that do
not cut against the requester, most authoritative first.

    load_all() -> list[Precedent]      every entry, validated (UserError naming the bad file)
    get(id) -> Precedent | None
    for_rule(rule_id, regime=None) -> list[Precedent]
    against(rule_id, regime=None) -> list[Precedent]   verified authority that cuts the other way
    to_dict(precedents) -> {"precedents": [...]}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from appeal.errors import UserError
from appeal.resources import shipped_dir, read_toml

# The rule catalogue's ids (design.md, "Rule catalogue"); `supports` may only name these.
RULE_IDS: tuple[str, ...] = (
    "late-response",
    "review-rights-missing",
    "exemption-not-explained",
    "subsection-not-specified",
    "public-interest-missing",
    "public-interest-irrelevant",
    "prejudice-not-demonstrated",
    "likelihood-not-stated",
    "mosaic-unsupported",
    "boilerplate-reasoning",
    "national-security-mismatch",
    "ncnd-unexplained",
    "ncnd-statistics",
    "ncnd-after-confirmation",
    "personal-data-aggregate",
    "investigation-not-specific",
    "cost-limit-no-estimate",
    "cost-limit-no-advice",
    "outdated-law",
    "template-artifacts",
    "inconsistent-disclosure",
    "review-late",
    "public-domain",
    "derivable-figures",
    "cost-estimate-unrealistic",
    "error-of-law",
    "irrelevant-consideration",
    "vexatious-unexplained",
    "qualified-person-not-shown",
)

KINDS = ("case", "decision_notice", "guidance", "commissioner_decision")
REGIMES = ("FOIA", "EIR", "FOISA", "EISR")
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
    "against_requester": bool,
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
    against_requester: bool
    source_id: str | None = None
    cite_as: str | None = None  # the form the source recommends for letters, when it gives one
    also_cited_as: str | None = None
    date: str | None = None  # ISO date, or a bare year when only the year was seen
    other_urls: tuple[str, ...] = ()
    source_tags: tuple[str, ...] = ()
    caution: str | None = None
    do_not_cite_for: tuple[str, ...] = ()  # propositions this entry must never be cited for
    path: str | None = field(default=None, compare=False)

    @property
    def citable(self) -> bool:
        """May a letter cite this in support? Verified and not against the requester."""
        return self.verified and not self.against_requester

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
            "against_requester": self.against_requester,
            "caution": self.caution,
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
        if rule not in RULE_IDS:
            raise _fail(path, f"supports unknown rule id '{rule}'")
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
        against_requester=data["against_requester"],
        source_id=data.get("source_id"),
        cite_as=data.get("cite_as"),
        also_cited_as=data.get("also_cited_as"),
        date=data.get("date"),
        other_urls=tuple(data.get("other_urls", ())),
        source_tags=tuple(data.get("source_tags", ())),
        caution=" ".join(data["caution"].split()) if data.get("caution") else None,
        do_not_cite_for=tuple(data.get("do_not_cite_for", ())),
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


def _sort_key(p: Precedent, regime: str | None) -> tuple:
    home = 0 if (regime is None or p.regimes[0] == regime) else 1
    # newest first within a rank: ISO dates and bare years both sort as strings
    return (p.rank, home, 0 if p.date else 1, _neg(p.date or ""), p.id)


def _neg(s: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in s)


def _check_rule(rule_id: str) -> None:
    if rule_id not in RULE_IDS:
        raise ValueError(f"unknown rule id {rule_id!r}")


def for_rule(rule_id: str, regime: str | None = None) -> list[Precedent]:
    """Citable support for a rule: verified, not against the requester, good authority for
    `regime` (when given), most authoritative first."""
    _check_rule(rule_id)
    regime = regime.upper() if regime else None
    found = [
        p
        for p in _library()
        if p.citable and rule_id in p.supports and (regime is None or regime in p.regimes)
    ]
    return sorted(found, key=lambda p: _sort_key(p, regime))


def against(rule_id: str, regime: str | None = None) -> list[Precedent]:
    """Verified authority on the rule's subject that cuts against the requester: never to be
    cited in support; the rule's wording should not contradict it."""
    _check_rule(rule_id)
    regime = regime.upper() if regime else None
    found = [
        p
        for p in _library()
        if p.verified and p.against_requester and rule_id in p.supports
        and (regime is None or regime in p.regimes)
    ]
    return sorted(found, key=lambda p: _sort_key(p, regime))


def to_dict(precedents: list[Precedent] | None = None) -> dict[str, Any]:
    """The JSON form: {"precedents": [{"id", "citation", "verified", ...}]}."""
    items = load_all() if precedents is None else precedents
    return {"precedents": [p.to_dict() for p in items]}
