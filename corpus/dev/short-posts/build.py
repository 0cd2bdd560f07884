"""Build corpus/dev/short-posts/messages.jsonl from three public sources of short posts.

Standard library only. Reads the local git mirrors made by the session's `fetch` tool
(/work/.mirror/<owner>+<name>/repo) at the pinned commits below:
- Hacker News "Show HN" and job posts, as saved on 5 March 2018 (front-page fixtures of a
  demo app): the title, then the post's own text if it has one;
- the status-page incident posts of GraphCMS (now Hygraph), 2018-2021;
- the status-page incident and notice posts of X4B (DDoS-protection provider), 2020-2026.
Each text is the post's title and body, front matter removed, HTML tags stripped, status-page
time-stamp shortcodes written out as "(time)", cut to at most 600 characters.
"""
import ast
import html
import json
import re
import subprocess
from datetime import datetime, timezone
from pathlib import Path

OUT = Path(__file__).resolve().parent / "messages.jsonl"
LIMIT = 600
HN = ("/work/.mirror/nearform+react-pwa/repo", "58661c8ec2596a79572cdfb45d799dbac04c9d9e")
GRAPHCMS = ("/work/.mirror/hygraph+status/repo", "56db1447ee083efbf0d1dc8e46b4f31a1a418b35")
X4B = ("/work/.mirror/X4BNet+x4b-status/repo", "5bfeb989f1e22e3511b2ae4313e6800e1ef4e1ee")

# Whose "we" each HN post speaks for: the maker's product (Show HN) or the hiring company.
# Read off each title by hand; where the maker names no product, the product the title shows.
HN_COMPANY = {
    "16521385": "Hearth", "16520955": "ihackshit.com", "16522925": "Tarjimly",
    "16522394": "Darknet Diaries", "16523802": "Planimeter (lcef)",
    "16522110": "MesosticsMachine", "16524830": "GitLab Workflow (VS Code extension)",
    "16522231": "Morning Reader", "16513916": "Emacs Anywhere", "16521484": "Vimac",
    "16521452": "LiveReacting", "16521325": "SecureIT", "16505244": "boglin.iwarp.com",
    "16521180": "Open Cult", "16519229": "valueadded.io", "16516383": "react-css-grid-table",
    "16511940": "Machine Box", "16523224": "Servus", "16513016": "Legalfile",
    "16510004": "Scout (scoutapp)", "16504504": "Synapse", "16490595": "Graphite",
    "16518686": "coolfont.org", "16510832": "Kubelist", "16504026": "Cloudrun",
    "16505442": "Note Kitchen", "16513684": "json-viewer", "16484040": "Buy Me A Coffee",
    "16489412": "Shiori", "16494348": "Temper",
    # job posts whose title does not start with the company (the link shows it)
    "16497984": "HackerSurfing", "16507744": "ZeroCater",
}


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True,
                          capture_output=True).stdout.decode("utf-8", "replace")


def strip_html(text):
    text = re.sub(r"<p>|<br\s*/?>", "\n", text or "", flags=re.I)
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def cut(text, limit=LIMIT):
    if len(text) <= limit:
        return text
    i = text.rfind(" ", 0, limit)
    return text[: i if i > limit * 0.8 else limit].rstrip()


def hn_rows():
    repo, commit = HN
    rows = []
    for name, channel in (("show-stories", "show-hn"), ("job-stories", "hn-jobs")):
        src = git(repo, "show", f"{commit}:fixtures/{name}.js").split("=", 1)[1]
        items = ast.literal_eval(re.sub(r"\bnull\b", "None", src.strip().rstrip(";")))
        for it in items:
            if not it:  # the saved feed holds two null entries (deleted posts)
                continue
            text = it["title"] + ("\n\n" + strip_html(it["text"]) if it.get("text") else "")
            company = HN_COMPANY.get(it["id"]) or re.split(
                r"\s+(?:\(YC|is |Is |Looking|seeks|needs|–|-)", it["title"])[0]
            rows.append((it["timeISO"].replace(".000Z", "+00:00"), channel,
                         it["by"]["id"], company, cut(text), f"{name}.js#{it['id']}"))
    return rows


def front_matter(raw):
    m = re.match(r"^(\+\+\+|---)\s*\n(.*?)\n\1\s*\n", raw, re.S)
    fm = {}
    for line in m.group(2).splitlines():
        mm = re.match(r'^([A-Za-z]+)\s*[:=]\s*"?(.*?)"?\s*$', line)
        if mm:
            fm.setdefault(mm.group(1), mm.group(2))
    return fm, raw[m.end():]


def status_rows(mirror, folder, company, channel):
    repo, commit = mirror
    rows = []
    for path in git(repo, "ls-tree", "-r", "--name-only", commit, folder).split():
        if not path.endswith(".md"):
            continue
        fm, body = front_matter(git(repo, "show", f"{commit}:{path}"))
        body = re.sub(r'\{\{<\s*track\s+"([^"]+)"\s*>\}\}', r"(\1)", body)
        when = datetime.fromisoformat(fm["date"].replace("Z", "+00:00"))
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        text = fm["title"] + "\n\n" + strip_html(body)
        rows.append((when.astimezone(timezone.utc).isoformat(), channel, company, company,
                     cut(text), path))
    return rows


def main():
    rows = hn_rows()
    rows += status_rows(GRAPHCMS, "site/content/incidents", "GraphCMS", "status")
    rows += status_rows(X4B, "content/issues", "X4B", "status")
    rows.sort(key=lambda r: (r[0], r[5]))
    origin = {"show-hn": "nearform/react-pwa@" + HN[1] + ":fixtures/",
              "hn-jobs": "nearform/react-pwa@" + HN[1] + ":fixtures/",
              "GraphCMS": "hygraph/status@" + GRAPHCMS[1] + ":",
              "X4B": "X4BNet/x4b-status@" + X4B[1] + ":"}
    with OUT.open("w") as fh, (OUT.parent / "selection.tsv").open("w") as sel:
        for n, (ts, channel, sender, company, text, path) in enumerate(rows, 1):
            mid = f"short-posts-{n}"
            key = channel if channel != "status" else company
            sel.write(f"{mid}\t{origin[key]}{path}\n")
            fh.write(json.dumps({
                "id": mid, "source": "slack", "sender": sender, "channel": channel,
                "thread_id": None, "subject": None, "timestamp": ts, "text": text,
                "company": company}, ensure_ascii=False) + "\n")
    print(len(rows), "messages")


if __name__ == "__main__":
    main()
