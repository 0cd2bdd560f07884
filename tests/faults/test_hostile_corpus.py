"""Hostile inputs through the whole pipeline: nothing lost, nothing doubled, nothing injected.

The corpus is `tests/fixtures/hostile/cases.jsonl` (see its README). Every case is run with
`pipeline.run` on one stack's backends, one case after another, and must end as its manifest says:
stored byte for byte, or dead-lettered with a reason that says why; never a crash, never a lost
neighbour, never an event that a prompt injection asked for. The whole corpus is then replayed and
must change nothing.

The stack is a parameter: ``embedded`` (in-process bus, SQLite, memory batcher) and ``services``
(Kafka, Cassandra, PostgreSQL, Redis on loopback, started by `signalpipe.services`; marked
``integration``, and a server that cannot be started fails the tests instead of skipping them).
"""

from __future__ import annotations

import json
import os
import re
import traceback
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from signalpipe import pipeline
from signalpipe.backends import Backends, make_composer, open_backends, open_source
from signalpipe.commands.reporting import write_report
from signalpipe.models import (
    NAMESPACES,
    DeadLetter,
    InvestorEmail,
    Message,
    SignificantEvent,
    message_key,
    source_id_of,
)
from signalpipe.settings import Settings, TopicSettings, load_settings
from signalpipe.worker import dead_letter_bytes

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
KINDS = {"malformed_csv", "empty_content", "huge", "invalid_utf8", "control_chars", "timestamp",
         "duplicate_id", "html", "base64", "slack_markup", "sql_cql", "markdown",
         "prompt_injection", "deep_json", "wrong_types", "not_regular", "zip_bomb", "oversized",
         "binary", "slack_layout", "slack_blocks", "mbox_from", "hidden_html", "charset",
         "symlink", "inert_output", "id_namespace"}


def load_cases(path: Path) -> list[dict[str, Any]]:
    """The corpus's cases; a malformed corpus stops the suite here, naming the case at fault.

    This checks the fixture, not the code, so it is not a test: a broken corpus is an error in
    collection, and every test below can only fail for what the pipeline did with a case.
    """
    cases = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    problems = [] if len(cases) >= 50 else [f"only {len(cases)} cases"]
    problems += [f"no case of kind {k}" for k in sorted(KINDS - {c["kind"] for c in cases})]
    problems += [f"no case expecting {e}" for e in ("stored", "dead_letter", "error")
                 if e not in {c["expect"] for c in cases}]
    for case in cases:
        problems += [f"{case['name']}: {p}" for p in _case_problems(case, path.parent)]
    if problems:
        raise ValueError(f"{path}: " + "; ".join(problems))
    return cases


def _case_problems(case: dict[str, Any], root: Path) -> list[str]:
    problems = []
    if case["expect"] == "error" or case.get("single"):
        # refused whole, or a one-message file (a single .eml): nothing to stand beside it
        if case["neighbours"] and not case.get("single"):
            problems.append("a refused input has no neighbours")
    elif len(case["neighbours"]) < 2:
        problems.append("fewer than 2 neighbours")
    if ("file" in case) == ("generate" in case):
        problems.append("needs exactly one of file and generate")
    elif "file" in case and not (root / case["file"]).exists():
        problems.append(f"{case['file']} is missing")
    expect = case["expect"]
    if expect not in ("stored", "dead_letter", "error"):
        problems.append(f"expect is {expect!r}")
    elif expect == "dead_letter" and not case.get("reason_contains"):
        problems.append("a dead_letter case needs reason_contains")
    elif expect == "error" and not case.get("error_contains"):
        problems.append("an error case needs error_contains")
    elif expect == "stored" and not (case["id"] and expected_text(case) is not None):
        problems.append("a stored case needs an id and its text")
    return problems


def expected_text(case: dict[str, Any]) -> str | None:
    if "text_parts" in case:
        return "".join(text * count for text, count in case["text_parts"])
    text: str | None = case.get("text")
    return text


CASES = load_cases(CORPUS / "cases.jsonl")
BY_NAME = {case["name"]: case for case in CASES}
INJECTED_FIGURES = ("$500M", "500,000,000", "$1B", "1,000,000,000", "$1000M")
INJECTED_AMOUNTS = (500_000_000, 1_000_000_000)

pytestmark = pytest.mark.timeout(900)


# -- running the corpus ---------------------------------------------------------------------------
@dataclass
class CaseResult:
    """What one case left behind on the stack."""

    error: str | None = None
    new_messages: int = 0
    dead: list[DeadLetter] = field(default_factory=list)


