"""Build corpus/dev/team-chat/messages.jsonl from the MeshCore public Discord archive.

Standard library only. Reads the per-channel JSON exports under `site/data/content/` from the
local mirror of `MrAlders0n/meshcore-discord-archive` (made by the session's `fetch` tool) at the
pinned commit and keeps a deterministic selection (see SOURCE.md): every message of the
#announcements channel, plus, from the chat channels in CHANNELS, every message whose text
matches ANNOUNCE (release/launch/milestone/hire/sales/partner wording, so the stream holds the
claims an extractor could mistake for events) and every EVERY-th other message of at least
MIN_CHARS characters, ordered by channel then time; then
the EXTRA second pass (channel, pattern), appended so that the first pass's ids stay stable.
"""
import json, re, subprocess
from datetime import datetime
from pathlib import Path

OUT = Path(__file__).resolve().parent / "messages.jsonl"
REPO = "/work/.mirror/MrAlders0n+meshcore-discord-archive/repo"
COMMIT = "7d627f87220d2982d7ccdbe27b6cf701adf709b8"
ANNOUNCEMENTS = "information-rules--announcements"
CHANNELS = ["general-chat--ripple-gui", "general-chat--meshos", "other--off-topic",
            "general-chat--general--north-america-mesh-showcase-content-discussion",
            "regional-channels--polska", "software-development--nrf52-otafix-bootloader"]
EVERY = 30
MIN_CHARS = 80
CAP = 2000
ANNOUNCE = re.compile(
    r"(released|just shipped|now live|is live|is out\b|launch(ed|ing)?\b|milestone|record\b|"
    r"\d[\d,.]*k? (users|nodes|downloads|orders|sales|licen[cs]es|members)\b|sold out|"
    r"partner(ship|ed)?\b|hired|joined the team|funding|sponsor|press release|in the press|podcast|interview|"
    r"now ready|firmware v\d|now out|now available|is available|first release|new firmware|announc|we just|we('ve| have) (now|just|reached|hit))", re.I)


# Second pass, appended after the first so that its ids stay stable: in these channels, every
# message matching the channel's pattern (coverage, adoption figures, the April 2026 split and
# trademark dispute, third parties' releases), skipping messages already kept.
EXTRA = [
    ("other--other-meshes", r"youtube\.com/watch\?v=(UmXWLms6AmM|dhdWNXGGeE8)|150 nodes on Meshtastic"),
    ("general-chat--general--north-america-mesh-showcase-content-discussion", r"Kremwerk"),
    ("general-chat--meshos", r"applied for the MeshCore Trademark|trademarks\.ipo\.gov\.uk|"
     r"keygen exists|Cloudsto|He did say something"),
    ("general-chat--ripple-gui", r"store\.meshcore\.io|I've removed Ripple"),
    ("regional-channels--uk-merseyside-manchester-cheshire-plain", r"released today"),
    ("regional-channels--austria", r"85km link"),
    ("software-development--www-ukmesh-com-yet-another-meshcore-packet-analzyer",
     r"repeaters on the live map"),
    ("software-development--coverage-app-mapme-sh", r"submitted to Google Play"),
    ("software-development--mesh-t-e-a-m", r"up and running on iOS"),
    ("software-development--meshcore-to-discord-bride-using-node-js-and-a-raspberry-pi",
     r"released v1\.1"),
    ("software-development--corescope-development", r"about 1500 nodes"),
]


def parse_ts(s):
    """'2025-09-21 2:42 a.m.' -> ISO 8601 (the archive gives local export time, no zone)."""
    s = s.replace("a.m.", "AM").replace("p.m.", "PM")
    return datetime.strptime(s, "%Y-%m-%d %I:%M %p").strftime("%Y-%m-%dT%H:%M:00")


def load(name):
    path = f"site/data/content/{name}.json"
    raw = subprocess.run(["git", "-C", REPO, "show", f"{COMMIT}:{path}"], check=True,
                         capture_output=True).stdout.decode("utf-8", "replace")
    return json.loads(raw)


def reply_to(m):
    hit = re.search(r"scrollToMessage\(event, '(\d+)'\)", m.get("reply_html") or "")
    return hit.group(1) if hit else None


def main():
    keep = []
    ann = load(ANNOUNCEMENTS)
    keep += [(ann["title"], m) for m in ann["messages"] if m["text"].strip()]
    for name in CHANNELS:
        d, n = load(name), 0
        for m in d["messages"]:
            text = m["text"].strip()
            if not text:
                continue
            if ANNOUNCE.search(text):
                keep.append((d["title"], m))
            elif len(text) >= MIN_CHARS:
                n += 1
                if n % EVERY == 0:
                    keep.append((d["title"], m))
    seen = {m["id"] for _, m in keep}
    for name, pattern in EXTRA:
        d = load(name)
        for m in d["messages"]:
            if m["text"].strip() and m["id"] not in seen and re.search(pattern, m["text"]):
                keep.append((d["title"], m))
                seen.add(m["id"])
    with OUT.open("w") as fh:
        for i, (channel, m) in enumerate(keep, 1):
            fh.write(json.dumps({
                "id": f"team-chat-{i}", "source": "slack", "sender": m["author"],
                "channel": channel, "thread_id": reply_to(m), "subject": None,
                "timestamp": parse_ts(m["timestamp_short"]), "text": m["text"].strip()[:CAP],
                "company": "MeshCore",
            }, ensure_ascii=False) + "\n")
    print(len(keep), "messages")


if __name__ == "__main__":
    main()
