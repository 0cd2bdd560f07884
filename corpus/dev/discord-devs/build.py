"""Build corpus/dev/discord-devs/messages.jsonl from the Nous Research Discord #developers log.

Standard library only. Reads `archives/developers.txt` from the local mirror of
`teknium1/nous-discord-archive` (made by the session's `fetch` tool) at the pinned commit,
splits it into messages (a header line `[timestamp] author (id=…)` followed by the message
body indented by four spaces), and keeps a deterministic selection (see SOURCE.md):
every message whose text matches ANNOUNCE (launch/ship/partner/funding/trending wording, so the
stream holds the claims an extractor could mistake for events), plus every 11th remaining
message of at least 60 characters, in chronological order.
"""
import json, re, subprocess
from pathlib import Path

OUT = Path(__file__).resolve().parent / "messages.jsonl"
REPO = "/work/.mirror/teknium1+nous-discord-archive/repo"
COMMIT = "628cab45086d7164f321bab976c999705a1667ad"
PATH = "archives/developers.txt"
EVERY = 11
MIN_CHARS = 60
ANNOUNCE = re.compile(
    r"(github stars|\bstars\b|trending|funding|raised \$|series [ab]\b|hired|joined nous|"
    r"partnership|partnered|now available on|now live|is live|just shipped|we just|we're now|"
    r"released v|\bv\d+\.\d+(\.\d+)? (is out|released|shipped)|announc|@everyone|launch(ed|ing)?\b|"
    r"listed on|hiring|podcast|interview)", re.I)
HEADER = re.compile(r"^\[(\S+)\] (\S+) \(id=(\d+)\)$")
REPLY = re.compile(r"^\[reply to \S+ msg=(\d+)\]$")


def parse(text):
    msgs, cur = [], None
    for line in text.split("\n"):
        m = HEADER.match(line)
        if m:
            cur = {"ts": m.group(1), "author": m.group(2), "mid": m.group(3), "lines": []}
            msgs.append(cur)
        elif cur is not None and line.startswith("    "):
            cur["lines"].append(line[4:])
    for m in msgs:
        reply = [REPLY.match(x.strip()) for x in m["lines"]]
        m["reply_to"] = next((r.group(1) for r in reply if r), None)
        body = [x for x, r in zip(m["lines"], reply) if not r]
        m["text"] = "\n".join(body).strip()
    return msgs


def main():
    raw = subprocess.run(["git", "-C", REPO, "show", f"{COMMIT}:{PATH}"], check=True,
                         capture_output=True).stdout.decode("utf-8", "replace")
    msgs = [m for m in parse(raw) if m["text"]]
    keep, n = [], 0
    for m in msgs:
        if ANNOUNCE.search(m["text"]):
            keep.append(m)
        elif len(m["text"]) >= MIN_CHARS:
            n += 1
            if n % EVERY == 0:
                keep.append(m)
    with OUT.open("w") as fh:
        for i, m in enumerate(keep, 1):
            ts = m["ts"]
            ts = re.sub(r"\.\d+", "", ts)
            fh.write(json.dumps({
                "id": f"discord-devs-{i}", "source": "slack", "sender": m["author"],
                "channel": "developers", "thread_id": m["reply_to"], "subject": None,
                "timestamp": ts, "text": m["text"][:2000], "company": "Nous Research",
            }, ensure_ascii=False) + "\n")
    print(len(keep), "messages")


if __name__ == "__main__":
    main()
