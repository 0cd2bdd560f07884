"""Build corpus/dev/team-chat2/messages.jsonl from the OWASP CRS project-chat archive.

Standard library only. Reads the local git mirror made by the session's `fetch` tool
(/work/.mirror/coreruleset+project-chat-archive/repo) at the pinned commit. Each
`chat-archive-YYYY-MM-DD.md` file is one monthly project chat held in the #coreruleset
channel of the OWASP Slack, exported as markdown: a `### <date>` heading, then for each
Slack message `**sender** <span ...>HH:MM:SS UTC</span>` and a `<span ...>text</span>`.
One Slack message per row. Selection (see SOURCE.md): messages of at least 40 characters
that match the news pattern below, at most PER_CHAT per chat, plus every NTH_CHATTER-th
other message of at least 60 characters; texts cut at 1,500 characters.
"""
import html, json, re, subprocess
from pathlib import Path

MIRROR = "/work/.mirror/coreruleset+project-chat-archive/repo"
COMMIT = "46e334485a10cb0ed6a87ea8174dd895def441e1"
OUT = Path(__file__).resolve().parent / "messages.jsonl"
COMPANY = "OWASP CRS"
LIMIT = 1500
PER_CHAT = 1
NTH_CHATTER = 250
NEWS = re.compile(
    r"\b(releas(e|ed)|publish(ed)?|announc\w*|sponsor\w*|funding|grant|bounty|"
    r"article|interview|podcast|talk|keynote|conference|blog ?post|press|"
    r"welcome (to )?(the )?(team|core)|joined|joining|step(ping)? down|leav(e|ing)|"
    r"partner\w*|google|cloudflare|aws|azure|fastly|customer|users|downloads|stars|"
    r"milestone|record|outage|vulnerab\w*|CVE|bypass|award|certif\w*|flagship|"
    r"hired|contract|budget|money|paid|donat\w*)\b", re.I)
# Second pass, appended so the first pass's ids stay stable: messages picked by hand after
# reading every message that matched a stricter news pattern (sponsors, stars, adopters,
# releases, departures, CVEs, coverage; ids 230-248 from a third read of sponsors, adopters,
# GSoC and bug-bounty messages; ids 249-266 from a read for leads, renewals, sponsors and releases), to add the project's rarer news and its look-alikes.
EXTRA = """
2019-01-07T21:13:51 2019-04-01T18:34:40 2019-07-01T19:17:18 2019-12-02T20:55:54
2019-12-02T21:04:07 2020-02-10T20:57:34 2020-04-06T19:08:52 2020-06-01T18:42:07
2020-11-02T20:50:38 2020-12-07T21:03:35 2020-12-21T19:56:41 2020-12-21T19:58:40
2021-02-01T19:38:03 2021-03-01T19:48:12 2021-05-03T18:38:28 2021-05-03T18:46:22
2021-05-03T18:49:48 2021-06-07T19:59:42 2021-06-21T18:40:12 2021-07-05T18:37:57
2021-08-02T19:46:52 2021-08-02T20:34:54 2021-09-06T18:52:36 2021-11-01T19:41:28
2021-12-20T20:05:50 2022-01-03T20:15:59 2022-01-17T19:34:01 2022-02-07T20:21:38
2022-03-07T21:06:59 2022-05-02T18:44:53|dune73 2022-06-06T18:42:42 2022-09-05T18:38:47
2022-09-05T20:25:51 2023-02-20T19:42:16 2023-09-04T18:41:25 2023-10-02T18:40:50
2023-11-20T20:11:03 2024-01-08T19:38:15 2024-02-05T20:38:18 2024-02-19T19:44:45
2024-02-19T21:00:22 2024-12-02T19:58:02 2025-01-06T19:40:28 2025-01-06T19:57:48
2025-06-02T18:46:09 2025-06-02T18:51:58
2019-10-07T18:44:26 2019-12-02T19:51:19 2020-08-03T18:53:39 2021-01-18T20:27:35
2021-06-21T18:40:41 2021-10-04T18:40:53 2021-12-20T20:05:20 2021-12-20T22:31:51
2022-01-17T19:34:57|dune73 2022-02-07T20:51:21 2022-03-07T19:40:07 2022-05-02T19:27:20
2022-10-03T18:41:42 2023-03-20T19:33:20 2024-09-02T19:02:32 2024-12-02T20:12:28
2025-05-05T19:18:06 2025-05-05T19:18:17 2025-06-02T18:36:26
2020-07-06T19:27:36 2021-02-15T19:50:27 2022-01-03T19:30:32 2022-02-07T20:24:47
2022-09-05T18:38:26 2023-03-20T19:34:14 2023-06-05T19:14:09 2025-01-06T19:44:40
2019-08-05T19:34:50 2019-09-02T18:36:46 2020-06-01T18:42:40 2020-11-02T21:08:32
2021-06-21T18:42:35 2021-09-06T18:53:28 2023-02-06T19:57:56 2024-02-05T19:37:10
2024-02-19T19:43:32 2024-09-02T19:04:35
""".split()
MSG = re.compile(r"\*\*(?P<who>[^*]+)\*\* <span[^>]*>(?P<t>\d\d:\d\d:\d\d) UTC</span>\s*\n\s*\n"
                 r"<span[^>]*>(?P<text>.*?)</span>\s*(?=\n\*\*|\n###|\Z)", re.S)


def git(*args):
    return subprocess.run(["git", "--git-dir", MIRROR, *args], check=True,
                          capture_output=True).stdout.decode()


def chats():
    names = sorted(p for p in git("ls-tree", "-r", "--name-only", COMMIT).splitlines()
                   if re.fullmatch(r"chat-archive-\d{4}-\d\d-\d\d\.md", p))
    for name in names:
        day = name[len("chat-archive-"):-3]
        yield day, git("show", f"{COMMIT}:{name}")


def clean(text):
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text).strip()
    if len(text) > LIMIT:
        i = text.rfind(" ", 0, LIMIT)
        text = text[: i if i > LIMIT * 0.8 else LIMIT].rstrip()
    return text


def main():
    rows, other, extra = [], 0, {}
    for day, md in chats():
        taken = 0
        for m in MSG.finditer(md):
            text = clean(m["text"])
            pick = False
            if len(text) >= 40 and NEWS.search(text) and taken < PER_CHAT:
                taken += 1
                pick = True
            elif len(text) >= 60:
                other += 1
                pick = other % NTH_CHATTER == 0
            ts = f"{day}T{m['t']}"
            for key in (ts, f"{ts}|{m['who'].strip()}"):
                if not pick and key in EXTRA and key not in extra:
                    extra[key] = (m, text)
            if pick:
                rows.append({"source": "slack", "sender": m["who"].strip(),
                             "channel": "coreruleset", "thread_id": None, "subject": None,
                             "timestamp": f"{day}T{m['t']}+00:00", "text": text,
                             "company": COMPANY})
    for key in EXTRA:  # a key is "timestamp" or "timestamp|sender" where two share a second
        m, text = extra[key]
        ts = key.split("|")[0]
        rows.append({"source": "slack", "sender": m["who"].strip(), "channel": "coreruleset",
                     "thread_id": None, "subject": None, "timestamp": f"{ts}+00:00",
                     "text": text, "company": COMPANY})
    with OUT.open("w") as f:
        for n, r in enumerate(rows, 1):
            f.write(json.dumps({"id": f"team-chat2-{n}", **r}, ensure_ascii=False) + "\n")
    print(len(rows), "messages")


if __name__ == "__main__":
    main()