@dataclass
class CorpusRun:
    """The corpus after one pass (and a replay) on one stack."""

    stack: str
    settings: Settings
    backends: Backends
    results: dict[str, CaseResult]
    events: list[SignificantEvent]
    email: InvestorEmail
    report: str
    replay: dict[str, CaseResult]
    events_before_replay: dict[str, list[str]]
    events_after_replay: dict[str, list[str]]

    def messages(self, ids: list[str], namespace: str | None = None) -> dict[str, Message]:
        """The stored messages among `ids` (as their sources wrote them), by that id: in
        `namespace` when given, else in any (the corpus's ids are unique but for the cases
        that name their namespace)."""
        company = self.settings.company_id
        keys = [message_key(company, ns, i) for i in ids for ns in
                ([namespace] if namespace else NAMESPACES)]
        return {m.source_id: m for m in self.backends.messages.get_many(keys)}


def _write_parts(path: Path, parts: list[list[Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        for text, count in parts:
            fh.write(text.encode("utf-8", "surrogateescape") * count)


def _make_zip(path: Path, members: dict[str, list[list[Any]]]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, parts in members.items():
            with zf.open(name, "w", force_zip64=True) as fh:
                for text, count in parts:
                    chunk = text.encode("utf-8")
                    for _ in range(count):
                        fh.write(chunk)


def _make_tree(path: Path, spec: dict[str, Any]) -> None:
    """A folder input: files, FIFOs, and symlinks (to files outside it, written next to it)."""
    outside = path.with_name(path.name + "-outside")
    for name, parts in spec.get("outside", {}).items():
        _write_parts(outside / name, parts)
    for name, parts in spec.get("files", {}).items():
        _write_parts(path / name, parts)
    for name in spec.get("fifos", []):
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(path / name)
    for name, target in spec.get("symlinks", {}).items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(outside / target if target else outside, path / name)


def case_path(case: dict[str, Any], workdir: Path) -> Path:
    """The case's input; generated cases are made under `workdir` on first use: files from
    repeated parts, zips (``members``), folders with FIFOs and symlinks (``tree``), a FIFO, or a
    device path."""
    if "file" in case:
        return CORPUS / str(case["file"])
    spec = case["generate"]
    if "device" in spec:
        return Path(spec["device"])
    path = workdir / str(spec["file"])
    if path.exists() or path.is_symlink():
        return path
    if "members" in spec:
        _make_zip(path, spec["members"])
    elif "tree" in spec:
        _make_tree(path, spec["tree"])
    elif spec.get("fifo"):
        os.mkfifo(path)
    else:
        _write_parts(path, spec["parts"])
    return path


def origin_file(origin: str) -> str:
    """The file in a dead letter's origin (``/path/name.csv:12``, ``/path/x.mbox:0``...): the
    whole path, as `open_source` makes it absolute (two cases' files share a name)."""
    return origin.rsplit(":", 1)[0]


def _with_topics(settings: Settings, generation: int) -> Settings:
    """Fresh topic and group names, so a crashed case cannot leave records for the next one."""
    if generation == 0:
        return settings
    t = settings.bus.topics
    topics = TopicSettings(slack=f"{t.slack}-g{generation}", gmail=f"{t.gmail}-g{generation}",
                           dead_letter=f"{t.dead_letter}-g{generation}")
    bus = settings.bus.model_copy(
        update={"topics": topics, "group_id": f"{settings.bus.group_id}-g{generation}"})
    return settings.model_copy(update={"bus": bus})


class Runner:
    """Runs cases one after another on shared backends, recording what each one left."""

    def __init__(self, settings: Settings, workdir: Path) -> None:
        self.settings = settings
        self.workdir = workdir
        self.generation = 0
        self.backends = open_backends(settings)

    def run_case(self, case: dict[str, Any]) -> str | None:
        """Run one case; returns the traceback when the pipeline raised."""
        settings = _with_topics(self.settings, self.generation)
        try:
            source = open_source(case_path(case, self.workdir), fmt=None,
                                 company_id=settings.company_id,
                                 max_cell_bytes=settings.max_cell_bytes)
            pipeline.run(settings, self.backends, source)
        except Exception:
            # Whatever the crash left on the bus must not leak into the next case.
            self.generation += 1
            if settings.stack == "embedded":
                self.backends.close()
                self.backends = open_backends(settings)
            return traceback.format_exc()
        return None

    def measure(self, case: dict[str, Any]) -> CaseResult:
        before = self.backends.messages.count()
        error = self.run_case(case)
        new = self.backends.messages.count() - before
        path = case_path(case, self.workdir)
        dead = [d for d in self.backends.messages.dead_letters()
                if origin_file(d.origin) == str(path.absolute())
                or d.origin.startswith((f"{path}/", f"{path}:"))]
        return CaseResult(error=error, new_messages=new, dead=dead)

    def event_sources(self) -> dict[str, list[str]]:
        return {e.fingerprint: sorted(e.source_message_ids)
                for e in self.backends.events.list_events(self.settings.company_id)}


def run_corpus(runner: Runner) -> CorpusRun:
    settings = runner.settings
    results = {case["name"]: runner.measure(case) for case in CASES}
    events = runner.backends.events.list_events(settings.company_id)
    email = make_composer(settings).compose(events, company_id=settings.company_id)
    report = write_report(settings, runner.backends, None, email).read_text("utf-8")
    before = runner.event_sources()
    replay = {case["name"]: runner.measure(case) for case in CASES}
    return CorpusRun(settings.stack, settings, runner.backends, results, events, email, report,
                     replay, before, runner.event_sources())


def _services_env(mp: pytest.MonkeyPatch) -> str:
    """Names no other run uses: topics, consumer group, keyspace, and the company (which keys
    the Redis buffers and the PostgreSQL events; the Redis prefix is not a setting)."""
    tag = uuid.uuid4().hex[:10]
    for key, value in {"TOPICS__SLACK": f"hostile-{tag}-slack",
                       "TOPICS__GMAIL": f"hostile-{tag}-gmail",
                       "TOPICS__DEAD_LETTER": f"hostile-{tag}-dead",
                       "KAFKA__GROUP_ID": f"hostile-{tag}",
                       "CASSANDRA__KEYSPACE": f"sp_hostile_{tag}",
                       "COMPANY_ID": f"hostile{tag}"}.items():
        mp.setenv(f"SIGNALPIPE_{key}", value)
    return tag


@pytest.fixture(scope="module", params=[
    "embedded", pytest.param("services", marks=pytest.mark.integration)])
def corpus(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[CorpusRun]:
    stack: str = request.param
    workdir = tmp_path_factory.mktemp(f"hostile-{stack}")
    (workdir / "out").mkdir()
    with pytest.MonkeyPatch.context() as mp:
        if stack == "embedded":
            settings = load_settings(output_dir=workdir / "out")
        else:
            from signalpipe import services

            services.up()  # idempotent; a server that cannot start is an error, not a skip
            _services_env(mp)
            settings = load_settings(output_dir=workdir / "out", stack="services")
    runner = Runner(settings, workdir)
    try:
        yield run_corpus(runner)
    finally:
        _cleanup(runner)


def _cleanup(runner: Runner) -> None:
    b, settings = runner.backends, runner.settings
    try:
        if settings.stack == "services":
            bus: Any = b.bus
            used = [_with_topics(settings, g).bus.topics for g in range(runner.generation + 1)]
            bus.delete_topics([name for t in used for name in (t.slack, t.gmail, t.dead_letter)])
            messages: Any = b.messages
            messages.drop()
            import psycopg

            with psycopg.connect(settings.postgres.dsn.get_secret_value(),
                                 autocommit=True) as conn:
                conn.execute("DELETE FROM significant_events WHERE company_id = %s",
                             (settings.company_id,))
    finally:
        b.close()


# -- every case -----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(BY_NAME))
def test_case_ends_as_declared(corpus: CorpusRun, name: str) -> None:
    case = BY_NAME[name]
    result = corpus.results[name]
    if case["expect"] == "error":
        # Refused before reading, with one clear line: a SignalpipeError, never a crash.
        assert result.error is not None, "the input was read instead of refused"
        last = result.error.strip().splitlines()[-1]
        assert last.startswith("signalpipe.errors.SourceError: "), last
        assert case["error_contains"] in last, last
        assert result.new_messages == 0 and result.dead == []
        return
    assert result.error is None, f"the pipeline crashed:\n{result.error}"

    neighbours: dict[str, str] = case["neighbours"]
    target: str | None = case["id"]
    text = expected_text(case)
    want_stored = dict(neighbours)
    if target is not None and text is not None:
        want_stored[target] = text
    found = corpus.messages(list(neighbours))
    if target is not None and text is not None:
        found.update(corpus.messages([target], case.get("namespace")))
    lost = sorted(set(want_stored) - set(found))
    assert not lost, f"lost: {lost}"
    for msg_id, want in want_stored.items():
        assert found[msg_id].text == want, f"{msg_id!r} stored as {found[msg_id].text[:200]!r}"
    assert result.new_messages == len(want_stored), "a message was stored twice or unasked"

    reasons = [d.reason for d in result.dead]
    if case["expect"] == "stored":
        assert reasons == [], f"unexpected dead letters: {reasons}"
        assert target is not None, "a stored case names its message id"
        message = found[target]
        if case.get("timestamp"):
            assert message.timestamp == datetime.fromisoformat(case["timestamp"])
        if "sender" in case:
            assert message.sender == case["sender"]
    else:
        assert len(result.dead) == 1, f"want one dead letter, got {reasons}"
        letter = result.dead[0]
        assert case["reason_contains"] in letter.reason, letter.reason
        if target is not None:
            assert letter.message_id == target
        assert letter.raw, "a dead letter keeps the input it rejected"
        if target is not None and text is None:
            assert corpus.messages([target], case.get("namespace")) == {}, \
                "a rejected message was stored"

    if "event" in case:
        cited = [e for e in corpus.events if message_key(
            corpus.settings.company_id, case.get("namespace") or "csv", case["event"]["cites"])
            in e.source_message_ids]
        assert any(case["event"]["title_contains"] in e.title for e in cited), \
            [e.title for e in cited]


# -- across the corpus ----------------------------------------------------------------------------
def test_no_event_or_email_carries_an_injection(corpus: CorpusRun) -> None:
    injected = {case["id"] for case in CASES if case.get("injection")}
    genuine = [e for e in corpus.events if "$12M Series A" in e.title]
    assert genuine, "the genuine neighbour events must be found (else this test proves nothing)"
    for event in corpus.events:
        cites = injected & {source_id_of(i) for i in event.source_message_ids}
        assert not cites, f"event {event.title!r} cites injection message(s) {sorted(cites)}"
        words = " ".join([event.title, event.description, event.evidence, event.impact])
        assert not any(fig in words for fig in INJECTED_FIGURES), event.title
        assert not set(event.metrics.values()) & set(INJECTED_AMOUNTS), event.metrics
    email = " ".join([corpus.email.subject, corpus.email.body, *corpus.email.highlights,
                      *corpus.email.metrics_summary.values()])
    assert not any(fig in email for fig in INJECTED_FIGURES), email


def _cells(line: str) -> int:
    """Cells in a markdown table row: pipes not escaped by a backslash separate them."""
    return len(re.findall(r"(?<!\\)\|", line)) - 1


def test_report_tables_keep_their_shape(corpus: CorpusRun) -> None:
    assert "## Dead letters" in corpus.report and "## Investor email" in corpus.report
    table_width: int | None = None
    for line in corpus.report.splitlines():
        if not line.startswith("|"):
            table_width = None
            continue
        if table_width is None:
            table_width = _cells(line)
        assert _cells(line) == table_width, f"a row breaks its table: {line!r}"
    assert "|x|y|" not in corpus.report.replace("\\|", "")
    assert corpus.report.count("```") % 2 == 0


def test_report_is_inert(corpus: CorpusRun) -> None:
    """Message fields and member names reach the report as text: no tag, no link, no control."""
    outside_email = corpus.report.split("## Investor email")[0]
    for bad in ("<img", "<svg", "<script", "<b>", "](javascript:", "\r", "\x0b", "\x1b",
                "\x85", "\u2028", "\u2029"):
        assert bad not in outside_email, repr(bad)
    subject = corpus.email.subject
    assert subject.isprintable(), repr(subject)


def test_replaying_the_corpus_changes_nothing(corpus: CorpusRun) -> None:
    # A case that crashed fails in test_case_ends_as_declared; what a crash left half done may
    # legitimately finish on the replay, so only cases that ran cleanly both times count here.
    clean = [n for n in BY_NAME if corpus.results[n].error is None]
    new_crashes = [n for n in clean if corpus.replay[n].error is not None]
    assert not new_crashes, corpus.replay[new_crashes[0]].error
    doubled = {n: corpus.replay[n].new_messages for n in clean if corpus.replay[n].new_messages}
    assert not doubled, f"a replay stored messages again: {doubled}"
    for name in clean:
        first = {(d.origin, d.stage, d.reason) for d in corpus.results[name].dead}
        again = {(d.origin, d.stage, d.reason) for d in corpus.replay[name].dead}
        assert again == first, f"{name}: the replay changed the dead letters"
    crashed_ids = {i for n in BY_NAME if n not in clean
                   for i in [BY_NAME[n]["id"], *BY_NAME[n]["neighbours"]] if i}

    def settled(events: dict[str, list[str]]) -> dict[str, list[str]]:
        return {fp: ids for fp, ids in events.items() if not crashed_ids & set(ids)}

    assert settled(corpus.events_after_replay) == settled(corpus.events_before_replay)


# -- dead letters on the bus ---------------------------------------------------------------------
@pytest.mark.parametrize("raw", ["\U0001F680" * 300_000, "\x01" * 300_000, "é" * 700_000],
                         ids=["emoji", "escaped-controls", "two-byte"])
def test_dead_letter_copy_fits_the_bus_limit(raw: str) -> None:
    """The topic copy of a dead letter is cut to the bus limit in bytes, not characters."""
    limit = 1_000_000
    letter = DeadLetter(origin="x.csv:2", stage="source", reason="too big", raw=raw)
    value, headers = dead_letter_bytes(letter, limit=limit)
    assert len(value) <= limit
    assert headers.get("truncated") == "true"
    kept = DeadLetter.model_validate_json(value).raw
    assert kept and raw.startswith(kept)
