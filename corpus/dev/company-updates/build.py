"""Build corpus/dev/company-updates/messages.jsonl from two companies' own blogs.

Standard library only. Reads the local git mirrors made by the session's `fetch` tool at the
pinned commits below:
- SourceHut: /work/.mirror/mysrcs+hugooooo/repo (a copy of the sourcehut.org site repository
  with its history), every post under content/blog/ (ids 1-96, by date);
- Contributed Systems (Sidekiq): /work/.mirror/mperham+blog/repo (Mike Perham's blog), the
  37 posts listed in SIDEKIQ_POSTS (ids 97-133, by date): every post on Sidekiq's and the
  company's business from 2012 to 2018 plus a few of his other posts of the same years.
Front matter and HTML tags are stripped (table cells kept, separated by " | "), and the first
2,000 characters of each body are kept (cut at a whitespace boundary). Markdown, links and
figures are kept as written.
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
SIDEKIQ_REPO = "/work/.mirror/mperham+blog/repo"
SIDEKIQ_COMMIT = "877d225e4d857350dc858fd92cede7b092dc64cd"
SIDEKIQ_FOLDER = "content/post/"
SIDEKIQ_POSTS = [
    '2012/2012-02-07-sidekiq-simple-efficient-messaging-for-rails.md',
    '2012/2012-03-02-the-state-of-sidekiq-one-month-later.md',
    '2012/2012-05-01-one-quarter-of-sidekiq.md',
    '2012/2012-10-01-say-hello-to-sidekiq-pro.md',
    '2012/2012-10-25-one-happy-user.md',
    '2013/2013-01-30-2012-oss-rookie-project-of-the-year.md',
    '2013/2013-01-31-one-great-year-at-the-clymb.md',
    '2013/2013-02-05-happy-birthday-sidekiq.md',
    '2013/2013-02-13-bill-gates.md',
    '2013/2013-05-07-sidekiq-pro-reaches-1-0.md',
    '2013/2013-05-11-the-sidekiq-pro-giveaway-winner.md',
    '2013/2013-06-13-sustainable-open-source.md',
    '2013/2013-10-01-how-to-make-100k-in-oss-by-working-hard.md',
    '2013/2013-10-17-the-emperor-has-no-clothes.md',
    '2014/2014-01-04-the-clymb-2013.md',
    '2014/2014-01-31-happy-2nd-birthday-sidekiq.md',
    '2014/2014-03-28-sidekiq-3-0.md',
    '2014/2014-06-02-whats-new-in-sidekiq-pro.md',
    '2014/2014-07-02-my-next-chapter.md',
    '2014/2014-10-01-the-path-to-full-time-open-source.md',
    '2014/2014-10-02-introducing-inspeqtor.md',
    '2015/2015-02-18-sidekiq-pro-2.0.md',
    '2015/2015-05-08-timeout-rubys-most-dangerous-api.md',
    '2015/2015-06-01-sidekiq-pro-outage.md',
    '2015/2015-06-19-inspeqtor-pro-now-oss.md',
    '2015/2015-08-06-sidekiq-enterprise.md',
    '2015/2015-11-16-sidekiq-4.0.md',
    '2015/2015-11-23-how-to-charge-for-your-open-source.md',
    '2016/2016-01-05-contributed-systems-2015.md',
    '2016/2016-02-05-happy-birthday-sidekiq.md',
    '2016/2016-05-17-commercial-gems.md',
    '2017/2017-02-01-what-can-i-do.md',
    '2017/2017-02-06-five-years.md',
    '2017/2017-04-25-hello-sidekiq-5.0.md',
    '2017/2017-10-24-introducing-faktory.md',
    '2018/2018-01-08-faktory-070-released.md',
    '2018/2018-02-05-happy-6th-sidekiq.md',
]


def git(*args, repo=REPO):
    return subprocess.run(["git", "-C", repo, *args], check=True,
                          capture_output=True).stdout.decode("utf-8", "replace")


def split_front_matter(raw):
    # YAML (---) or TOML (+++) front matter; the later Sidekiq posts use TOML
    m = re.match(r"^(---|\+\+\+)\s*\n(.*?)\n\1\s*\n", raw, re.S)
    if not m:
        return {}, raw
    fm = {}
    for line in m.group(2).splitlines():
        mm = re.match(r"^([A-Za-z_]+)\s*[:=]\s*(.*)$", line)
        if mm:
            v = mm.group(2).strip()
            if len(v) > 1 and v[0] == v[-1] and v[0] in "'\"":
                v = v[1:-1]
            fm.setdefault(mm.group(1), v)
    return fm, raw[m.end():]


def clean(body):
    body = re.sub(r"<!--.*?-->", "", body, flags=re.S)
    body = re.sub(r"<(script|style)\b.*?</\1>", "", body, flags=re.S | re.I)
    body = re.sub(r"</t[dh]>\s*", " | ", body, flags=re.I)
    body = re.sub(r"<br\s*/?>|</p>|</h\d>|</li>|</div>|</tr>", "\n", body, flags=re.I)
    body = re.sub(r"<[^>]+>", "", body)
    body = html.unescape(body)
    body = re.sub(r"[ \t]+\n", "\n", body)
    return re.sub(r"\n{3,}", "\n\n", body).strip()


def cut(text, limit=LIMIT):
    if len(text) <= limit:
        return text
    i = text.rfind(" ", 0, limit)
    return text[: i if i > limit * 0.8 else limit].rstrip()


def sidekiq_rows():
    rows = []
    for name in SIDEKIQ_POSTS:
        path = SIDEKIQ_FOLDER + name
        fm, body = split_front_matter(git("show", f"{SIDEKIQ_COMMIT}:{path}", repo=SIDEKIQ_REPO))
        date = re.match(r"\d{4}-\d{2}-\d{2}", fm.get("date", "")).group(0)
        rows.append({"date": date, "path": path,
                     "origin": f"mperham/blog@{SIDEKIQ_COMMIT}:{path}", "row": {
            "source": "gmail", "sender": fm.get("author") or "Mike Perham", "channel": "blog",
            "thread_id": None, "subject": html.unescape(fm.get("title", "")) or None,
            "timestamp": date + "T12:00:00+00:00", "text": cut(clean(body)),
            "company": "Contributed Systems (Sidekiq)"}})
    rows.sort(key=lambda r: (r["date"], r["path"]))
    return rows


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
    for r in rows:
        r["origin"] = f"mysrcs/hugooooo@{COMMIT}:{r['path']}"
    rows += sidekiq_rows()
    with OUT.open("w") as fh, (OUT.parent / "selection.tsv").open("w") as sel:
        for n, r in enumerate(rows, 1):
            mid = f"company-updates-{n}"
            sel.write(f"{mid}\t{r['origin']}\n")
            fh.write(json.dumps({"id": mid, **r["row"]}, ensure_ascii=False) + "\n")
    print(len(rows), "messages")


if __name__ == "__main__":
    main()
