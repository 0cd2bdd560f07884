"""Build corpus/fresh/team-slack/messages.jsonl from NeuroTechX's public Slack archive (2017).

Standard library only. Reads the local git mirror made by the session's `fetch` tool
(/work/.mirror/NeuroTechX+ntx_slack_archive/repo) at the pinned commit below: the organisation's
own bot-made archive of its public Slack channels, one markdown file per channel
(`<channel>.md`, one block per message: `M/D/YYYY H:MM AM`, ` **nick** :`, ` >text`),
February to November 2017. NeuroTechX is a non-profit neurotechnology community with an
executive team (co-founder and executive director Yannick Roy `yannick`, Sydney
`sydneyneurotechx`, Benjamin De Leener `benjamindeleener`, bot developer `amine.abdessemed`),
city chapters run by volunteers, student clubs and members who run their own neurotech start-ups.

One message per archived Slack message; the `bottest` channel is dropped. Two passes, both
deterministic:

1. PICKS: messages listed by (channel, time, nick[, words the message contains]), chosen by
   reading the messages that matched news words (sponsor, partner, launch, officially,
   members, newsletter, article, kickstarter, hiring, won, chapter, store, competition ...)
   in the whole archive: the organisation's own news and its look-alikes (plans, job
   openings, jokes, members' start-ups and third parties' launches, raises and departures).
2. Chatter: every STEP-th remaining message of at least 60 characters, in time order.

Text is kept as found except for two repairs of the archive bot's encoding: HTML entities are
unescaped and the C0/C1 control characters the bot wrote for typographic quotes and dashes
(\\x18 \\x19 \\x1c \\x1d \\x13 \\x14 \\x12) are mapped back to the characters they stood for.
The archive's times carry no time zone; they are written as UTC.
"""
import html
import json
import re
import subprocess
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
NAME = "team-slack"
MIRROR = "/work/.mirror/NeuroTechX+ntx_slack_archive/repo"
COMMIT = "f8c8b9442c64af275f513fc6691eeba860f80e54"  # master, 2017-11-26
STEP = 37
SKIP = {"bottest.md", "README.md"}
HDR = re.compile(r"^(\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d\d [AP]M)\n\n \*\*(.+?)\*\* :\n\n >", re.M)
FIX = str.maketrans({"\x18": "\u2018", "\x19": "\u2019", "\x1c": "\u201c", "\x1d": "\u201d",
                     "\x13": "\u2013", "\x14": "\u2014", "\x12": "\u2013"})

PICKS = [
    ("_announcements_", "2/27/2017 3:10 PM", "sydneyneurotechx"),
    ("_announcements_", "2/28/2017 2:13 PM", "amine.abdessemed"),
    ("_announcements_", "11/14/2017 12:43 AM", "yannick"),
    ("general", "5/2/2017 12:09 PM", "yannick"),
    ("_announcements_", "6/27/2017 5:41 PM", "hectordomorozco"),
    ("_announcements_", "6/30/2017 1:30 AM", "hectordomorozco"),
    ("_barcelona", "9/6/2017 3:35 PM", "yannick"),
    ("neurotechedu", "5/30/2017 4:07 PM", "sydneyneurotechx"),
    ("neurotechedu", "5/30/2017 4:08 PM", "sydneyneurotechx", "Part of the PR push"),
    ("_announcements_", "5/1/2017 7:51 PM", "sydneyneurotechx"),
    ("_announcements_", "5/21/2017 1:01 PM", "yannick"),
    ("introductions", "5/15/2017 10:55 PM", "yannick"),
    ("_announcements_", "11/5/2017 8:46 PM", "yannick"),
    ("studentclubs", "9/6/2017 3:15 PM", "benjamindeleener"),
    ("devices", "6/24/2017 3:10 PM", "yannick"),
    ("random", "5/10/2017 10:54 PM", "yannick"),
    ("random", "6/13/2017 11:26 AM", "benjamindeleener"),
    ("general", "3/16/2017 4:28 PM", "yannick"),
    ("_montreal", "7/17/2017 8:05 PM", "sydneyneurotechx"),
    ("_toronto", "8/30/2017 12:23 PM", "yannick"),
    ("_los-angeles", "8/15/2017 4:18 PM", "andrewjsauer"),
    ("_toronto", "6/29/2017 3:47 PM", "martys"),
    ("_toronto", "11/9/2017 6:04 PM", "bryan_j"),
    ("studentclubs", "9/19/2017 2:54 PM", "omrin"),
    ("introductions", "11/9/2017 11:54 AM", "agustnr64"),
    ("general", "10/30/2017 6:15 PM", "ben.tam", "I am not sure if our community"),
    ("_announcements_", "6/26/2017 2:49 PM", "yannick"),
    ("_announcements_", "10/9/2017 2:02 PM", "benjamindeleener"),
    ("general", "7/26/2017 7:18 AM", "yannick"),
    ("_announcements_", "3/1/2017 2:15 AM", "jacobflood"),
    ("_montreal", "3/4/2017 12:46 AM", "yannick", "Mindset"),
    ("_toronto", "8/21/2017 8:47 PM", "nicole.proulx"),
    ("random", "8/28/2017 3:46 PM", "sc"),
    ("devices", "6/27/2017 9:43 PM", "sydneyneurotechx"),
    ("random", "3/8/2017 4:01 PM", "sydneyneurotechx"),
    ("studentclubs", "3/12/2017 10:34 PM", "pawel"),
    ("devices", "6/1/2017 1:28 PM", "ntremblay_neuroservo"),
    ("opportunities", "7/5/2017 3:00 PM", "jonas.chatel-goldman"),
    ("random", "3/28/2017 12:54 AM", "sc", "But it turns out that connecting"),
    ("general", "2/10/2017 4:46 PM", "romy_lorenz"),
    ("random", "8/28/2017 5:42 PM", "yannick"),
    ("random", "10/23/2017 7:14 PM", "yannick"),
    ("opportunities", "8/28/2017 8:26 PM", "sheida"),
    ("_montreal", "2/27/2017 4:02 PM", "sydneyneurotechx"),
    ("_announcements_", "9/27/2017 1:54 PM", "falk"),
    ("general", "3/29/2017 7:20 AM", "sydneyneurotechx"),
    ("general", "3/29/2017 5:22 PM", "yannick"),
    ("random", "4/1/2017 12:21 PM", "yannick"),
    ("general", "6/13/2017 1:12 PM", "yannick"),
    ("opportunities", "10/11/2017 3:30 PM", "mrkrause"),
]


