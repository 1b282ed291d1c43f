"""Cold start of a Word letter, `appeal review <example> --format docx -o <tmp> --force`, as a
ratio to a bare `python -c pass` in the same run, with a warm and with an empty cache.
Target: at most 25x in both (issue 12). The measuring is bench/cold_start.py's.

    .venv/bin/python bench/letters_cold_start.py [--runs N]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cold_start  # noqa: E402

if __name__ == "__main__":
    if "--only" not in sys.argv:
        sys.argv += ["--only", "review-docx"]
    sys.exit(cold_start.main())
