"""Build messages.jsonl from the OLake community Slack archive.

Source: github.com/datazip-inc/olake-slack-archive at commit
d7a4f60c581a058e9256e16001286f34de731453 (slackdump exports under data/raw/run-*/).
Usage: python3 build.py /path/to/olake-slack-archive/git-dir
Selection: all messages (de-duplicated by channel+ts across every run snapshot) with
non-empty text from channels announcements, general, discussions, contributing-to-olake,
plus the first 170 non-empty messages (chronological) of channel help.
Text kept as found; only HTML entities (&amp; &lt; &gt;) are unescaped.
"""
import html, json, subprocess, sys, datetime, os

COMMIT = "d7a4f60c581a058e9256e16001286f34de731453"
repo = sys.argv[1]
def show(p):
    return subprocess.run(["git", "-C", repo, "show", f"{COMMIT}:{p}"], capture_output=True, text=True).stdout
files = subprocess.run(["git", "-C", repo, "ls-tree", "-r", "--name-only", COMMIT, "data/raw"],
                       capture_output=True, text=True).stdout.split("\n")
users, msgs = {}, {}
for f in files:
    p = f.split("/")
    if len(p) == 4 and p[3] == "users.json":
        for u in json.loads(show(f) or "[]"):
            users[u["id"]] = u.get("real_name") or u.get("name")
    if len(p) == 5 and p[4].endswith(".json") and p[4][0] == "2":
        for m in json.loads(show(f)):
            msgs[(p[3], m["ts"])] = m
out, nhelp = [], 0
for (ch, ts), m in sorted(msgs.items(), key=lambda kv: float(kv[0][1])):
    text = html.unescape(m.get("text") or "")
    if not text.strip():
        continue
    if ch == "help":
        nhelp += 1
        if nhelp > 170:
            continue
    elif ch not in ("announcements", "general", "discussions", "contributing-to-olake"):
        continue
    t = datetime.datetime.fromtimestamp(float(ts), datetime.timezone.utc).replace(microsecond=0)
    out.append({"source": "slack", "sender": users.get(m.get("user"), m.get("user") or m.get("username")),
                "channel": ch, "thread_id": m.get("thread_ts"), "subject": None,
                "timestamp": t.isoformat(), "text": text, "company": "OLake (Datazip)",
                "_ts": ts})
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "messages.jsonl"), "w") as fh:
    for i, r in enumerate(out, 1):
        r.pop("_ts")
        fh.write(json.dumps({"id": f"slack-community-{i}", **r}, ensure_ascii=False) + "\n")
print(len(out))
