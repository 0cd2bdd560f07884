"""Build corpus/dev/startup-chat/messages.jsonl from ZeroMQ's public IRC channel logs (2010-11).

Standard library only. Reads the local git mirror made by the session's `fetch` tool
(/work/.mirror/travlr+zmqirclog/repo/.git) at the pinned `gh-pages` commit below: a community
member's bot-captured HTML logs of #zeromq on freenode (`YYMMDD.html`, one table row per chat
line: `[hh:mm] nick` and the message), March 2010 to November 2011. ZeroMQ was the open-source
messaging library sponsored by iMatix Corporation (Brussels), whose CEO (pieterh /
pieter_hintjens) and the project's architect and maintainers (sustrik, mato, mikko) ran the
project in this channel beside its users.

One message per chat line; lines of the commit bot (CIA-nn) are dropped. Two passes, both
deterministic:

1. PICKS: lines listed by (date, time, nick[, words the line contains]), chosen by reading the
   lines that matched news words (released, is out, stable, imatix, customer, reddit, hacker
   news, slideshare, subscribers, watchers, sponsor, funding, acquired, we just released ...)
   in the whole log: staff news and its look-alikes (plans, patch releases, old news, other
   projects' releases, members' own projects and employers).
2. Chatter: every STEP-th remaining chat line of at least 60 characters, in log order.
"""
import html, json, re, subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "messages.jsonl"
NAME = "startup-chat"
MIRROR = "/work/.mirror/travlr+zmqirclog/repo/.git"
COMMIT = "73775afd96adb756f33a7b1185b573e92e456191"  # branch gh-pages, 2011-11-08
STEP = 280
BOTS = re.compile(r"CIA-\d+$")
ROW = re.compile(r'<a name="msg-\d+"[^>]*>\s*\[(\d\d:\d\d)\]\s+(\S+)\s*</a>\s*</td>\s*'
                 r'<td class="message-cell">(.*?)</td>', re.S)

PICKS = [
    ("2010-04-02", "06:31", "sustrik", "amqp working group"),
    ("2010-04-02", "07:31", "desrt", "made reddit"), ("2010-04-02", "07:34", "sustrik"),
    ("2010-04-11", "08:11", "sustrik"), ("2010-04-13", "16:54", "iFire"),
    ("2010-05-26", "14:44", "pieterh", "FSF"), ("2010-06-04", "08:24", "sustrik"),
    ("2010-06-06", "21:10", "zedas"), ("2010-08-25", "10:59", "pieterh"),
    ("2010-09-01", "17:55", "pieterh"), ("2010-09-04", "17:16", "sustrik"),
    ("2010-09-05", "19:07", "pieter_hintjens"), ("2010-09-06", "15:27", "pieterh"),
    ("2010-09-21", "21:41", "mato"), ("2010-11-04", "08:50", "sustrik"),
    ("2010-11-17", "10:56", "sustrik"), ("2010-11-17", "18:32", "bgranger"),
    ("2010-12-01", "11:16", "mato", "DNS"), ("2010-12-01", "18:47", "jhawk28"),
    ("2010-12-02", "00:19", "erickt"), ("2010-12-02", "17:06", "drbobbeaty"),
    ("2010-12-12", "21:33", "sustrik", "customer"), ("2010-12-14", "09:14", "Steve-o"),
    ("2010-12-21", "16:41", "mikko"), ("2011-01-27", "15:22", "sustrik", "subscribers"),
    ("2011-02-06", "12:12", "pieterh", "Slideshare"), ("2011-02-06", "17:19", "pieterh", "hackernews"),
    ("2011-02-25", "22:14", "siggimoo"), ("2011-03-04", "15:14", "sejo"),
    ("2011-03-21", "10:01", "pieterh"), ("2011-03-21", "16:56", "pieterh", "released today"),
    ("2011-03-21", "20:32", "flexo", "made money"), ("2011-04-15", "16:23", "iAmTheDave"),
    ("2011-04-20", "14:14", "mikko"), ("2011-05-12", "10:45", "pieterh"),
    ("2011-06-08", "15:20", "pieterh", "stable for"), ("2011-06-13", "11:40", "pieterh"),
]


def git(*args):
    return subprocess.run(["git", "--git-dir", MIRROR, *args], check=True,
                          capture_output=True, text=True, errors="replace").stdout


def lines():
    """Every chat line of the log in order: (date, hh:mm, nick, text, file)."""
    files = sorted(p for p in git("ls-tree", "--name-only", COMMIT).split()
                   if re.fullmatch(r"\d{6}\.html", p))
    for path in files:
        day = f"20{path[:2]}-{path[2:4]}-{path[4:6]}"
        for m in ROW.finditer(git("show", f"{COMMIT}:{path}")):
            if BOTS.match(m[2]):
                continue
            text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", m[3]))).strip()
            if text:
                yield day, m[1], m[2], text, path


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
        mid = f"{NAME}-{len(rows) + 1}"
        rows.append({"id": mid, "source": "slack", "sender": nick, "channel": "#zeromq",
                     "thread_id": None, "subject": None,
                     "timestamp": f"{day}T{hm}:00+00:00", "text": text, "company": "iMatix (ZeroMQ)"})
        sel.append(f"{mid}\t{how}\ttravlr/zmqirclog@{COMMIT}:{path}#{hm}<{nick}>")
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    (HERE / "selection.tsv").write_text("\n".join(sel) + "\n")
    print(len(rows), "messages", sum(1 for c in chosen if c[5] == "pick"), "picked")


if __name__ == "__main__":
    main()
