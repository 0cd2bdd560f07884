"""Build corpus/dev/community-posts/messages.jsonl from three public community-chat archives.

Standard library only. Reads, at pinned commits, the local mirrors (made by the session's `fetch`
tool) of:

- `guighub/yuzudiscordbackup`: the yuzu emulator's Discord (#announcements, #android-updates and
  the #media showcase channel), as raw Discord search-API pages (`pages-<channel>/<n>.json`);
- `twiinGG/discord-archive`: the CRE8R DAO Discord as DiscordChatExporter JSON
  (`exports/channel_<id>.json`: #welcome-and-hellos, whose file is cut off mid-message, and the
  #damo-labs partner channel);
- `paritytech/matrix-archiver`: the public Matrix room #jam:polkadot.io (`room_log.txt`).

The selection is deterministic (see SOURCE.md). PASS_1 was labelled and committed first; PASS_2 is
appended after it so that the first pass's ids stay stable. One message per row, as posted; the
text a reader sees in Discord includes the link-preview card (embed title and description), so
yuzu's embeds are appended to the message text.
"""
import json
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

OUT = Path(__file__).resolve().parent / "messages.jsonl"
MIRROR = "/work/.mirror"
YUZU = ("guighub+yuzudiscordbackup", "fc4aa3ccc82e51aca2701aff9748dadc70c226f8")
CRE8R = ("twiinGG+discord-archive", "5f511e47277eca04f24ea4d250c12422f1262ef5")
JAM = ("paritytech+matrix-archiver", "dbb2fbd91459f1eb8005b0b36342119518523640")
CAP = 2000

CRE8R_WELCOME = "860395547567587331"
CRE8R_DAMO = "998527456925462549"
JAM_ROOM = "_21wBOJlzaOULZOALhaRh_3Apolkadot.io"
# People who speak for JAM's builders (Parity / W3F / the Fellowship) in #jam.
JAM_TEAM = {"gav", "bkchr", "davxy", "erin", "oliver.tale-yazdi", "philip.poloczek"}
JAM_ANNOUNCE = re.compile(
    r"(is released|I've released|we are ready|pics|server room|machines|congratulat|"
    r"\$\d+m|falling through|loosening the rules|PSA:)", re.I)


def git_show(mirror, commit, path):
    repo = f"{MIRROR}/{mirror}/repo"
    return subprocess.run(["git", "--git-dir", repo, "show", f"{commit}:{path}"], check=True,
                          capture_output=True).stdout


def git_ls(mirror, commit, prefix):
    repo = f"{MIRROR}/{mirror}/repo"
    out = subprocess.run(["git", "--git-dir", repo, "ls-tree", "-r", "--name-only", commit, prefix],
                         check=True, capture_output=True, text=True).stdout.split()
    return out


def utc(ts):
    """ISO 8601 with offset -> naive UTC 'YYYY-MM-DDTHH:MM:SS' (all sources in one clock)."""
    dt = datetime.fromisoformat(ts.replace("Z", "+00:00"))
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC).replace(tzinfo=None)
    return dt.strftime("%Y-%m-%dT%H:%M:%S")


# --- yuzu (Discord search-API pages) -------------------------------------------------------------

def yuzu_channel(name):
    """Every message of one channel, oldest first (pages overlap, so dedupe by id)."""
    mirror, commit = YUZU
    seen = {}
    for path in git_ls(mirror, commit, f"pages-{name}/"):
        page = json.loads(git_show(mirror, commit, path))
        for hit in page["messages"]:
            for m in hit if isinstance(hit, list) else [hit]:
                seen[m["id"]] = m
    return sorted(seen.values(), key=lambda m: m["timestamp"])


def yuzu_text(m):
    parts = [m["content"].strip()]
    for e in m.get("embeds", []):
        fields = (e.get("title"), e.get("description"))
        card = "\n".join(x.strip() for x in fields if x and x.strip())
        if card:
            parts.append(card)
    return "\n\n".join(p for p in parts if p)


def yuzu_row(channel, m):
    a = m["author"]
    return {"sender": a.get("global_name") or a["username"], "channel": channel,
            "thread_id": (m.get("message_reference") or {}).get("message_id"),
            "timestamp": utc(m["timestamp"]), "text": yuzu_text(m), "company": "yuzu"}


# --- CRE8R DAO (DiscordChatExporter JSON) --------------------------------------------------------

def cre8r_channel(channel_id):
    """Messages of one export; the welcome export is cut off mid-file, so read objects one by one
    and stop at the first incomplete one."""
    mirror, commit = CRE8R
    raw = git_show(mirror, commit, f"exports/channel_{channel_id}.json").decode("utf-8")
    i = raw.index('"messages": [') + len('"messages": [')
    dec, out = json.JSONDecoder(), []
    while True:
        while i < len(raw) and raw[i] in " \r\n\t,":
            i += 1
        try:
            m, i = dec.raw_decode(raw, i)
        except json.JSONDecodeError:
            break
        out.append(m)
    return out


