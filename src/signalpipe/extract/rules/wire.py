"""Whole press releases: the words a wire release, a newsroom post or a founder restating one
uses that look like events and are none.

A release names firms by their legal names ("Hess Infrastructure Partners LP", "Centerbridge
Partners, L.P.", "the Partnership" as a defined term), and a firm named Partners is no
partnership. It introduces people by title ("a real estate firm led by Managing Principal
Lawrence Kestin"): a firm led by its principal is no round led by an investor. And it releases
things that are not products: survey data, a report, a study, a book ("today released new data
identifying ...", "the book introduces kids to ..."). Each check here is a phrasing family,
applied only where a detector has already found a reading.
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.deals import PARTNER
from signalpipe.extract.rules.found import Found
from signalpipe.models import EventType

# A firm's legal name ending in Partners, or a release's defined term for a limited partnership:
# "Hess Infrastructure Partners LP", "Centerbridge Partners, L.P.", "KKR Partners Announces",
# "(the “Partnership”)", "The Partnership has provided ...". A lower-case "partners with" is
# the verb and stays.
_FIRM_PARTNERS = re.compile(
    r"\b[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*)* Partners?(?:hip)?,? (?:L\.?P\b\.?|LLC\b|L\.L\.C\.|Ltd\b"
    r"\.?|Inc\b\.?|LLP\b|GP\b|Fund\b|Holdings\b)"
    r"|\b[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*)* Partners(?= (?:Announces|Completes|Closes|Acquires"
    r"|Agrees|Reports|Declares|Prices|Launches|to Acquire|Affiliates?)\b)"
    r"|\b(?:the|a|an|each) [\"\u201c]?Partnership\b[\"\u201d]?"
    r"|[\"\u201c]Partnership[\"\u201d]")

# "led by" a person of the firm, not by an investor: "a real estate investment firm led by
# Managing Principal Lawrence A. Kestin", "a team led by its founder", "led by CEO Jane Roe".
_LED_BY_PERSON = re.compile(
    r"\bled by (?:its |their |our |a |an |the |serial |former |veteran )?(?:(?:co-?)?founders?"
    r"|ceo|cfo|cto|coo|chief [a-z]+ officer|managing (?:principal|director|member)|principal"
    r"|president|chair(?:man|woman|person)?|executive|entrepreneur|dr\.|professor|prof\."
    r"|team|group of|industry veteran)\b", re.IGNORECASE)
# The words of a round itself: with them, "led by" may still name its lead investor.
_ROUND_WORDS = re.compile(
    r"\b(?:round|series [a-e]\b|seed\b|pre-seed|raise[sd]?\b|raising|funding|financing"
    r"|term sheet|safe\b|bridge|oversubscribed|invest(?:ed|s)? \$)", re.IGNORECASE)

# Things released that are no product: data, a survey, a report, a study, a book. "released a
# new report builder" is a product, so the noun must not go on into a feature word.
_RELEASED_PAPER = re.compile(
    r"\b(?:releas|publish|unveil|launch|introduc|announc|debut|issu|shar|unveil)(?:ed|es|ing|e|s)?"
    r"\s+(?:(?:the|its|their|our|a|an|new|first|annual|inaugural|latest|(?:19|20)\d\d|global"
    r"|industry|original|proprietary|findings|results|of|from|key|fresh)\s+){0,4}"
    r"(?:data|survey|report|study|research|findings|book|e-?book|whitepaper|white paper|poll"
    r"|playbook)\b"
    r"(?!\s+(?:builder|designer|api|apis|feature|generator|tool|tools|dashboard|editor|platform"
    r"|product|engine|app|connector|integration|pipeline|warehouse|layer|sdk)\b)"
    r"|\b(?:the|this|our|a|an|new) (?:new |free |illustrated |children'?s |\d{4} )?(?:book"
    r"|e-?book|survey|report|study|guide|whitepaper|white paper|research|data) (?:introduces"
    r"|reveals|finds|found|shows|showed|explores|examines|highlights|identifies|teaches"
    r"|walks|covers|uncovers)\b", re.IGNORECASE)

# Data from the company's own trial is its result, not a survey: "unveils new data showing
# nipocalimab reduced disease activity in a Phase 2b study".
_TRIAL = re.compile(r"\b(?:phase [1-4i]|phase (?:one|two|three)|clinical|trial|patients"
                    r"|investigational)\b", re.IGNORECASE)


def veto(found: Found, clause: str, sentence: str) -> str | None:
    """Why a reading in a release's words is no event, or None."""
    kind = found.event_type
    if kind is EventType.PARTNERSHIP and "artner" in clause:
        return _firm_named_partners(clause)
    if kind is EventType.FUNDING and not found.negative and "led by" in clause.lower():
        return _firm_led_by_person(clause, sentence)
    if kind is EventType.PRODUCT_LAUNCH and not found.negative:
        m = _RELEASED_PAPER.search(sentence)
        if m is not None and not _TRIAL.search(sentence):
            return f"data, a report or a book released, not a product ({m.group()[:40]})"
    return None


def _firm_named_partners(clause: str) -> str | None:
    """The only partner word of the clause is part of a firm's name or a defined term."""
    if not _FIRM_PARTNERS.search(clause):
        return None
    blanked = _FIRM_PARTNERS.sub(lambda m: " " * len(m.group()), clause)
    if PARTNER.search(blanked.lower()):
        return None  # "Globex Partners LP partners with Acme": a partnership named besides
    return "a firm named Partners, not a partnership"


def _firm_led_by_person(clause: str, sentence: str) -> str | None:
    """ "a firm led by Managing Principal X": the firm's leader, not a round's lead investor."""
    if not _LED_BY_PERSON.search(clause) or _ROUND_WORDS.search(sentence):
        return None
    return "a firm led by its principal, not a round"
