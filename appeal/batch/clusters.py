"""Stock text across authorities: the same or nearly the same passage in different letters.

Linear in the batch: every letter's word shingles (analyse.fingerprint) go into one index;
a shingle is *shared* when letters of two or more authorities carry it. In each letter the
words covered by shared shingles form passages (small gaps bridged, so one changed word does
not split a paragraph); passages that share at least MIN_LINK shingles with the first passage
holding each shingle are joined (union-find), which keeps two paragraphs that merely share a
common phrase ("of the Freedom of Information Act 2000") apart. A cluster is a joined group
spanning two or more authorities.

Each cluster says: the shared words (short), which letters and authorities use it, its kind
(reasoning, or a procedural recital / rights paragraph that is stock by nature), and for each
letter whether the passage refers to something absent from that letter (the stock library's
dangling references: "the numerical data presented" where there are no figures).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from appeal.batch.analyse import SHINGLE

MIN_WORDS = 12  # a passage shorter than this is a phrase, not a paragraph
GAP = 3  # words: a changed word or two inside a passage does not split it
MIN_LINK = 3  # shingles two passages must share to be the same passage
SHORT_WORDS = 28  # the shared words shown, at most


@dataclass
class Member:
    letter: int  # index into the batch
    start: int  # char span in that letter's text
    end: int
    absent: list[dict] = field(default_factory=list)  # [{id, quote, hint}] refers to what is not in the letter


@dataclass
class Cluster:
    id: str
    text: str  # the shared words, shortened
    full: str  # the representative passage in full
    kind: str  # "reasoning" | "recital" | "rights"
    members: list[Member]
    letters: list[int]
    authorities: list[str]


class _UF:
    def __init__(self, n: int):
        self.p = list(range(n))

    def find(self, a: int) -> int:
        p = self.p
        while p[a] != a:
            p[a] = p[p[a]]
            a = p[a]
        return a

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                self.p[rb] = ra
            else:
                self.p[ra] = rb


def authority_key(item) -> str:
    name = item.refusal.authority.name if item.refusal is not None else None
    return " ".join(name.lower().split()) if name else f"#file{item.index}"


def find_clusters(items: list) -> list[Cluster]:
    """items: Analysed results without errors, in batch order."""
    keys = [authority_key(it) for it in items]
    # 1. which shingles are shared by two or more authorities
    owner: dict[int, int] = {}  # hash -> the first item holding it; -1 once a second authority has it
    for n, it in enumerate(items):
        key = keys[n]
        for h in set(it.shingles):
            if h == 0:
                continue
            o = owner.get(h)
            if o is None:
                owner[h] = n
            elif o != -1 and keys[o] != key:
                owner[h] = -1
    # 2. passages: runs of words covered by shared shingles, within one paragraph
    passages: list[tuple[int, int, int, list[int]]] = []  # (item, first word, last word + 1, hashes)
    for n, it in enumerate(items):
        sh = it.shingles
        nw = len(it.starts)
        covered = bytearray(nw)
        starts_at: list[int] = []
        for i, h in enumerate(sh):
            if h != 0 and owner.get(h) == -1:
                covered[i:i + SHINGLE] = b"\x01" * len(covered[i:i + SHINGLE])
                starts_at.append(i)
        if not starts_at:
            continue
        breaks = set(it.breaks)
        runs: list[tuple[int, int]] = []
        a = last = -1
        for w in range(nw):
            if w in breaks and a >= 0:
                runs.append((a, last + 1))
                a = last = -1
            if not covered[w]:
                continue
            if a >= 0 and w - last - 1 > GAP:
                runs.append((a, last + 1))
                a = -1
            if a < 0:
                a = w
            last = w
        if a >= 0:
            runs.append((a, last + 1))
        j = 0
        for ra, rb in runs:
            if rb - ra < MIN_WORDS:
                continue
            while j < len(starts_at) and starts_at[j] < ra:
                j += 1
            hashes = []
            k = j
            while k < len(starts_at) and starts_at[k] < rb:
                hashes.append(sh[starts_at[k]])
                k += 1
            if hashes:
                passages.append((n, ra, rb, hashes))
    owner.clear()
    if not passages:
        return []
    # 3. join passages that share MIN_LINK shingles with the first passage holding each shingle
    first: dict[int, int] = {}
    links: dict[tuple[int, int], int] = {}
    for p, (_n, _a, _b, hashes) in enumerate(passages):
        for h in set(hashes):
            q = first.setdefault(h, p)
            if q != p:
                links[(q, p)] = links.get((q, p), 0) + 1
    uf = _UF(len(passages))
    for (q, p), count in links.items():
        if count >= MIN_LINK and passages[q][0] != passages[p][0]:
            uf.union(q, p)
    groups: dict[int, list[int]] = {}
    for p in range(len(passages)):
        groups.setdefault(uf.find(p), []).append(p)
    # 4. clusters spanning two or more authorities
    out: list[Cluster] = []
    for members in groups.values():
        if len({keys[passages[p][0]] for p in members}) < 2:
            continue
        out.append(_cluster(items, keys, passages, members))
    out.sort(key=lambda c: (-len(set(c.authorities)), -len(c.letters), c.letters[0], c.members[0].start))
    for i, c in enumerate(out, 1):
        c.id = f"C{i}"
    return out


def _cluster(items, keys, passages, members) -> Cluster:
    # the core: shingles held by at least half the cluster's letters (two at least)
    per_letter: dict[int, set[int]] = {}
    for p in members:
        per_letter.setdefault(passages[p][0], set()).update(passages[p][3])
    freq: dict[int, int] = {}
    for hs in per_letter.values():
        for h in hs:
            freq[h] = freq.get(h, 0) + 1
    need = max(2, (len(per_letter) + 1) // 2)
    core = {h for h, c in freq.items() if c >= need} or {h for h, c in freq.items() if c >= 2}
    # representative: the passage with most core shingles (earliest letter on a tie)
    best = max(members, key=lambda p: (sum(1 for h in passages[p][3] if h in core), -passages[p][0]))
    n, a, b, _ = passages[best]
    it = items[n]
    sh = it.shingles
    # the longest run of words covered by core shingles inside it (small gaps bridged)
    best_run, longest = (a, b), -1
    run_a = run_b = -1
    for i in range(a, min(b, len(sh))):
        if sh[i] not in core:
            continue
        if run_b >= 0 and i <= run_b + GAP:
            run_b = max(run_b, i + SHINGLE)
        else:
            run_a, run_b = i, i + SHINGLE
        if run_b - run_a > longest:
            longest, best_run = run_b - run_a, (run_a, run_b)
    wa, wb = best_run
    if wb - wa < MIN_WORDS:  # a loose family of variants: show the representative passage itself
        wa, wb = a, b
    wb = min(wb, len(it.ends))
    text = it.refusal.text
    full = " ".join(text[it.starts[wa]:it.ends[wb - 1]].split())
    kind = kind_of(full)
    shown = full
    if kind == "reasoning":  # start the excerpt at the reasoning, not at a formula before it
        for sent in re.split(r"(?<=[.;:])\s+(?=[A-Z])", full):
            if _REASONING.search(sent):
                shown = full[full.find(sent):]
                break
    if shown[:1].islower():  # it starts mid-sentence: from the next sentence, when one starts early on
        m = re.search(r"[.;:]\s+(?=[A-Z])", shown[: max(1, len(shown) * 2 // 5)])
        if m:
            shown = shown[m.end():]
    words = shown.split()
    short = " ".join(words[:SHORT_WORDS]) + (" …" if len(words) > SHORT_WORDS else "")
    # members, one per letter (its passages in this cluster joined)
    spans: dict[int, list[int]] = {}
    for p in members:
        n2, a2, b2, _ = passages[p]
        it2 = items[n2]
        s, e = it2.starts[a2], it2.ends[min(b2, len(it2.ends)) - 1]
        if n2 in spans:
            spans[n2] = [min(spans[n2][0], s), max(spans[n2][1], e)]
        else:
            spans[n2] = [s, e]
    mem = [Member(n2, s, e) for n2, (s, e) in sorted(spans.items())]
    authorities, seen = [], set()
    for m in mem:
        k = keys[m.letter]
        if k not in seen:
            seen.add(k)
            authorities.append(items[m.letter].refusal.authority.name or os.path.basename(items[m.letter].file))
    return Cluster(id="", text=short, full=full, kind=kind, members=mem,
                   letters=[m.letter for m in mem], authorities=authorities)


_RIGHTS = re.compile(
    r"internal review|information commissioner|wycliffe house|dissatisfied|complain|right of appeal|"
    r"copyright|re-use|reuse|open government licence|data protection act 2018 .{0,40}your personal|"
    r"write to|contact (?:us|the)|telephone|e-?mail", re.I)
_RECITAL = re.compile(
    r"two duties|two responsibilities|section 17 of the freedom of information act requires|states that fact|"
    r"specifies the exemption|blind to the identity|regarded as being published|this letter (?:represents|serves as) a refusal notice|"
    r"i write in connection with your request|neither confirms? nor den(?:y|ies)|by virtue of|"
    r"the following exemptions?|does not apply|(?:can|will) neither confirm|is exempt information if|"
    r"in all the circumstances of the case|public interest in maintaining the (?:exemption|exception) outweighs|"
    r"is an? (?:absolute|qualified|class[- ]based|prejudice[- ]based)", re.I)
_REASONING = re.compile(
    r"\bharm|prejudic|public interest|would (?:be likely to )?(?:undermine|reveal|assist|prejudice|compromise|"
    r"enable|allow|provide|lead|hinder|jeopardi[sz]e)|mosaic|jigsaw|criminal|terroris|national security|"
    r"law enforcement|confirm(?:ing)? or deny(?:ing)?|factors? (?:in )?favour|balance|vulnerab", re.I)


# The Act's own words quoted: whoever quotes them, they are not the authority's reasoning.
_STATUTE = re.compile(
    r"is exempt information if|information is exempt information|in all the circumstances of the case|"
    r"public interest in maintaining the (?:exemption|exception) outweighs the public interest in|"
    r"does not oblige a public authority|may refuse to disclose information to the extent that", re.I)


def kind_of(text: str) -> str:
    """reasoning (harm, public interest, NCND reasons) or stock by nature (recital, rights)."""
    if _STATUTE.search(text) and len(text.split()) < 60:
        return "recital"
    reasoning = len(_REASONING.findall(text))
    if reasoning and reasoning >= len(_RECITAL.findall(text)) and reasoning >= len(_RIGHTS.findall(text)):
        return "reasoning"
    if _RIGHTS.search(text) and len(_RIGHTS.findall(text)) >= len(_RECITAL.findall(text)):
        return "rights"
    return "recital" if _RECITAL.search(text) or not reasoning else "reasoning"


def mark_absent(clusters: list[Cluster], items: list) -> None:
    """For each letter of a cluster: what its passage refers to that the letter does not have
    (the stock library's dangling references, found per letter by the worker)."""
    for c in clusters:
        for m in c.members:
            for d in items[m.letter].dangling:
                if m.start <= d["start"] < m.end:
                    m.absent.append({"id": d["id"], "quote": d["quote"], "hint": d["hint"]})
