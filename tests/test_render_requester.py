"""Requester details: options beat the environment, which beats the config file."""

import pytest

from appeal.errors import UserError
from appeal.render.requester import default_config_path, resolve, split_address

CONFIG = """
[requester]
name = "Config Name"
email = "config@example.org"
address = ["2 Config Road", "Conftown CF1 1CF"]
"""


@pytest.fixture
def xdg(tmp_path):
    folder = tmp_path / "xdg" / "appeal"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text(CONFIG)
    return {"XDG_CONFIG_HOME": str(tmp_path / "xdg"), "HOME": str(tmp_path / "home")}


def test_config_file_in_xdg_folder(xdg):
    r = resolve(env=xdg)
    assert (r.name, r.email, r.address) == ("Config Name", "config@example.org", ["2 Config Road", "Conftown CF1 1CF"])


def test_env_beats_config_and_options_beat_env(xdg):
    env = dict(xdg, APPEAL_NAME="Env Name", APPEAL_ADDRESS="3 Env Street, Envtown")
    r = resolve(env=env)
    assert r.name == "Env Name" and r.email == "config@example.org" and r.address == ["3 Env Street", "Envtown"]
    r = resolve(name="Option Name", env=env)
    assert r.name == "Option Name" and r.sources["name"] == "option" and r.sources["address"] == "env"


def test_home_config_when_no_xdg(tmp_path):
    home = tmp_path / "home"
    (home / ".config" / "appeal").mkdir(parents=True)
    (home / ".config" / "appeal" / "config.toml").write_text('name = "Top Level"\n')
    env = {"HOME": str(home)}
    assert default_config_path(env) == home / ".config" / "appeal" / "config.toml"
    assert resolve(env=env).name == "Top Level"


def test_explicit_config_file(tmp_path, xdg):
    other = tmp_path / "mine.toml"
    other.write_text('[requester]\nname = "Explicit"\n')
    r = resolve(config=str(other), env=xdg)
    assert r.name == "Explicit" and r.email is None  # the default file is not read as well


def test_missing_or_bad_config_is_one_line(tmp_path):
    with pytest.raises(UserError, match="no such file"):
        resolve(config=str(tmp_path / "nope.toml"), env={})
    bad = tmp_path / "bad.toml"
    bad.write_text("name = [unclosed\n")
    with pytest.raises(UserError, match="not valid TOML"):
        resolve(config=str(bad), env={})


def test_no_details_anywhere(tmp_path):
    r = resolve(env={"HOME": str(tmp_path)})
    assert r.missing == ["name", "email", "address"]


def test_address_forms():
    assert split_address("1 A St\n2 B Town") == ["1 A St", "2 B Town"]
    assert split_address("1 A St, B Town, AB1 2CD") == ["1 A St", "B Town", "AB1 2CD"]
    assert split_address(["x", " ", "y"]) == ["x", "y"]
