"""Build corpus/dev/list-noise/messages.jsonl from four public mailing-list archives.

Standard library only. Each archive is a public-inbox v2 git repository (one commit per email, the
raw RFC 822 message in the blob `m`), fetched by the session's `fetch` tool to
/work/.mirror/linux-mailinglist-archives+<list>.0/repo. Selection (see SOURCE.md), per list:
every thread-starting email (subject not a reply) whose subject matches ANNOUNCE, plus every
EVERY-th of the remaining emails in archive order, patches left out (the kernel's patch traffic is
not the inbox mail this source stands for); linux-ntb contributes only thread starters matching
NTB_PICK (no sampling). Output in date order. The text is the first
text/plain part as found (quoted replies, signatures and list footers kept), cut at 2,000 chars.
"""
import email
import email.policy
import email.utils
import html
import json
import re
import subprocess
from datetime import UTC
from pathlib import Path

HERE = Path(__file__).resolve().parent
MIRROR = "/work/.mirror/linux-mailinglist-archives+{}.0/repo"
# list name -> (archive, commit, every n-th of the rest, `company` = the list)
LISTS = {
    "ksummit": ("ksummit.lists.linux.dev", "d0e195b0d7f18ef5c425f0129c6588a42b4ec521", 45),
    "ksummit-discuss": ("ksummit-discuss.lists.linuxfoundation.org",
                        "1307a7d81b53bc9f456d0e44487cbe35de6dcb84", 12),
    "open-iscsi": ("open-iscsi.googlegroups.com", "6c93aeb1aadcc0b14fd4acb34676a645abb6160b", 3),
    # linux-ntb: only thread starters matching NTB_PICK (recruiters' job ads, a vendor's stock
    # clearance, "offer" scams, the maintainer's pull notes, users' questions), no sampling: the
    # rest of its non-patch mail is scam and abusive spam in several languages.
    "linux-ntb": ("linux-ntb.googlegroups.com", "3f6437c3c7d446fa9a944dbacbee6e5967626bf7", 0),
}
LIMIT = 2000
ANNOUNCE = re.compile(
    r"(job|position|hiring|announc|\brelease|available|tagged|call for|cfp|election|nominat|"
    r"results?\b|schedule|invitation|invite|register|registration|deadline|webinar|workshop|"
    r"conference|summit 20|plumbers|sponsor|survey|minutes|newsletter|tooling update|"
    r"office hours|defunct|new list|spam|version)", re.I)
REPLY = re.compile(r"(^|\]\s*|\s)(re|aw|sv|antw|res|fw|fwd)\s*:", re.I)
NTB_PICK = re.compile(
    r"(requirement|hiring|\bhire\b|developer|consultant|urgent need|seeking|looking for|"
    r"architect|employment|offer|clearance|loan|changes for|ntb update|license|connectivity|memory|"
    r"ntrdma|ntb_tool|ntb_unregister|building ntb)", re.I)
PATCH = re.compile(r"\[(PATCH|RFC|bug report|tj-wq|-next)|AUTOSEL|^\[.*PATCH", re.I)


def git(repo, *args, data=None):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True,
                          input=data).stdout


def body_of(msg):
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        text = part.get_content()
    except (LookupError, ValueError):
        text = part.get_payload(decode=True).decode("utf-8", "replace")
    # some vendors send an HTML page labelled text/plain; de-tag those too
    if part.get_content_type() == "text/html" or re.match(r"\s*<(html|body|table)\b", text, re.I):
        text = re.sub(r"(?is)<(style|head)\b.*?</\1>", "", text)
        text = re.sub(r"<br\s*/?>|</p>|</tr>|</div>", "\n", text)
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
        text = re.sub(r"[ \t\xa0]+", " ", re.sub(r"\n\s*\n+", "\n\n", text))
    return re.sub(r"\r\n?", "\n", text).strip()


def choose(repo, commit, every):
    log = git(repo, "log", "--format=%H%x09%s", commit).decode("utf-8", "replace").splitlines()
    log.reverse()                       # oldest first
    chosen, n = [], 0
    for line in log:
        sha, subject = line.split("\t", 1)
        if PATCH.search(subject):
            continue
        if not every:                   # pick-only list
            if NTB_PICK.search(subject) and not REPLY.search(subject):
                chosen.append(sha)
        elif ANNOUNCE.search(subject) and not REPLY.search(subject):
            chosen.append(sha)
        else:
            n += 1
            if n % every == 0:
                chosen.append(sha)
    return chosen


def read(repo, chosen):
    batch = git(repo, "cat-file", "--batch", data="".join(f"{s}:m\n" for s in chosen).encode())
    pos = 0
    for sha in chosen:
        header_end = batch.index(b"\n", pos)
        size = int(batch[pos:header_end].split()[2])
        raw = batch[header_end + 1: header_end + 1 + size]
        pos = header_end + 1 + size + 1
        yield sha, email.message_from_bytes(raw, policy=email.policy.default)


def row(name, msg):
    when = email.utils.parsedate_to_datetime(str(msg["Date"]))
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    sender_name, addr = email.utils.parseaddr(str(msg["From"]))
    text = body_of(msg)
    if len(text) > LIMIT:
        cut = text.rfind("\n", 0, LIMIT)
        text = text[: cut if cut > LIMIT * 0.8 else LIMIT].rstrip()
    return when, {
        "source": "gmail", "sender": f"{sender_name} <{addr}>" if sender_name else addr,
        "channel": name, "thread_id": str(msg.get("In-Reply-To") or "").strip() or None,
        "subject": re.sub(r"\s+", " ", str(msg["Subject"] or "")).strip() or None,
        "timestamp": when.astimezone(UTC).isoformat(),
        "text": text, "company": name}


def main():
    rows = []
    for name, (archive, commit, every) in LISTS.items():
        repo = MIRROR.format(archive)
        for sha, msg in read(repo, choose(repo, commit, every)):
            when, r = row(name, msg)
            r["_sel"] = f"{archive}\t{sha}"
            rows.append((when, r))
    rows.sort(key=lambda r: r[0])
    with (HERE / "messages.jsonl").open("w") as fh, (HERE / "selection.tsv").open("w") as sel:
        for i, (_, r) in enumerate(rows, 1):
            r = {"id": f"list-noise-{i}", **r}
            sel.write(r["id"] + "\t" + r.pop("_sel") + "\n")
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(rows), "messages")


if __name__ == "__main__":
    main()
