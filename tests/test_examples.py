"""The checked-in examples are what the code makes today.

Each example letter in examples/ is regenerated with its fixed --date and requester details
and compared with the checked-in file (Word files by paragraph text). A difference means a
change to the letters: if it is intended, run `python -m appeal.render.examples --refresh`
and commit the new examples with the change.
"""

import pytest

from appeal.render import examples


def test_three_synthetic_refusals_with_their_letters():
    refusals = {r for r, *_ in examples.EXAMPLES}
    assert len(refusals) == 3
    for refusal in refusals:
        assert (examples.FOLDER / refusal).exists()
    kinds = {(r, k, f) for r, k, f, _ in examples.EXAMPLES}
    for refusal in refusals:
        for kind, fmt in (("review", "md"), ("review", "docx"), ("complaint", "md")):
            assert (refusal, kind, fmt) in kinds


@pytest.mark.parametrize("refusal,kind,fmt,extra", examples.EXAMPLES,
                         ids=[examples.output_name(r, k, f) for r, k, f, _ in examples.EXAMPLES])
def test_example_letter_unchanged(refusal, kind, fmt, extra, tmp_path):
    name = examples.output_name(refusal, kind, fmt)
    stored = examples.FOLDER / name
    assert stored.exists(), f"{name} missing: run python -m appeal.render.examples --refresh"
    fresh = examples.generate(refusal, kind, fmt, extra, tmp_path / name)
    old, new = examples.comparable(stored.read_bytes(), fmt), examples.comparable(fresh, fmt)
    if old != new:
        import difflib

        diff = "\n".join(difflib.unified_diff(old, new, "checked in", "now", lineterm="", n=1))
        pytest.fail(f"{name} changed (if intended: python -m appeal.render.examples --refresh)\n{diff}")


def test_examples_read_like_letters():
    md = (examples.FOLDER / "scottish-foisa-refusal.review.md").read_text()
    assert "Requirement for review under section 20" in md
    assert md.rstrip().endswith("Alex Requester")
    complaint = (examples.FOLDER / "scottish-foisa-refusal.complaint.md").read_text()
    assert "Scottish Information Commissioner" in complaint and "six months" in complaint
    ico = (examples.FOLDER / "council-cost-limit-refusal.complaint.md").read_text()
    assert "Information Commissioner's Office" in ico and "six weeks" in ico