def git(*args):
    return subprocess.run(["git", "--git-dir", MIRROR, *args], check=True,
                          capture_output=True, text=True, errors="replace").stdout


def clean(body):
    body = re.sub(r"\n> ?", "\n", body)  # the archive's quote marker on continuation lines
    body = html.unescape(body).translate(FIX)
    return re.sub(r"\n{3,}", "\n\n", body).strip()


def messages():
    """Every archived message: (datetime, channel, stamp, nick, text, order)."""
    files = sorted(p for p in git("ls-tree", "--name-only", COMMIT).split()
                   if p.endswith(".md") and p not in SKIP)
    n = 0
    for path in files:
        text = git("show", f"{COMMIT}:{path}")
        heads = list(HDR.finditer(text))
        for i, m in enumerate(heads):
            end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
            body = clean(text[m.end():end])
            if body:
                n += 1
                when = datetime.strptime(m[1], "%m/%d/%Y %I:%M %p")
                yield when, path[:-3], m[1], m[2], body, n


def main():
    picks = {p[:3]: (p[3] if len(p) > 3 else "") for p in PICKS}
    rows = sorted(messages())
    chosen, seen, k = [], set(), 0
    for when, ch, stamp, nick, text, _ in rows:
        key = (ch, stamp, nick)
        if key in picks and key not in seen and picks[key] in text:
            seen.add(key)
            chosen.append((when, ch, stamp, nick, text, "pick"))
        elif len(text) >= 60:
            k += 1
            if k % STEP == 0:
                chosen.append((when, ch, stamp, nick, text, "sample"))
    missing = set(picks) - seen
    assert not missing, f"picks not found: {sorted(missing)}"
    out, sel = [], []
    for when, ch, stamp, nick, text, how in chosen:
        mid = f"{NAME}-{len(out) + 1}"
        out.append({"id": mid, "source": "slack", "sender": nick, "channel": f"#{ch}",
                    "thread_id": None, "subject": None,
                    "timestamp": when.strftime("%Y-%m-%dT%H:%M:00+00:00"), "text": text,
                    "company": "NeuroTechX"})
        sel.append(f"{mid}\t{how}\tNeuroTechX/ntx_slack_archive@{COMMIT[:12]}:{ch}.md#{stamp}<{nick}>")
    (HERE / "messages.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out))
    (HERE / "selection.tsv").write_text("\n".join(sel) + "\n")
    print(len(out), "messages,", sum(1 for c in chosen if c[5] == "pick"), "picked")


if __name__ == "__main__":
    main()
