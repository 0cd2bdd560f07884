"""Shared by commands that end a run: compose the email and write the markdown report."""

from __future__ import annotations

from pathlib import Path

from signalpipe.backends import Backends, make_composer
from signalpipe.models import InvestorEmail
from signalpipe.report.markdown import render
from signalpipe.settings import Settings
from signalpipe.stats import RunStats

REPORT_NAME = "pipeline_results.md"


def compose_email(settings: Settings, backends: Backends) -> InvestorEmail:
    events = backends.events.list_events(settings.company_id)
    composer = make_composer(settings)
    try:
        return composer.compose(events, company_id=settings.company_id)
    finally:
        composer.close()


def write_report(settings: Settings, backends: Backends, stats: RunStats | None,
                 email: InvestorEmail | None = None) -> Path:
    events = backends.events.list_events(settings.company_id)
    email = email or compose_email(settings, backends)
    text = render(stats=stats, events=events, dead_letters=backends.messages.dead_letters(),
                  usage=backends.events.usage(), email=email, company_id=settings.company_id,
                  stack=settings.stack)
    path = settings.output_dir / REPORT_NAME
    path.write_text(text, encoding="utf-8")
    return path
