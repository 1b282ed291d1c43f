"""Shared helpers for tests that drive the command line in-process."""

from __future__ import annotations

import pytest

from appeal.cli import main


def run(args, capsys):
    """Run `appeal ARGS`; return (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as exc:
        main([str(a) for a in args])
    out, err = capsys.readouterr()
    return exc.value.code, out, err
