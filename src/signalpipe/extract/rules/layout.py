"""The parts of a message a reader skips: quoted replies, signatures, list footers, a press
release's boilerplate, and messages that are job ads or list digests as a whole.

An event is stated in the body a sender wrote. A reply quotes someone else's words ("> we closed
our round"), a press release ends with "About <Company>", safe-harbour and contact sections that
restate what the company is, and a mailing list appends its footer. Reading those makes false
events and duplicates, so they are blanked out with spaces: offsets into the message stay valid.
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.wordscan import any_word

# Where the part a sender wrote ends: everything after one of these lines is quoted, signed,
# boilerplate or a footer.
_END = re.compile(
    r"(?im)^[ \t>*#_]*(?:"
    r"about (?!us\b|the\b(?! company\b)|this\b|me\b|our\b|it\b|that\b|a\b|an\b|\d)"
    r"[\w&.,'’() -]{2,60}[*_:\s]*$"  # "**About Acme**" closes its bold
    r"|this (?:press )?(?:release|announcement) (?:contains|includes|may contain) forward-looking"
    r".*$|(?:media|press|investor) contacts?:.*$"
    r"|(?:forward[- ]looking statements?|safe harbou?r(?: statement)?|cautionary (?:note|statement)"
    r"|media (?:contacts?|inquiries|enquiries)|press (?:contacts?|inquiries|enquiries)"
    r"|investor (?:contacts?|relations)|contacts?|for more information|source)\b[:.\s]*$"
    r"|#\s?#\s?#\s*$"
    r"|-{2,}\s*original message\s*-{2,}"
    r"|on\b.{0,120}\bwrote:\s*$|from: .{0,120}\s*$"
    r"|--\s*$|_{10,}\s*$"
    r"|to unsubscribe\b.*$|(?:sent from my (?:iphone|ipad|android|phone))\b.*$"
    r")")
_QUOTED = re.compile(r"(?m)^[ \t]*>.*$")
# A job ad or a list digest states no event of the sender's company, whatever its words.
_JOB_AD = re.compile(
    r"\b(?:job (?:opening|offer|posting|ad|description|opportunity)|position (?:available|open)"
    r"|open position|vacanc(?:y|ies)|send (?:your|a) (?:cv|resume"
    r"|résumé)|postdoc\w*|phd (?:position|studentship)|internship (?:position|opportunit\w+)"
    r"|salary range|requirements:|qualifications:|responsibilities:|closing date)", re.IGNORECASE)
_HIRING_CALL = re.compile(r"(?i)\b(?:(?:to|how to|please) apply|apply (?:now|here|at|by"
                          r"|online|through)|we(?:'re| are) hiring|is hiring|are hiring|now hiring"
                          r"|is (?:seeking|looking for) (?:a|an)\b|we are (?:seeking|looking for)"
                          r" (?:a|an)\b)")
_DIGEST = re.compile(r"(?i)\bdigest,? vol(?:ume)?\b|\btoday's topics:|\bmessage: \d+\b")
_MIN_START = 40  # a heading in the first line or two is a title, not boilerplate


def readable(text: str) -> str:
    """``text`` with quoted lines and everything after the body's end blanked to spaces."""
    out = text
    if ">" in out and _QUOTED.search(out):
        out = _QUOTED.sub(lambda m: " " * len(m.group()), out)
    if "\n" not in out and "/PRNewswire/" not in out and "WIRE)" not in out:
        return out  # one line of chat has no sections to skip
    end = _body_end(out)
    if end < len(out):
        out = out[:end] + blank(out[end:])
    return out


# A press release's dateline opens its lead: "CHARLOTTE, N.C. — Spectrum today announced ...",
# "BERLIN, May 4, 2026 -- ...", "... /PRNewswire/ -- ...".
_DATELINE = re.compile(r"(?m)^[A-Z][A-Z.'\u2019 ]{1,30}[A-Z.](?:,[^\n\u2014\u2013]{1,40}?)?\s?"
                       r"(?:\u2014|\u2013|--|-)\s?(?=[A-Z\u201c\"])|/PRNewswire/|\((?:BUSINESS WIRE"
                       r"|GLOBE NEWSWIRE|ACCESSWIRE)\)")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