def cre8r_row(channel, m):
    ref = (m.get("reference") or {}).get("messageId")
    return {"sender": m["author"].get("nickname") or m["author"]["name"], "channel": channel,
            "thread_id": ref, "timestamp": utc(m["timestamp"]), "text": m["content"].strip(),
            "company": "CRE8R DAO"}


# --- JAM (Matrix room log) -----------------------------------------------------------------------

JAM_HEAD = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d) ([^:]+): ?(.*)$")


def jam_room():
    """(time, sender, text) per message; indented '↳' reply previews stay with their parent, as
    the archive renders them."""
    mirror, commit = JAM
    raw = git_show(mirror, commit, f"archive/{JAM_ROOM}/room_log.txt").decode("utf-8")
    msgs = []
    for line in raw.split("\n"):
        if line.startswith("# "):
            continue
        hit = JAM_HEAD.match(line)
        if hit:
            msgs.append([hit.group(1), hit.group(2), hit.group(3)])
        elif msgs:
            msgs[-1][2] += "\n" + line
    return [(t, s, x.strip()) for t, s, x in msgs]


def jam_row(m):
    t, sender, text = m
    return {"sender": sender, "channel": "#jam:polkadot.io", "thread_id": None,
            "timestamp": t.replace(" ", "T") + ":00", "text": text, "company": "Polkadot JAM"}


# --- selection -----------------------------------------------------------------------------------

def pass_1():
    rows = []
    # yuzu #announcements from June 2021 to the shutdown (every post with any text).
    for m in yuzu_channel("announcements"):
        if m["timestamp"] >= "2021-06-01" and yuzu_text(m):
            rows.append(yuzu_row("announcements", m))
    # CRE8R: the partner channel whole, and welcome posts of at least 150 characters.
    for m in cre8r_channel(CRE8R_WELCOME):
        if len(m["content"].strip()) >= 150:
            rows.append(cre8r_row("welcome-and-hellos", m))
    for m in cre8r_channel(CRE8R_DAMO):
        if m["content"].strip():
            rows.append(cre8r_row("damo-labs", m))
    # JAM: the builders' posts with release / prize / Toaster / interview wording, and every
    # 150th other message of at least 80 characters (the room's ordinary chatter).
    n = 0
    for m in jam_room():
        _, sender, text = m
        if sender in JAM_TEAM and JAM_ANNOUNCE.search(text):
            rows.append(jam_row(m))
        elif len(text) >= 80:
            n += 1
            if n % 150 == 0:
                rows.append(jam_row(m))
    return rows


YUZU_MEDIA_TALK = re.compile(
    r"(patreon|early access|android|play store|my (phone|pc|laptop|deck)|steam deck|snapdragon|"
    r"fps|nintendo|lawsuit|youtube|video|released|announce)", re.I)
YUZU_LAWSUIT = re.compile(r"(lawsuit|sued|suing|settle|\$2\.4|2\.4 ?m|DMCA)", re.I)


def pass_2():
    rows = []
    # yuzu #announcements before June 2021, from the Early Access launch (December 2019) on.
    for m in yuzu_channel("announcements"):
        if "2019-12-01" <= m["timestamp"] < "2021-06-01" and yuzu_text(m):
            rows.append(yuzu_row("announcements", m))
    # yuzu #android-updates: every post (the app's release notes).
    for m in yuzu_channel("android-updates"):
        if yuzu_text(m):
            rows.append(yuzu_row("android-updates", m))
    # yuzu #media (members' showcases): every 40th message of at least 120 characters that talks
    # about devices, performance, videos or the company, then every message of at least 60
    # characters about the lawsuit from 2024-02-26 (the day Nintendo sued) on.
    media = yuzu_channel("media")
    talk = [m for m in media if len(m["content"].strip()) >= 120
            and YUZU_MEDIA_TALK.search(m["content"])]
    rows += [yuzu_row("media", m) for m in talk[::40]]
    picked = {m["id"] for m in talk[::40]}
    for m in media:
        if (m["timestamp"] >= "2024-02-26" and m["id"] not in picked
                and len(m["content"].strip()) >= 60 and YUZU_LAWSUIT.search(m["content"])):
            rows.append(yuzu_row("media", m))
    # CRE8R #welcome-and-hellos: the messages of 80-149 characters left out of the first pass.
    for m in cre8r_channel(CRE8R_WELCOME):
        if 80 <= len(m["content"].strip()) < 150:
            rows.append(cre8r_row("welcome-and-hellos", m))
    return rows


def main():
    rows = pass_1() + pass_2()
    with OUT.open("w", encoding="utf-8") as fh:
        for i, r in enumerate(rows, 1):
            fh.write(json.dumps({
                "id": f"community-posts-{i}", "source": "slack", "sender": r["sender"],
                "channel": r["channel"], "thread_id": r["thread_id"], "subject": None,
                "timestamp": r["timestamp"], "text": r["text"][:CAP], "company": r["company"],
            }, ensure_ascii=False) + "\n")
    print(len(rows), "messages")


if __name__ == "__main__":
    main()
