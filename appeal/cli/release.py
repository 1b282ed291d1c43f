"""Release step: rebuild the precomputed data shipped in appeal/data/ (python -m appeal.cli.release).

So that the first run after install costs what the second does, the package ships what a
first run would otherwise build into the user's cache:
- the holiday table, built from the installed `holidays` (used while that version is installed);
- JSON copies of the TOML data files, named by content (an edited file is parsed afresh);
- the Word skeletons render/docx_fast.py writes letters into (python-docx's empty letter);
- the compiled regular expressions the commands use, for this Python (appeal/regex_cache.py),
  and the compiled letter and rule templates (appeal/templating.py), both collected by running
  every command over the sample letters with an empty cache;
- the literal prefixes of the patterns those runs searched with (appeal/prefilter.py).
Each is only ever a shortcut: stale or missing, the product builds the same thing itself.
"""

from __future__ import annotations

import contextlib
import io
import marshal
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def ship_regexes(letters: list[str]) -> Path:
    from appeal import regex_cache as R

    import re

    early = [k for k in getattr(re, "_cache", {})]  # compiled before install(), by the stdlib
    R.install()
    R._STORE = {}  # compile everything afresh: the shipped file holds only what is used now
    R._NEW.clear()
    R._USED.clear()
    from appeal.cli import main

    from appeal.templating import SHIPPED_BYTECODE

    for old in SHIPPED_BYTECODE.glob("*.cache"):  # so that every template is compiled afresh
        old.unlink()
    from appeal.resources import SHIPPED_CACHE

    (SHIPPED_CACHE / "stock-anchors-v1.json").unlink(missing_ok=True)  # and every anchor worked out
    re.sub(r"(-script\.pyw|\.exe)?$", "", "appeal")  # what the installed `appeal` script runs first
    saved = os.environ.get("APPEAL_CACHE_DIR")
    with tempfile.TemporaryDirectory() as tmp:
        # an empty cache, as on a first run: what is compiled then (e.g. the stock library's
        # checks before its anchor words are cached) is what the shipped copy must hold
        os.environ["APPEAL_CACHE_DIR"] = str(Path(tmp) / "cache")
        try:
            for i, letter in enumerate(letters):
                for args in (["parse", letter], ["check", letter], ["deadlines", letter],
                             ["review", letter, "--format", "docx", "-o", f"{tmp}/{i}.docx"],
                             ["complaint", letter, "-o", f"{tmp}/{i}.md"]):
                    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                        try:
                            main(args)
                        except SystemExit:
                            pass
            # the stock library's anchor words, worked out on the way: shipped too
            from appeal.resources import SHIPPED_CACHE

            anchors = sorted((Path(tmp) / "cache").glob("stock-anchors-v1-*.json"))
            if anchors:
                (SHIPPED_CACHE / "stock-anchors-v1.json").write_bytes(anchors[-1].read_bytes())
            # the letter templates compiled on the way: shipped too
            SHIPPED_BYTECODE.mkdir(parents=True, exist_ok=True)
            for entry in (Path(tmp) / "cache" / "jinja").glob("*.cache"):
                (SHIPPED_BYTECODE / entry.name).write_bytes(entry.read_bytes())
        finally:
            if saved is None:
                os.environ.pop("APPEAL_CACHE_DIR", None)
            else:
                os.environ["APPEAL_CACHE_DIR"] = saved
    target = R.shipped_path()
    entries = {k: R._NEW[k] for k in R._USED if k in R._NEW}
    for kind, pattern, flags in early + list(getattr(re, "_cache", {})):  # compiled before install()
        key = (pattern, int(flags))
        if kind is str and key not in entries:
            compiled, blob = R._compile(pattern, key[1])
            if blob is not None:
                entries[key] = blob
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(marshal.dumps(entries))
    R._NEW.clear()
    return target


def main() -> None:
    from appeal.deadlines.calendar import ship_table
    from appeal.resources import ship_copies, shipped_toml_files

    print(ship_table())
    print(f"{len(ship_copies(shipped_toml_files()))} TOML copies")
    letters = sorted(str(p) for p in (ROOT / "examples").glob("*.txt")) + \
        sorted(str(p) for p in (ROOT / "tests" / "letters").glob("*.txt"))
    if not letters:
        sys.exit("run from a checkout: the sample letters (examples/, tests/letters/) are needed")
    print(ship_regexes(letters))
    from appeal import prefilter

    print(prefilter.ship())  # the literal prefixes of the patterns those runs searched with
    from appeal.render import docx_fast
    from appeal.resources import SHIPPED_CACHE

    for old in SHIPPED_CACHE.glob("docx-skeleton-*.docx"):
        old.unlink()
    for with_header in (False, True):
        docx_fast.save_skeleton(with_header, docx_fast.build_skeleton(with_header), SHIPPED_CACHE)
    print("Word skeletons")


if __name__ == "__main__":
    main()