LEAD_PARAGRAPHS = 2  # the dateline paragraph and the one after it


def _lead_end(text: str) -> int:
    """Where a press release's lead ends: its headline, dateline paragraph and the paragraph
    after state the news; the body goes on to background, quotes and figures about others."""
    top = text[:3000]
    if "\u2014" not in top and "\u2013" not in top and "-" not in top and "WIRE" not in top:
        return len(text)
    dateline = _DATELINE.search(text, 0, 3000)
    if dateline is None:
        return len(text)
    at = dateline.start()
    for _ in range(LEAD_PARAGRAPHS):
        brk = _PARAGRAPH.search(text, at + 1)
        if brk is None:
            return len(text)
        at = brk.end()
    return at


def _body_end(text: str) -> int:
    lead = _lead_end(text)
    for m in _END.finditer(text, 0, lead):
        if m.start() >= _MIN_START or not m.group().lstrip(" \t>*#_").lower().startswith(
                ("about", "contact", "source")):
            return m.start()
    return lead


def blank(text: str) -> str:
    """Spaces for every character but line breaks, so sentences still end where they did."""
    return "\n".join(" " * len(line) for line in text.split("\n"))


# Literal words without which neither pattern above can match: most messages stop here.
_HINTS = ("job", "position", "vacanc", "cv", "resum", "résumé", "postdoc", "phd", "intern",
          "salary", "requirements:", "qualifications:", "responsibilities:", "closing date",
          "digest", "today's topics", "message: ")
_HINT_SCAN = any_word(_HINTS)  # one scan in C, not 17 in Python
_HEAD_CHARS = 1500  # a job ad or a digest says what it is near the top
# A subject that says the message is an ad; a news headline about a recruiting startup ("AI
# recruiter Alex raises $17M to automate initial job interviews") names jobs without offering one.
_AD_SUBJECT = re.compile(r"(?i)\b(?:jobs?|position|vacancy|hiring|postdoc|opening|career)\b"
                         r"(?! (?:interviews?|seekers?|market|search|losses|cuts|growth|report"
                         r"|numbers|data|platform|app|startup))")


def no_events_here(subject: str, text: str, low: str | None = None) -> str | None:
    """Why a whole message states no event of its own (a job ad, a list digest), or None.

    ``low`` is ``text`` lower-cased, when the caller has it already.
    """
    head = f"{subject}\n{text[:_HEAD_CHARS]}".lower() if low is None else \
        f"{subject.lower()}\n{low[:_HEAD_CHARS]}"
    if not _HINT_SCAN.search(head):
        return None
    if _DIGEST.search(head):
        return "mailing-list digest"
    ads = {m.group().lower() for m in _JOB_AD.finditer(head)}
    if not ads:
        return None
    calls = _HIRING_CALL.search(head)
    if len(ads) >= 2 or calls or _AD_SUBJECT.search(subject):
        return f"job ad ({sorted(ads)[0]})"
    return None


_LIST_TAG = re.compile(r"^\s*(?:(?:re|aw|sv|fwd?)\s*:\s*)*\[[^\]\n]{2,40}\]", re.IGNORECASE)
_LIST_FOOTER = re.compile(r"(?i)mailing list|listinfo|list-?serv|to unsubscribe"
                          r"|unsubscribe from this (?:list|group)"
                          r"|you received this message because you are subscribed")


def list_mail(subject: str, text: str) -> bool:
    """Mail posted to a public list or group ("[R-sig-DB] ...", a list footer): its members
    speak for themselves, not for the company that runs the list."""
    if text[:8].lower().startswith("subject:"):
        subject = subject or text[8:200].lstrip()
    return bool(_LIST_TAG.match(subject) or _LIST_FOOTER.search(text[-800:]))


def release_body(text: str) -> tuple[int, int]:
    """Where a press release's body runs past its lead, up to its boilerplate ("About X",
    safe harbour, contacts): ``(start, end)``, or ``(0, 0)`` for a message that is no release."""
    lead = _lead_end(text)
    if lead >= len(text):
        return 0, 0
    end = next((m.start() for m in _END.finditer(text, lead)), len(text))
    return lead, end
