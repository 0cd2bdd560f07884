"""Press words that report no coverage of ours: what ``company.media`` and ``company.award`` ask.

Coverage counts when it was published, an award when it was won (shared LABELLING.md). Look-alikes:
the writer citing themselves ("as I mentioned in the last post"), an invitation to a podcast not
yet recorded, what could happen ("a repo can be on the front page of HN"), a press phrase inside a
quoted title ("a course called 'Hit the Front Page of Hacker News'"), and an award restated as the
backstory of other news ("this announcement follows June's award win").
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Found
from signalpipe.extract.rules.lexicon import rx
from signalpipe.extract.rules.names import key
from signalpipe.models import EventType

# Press wordings ``company.PRESS`` lacks: "TechCrunch covered our Series A", "our story was
# picked up by Reuters".
MORE_PRESS = rx(r"\bcovered (?:our|the) (?:[\w-]+ ){0,3}?(?:series [a-e]|seed|round|raise|launch"
                r"|funding|news|announcement|product|company|startup|app|story|acquisition)\b"
                r"|\b(?:was |were |got |been )?(?:picked up|syndicated|reprinted) by\b"
                r"|\b(?:positions?|positioned|recogni[sz](?:es|ing)|naming) (?:[\w.-]+ ){1,3}as"
                r" (?:a |an )?(?:leader|visionary|challenger|outperformer|fast mover|forward mover"
                r"|top \d+)\b"
                r"|\bwritten up (?:in|by)\b|\b(?:podcast|episode|interview|segment|profile"
                r"|article|feature)\b[^.]{0,40}?\b(?:dropped|aired|premiered)\b")
# Someone else in the press: "Stripe was featured in Forbes".
_THEIRS = re.compile(r"^\W*(?:[A-Z][\w&.'-]*\s){0,3}?[A-Z][\w&.'-]*\s+(?:was|were|is|got|gets"
                     r"|has been|have been)\s+$")
SELF_CITED = rx(r"\b(?:i|we|i've|we've|i have|we have|i had|we had)\s+$")
INVITED = rx(r"\b(?:got |been |was |were |am |are )?invited (?:me |us )?(?:on|to|onto|for)\b"
             r"|\b(?:upcoming|scheduled|will (?:be|appear)|going to (?:be|appear))\b"
             r"|\b(?:i'?d|we'?d|would) (?:love|like) to\b|\bsomeday\b|\bdream\b"
             r"|\babout (?:our |a |the )?(?:competitors?|rivals?)\b"
             r"|\bour (?:own )?(?:podcast|newsletter|blog|webinar|youtube channel)"
             r"(?:'s|\u2019s)?\b")
# a modal governing the press words: "can be on the front page" (not "may": the month)
MIGHT = rx(r"\b(?:can|could|would|might)\s+(?:\w+\s+){0,3}$")
BACKSTORY = rx(r"\b(?:follows|following|builds on|comes after|on the heels of)\b")
TITLED = re.compile(r"\b(?:called|titled|entitled|named)\W{0,3}[\"\u201c][^\"\u201c\u201d]*$")


def not_coverage(clause: str, low: str, at: int, company: re.Pattern[str] | None = None
                 ) -> bool:
    """The press words at ``at`` in ``clause`` report no coverage of ours."""
    head = low[:at]
    theirs = _THEIRS.match(clause[:at])
    if theirs and not (company and company.search(clause)) \
            and not re.match(r"\W*(?:Our|We|I|My)\b", theirs.group()):
        return True  # "Stripe was featured in Forbes": their press
    if low.startswith("mentioned", at) and SELF_CITED.search(head):
        return True  # "As I mentioned in the intro": the writer, not the press
    if INVITED.search(low) or MIGHT.search(head):
        return True
    return TITLED.search(clause[:at]) is not None  # inside a quoted title


def award_backstory(low: str, at: int) -> bool:
    """"This announcement follows GitLab's award win": an old award told as context."""
    return BACKSTORY.search(low, 0, at) is not None


_GENERIC = rx(r"\b(?:podcasts?|newsletters?|blogs?|magazines?|radio shows?|tv shows?|news sites?)"
              r"(?: and (?:podcasts?|newsletters?|blogs?|magazines?))?\b")


def generic_outlet(low: str, at: int) -> str | None:
    """"featured on a couple of podcasts and newsletters": the outlet's kind, when none is named."""
    m = _GENERIC.search(low, at, at + 60)
    return m.group() if m else None


_FIRM = re.compile(r"\b(?:Gartner|Forrester|IDC|G2|GigaOm|Everest Group|ISG|Frost & Sullivan"
                   r"|Omdia|Deloitte|Inc\.|Fast Company|Forbes|TIME)\b")


def analyst_firm(clause: str) -> str | None:
    """Who named the company a leader, when the headline's capitals name no outlet."""
    m = _FIRM.search(clause)
    return m.group() if m else None


_OURS = re.compile(r"\b(?:[Ww]e|[Oo]ur|I|[Uu]s)\b")
# An award named in quotes: 'we were awarded "Best Project Management Tool" by Cybernews'.
_QUOTED_AWARD = re.compile(r"\b(?i:were|was|been|got|get|gets|is|are) (?i:awarded|voted|crowned"
                           r"|named) [\"\u201c]([^\"\u201c\u201d]{3,60})[\"\u201d]"
                           r"(?: (?i:by|from) ((?:[A-Z][\w&.'-]*\s?){1,4}))?")


def quoted_award(clause: str, company: re.Pattern[str] | None) -> Found | None:
    """An award won by us (we, our product, the company's name), named in quotes, by whom."""
    m = _QUOTED_AWARD.search(clause)
    head = clause[:m.start()] if m else ""
    if m is None or not (_OURS.search(head) or (company and company.search(head))):
        return None
    who = (m[2] or "").strip()
    name = f"{m[1]} ({who})" if who else m[1]
    return Found(EventType.MEDIA_COVERAGE, {"subtype": "award", "name": key(m[1])},
                 f"Award: {name}", m.start(), subtype="award", relational=True)

