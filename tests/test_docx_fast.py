"""Word letters written directly (render/docx_fast.py) are byte for byte what python-docx
writes (render/docx.py), for every kind of block and inline a letter can hold."""

import datetime as dt
import random
from pathlib import Path

import pytest

from appeal.render import docx as D
from appeal.render import docx_fast as F

PIECES = [
    "# Heading one", "## Heading *two*", "### 3. Ground with **bold**", "#### deep heading",
    "Plain paragraph.", "Para with **bold**, *italic*, `code` and ***both***.", "  leading and trailing  ",
    "A line  \nwith a hard break", "Tabs\tinside\ttext", "Escapes & <angle> \"quotes\" 'single'",
    "1. first numbered", "2. second numbered\n   continued", "10. tenth",
    "- bullet", "- bullet with `code`", "* star bullet",
    "> quoted paragraph", "> quoted *italic*\n>\n> second quoted",
    "| Step | Date |\n|---|---|\n| Received | 1 May 2024 |\n| **Due** | 2 May |",
    "| a | b | c |\n|---|---|---|\n| 1 | | 3 |",
    "| only |\n|---|\n| one column, `code` |",
    "| H *i* | H2  \nbr |\n|---|---|\n| x | y |",
    "---", "Control \x1b[31m chars \x00 and a \ud800 surrogate",
    "Unicode: “quotes”, £600, é, 日本",
]


_SKELETONS: dict = {}


def _both(md, header):
    kw = dict(header=header, title="Letter & <title>", author="Ann Example", date=dt.date(2024, 3, 8))
    slow = D.to_docx_slow(md, **kw)
    if bool(header) not in _SKELETONS:
        _SKELETONS[bool(header)] = F.build_skeleton(bool(header))
    fast = F.to_docx(md, skeleton=_SKELETONS[bool(header)], **kw)
    return slow, fast


@pytest.mark.parametrize("seed", range(8))
def test_random_letters_are_byte_identical(seed):
    rng = random.Random(seed)
    md = "\n\n".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 14)))
    header = rng.choice([None, "Your reference: FOI/1 & <2>", "  spaced\theader  "])
    slow, fast = _both(md, header)
    assert fast == slow, md


def test_every_piece_alone_and_the_examples():
    for md in PIECES + [p.read_text(encoding="utf-8")
                        for p in (Path(__file__).resolve().parents[1] / "examples").glob("*.md")]:
        for header in (None, "Your reference: X"):
            slow, fast = _both(md, header)
            assert fast == slow, md[:80]


def test_without_a_skeleton_python_docx_writes_it_and_leaves_one(tmp_path, monkeypatch):
    import appeal.resources

    monkeypatch.setenv("APPEAL_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(appeal.resources, "SHIPPED_CACHE", tmp_path / "nothing-shipped")
    md = "# Title\n\nBody."
    first = D.to_docx(md, header="Ref 1", title="T", author="A", date=dt.date(2024, 1, 2))
    assert list(tmp_path.glob("docx-skeleton-header-*.docx"))  # left for the next letter
    stale = tmp_path / "docx-skeleton-header-0.0-00000000.docx"
    stale.write_bytes(b"old")
    F.save_skeleton(True, F.build_skeleton(True))
    assert not stale.exists()  # another version's skeleton is pruned
    assert F.to_docx(md, header="Ref 1", title="T", author="A", date=dt.date(2024, 1, 2)) == first
