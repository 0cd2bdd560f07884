"""Build corpus/dev/slack-announce/messages.jsonl from the JuliaLang Slack history on GitHub.

Standard library only. Reads the local git mirror made by the session's `fetch` tool
(/work/.mirror/paveloom-a+julialang-slack-history/repo), branch `history` at the pinned commit:
an automatic export of the public JuliaLang Slack workspace (Dec 2020 - Apr 2021, the window a
free Slack keeps). The export names channels and users by id only, so `channel` and `sender`
are Slack ids; the channel names in SOURCE.md were read from the messages themselves.

Kept: every message of the JuliaCon organising channel (C6J9D5QV6) and of the JuliaHub channel
(C01FHUY9X96), the product channel of Julia Computing (the company behind JuliaHub), minus
joins, leaves and deleted-message tombstones; plus 28 messages picked by reading from other
channels (PICKS): the news-like posts of the window (Julia Computing's DARPA work, NSF funding
for JuMP, a hiring line, members' package releases, third parties' news, plans).
"""
import json, re, subprocess, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "messages.jsonl"
NAME = "slack-announce"
GIT = "/work/.mirror/paveloom-a+julialang-slack-history/repo"
COMMIT = "80bc40fad4ab3f0baddf25f7a04a132fc2c1b4f7"
WHOLE = ["C6J9D5QV6", "C01FHUY9X96"]
PICKS = [
    ("C017Z6Q3WS3", "1617349289.089700"), ("C674VR0HH", "1617382571.372100"),
    ("C67910KEH", "1617554051.227900"), ("C67910KEH", "1617966873.493300"),
    ("C67910KEH", "1614954931.085800"), ("C67L30Z3L", "1618063119.209200"),
    ("C680MM7D4", "1608922809.039900"), ("C680MM7D4", "1615535618.334300"),
    ("C680MM7D4", "1613420123.055200"), ("C683N3423", "1612588336.068100"),
    ("C683N3423", "1617181435.015700"), ("C689Y34LE", "1617131803.080200"),
    ("C69SX3C1X", "1608151018.004200"), ("C6FGJ8REC", "1614890209.090000"),
    ("C6FGJ8REC", "1614890422.092400"), ("C767M3VB3", "1612283513.082100"),
    ("C767M3VB3", "1614708610.023700"), ("C78UK7F1Q", "1608228663.262800"),
    ("C7T968HRU", "1612593002.305100"), ("C9F9C5CB0", "1611934388.029400"),
    ("C9XBLUCVB", "1608222961.123400"), ("CAKKFNYLD", "1615304901.059100"),
    ("CBHSSJV53", "1617772055.001700"), ("CKH1UTZT9", "1617486284.021500"),
    ("CLR9W2MJL", "1608004645.405100"), ("CLR9W2MJL", "1617899054.040800"),
    ("CN00LP5UK", "1608147217.097500"), ("CNEGS2YF5", "1614112777.008200"),
]
# whose "we" a message speaks for where it is not the workspace's: JuMP's lead announcing to
# the JuMP channel (JuMP is a NumFOCUS project, not part of Julia Computing)
COMPANY = {("CNEGS2YF5", "1614112777.008200"): "JuMP (jump-dev)"}
SKIP = {"channel_join", "channel_leave", "tombstone"}


def git(*args):
    return subprocess.run(["git", "--git-dir", GIT, *args], check=True, capture_output=True, text=True).stdout


def channel(ch):
    msgs = []
    for path in git("ls-tree", "--name-only", COMMIT, f"messages/{ch}/").split():
        msgs += json.loads(git("show", f"{COMMIT}:{path}"))["messages"]
    return {m["ts"]: m for m in msgs}


def text(m):
    t = m.get("text", "")
    t = re.sub(r"<(https?://[^|>]+)\|[^>]*>", r"\1", t)  # Slack link markup -> the address
    t = re.sub(r"<(https?://[^>]+)>", r"\1", t)
    return t.replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&").strip()


def main():
    chosen = []
    for ch in WHOLE:
        for ts, m in channel(ch).items():
            if m.get("subtype") not in SKIP and text(m):
                chosen.append((ch, m))
    cache = {}
    for ch, ts in PICKS:
        cache.setdefault(ch, channel(ch))
        chosen.append((ch, cache[ch][ts]))
    chosen.sort(key=lambda x: float(x[1]["ts"]))
    rows, sel = [], []
    for i, (ch, m) in enumerate(chosen, 1):
        when = datetime.datetime.fromtimestamp(float(m["ts"]), datetime.timezone.utc)
        rows.append({"id": f"{NAME}-{i}", "source": "slack", "sender": m.get("user", "unknown"),
                     "channel": ch, "thread_id": f"{ch}:{m.get('thread_ts', m['ts'])}", "subject": "",
                     "timestamp": when.isoformat(), "text": text(m)[:2000],
                     "company": COMPANY.get((ch, m["ts"]), "JuliaLang (Julia Computing)")})
        sel.append(f"{NAME}-{i}\t{COMMIT}:messages/{ch}#{m['ts']}")
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    (HERE / "selection.tsv").write_text("\n".join(sel) + "\n")
    print(len(rows), "messages")


if __name__ == "__main__":
    main()
