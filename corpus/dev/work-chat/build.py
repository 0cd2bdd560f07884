"""Build corpus/dev/work-chat/messages.jsonl from DuraSpace's public IRC channel logs (2009-18).

Standard library only. Reads the local git mirror made by the session's `fetch` tool
(/work/.mirror/duraspace+irclogs/repo) at the pinned commit below: the bot-captured logs of
#duraspace on freenode (`original-logs/YYYY-MM-DD.log`, one HTML-marked line per event), where the
DSpace developers' weekly meetings were held by DuraSpace's DSpace tech lead, with Fedora and
DuraCloud staff, committers from universities and service companies, and (2016-18) a bot that
relayed DSpace Slack messages.

Only chat lines are kept (joins, quits, topic changes and the link-title bot `kompewter` are
dropped). One message per chat line. Two passes, both deterministic:

1. PICKS: 61 lines listed by (date, time, nick), chosen by reading the lines that matched news
   words (released, congrats, welcome, joined, left, hire, fund, steering, membership, down,
   outage, hacked, merge, GSoC ...) in the whole log: DuraSpace's own news and its look-alikes
   (release candidates, bug-fix releases, plans, volunteers made committers, members' news,
   other services' outages).
2. Chatter: every STEP-th remaining chat line of at least 60 characters, in log order.

Lines relayed from Slack ("<nick> text" said by DSpaceSlackBot*) get the Slack nick as sender.
"""
import html, json, re, subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "messages.jsonl"
NAME = "work-chat"
MIRROR, COMMIT = "/work/.mirror/duraspace+irclogs/repo", "41b63d8f1dde8d6db25d2c0810a03571f875de05"
STEP = 680
BOTS = {"kompewter", "DuraLogBot"}
LINE = re.compile(r'<span class="irc-date">\[(\d+):(\d+)\]</span> <span class="irc-black">&lt;([^&]+)&gt; (.*)</span><br />')

PICKS = [
    ("2009-09-01", "15:04", "bradmc"), ("2009-09-09", "14:22", "tdonohue", "join Duraspace"),
    ("2009-12-01", "11:15", "barmintor"), ("2010-02-16", "16:05", "Richard_Jizba"),
    ("2010-02-16", "17:10", "ValorieHollister"), ("2010-03-03", "15:04", "tdonohue"),
    ("2010-03-17", "16:01", "tdonohue"), ("2010-04-14", "16:02", "tdonohue"),
    ("2010-04-28", "16:01", "PeterDietz", "four projects"), ("2010-06-16", "16:01", "tdonohue"),
    ("2010-08-04", "20:19", "tdonohue"), ("2010-12-15", "20:39", "tdonohue"),
    ("2011-03-30", "20:21", "tdonohue"), ("2011-04-13", "20:25", "tdonohue", "only 5 slots"),
    ("2011-11-09", "20:15", "tdonohue"), ("2011-11-09", "20:16", "tdonohue"),
    ("2011-11-09", "20:17", "kshepherd"), ("2012-03-15", "14:20", "cwilper"),
    ("2012-06-13", "20:01", "tdonohue"), ("2012-09-28", "15:24", "tdonohue"),
    ("2012-09-28", "15:27", "tdonohue"), ("2012-10-10", "20:23", "ryscher"),
    ("2012-12-05", "20:02", "tdonohue"), ("2013-03-27", "20:13", "tdonohue"),
    ("2013-03-27", "20:26", "tdonohue"), ("2013-05-15", "21:19", "bram-atmire"),
    ("2013-06-12", "20:01", "tdonohue"), ("2013-06-19", "21:08", "tdonohue"),
    ("2013-08-15", "16:06", "tdonohue"), ("2013-12-18", "20:01", "tdonohue"),
    ("2014-01-15", "20:57", "tdonohue"), ("2014-05-07", "21:00", "tdonohue"),
    ("2014-05-14", "20:11", "tdonohue"), ("2014-05-14", "20:26", "tdonohue"),
    ("2014-06-18", "15:22", "tdonohue", "ORCID"), ("2014-06-18", "15:32", "tdonohue"),
    ("2015-01-21", "20:02", "tdonohue"), ("2015-01-21", "20:13", "tdonohue"),
    ("2015-01-28", "15:40", "tdonohue"), ("2015-02-04", "20:50", "tdonohue"),
    ("2015-02-04", "20:51", "tdonohue"), ("2015-02-18", "20:10", "tdonohue"),
    ("2015-02-25", "15:02", "tdonohue"), ("2015-03-04", "20:03", "tdonohue"),
    ("2015-03-18", "20:11", "tdonohue"), ("2015-03-18", "20:15", "tdonohue"),
    ("2015-04-01", "20:59", "tdonohue"), ("2015-07-21", "21:07", "tdonohue"),
    ("2015-07-22", "20:25", "tdonohue"), ("2016-01-27", "15:02", "tdonohue"),
    ("2016-01-27", "15:04", "tdonohue"), ("2016-06-08", "20:37", "terry-b"),
    ("2016-09-07", "15:05", "bollini"), ("2016-10-05", "20:02", "tdonohue"),
    ("2016-10-26", "20:02", "tdonohue"), ("2016-10-26", "20:04", "tdonohue"),
    ("2017-01-04", "20:04", "tdonohue"), ("2017-09-27", "20:02", "DSpaceSlackBot", "German User Group"),
    ("2017-12-06", "20:58", "DSpaceSlackBot", "welcome @tom_desair"), ("2018-04-04", "14:55", "tdonohue"),
    ("2018-06-13", "15:06", "DSpaceSlackBot1"),
]


