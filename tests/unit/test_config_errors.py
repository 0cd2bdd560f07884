"""Config errors are one line naming the key or file, never a traceback (issue 12)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from signalpipe.errors import ConfigError
from signalpipe.settings import load_settings


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for key in list(os.environ):
        if key.startswith("SIGNALPIPE_") or key.endswith("_API_KEY"):
            monkeypatch.delenv(key)


def error(**overrides: object) -> str:
    with pytest.raises(ConfigError) as err:
        load_settings(**overrides)
    return str(err.value)


@pytest.mark.parametrize(("yaml", "message"), [
    (b"company_id: [acme\n", "signalpipe.yaml: not valid YAML: line 2, column 1: expected ',' "
                             "or ']', but got '<stream end>'"),
    (b"company_id: acme\n  bad indent: 1\n", "signalpipe.yaml: not valid YAML: line 2, column "
                                             "13: mapping values are not allowed here"),
    (b"- company_id\n- acme\n", "signalpipe.yaml: must be a mapping of settings (key: value), "
                               "got list"),
    (b"just a string\n", "signalpipe.yaml: must be a mapping of settings (key: value), got str"),
    (b"company_id: caf\xe9\n", "signalpipe.yaml: not UTF-8 text (bad byte at offset 15)"),
    (b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n", "signalpipe.yaml: YAML nested too deeply"),
    (b"llm:\n  provider: gemini\n  api_key: AIza-in-a-file\n",
     "signalpipe.yaml: llm.api_key is a secret and is not read from a settings file; set "
     "SIGNALPIPE_LLM__API_KEY in the environment or .env"),
])
def test_a_bad_yaml_file_is_one_line_naming_the_file(tmp_path: Path, yaml: bytes,
                                                     message: str) -> None:
    (tmp_path / "signalpipe.yaml").write_bytes(yaml)
    assert error() == message


def test_an_empty_yaml_file_is_fine(tmp_path: Path) -> None:
    (tmp_path / "signalpipe.yaml").write_text("# nothing yet\n")
    assert load_settings().company_id == "scaleflow"


def test_the_config_variable_points_at_the_file_named(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "other.yaml").write_text("- a\n")
    monkeypatch.setenv("SIGNALPIPE_CONFIG", str(tmp_path / "other.yaml"))
    assert error() == (f"{tmp_path / 'other.yaml'}: must be a mapping of settings (key: value), "
                       "got list")


def test_a_non_utf8_dotenv_is_one_line(tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes(b"SIGNALPIPE_COMPANY_ID=caf\xe9\n")
    assert error() == ".env: not UTF-8 text (bad byte at offset 25)"


@pytest.mark.parametrize(("name", "where"), [
    ("SIGNALPIPE_COMPNAY_ID", "environment"), ("SIGNALPIPE_REDIS_URL", "environment"),
    ("SIGNALPIPE_LLMS__PROVIDER", "environment")])
def test_an_unknown_variable_is_an_error_naming_it(monkeypatch: pytest.MonkeyPatch, name: str,
                                                   where: str) -> None:
    monkeypatch.setenv(name, "acme")
    message = error()
    assert message.startswith(f"unknown setting {name} (in the {where}); settings are "
                              "SIGNALPIPE_<NAME> for: ")
    assert "company_id" in message and "readers" in message


def test_an_unknown_variable_in_dotenv_is_an_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("SIGNALPIPE_COMPNAY_ID=acme\nOTHER_TOOL=1\n")
    assert error().startswith("unknown setting SIGNALPIPE_COMPNAY_ID (in the .env file)")


def test_variables_that_are_not_settings_are_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SIGNALPIPE_CONFIG", "SIGNALPIPE_SERVICES_DIR", "SIGNALPIPE_FAULT_N"):
        monkeypatch.setenv(name, "x" if name != "SIGNALPIPE_CONFIG" else "none.yaml")
    assert load_settings().company_id == "scaleflow"


@pytest.mark.parametrize(("name", "value"), [
    ("SIGNALPIPE_KAFKA__EXTRA", "{bad"), ("SIGNALPIPE_CASSANDRA__HOSTS", "[1,"),
    ("SIGNALPIPE_LLM", '{"provider": }')])
def test_bad_json_in_a_variable_names_the_variable(monkeypatch: pytest.MonkeyPatch, name: str,
                                                   value: str) -> None:
    monkeypatch.setenv(name, value)
    message = error()
    assert message.startswith(f"invalid settings: {name}: not valid JSON (")


@pytest.mark.parametrize(("value", "why"), [
    ("", "String should have at least 1 character"), ("   ", "must not be empty or blank"),
    ("acme\x0bcorp", "must hold no control characters or line breaks"),
    ("acme\ncorp", "must hold no control characters or line breaks")])
def test_an_empty_or_unprintable_company_id_is_rejected(monkeypatch: pytest.MonkeyPatch,
                                                        value: str, why: str) -> None:
    monkeypatch.setenv("SIGNALPIPE_COMPANY_ID", value)
    assert error().startswith("invalid settings: company_id: ")
    assert why in error()


def test_the_cli_prints_one_line_and_exits_1(tmp_path: Path) -> None:
    from signalpipe.cli import _register, app

    _register()
    (tmp_path / "signalpipe.yaml").write_text("- a list\n")
    result = CliRunner().invoke(app, ["events"])
    assert result.exit_code == 1
    assert result.output == ("error: signalpipe.yaml: must be a mapping of settings (key: value), "
                             "got list\n")
