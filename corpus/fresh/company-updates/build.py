"""Build corpus/fresh/company-updates/messages.jsonl from SourceHut's own blog.

Standard library only. Reads the local git mirror made by the session's `fetch` tool
(/work/.mirror/mysrcs+hugooooo/repo, a copy of the sourcehut.org site repository with its
history) at the pinned commit below, takes every post under content/blog/, strips the front
matter and HTML tags, and keeps the first 2,000 characters of each body (cut at a whitespace
boundary). Markdown, links and figures are kept as written.
"""
import html
import json
import re
import subprocess
from pathlib import Path

OUT = Path(__file__).resolve().parent / "messages.jsonl"
REPO = "/work/.mirror/mysrcs+hugooooo/repo"
# Drew DeVault's last commit to the blog in this history ("What's cooking? September 2024");
# the fork's later commits delete the blog folder.
COMMIT = "69ec80214cc1a93839cfa3ca6d38ee5504587eb5"
FOLDER = "content/blog/"
LIMIT = 2000


def git(*args):
    return subprocess.run(["git", "-C", REPO, *args], check=True,
                          capture_output=True).stdout.decode("utf-8", "replace")


def split_front_matter(raw):
    m = re.match(r"^---\s*\n(.*?)\n---\s*\n", raw, re.S)
    if not m:
        return {}, raw
    fm = {}
    for line in m.group(1).splitlines():
        mm = re.match(r"^([A-Za-z_]+):\s*(.*)$", line)
        if mm:
            v = mm.group(2).strip()
            if len(v) > 1 and v[0] == v[-1] and v[0] in "'\"":
                v = v[1:-1]
            fm.setdefault(mm.group(1), v)
    return fm, raw[m.end():]


def clean(body):
    body = re.sub(r"<!--.*?-->", "", body, flags=re.S)
    body = re.sub(r"<(script|style)\b.*?</\1>", "", body, flags=re.S | re.I)
    body = re.sub(r"<br\s*/?>|</p>|</h\d>|</li>|</div>", "\n", body, flags=re.I)
    body = re.sub(r"<[^>]+>", "", body)
    body = html.unescape(body)
    body = re.sub(r"[ \t]+\n", "\n", body)
    return re.sub(r"\n{3,}", "\n\n", body).strip()


def cut(text, limit=LIMIT):
    if len(text) <= limit:
        return text
    i = text.rfind(" ", 0, limit)
    return text[: i if i > limit * 0.8 else limit].rstrip()


def main():
    files = sorted(p for p in git("ls-tree", "-r", "--name-only", COMMIT, FOLDER).split()
                   if p.endswith(".md"))
    rows = []
    for path in files:
        fm, body = split_front_matter(git("show", f"{COMMIT}:{path}"))
        date = re.match(r"\d{4}-\d{2}-\d{2}", fm.get("date", "")).group(0)
        rows.append({"date": date, "path": path, "row": {
            "source": "gmail", "sender": fm.get("author") or "SourceHut", "channel": "blog",
            "thread_id": None, "subject": html.unescape(fm.get("title", "")) or None,
            "timestamp": date + "T12:00:00+00:00", "text": cut(clean(body)),
            "company": "SourceHut"}})
    rows.sort(key=lambda r: (r["date"], r["path"]))
    with OUT.open("w") as fh, (OUT.parent / "selection.tsv").open("w") as sel:
        for n, r in enumerate(rows, 1):
            mid = f"company-updates-{n}"
            sel.write(f"{mid}\tmysrcs/hugooooo@{COMMIT}:{r['path']}\n")
            fh.write(json.dumps({"id": mid, **r["row"]}, ensure_ascii=False) + "\n")
    print(len(rows), "messages")


if __name__ == "__main__":
    main()
