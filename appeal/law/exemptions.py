"""The exemption catalogue: what each cited provision is, in each regime.

The law lives in `exemptions.toml` beside this file (every entry with its statutory
reference); this module only loads it once and answers questions about it.

    lookup("s31(1)(a)", "FOIA") -> ExemptionInfo(title="Law enforcement: the prevention ...",
                                                 absolute=False, test="prejudice", ...)
    lookup("s17", "FOIA")       -> None   (procedural: not an exemption)

Lookup walks from the section to the most specific entry present (s31 -> s31(1) ->
s31(1)(a)), each level overriding the one above, and keeps the citation it was given: a
limb the catalogue does not list (s31(2)(b)) still gets its section's entry.
"""

from __future__ import annotations

import re

from appeal.resources import read_toml
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

CATALOGUE_PATH = Path(__file__).with_name("exemptions.toml")
REGIMES = ("FOIA", "EIR", "FOISA", "EISR")
TESTS = ("class", "prejudice", "cost", "vexatious", "other")

# "s31(1)(a)" -> head "s31", parts ["1", "a"]; "reg12(4)(b)" -> "reg12", ["4", "b"]
_CITATION = re.compile(r"^(?P<head>(?:s|reg)\d{1,3}[A-Z]?)(?P<parts>(?:\([0-9A-Za-z]{1,4}\))*)$")
_PART = re.compile(r"\(([0-9A-Za-z]{1,4})\)")


@dataclass(frozen=True)
class ExemptionInfo:
    citation: str  # as given, canonical ("s31(1)(a)")
    section: str  # "s31" / "reg12"
    title: str
    absolute: bool | None  # None: depends on the case (s40, reg13, s37(2))
    test: str  # "class" | "prejudice" | "cost" | "vexatious" | "other"
    ncnd: bool  # this provision is the neither-confirm-nor-deny limb
    basis: str  # the catalogue entry that answered, e.g. "FOIA s31(1)(a)"
    regime: str = ""
    absolute_basis: str | None = None  # "FOIA s2(3)(b)" where absolute
    covers: tuple[str, ...] = ()  # grounds it can carry: ("cost", "vexatious") for reg12(4)(b)
    note: str = ""
    verified: bool = True  # False: number or wording not seen in a stored source

    @property
    def qualified(self) -> bool | None:
        """True where the public interest test applies (None when it depends)."""
        if self.test in ("cost", "vexatious") and self.regime in ("FOIA", "FOISA"):
            return False  # refusal grounds, not exemptions: no public interest test
        return None if self.absolute is None else not self.absolute


def section_of(citation: str) -> str:
    """The section or regulation alone: "s31(1)(a)" -> "s31", "reg12(4)(b)" -> "reg12"."""
    return citation.split("(", 1)[0].strip()


def _chain(citation: str) -> list[str] | None:
    """The citation and its parents from the section down: s31(1)(a) -> [s31, s31(1), s31(1)(a)]."""
    text = re.sub(r"\s+", "", citation)
    text = re.sub(r"^(?:S|Reg|REG)(?=\d)", lambda m: m[0].lower(), text)
    m = _CITATION.match(text)
    if not m:
        return None
    out = [m["head"]]
    for part in _PART.findall(m["parts"]):
        out.append(f"{out[-1]}({part})")
    return out


@cache
def catalogue() -> dict[str, dict[str, dict[str, Any]]]:
    """The raw catalogue, read once: {regime: {citation: fields}}."""
    data = read_toml(CATALOGUE_PATH)
    return {r: data.get(r, {}) for r in REGIMES}


@cache
def lookup(citation: str, regime: str) -> ExemptionInfo | None:
    """What `citation` is under `regime`, or None if it is no exemption or refusal ground there.

    `regime` is one of FOIA, EIR, FOISA, EISR (any case). Falls back from the most specific
    entry to its parents while keeping the given citation.
    """
    regime = (regime or "").upper()
    table = catalogue().get(regime)
    chain = _chain(citation)
    if table is None or not chain:
        return None
    merged: dict[str, Any] = {}
    found = None
    for key in chain:
        entry = table.get(key)
        if entry is None:
            continue
        merged.update(entry)
        found = key
    if found is None or chain[0] not in table or merged.get("exemption", True) is False:
        return None
    absolute = merged.get("absolute")
    if not isinstance(absolute, bool):
        absolute = None
    test = merged.get("test", "other")
    return ExemptionInfo(
        citation=chain[-1],
        section=chain[0],
        title=merged.get("title", ""),
        absolute=absolute,
        test=test,
        ncnd=bool(merged.get("ncnd", False)),
        basis=f"{regime} {found}",
        regime=regime,
        absolute_basis=merged.get("absolute_basis") if absolute else None,
        covers=tuple(merged.get("covers", (test,))),
        note=merged.get("note", ""),
        verified=bool(merged.get("verified", True)),
    )


def is_exemption(citation: str, regime: str) -> bool:
    """True when `citation` is an exemption, exception or refusal ground in `regime`."""
    return lookup(citation, regime) is not None


def all_entries(regime: str) -> list[ExemptionInfo]:
    """Every catalogued provision of `regime`, in catalogue order (for `appeal catalogue`)."""
    table = catalogue().get((regime or "").upper(), {})
    out = []
    for key in table:
        info = lookup(key, regime)
        if info is not None:
            out.append(info)
    return out
