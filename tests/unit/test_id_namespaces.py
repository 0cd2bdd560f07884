"""Message ids are namespaced by company and source (issue 12), on the embedded stack.

* an email whose Message-ID equals a CSV row's id is another message: the row is kept;
* a second company run into the same output folder stores and extracts its own messages;
* dead letters are keyed by the full origin path: `jan/export.csv:3` and `feb/export.csv:3`
  are two;
* a store written before namespaces (by main at 4c329cf) keeps working: the same input again
  stores nothing and extracts nothing.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from signalpipe.backends import open_backends
from signalpipe.compose.doc import UpdateContext, build
from signalpipe.models import Message, Source, message_key, source_id_of
from signalpipe.settings import Settings, load_settings
from tests.fakes.namespaces import genuine_csv, run, squatting_eml, two_months_one_bad_line

STORE_BEFORE = Path(__file__).resolve().parents[1] / "fixtures" / "stores" / "before-namespaces"
# the keys the store in STORE_BEFORE holds once its bare ids are namespaced
MIGRATED_KEYS = sorted([message_key("acme", "csv", f"m-00{i}") for i in (1, 2, 3, 4)]
                       + [message_key("acme", "email", "hire-1@acme.example")])


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(output_dir=tmp_path / "out", company_id="acme")


def test_an_email_cannot_take_a_csv_rows_id(tmp_path: Path, settings: Settings) -> None:
    backends = open_backends(settings)
    try:
        email = run(settings, backends, squatting_eml(tmp_path / "squat.eml"))
        row = run(settings, backends, genuine_csv(tmp_path / "genuine.csv"))
        assert (email.stored_new, row.stored_new) == (1, 1)
        assert backends.messages.dead_letters() == []
        keys = [message_key("acme", "csv", "shared-1"), message_key("acme", "email", "shared-1")]
        stored = {m.id: m for m in backends.messages.get_many(keys)}
        assert set(stored) == set(keys)
        assert stored[keys[0]].text.startswith("We closed our $12M Series A")
        assert {m.source_id for m in stored.values()} == {"shared-1"}
        (event,) = [e for e in backends.events.list_events("acme") if "$12M" in e.title]
        assert event.source_message_ids == [keys[0]]
    finally:
        backends.close()


def test_a_second_company_in_the_same_folder_gets_its_own_events(
        tmp_path: Path, settings: Settings) -> None:
    data = genuine_csv(tmp_path / "same.csv")
    other = settings.model_copy(update={"company_id": "globex"})
    for who in (settings, other):
        backends = open_backends(who)
        try:
            stats = run(who, backends, data)
            assert stats.stored_new == 1 and stats.events_inserted == 1, who.company_id
        finally:
            backends.close()
    backends = open_backends(settings)
    try:
        for company in ("acme", "globex"):
            (event,) = backends.events.list_events(company)
            assert event.source_message_ids == [message_key(company, "csv", "shared-1")]
        assert backends.messages.count() == 2
    finally:
        backends.close()


def test_the_same_bad_line_in_two_folders_is_two_dead_letters(
        tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    two_months_one_bad_line(tmp_path)
    backends = open_backends(settings)
    try:
        reported = 0
        for month in ("jan", "feb"):
            monkeypatch.chdir(tmp_path / month)  # both read as plain `export.csv`
            reported += sum(run(settings, backends, Path("export.csv")).dead_letters.values())
        letters = backends.messages.dead_letters()
        assert reported == 2
        assert sorted(d.origin for d in letters) == [
            f"{tmp_path / 'feb' / 'export.csv'}:3", f"{tmp_path / 'jan' / 'export.csv'}:3"]
    finally:
        backends.close()


def test_citations_show_the_sources_own_id(settings: Settings) -> None:
    key = message_key("acme", "email", "hire-1@acme.example")
    message = Message(id=key, company_id="acme", source=Source.GMAIL, sender="Carol",
                      subject="Team", timestamp="2025-01-09T10:00:00Z",
                      text="We hired Dana Lee as our new VP of Engineering.")
    from signalpipe.extract.rules import RulesExtractor
    from signalpipe.models import Batch

    found = RulesExtractor().extract(Batch(id="b", company_id="acme", source=Source.GMAIL,
                                           messages=(message,)))
    doc = build(found.events, company_id="acme",
                context=UpdateContext(messages={key: message}, settings=settings.update))
    texts = [c.text for c in doc.citations]
    assert texts and all("acme/email/" not in t for t in texts), texts
    assert any("Message-ID hire-1@acme.example" in t for t in texts), texts


@pytest.mark.parametrize("key,own", [("acme/csv/m-1", "m-1"), ("a%2Fb/email/<x/y@z>", "<x/y@z>"),
                                     ("m-1", "m-1"), ("a/other/b", "a/other/b")])
def test_source_id_of_reverses_the_key(key: str, own: str) -> None:
    assert source_id_of(key) == own


def test_company_slashes_cannot_forge_a_namespace() -> None:
    assert message_key("a/csv", "email", "x") != message_key("a", "csv", "email/x")
    assert source_id_of(message_key("a/csv", "email", "x")) == "x"


# -- a store written before namespaces -------------------------------------------------------------
def test_a_store_from_before_namespaces_keeps_working(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    shutil.copy(STORE_BEFORE / "signalpipe.sqlite3", out / "signalpipe.sqlite3")
    settings = load_settings(output_dir=out, company_id="acme")
    backends = open_backends(settings)
    try:
        before = {e.fingerprint: e for e in backends.events.list_events("acme")}
        assert len(before) == 4 and backends.messages.count() == 5
        for name in ("input.csv", "input.eml"):
            stats = run(settings, backends, STORE_BEFORE / name)
            assert stats.stored_new == 0, f"{name}: stored again"
            assert stats.batches == 0 and stats.events_inserted == 0, f"{name}: extracted again"
        assert backends.messages.count() == 5
        after = {e.fingerprint: e for e in backends.events.list_events("acme")}
        assert after.keys() == before.keys()
        cited = sorted(i for e in after.values() for i in e.source_message_ids)
        assert cited == sorted([message_key("acme", "csv", "m-001"),
                                message_key("acme", "csv", "m-002"),
                                message_key("acme", "csv", "m-004"),
                                message_key("acme", "email", "hire-1@acme.example")])
        assert len(backends.messages.get_many(cited)) == 4, "a citation lost its message"
        kpis = backends.events.kpi_observations("acme")
        assert [k.source_message_ids for k in kpis] == [[message_key("acme", "csv", "m-004")]]
    finally:
        backends.close()
    con = sqlite3.connect(out / "signalpipe.sqlite3")
    try:
        ids = sorted(r[0] for r in con.execute("SELECT id FROM messages"))
        pending = con.execute("SELECT count(*) FROM pending").fetchone()[0]
    finally:
        con.close()
    assert ids == MIGRATED_KEYS
    assert pending == 0


def test_the_migration_runs_once(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    shutil.copy(STORE_BEFORE / "signalpipe.sqlite3", out / "signalpipe.sqlite3")
    settings = load_settings(output_dir=out, company_id="acme")
    for _ in range(2):
        backends = open_backends(settings)
        try:
            assert backends.messages.count() == len(MIGRATED_KEYS)
            assert len(backends.messages.get_many(MIGRATED_KEYS)) == len(MIGRATED_KEYS)
            ids = {m.source_id for m in backends.messages.pending("acme")}
            assert ids == set()
        finally:
            backends.close()
        con = sqlite3.connect(out / "signalpipe.sqlite3")
        try:
            stored = sorted(r[0] for r in con.execute("SELECT id FROM messages"))
        finally:
            con.close()
        assert stored == MIGRATED_KEYS


def test_the_sqlite_rekey_moves_every_message_once_whatever_its_keys_order(
        tmp_path: Path) -> None:
    """The pass walks ids in order, so a bare id that sorts before its key ('C1:1.0' before
    'Zeta/slack/C1:1.0') meets its key again later in the pass: moved once, not twice, and a
    bare id that only looks like a key's start ('Zeta/slack') is moved too."""
    from signalpipe.stores.sqlite import SQLiteMessageStore

    bare = [Message(id=i, company_id="Zeta", source=Source.SLACK, sender="a", text=f"t {i}",
                    timestamp="2025-01-06T10:00:00Z", payload={"ts": "1.0"})
            for i in ("C1:1.0", "Zeta", "a", "zz", "Zeta/slack")]
    path = tmp_path / "s.sqlite3"
    store = SQLiteMessageStore(path)
    store.put_many(bare)
    store._db.execute("DELETE FROM store_meta")  # as if written before namespaces
    store.close()
    again = SQLiteMessageStore(path)
    try:
        keys = [message_key("Zeta", "slack", m.id) for m in bare]
        assert again.count() == len(bare)
        assert sorted(m.id for m in again.get_many(keys)) == sorted(keys)
        assert sorted(m.id for m in again.pending("Zeta")) == sorted(keys)
    finally:
        again.close()


