"""Test-wide set-up: the suite never writes into the user's home.

The product caches derived data (holiday tables, JSON copies of TOML, compiled templates)
in the user's cache folder. The tests point that at a temporary folder of their own, made
for the session and removed after it, whatever APPEAL_CACHE_DIR or XDG_CACHE_HOME say.
`.ci/run` checks it: pytest with HOME and XDG_CACHE_HOME pointed at an empty folder must
leave that folder empty.
"""

import os
import shutil
import tempfile

_CACHE = tempfile.mkdtemp(prefix="appeal-test-cache-")
os.environ["APPEAL_CACHE_DIR"] = _CACHE


def pytest_unconfigure(config):
    from appeal import regex_cache

    regex_cache._NEW.clear()  # nothing left to save into the folder about to go
    shutil.rmtree(_CACHE, ignore_errors=True)


import pytest  # noqa: E402


@pytest.fixture
def isolated_requester(monkeypatch, tmp_path):
    """No requester details from the environment or a config file, and the working folder a temp one."""
    for var in ("APPEAL_NAME", "APPEAL_EMAIL", "APPEAL_ADDRESS"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config"))
    monkeypatch.chdir(tmp_path)
