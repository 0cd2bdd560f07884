"""Build corpus/dev/usrp-mail/messages.jsonl from the usrp-users mailing-list archive (public-inbox).

Standard library only. The archive is a public-inbox git repository (one commit per email, the raw
RFC 822 message in the blob `m`), fetched by the session's `fetch` tool to
/work/.mirror/linux-mailinglist-archives+usrp-users.lists.ettus.com.0/repo. Selection (see
SOURCE.md): every thread-starting email (subject not a reply) whose subject matches ANNOUNCE, plus
every 67th of the remaining emails in archive order; output in date order. The text is the first
text/plain part as found (quoted replies, signatures and list footers kept), cut at 2,000 chars.
"""
import email, email.policy, email.utils, html, json, re, subprocess
from pathlib import Path

OUT = Path(__file__).resolve().parent / "messages.jsonl"
REPO = "/work/.mirror/linux-mailinglist-archives+usrp-users.lists.ettus.com.0/repo"
COMMIT = "ca763a0eab9f857948f294e78103c609e477dc34"
EVERY = 67
LIMIT = 2000
ANNOUNCE = re.compile(
    r"(job|position|hiring|we are hiring|announc|\brelease|EOL|end of life|end-of-life|webinar|"
    r"workshop|GRCon|conference|survey|opening|intern\b|internship|discontinu|new product|launch|"
    r"sale\b|sponsor|phd|postdoc|award|press)", re.I)
REPLY = re.compile(r"(^|\]\s*|\s)(re|aw|sv|res|fw|fwd)\s*:", re.I)


def git(*args, data=None):
    return subprocess.run(["git", "-C", REPO, *args], check=True, capture_output=True,
                          input=data).stdout


def body_of(msg):
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        text = part.get_content()
    except (LookupError, ValueError):
        text = part.get_payload(decode=True).decode("utf-8", "replace")
    if part.get_content_type() == "text/html":
        text = html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>|</p>", "\n", text)))
    text = re.sub(r"\r\n?", "\n", text)
    return text.strip()


def main():
    log = git("log", "--format=%H%x09%s", COMMIT).decode("utf-8", "replace").splitlines()
    log.reverse()                       # oldest first
    chosen, n = [], 0
    for line in log:
        sha, subject = line.split("\t", 1)
        if ANNOUNCE.search(subject) and not REPLY.search(subject):
            chosen.append(sha)
        else:
            n += 1
            if n % EVERY == 0:
                chosen.append(sha)
    batch = git("cat-file", "--batch", data="".join(f"{s}:m\n" for s in chosen).encode())
    rows, pos = [], 0
    for sha in chosen:
        header_end = batch.index(b"\n", pos)
        size = int(batch[pos:header_end].split()[2])
        raw = batch[header_end + 1: header_end + 1 + size]
        pos = header_end + 1 + size + 1
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        when = email.utils.parsedate_to_datetime(str(msg["Date"]))
        name, addr = email.utils.parseaddr(str(msg["From"]))
        refs = str(msg.get("In-Reply-To") or "").strip() or None
        text = body_of(msg)
        if len(text) > LIMIT:
            cut = text.rfind("\n", 0, LIMIT)
            text = text[: cut if cut > LIMIT * 0.8 else LIMIT].rstrip()
        rows.append((when, {
            "source": "gmail", "sender": f"{name} <{addr}>" if name else addr,
            "channel": "usrp-users", "thread_id": refs,
            "subject": re.sub(r"\s+", " ", str(msg["Subject"] or "")).strip() or None,
            "timestamp": when.astimezone(email.utils.datetime.timezone.utc).isoformat(),
            "text": text, "company": "Ettus Research", "_sha": sha}))
    rows.sort(key=lambda r: r[0])
    with OUT.open("w") as fh, (OUT.parent / "selection.tsv").open("w") as sel:
        for i, (_, r) in enumerate(rows, 1):
            r = {"id": f"usrp-mail-{i}", **r}
            sel.write(r["id"] + "\t" + r.pop("_sha") + "\n")
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(rows), "messages")


if __name__ == "__main__":
    main()