@pytest.mark.parametrize("remembered", ["C1:1740819600.000100",
                                        "acme/slack/C1:1740819600.000100"])
def test_a_slack_deletion_keys_its_tombstone_whatever_the_cursor_remembered(
        remembered: str) -> None:
    """A sync cursor saved before namespaces remembers bare ids; one saved after, keys."""
    from signalpipe.sync.slack_api import tombstone

    gone = tombstone("acme", "C1", "general", "1740819600.000100", remembered)
    assert gone.id == message_key("acme", "slack", "C1:1740819600.000100")


def test_readers_see_the_sources_ids_not_keys(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The report, the email, `events` and `kpis` name messages as their sources did."""
    import json

    from typer.testing import CliRunner

    from signalpipe import cli

    cli._register()
    monkeypatch.setenv("SIGNALPIPE_COMPANY_ID", "acme")
    out = tmp_path / "out"
    runner = CliRunner()
    for name in ("input.csv", "input.eml"):
        ran = runner.invoke(cli.app, ["run", "--input", str(STORE_BEFORE / name),
                                      "--output-dir", str(out)])
        assert ran.exit_code == 0, ran.output
    kpis = runner.invoke(cli.app, ["kpis", "--output-dir", str(out), "--format", "json"])
    assert kpis.exit_code == 0, kpis.output
    assert [json.loads(line)["sources"] for line in kpis.output.splitlines()] == [["m-004"]]
    events = runner.invoke(cli.app, ["events", "--output-dir", str(out), "--format", "json"])
    assert events.exit_code == 0, events.output
    records = [json.loads(line) for line in events.output.splitlines()]
    assert sorted(i for r in records for i in r["source_message_ids"]) == [
        "hire-1@acme.example", "m-001", "m-002", "m-004"]
    assert {s["message_id"] for r in records for s in r["evidence_spans"]} <= {
        "hire-1@acme.example", "m-001", "m-002", "m-004"}
    email = runner.invoke(cli.app, ["email", "--output-dir", str(out)])
    assert email.exit_code == 0, email.output
    report = (out / "pipeline_results.md").read_text("utf-8")
    for text in (report, email.output):
        assert "acme/csv/" not in text and "acme/email/" not in text
    assert "hire-1@acme.example" in email.output
