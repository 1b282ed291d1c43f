"""The fingerprint library: appeal/data/stock_fingerprints.toml read and compiled once, with the
anchor words kept between runs in the user's cache."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from appeal.resources import data_path, read_toml
from appeal.rules.stocktext.anchors import _Rx, anchors
from appeal.rules.stocktext.normalise import _phrase_pattern, tolerant
from appeal.rules.stocktext.records import FINGERPRINTS, Dangling, Family

# Anchor words are worked out by parsing each pattern, which costs more at start-up than
# everything else here; they are kept between runs in the user's cache, keyed by the
# fingerprint file's size and mtime (see load_fingerprints).
_ANCHOR_MEMO: dict[str, list[str] | None] = {}


def _make(pattern: str, *, phrase: bool, where: str, fallback: tuple[str, ...] | None = None) -> _Rx:
    tol = tolerant(pattern)
    if pattern in _ANCHOR_MEMO:  # seen (and validated) in an earlier run
        memo = _ANCHOR_MEMO[pattern]
        found = tuple(memo) if memo is not None else None
    else:
        try:
            re.compile(tol, re.S)
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{FINGERPRINTS}: {where}: bad pattern {pattern!r}: {exc}") from None
        found = anchors(pattern)
        _ANCHOR_MEMO[pattern] = list(found) if found is not None else None
    return _Rx(pattern, tol, found or fallback, phrase)


def _compile(entry: dict, where: str) -> tuple[_Rx, ...]:
    # `anchors` (optional): words one of which every match of the entry contains, for
    # patterns whose own wording gives no usable anchor word
    fb = tuple(w.lower() for w in entry.get("anchors", ())) or None
    out = [_make(_phrase_pattern(ph), phrase=True, where=where, fallback=fb) for ph in entry.get("phrases", [])]
    out += [_make(p, phrase=False, where=where, fallback=fb) for p in entry.get("patterns", [])]
    if not out:
        raise ValueError(f"{FINGERPRINTS}: {where}: no phrases or patterns")
    return tuple(out)


def load_fingerprints(path: Path | None = None) -> tuple[tuple[Family, ...], tuple[Dangling, ...]]:
    """Read and compile the fingerprint file (uncached; `library()` caches the shipped one)."""
    path = path or data_path(FINGERPRINTS)
    data = read_toml(path)
    memo_file = _anchor_memo_file(path)
    _load_anchor_memo(memo_file)
    known = len(_ANCHOR_MEMO)
    fams = []
    seen: set[str] = set()
    for entry in data.get("family", []):
        fid = entry["id"]
        if fid in seen:
            raise ValueError(f"{FINGERPRINTS}: duplicate family id {fid!r}")
        seen.add(fid)
        fams.append(Family(fid, entry.get("description", ""), bool(entry["reasoning"]), _compile(entry, fid)))
    refs = []
    for entry in data.get("dangling", []):
        did = entry["id"]
        if did in seen:
            raise ValueError(f"{FINGERPRINTS}: duplicate id {did!r}")
        seen.add(did)
        antecedent = entry.get("antecedent")
        if antecedent not in (None, "figures"):
            raise ValueError(f"{FINGERPRINTS}: {did}: unknown antecedent {antecedent!r}")
        req = entry.get("request_pattern")
        let = entry.get("letter_pattern")
        if antecedent is None and req is None and let is None:
            raise ValueError(f"{FINGERPRINTS}: {did}: says nothing about its antecedent")
        refs.append(
            Dangling(
                did,
                entry.get("description", ""),
                bool(entry.get("reasoning", True)),
                _compile(entry, did),
                antecedent,
                re.compile(req) if req else None,
                re.compile(let) if let else None,
                entry.get("hint", ""),
            )
        )
    if len(_ANCHOR_MEMO) != known:
        _save_anchor_memo(memo_file)
    return tuple(fams), tuple(refs)


def _anchor_memo_file(path: Path) -> Path | None:
    from appeal.resources import user_cache_dir

    try:
        st = path.stat()
    except OSError:
        return None
    return user_cache_dir() / f"stock-anchors-v1-{st.st_size}-{st.st_mtime_ns}.json"


def _load_anchor_memo(memo_file: Path | None) -> None:
    import json

    from appeal.resources import SHIPPED_CACHE

    if memo_file is None:
        return
    # The memo is keyed by pattern text, so the copy shipped by the release step is right for
    # whatever patterns it knows; the user's file adds the rest.
    for source in (SHIPPED_CACHE / "stock-anchors-v1.json", memo_file):
        _load_anchor_file(source, json)


def _load_anchor_file(memo_file: Path, json) -> None:
    try:
        data = json.loads(memo_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return  # no cache yet, or a damaged one: recompute
    if isinstance(data, dict) and all(
        isinstance(k, str) and (v is None or (isinstance(v, list) and all(isinstance(w, str) for w in v)))
        for k, v in data.items()
    ):
        for k, v in data.items():
            _ANCHOR_MEMO.setdefault(k, v)


def _save_anchor_memo(memo_file: Path | None) -> None:
    from appeal.resources import write_cache_json

    if memo_file is not None and write_cache_json(memo_file, _ANCHOR_MEMO):
        for old in memo_file.parent.glob("stock-anchors-v1-*.json"):  # older copies: stale now
            if old != memo_file:
                try:
                    old.unlink()
                except OSError:
                    pass

@cache
def library() -> tuple[tuple[Family, ...], tuple[Dangling, ...]]:
    return load_fingerprints()


def families() -> dict[str, Family]:
    return {f.id: f for f in library()[0]}


def dangling_references() -> dict[str, Dangling]:
    return {d.id: d for d in library()[1]}