def git(*args, check=True):
    return subprocess.run(["git", "--git-dir", MIRROR, *args], check=check,
                          capture_output=True, text=True, errors="replace").stdout


def lines():
    """Every chat line of the log in order: (date, hh:mm, nick, text, file). A link-title line
    the channel bot posts right after a message (`kompewter`: "[ title ] - url") is kept as that
    message's link preview, as a chat client shows it."""
    files = sorted(p for p in git("ls-tree", "--name-only", COMMIT, "original-logs/").split()
                   if p.endswith(".log"))
    for path in files:
        day = Path(path).stem
        rows = []
        # the snapshot lacks the last day's file (2018-07-27); a missing blob reads as empty
        for raw in git("show", f"{COMMIT}:{path}", check=False).splitlines():
            m = LINE.match(raw.strip())
            if not m:
                continue
            text = html.unescape(re.sub(r"<[^>]+>", "", m[4])).strip()
            if m[3] == "kompewter":
                url = text.rsplit(" - ", 1)[-1].strip()
                if rows and url and url in rows[-1][3] and "(link preview:" not in rows[-1][3]:
                    rows[-1][3] += f" (link preview: {text.rsplit(' - ', 1)[0].strip()})"
                continue
            if m[3] in BOTS:
                continue
            rows.append([day, f"{int(m[1]):02d}:{m[2]}", m[3], text, path])
        yield from (tuple(r) for r in rows)


def main():
    # a pick is (date, time, nick) or, where one nick said several lines in that minute,
    # (date, time, nick, words the line contains)
    picks = {p[:3]: (p[3] if len(p) > 3 else "") for p in PICKS}
    chosen, seen, n = [], set(), 0
    for day, hm, nick, text, path in lines():
        key = (day, hm, nick)
        if key in picks and key not in seen and picks[key] in text:
            seen.add(key)
            chosen.append((day, hm, nick, text, path, "pick"))
        elif len(text) >= 60:
            n += 1
            if n % STEP == 0:
                chosen.append((day, hm, nick, text, path, "sample"))
    missing = set(picks) - seen
    assert not missing, f"picks not found: {sorted(missing)}"
    rows, sel = [], []
    for day, hm, nick, text, path, how in chosen:
        sender, channel = nick, "#duraspace"
        m = re.match(r"<([^>]+)>\s*(.*)", text)
        if nick.startswith("DSpaceSlackBot") and m:
            sender, text, channel = m[1], m[2], "#duraspace (relayed from DSpace Slack)"
        mid = f"{NAME}-{len(rows) + 1}"
        rows.append({"id": mid, "source": "slack", "sender": sender, "channel": channel,
                     "thread_id": None, "subject": None,
                     "timestamp": f"{day}T{hm}:00+00:00", "text": text, "company": "DuraSpace"})
        sel.append(f"{mid}\t{how}\tduraspace/irclogs@{COMMIT}:{path}#{hm}<{nick}>")
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    (HERE / "selection.tsv").write_text("\n".join(sel) + "\n")
    print(len(rows), "messages", sum(1 for c in chosen if c[5] == "pick"), "picked")


if __name__ == "__main__":
    main()
