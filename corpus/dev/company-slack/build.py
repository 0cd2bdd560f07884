"""Build corpus/dev/company-slack/messages.jsonl from the HubSpot Developer Slack archive.

Standard library only. Reads the local git mirror made by the session's `fetch` tool
(/work/.mirror/hubspotdev+devslackarchive/repo) at the pinned commit, walks the day files
`channel_<name>/YYYY/MM/YYYY-MM-DD.json` of the channels below, and selects messages by the
deterministic rule described in SOURCE.md. One Slack message per row; texts cut at 1,500
characters. A reply's thread_id is the timestamp of the thread's parent message.
"""
import json, re, subprocess
from pathlib import Path

MIRROR = "/work/.mirror/hubspotdev+devslackarchive/repo"
COMMIT = "9b76cf5a6943d98f0c8b5ff3bab6e60956619d4a"
OUT = Path(__file__).resolve().parent / "messages.jsonl"
COMPANY = "HubSpot"
LIMIT = 1500
UNREADABLE = ("This content can't be displayed.", "This message was deleted.")
# release / launch / milestone / deal / hire / outage / funding / acquisition wording
ANNOUNCE = re.compile(
    r"\b(now (live|available|generally available)|out of beta|released?|launch(ed|ing)?|"
    r"introduc(ing|ed)|announc(e|ed|ing)|acqui(red|sition|res)|partner(ship|ed)?|"
    r"raised|funding|series [a-e]\b|milestone|record|customers|hired|joined|joining|"
    r"outage|incident|status\.hubspot|sunset(ting)?|certif(ied|ication)|award)", re.I)
# pass 1: the announcements channel; pass 2: look-alikes in the chatter channels
CHANNELS_ANNOUNCE = ["releases-and-updates"]
CHANNELS_CHATTER = ["general", "random", "showcase", "marketplace", "jobs", "gratitude",
                    "inbound-conference", "inbound22", "inbound23", "inbound24"]
EVERY_NTH_CHATTER = 1500  # plus every 1500th other chatter message of at least 80 characters
MAX_MATCH_PER_CHANNEL = 9  # keyword matches taken per chatter channel, spread over time


def git(*args):
    return subprocess.run(["git", "-C", MIRROR, *args], check=True, capture_output=True).stdout


def load(channel):
    paths = sorted(p for p in git("ls-tree", "-r", "--name-only", COMMIT, f"channel_{channel}/")
                   .decode().splitlines() if p.endswith(".json"))
    msgs = []
    for p in paths:
        for m in json.loads(git("show", f"{COMMIT}:{p}")):
            if isinstance(m, dict):
                msgs.append(m)
    parent_of = {}
    for m in msgs:
        for r in m.get("replies") or []:
            parent_of.setdefault(r.get("time_stamp"), m["time_stamp"])
    for m in msgs:
        m["_thread"] = parent_of.get(m["time_stamp"]) if not m.get("replies") else None
    return msgs


def readable(m):
    t = (m.get("text") or "").strip()
    return t and t not in UNREADABLE and not m.get("subtype")


def row(n, channel, m):
    text = m["text"].strip()
    if len(text) > LIMIT:
        i = text.rfind(" ", 0, LIMIT)
        text = text[: i if i > LIMIT * 0.8 else LIMIT].rstrip()
    ts = m["time_stamp"].replace(" ", "T") + "+00:00"
    return {"id": f"company-slack-{n}", "source": "slack",
            "sender": (m.get("poster") or {}).get("poster_name") or "(unnamed)",
            "channel": channel, "thread_id": m["_thread"], "subject": None,
            "timestamp": ts, "text": text, "company": COMPANY}


def spread(items, k):
    if len(items) <= k:
        return items
    step = len(items) / k
    return [items[int(i * step)] for i in range(k)]


def main():
    picked = []
    for ch in CHANNELS_ANNOUNCE:
        for m in load(ch):
            t = (m.get("text") or "").strip()
            if not readable(m) or t.startswith("Reminder:"):
                continue
            # thread parents of at least 120 characters, and announcement-worded posts of 250+
            if (m.get("replies") and len(t) >= 120) or (len(t) >= 250 and ANNOUNCE.search(t)):
                picked.append((ch, m))
    for ch in CHANNELS_CHATTER:
        msgs = [m for m in load(ch) if readable(m)]
        match = [m for m in msgs if len(m["text"]) >= 60 and ANNOUNCE.search(m["text"])]
        chosen = {id(m) for m in spread(match, MAX_MATCH_PER_CHANNEL)}
        long_other = [m for m in msgs if len(m["text"]) >= 80 and id(m) not in chosen]
        chosen |= {id(m) for m in long_other[::EVERY_NTH_CHATTER]}
        picked += [(ch, m) for m in msgs if id(m) in chosen]
    with OUT.open("w") as fh:
        for n, (ch, m) in enumerate(picked, 1):
            fh.write(json.dumps(row(n, ch, m), ensure_ascii=False) + "\n")
    print(len(picked), "messages")


if __name__ == "__main__":
    main()
