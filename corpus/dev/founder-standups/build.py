"""Build corpus/dev/founder-standups/messages.jsonl from a founder's public daily stand-ups.

Standard library only. Reads the local git mirror made by the session's `fetch` tool
(/work/.mirror/KevinConti+kevinconti/repo) at the pinned commit. The post "The SoftwareIdeas.io
Daily Blog" collects the daily stand-ups Kevin Conti posted while launching SoftwareIdeas.io
(July-December 2020; the first ones were written for a makers' group channel, "Some of you may
have seen this on #general"). Each dated entry ("#### July 14th") becomes one chat message;
entries over 1,500 characters are cut at paragraph boundaries into consecutive messages of the
same thread. HTML tags are removed; wording, figures and emoji are kept.
"""
import html, json, re, subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "messages.jsonl"
NAME = "founder-standups"
REPO = "/work/.mirror/KevinConti+kevinconti/repo"
COMMIT = "c0d6c327c9a459f89364a12eee2ebd0962a82651"
PATH = "content/blog/softwareideas-daily-blog/index.md"
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
HI = 1500


def git_show(repo, commit, path):
    return subprocess.run(["git", "--git-dir", repo, "show", f"{commit}:{path}"], check=True,
                          capture_output=True).stdout.decode("utf-8", "replace")


def clean(text):
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$", "", text, flags=re.M)
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text).replace("\\$", "$")
    return re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]+\n", "\n", text)).strip()


def cut(text):
    if len(text) <= HI:
        return [text]
    out, buf = [], ""
    for para in text.split("\n\n"):
        if buf and len(buf) + len(para) + 2 > HI:
            out.append(buf)
            buf = para
        else:
            buf = f"{buf}\n\n{para}" if buf else para
    if buf:
        out.append(buf)
    if len(out) > 1 and len(out[-1]) < 300:  # a short tail stays with its predecessor
        out[-2:] = [f"{out[-2]}\n\n{out[-1]}"]
    return out


def main():
    raw = git_show(REPO, COMMIT, PATH)
    body = raw.split("## Updates", 1)[1]
    entries = re.split(r"^#### ", body, flags=re.M)[1:]
    rows, sel, n = [], [], 0
    for entry in entries:
        head, _, text = entry.partition("\n")
        m = re.match(r"(\w+) (\d+)", head)
        if not m or m.group(1) not in MONTHS:
            continue
        date = f"2020-{MONTHS[m.group(1)]:02d}-{int(m.group(2)):02d}"
        text = re.split(r"^#{2,3} ", text, flags=re.M)[0]  # stop at the next month heading
        text = clean(text)
        if len(text) < 40:
            continue
        for k, part in enumerate(cut(text)):
            n += 1
            mid = f"{NAME}-{n}"
            rows.append({"id": mid, "source": "slack", "sender": "Kevin Conti",
                         "channel": "daily-standup", "thread_id": f"{NAME}:{date}",
                         "subject": None, "timestamp": f"{date}T{12 + k:02d}:00:00+00:00",
                         "text": part, "company": "SoftwareIdeas.io"})
            sel.append(f"{mid}\tKevinConti/kevinconti@{COMMIT[:12]}:{PATH}#{head.strip()}#{k + 1}")
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    (HERE / "selection.tsv").write_text("\n".join(sel) + "\n", encoding="utf-8")
    print(f"{len(rows)} messages -> {OUT}")


if __name__ == "__main__":
    main()
