"""Build corpus/dev/founder-updates/messages.jsonl from founders' own update posts on GitHub.

Standard library only. Reads the local git mirrors made by the session's `fetch` tool
(/work/.mirror/<owner>+<name>/repo) at the pinned commits below. Each listed post (a monthly
recap, a "month N" retrospective or a year-end letter) is cut into messages of one section or
paragraph group each, about 400-1,500 characters, the way a founder's Slack post or an update
email section reads. Front matter, Hugo shortcodes, HTML tags and image lines are removed;
the founder's wording, figures, tables and emoji are kept. At most `cap` messages per post
(the first sections, which carry the month's highlights and numbers).
"""
import html, json, re, subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "messages.jsonl"
NAME = "founder-updates"
M = "/work/.mirror/{}/repo"
# (company, sender, mirror, commit, path, cap)
POSTS = []


def add(company, sender, mirror, commit, paths, cap, pick=None):
    """cap: at most this many messages per post; pick: keep only sections containing it."""
    for p in paths.split():
        POSTS.append((company, sender, M.format(mirror), commit, p, cap, pick))


ML = ("mtlynch+mtlynch.io", "74407c2fd6c2501426fac3e78d50cafae5b4794d")
for month, company in [("2019/04", "Is It Keto"), ("2020/01", "Zestful and Is It Keto"),
                       ("2020/08", "TinyPilot"), ("2020/11", "TinyPilot"),
                       ("2021/02", "TinyPilot"), ("2021/10", "TinyPilot"),
                       ("2021/11", "TinyPilot"), ("2022/01", "TinyPilot"),
                       ("2022/03", "TinyPilot"), ("2023/01", "TinyPilot"),
                       ("2025/03", "Refactoring English")]:
    add(company, "Michael Lynch", *ML, f"content/retrospectives/{month}/index.md", 7)
add("Insomnia", "Gregory Schier", "ur5us+insomnia.rest", "2febe36d674446092dc89af5b0d7b75fdd276a13",
    " ".join(f"content/blog/progress-reports/progress-report-{n}.md" for n in range(1, 16)), 6)
add("GitJournal", "Vishesh Handa", "GitJournal+gitjournal.io", "e9c5fef435139ce063ee7f3fd8d80d96e9903051",
    "content/blog/2020-06-12-May-Update.md content/blog/2020-10-01-Sept-Update.md "
    "content/blog/2020-11-05-Oct-Update.md content/blog/2020-12-07-Nov-Update.md "
    "content/blog/2021-03-05-Last-3-months.md", 6)
add("Tropiano (indie projects)", "Tropiano", "tropiano+tropianhs", "59aa93b3a119f3f0d96d01dfea264a9254473b41",
    "_posts/2023-12-29-reflections.md _posts/2024-03-11-february-report.md "
    "_posts/2024-07-02-june-report.md _posts/2024-11-05-october-report.md "
    "_posts/2024-12-31-reflections-2024.md _posts/2025-06-06-may-report.md "
    "_posts/2025-12-14-november-report.md _posts/2026-04-06-march-report.md", 5)
add("Blue", "Manny", "heyblueteam+website", "0b37c512f1d27d394dd77fed26a6b04e222f05ec",
    "content/en/insights/2021-annual-letter.md content/en/insights/2022-annual-letter.md "
    "content/en/insights/2023-annual-letter.md", 8)
add("CoderNotes", "Kevin Conti", "KevinConti+kevinconti", "c0d6c327c9a459f89364a12eee2ebd0962a82651",
    "content/blog/codernotes-pre-retrospective/index.md "
    "content/blog/codernotes-pre-retrospective-2-what-went-wrong/index.md", 4)
add("Jay Wilson (indie apps)", "Jay Wilson", "heyjaywilson+jaywilsonzip", "f1a31d0dc478b154abc9cc624ea807d0ef57596c",
    "content/posts/2025/10/31-0001-journey-to-1000mrr.md", 4)

# Second pass (appended so that earlier ids stay stable): the opening sections (highlights,
# goal grades) of more of Michael Lynch's retrospectives.
for month, company in [("2019/06", "What Got Done"), ("2019/08", "What Got Done"),
                       ("2019/09", "Is It Keto"), ("2019/11", "Is It Keto"),
                       ("2020/02", "WanderJest"), ("2020/04", "Is It Keto"),
                       ("2020/06", "Is It Keto"), ("2020/07", "TinyPilot"),
                       ("2020/09", "TinyPilot"), ("2020/10", "TinyPilot"),
                       ("2020/12", "TinyPilot"), ("2021/01", "TinyPilot"),
                       ("2021/03", "TinyPilot"), ("2021/05", "TinyPilot"),
                       ("2021/09", "TinyPilot"), ("2021/12", "TinyPilot"),
                       ("2022/06", "TinyPilot"), ("2022/09", "TinyPilot"),
                       ("2022/11", "TinyPilot"), ("2023/04", "TinyPilot"),
                       ("2023/06", "TinyPilot"), ("2023/08", "TinyPilot"),
                       ("2024/01", "TinyPilot"), ("2024/07", "Educational products"),
                       ("2025/04", "Refactoring English"), ("2026/06", "Refactoring English"),
                       ("2026/08", "Refactoring English")]:
    add(company, "Michael Lynch", *ML, f"content/retrospectives/{month}/index.md", 2)
# Third pass: year-in-review posts, the post about selling TinyPilot, and the section of the
# September 2021 retrospective about an inbound offer for Zestful.
add("TinyPilot", "Michael Lynch", *ML, "content/posts/bootstrapped-founder-year-4/index.md", 6)
add("TinyPilot", "Michael Lynch", *ML, "content/posts/bootstrapped-founder-year-5/index.md", 8)
add("TinyPilot", "Michael Lynch", *ML, "content/posts/i-sold-tinypilot/index.md", 14)
add("Zestful", "Michael Lynch", *ML, "content/retrospectives/2021/09/index.md", 1, "acquiring Zestful")

LO, HI = 400, 1500


def git_show(repo, commit, path):
    return subprocess.run(["git", "--git-dir", repo, "show", f"{commit}:{path}"], check=True,
                          capture_output=True).stdout.decode("utf-8", "replace")


def front_matter(raw):
    m = re.match(r"^(---|\+\+\+)\s*\n(.*?)\n\1\s*\n", raw, re.S)
    if not m:
        return {}, raw
    fm = {}
    for line in m.group(2).splitlines():
        mm = re.match(r"^([A-Za-z_]+)\s*[:=]\s*(.*)$", line)
        if mm:
            fm.setdefault(mm.group(1), mm.group(2).strip().strip("'\""))
    return fm, raw[m.end():]


def clean(body):
    body = re.sub(r"<!--.*?-->", "", body, flags=re.S)
    body = re.sub(r"\{\{[<%].*?[>%]\}\}", "", body, flags=re.S)  # Hugo shortcodes
    body = re.sub(r"\{%.*?%\}", "", body, flags=re.S)  # Liquid tags
    body = re.sub(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$", "", body, flags=re.M)  # image-only lines
    body = re.sub(r"^\s*\{:[^}]*\}\s*$", "", body, flags=re.M)
    body = re.sub(r"<br\s*/?>", "\n", body)
    body = re.sub(r"<[^>]+>", "", body)
    body = html.unescape(body)
    body = re.sub(r"[ \t]+\n", "\n", body)
    return re.sub(r"\n{3,}", "\n\n", body).strip()


def sections(body):
    """Split on markdown headings; a heading line starts its section."""
    out, cur = [], []
    for line in body.split("\n"):
        if re.match(r"^#{1,4} ", line) and cur:
            out.append("\n".join(cur).strip())
            cur = []
        cur.append(line)
    if cur:
        out.append("\n".join(cur).strip())
    return [s for s in out if s and not re.fullmatch(r"#+ .*", s)] or []


def pieces(body):
    """Sections merged up to LO characters, long ones cut at paragraph boundaries."""
    chunks = []
    for sec in sections(body):
        if len(sec) <= HI:
            chunks.append(sec)
            continue
        buf = ""
        for para in sec.split("\n\n"):
            if buf and len(buf) + len(para) + 2 > HI:
                chunks.append(buf)
                buf = para
            else:
                buf = f"{buf}\n\n{para}" if buf else para
        if buf:
            chunks.append(buf)
    merged = []
    for c in chunks:
        if merged and (len(merged[-1]) < LO or len(c) < 200) and len(merged[-1]) + len(c) <= HI + 300:
            merged[-1] = f"{merged[-1]}\n\n{c}"
        else:
            merged.append(c)
    return [m[:HI + 300] for m in merged if len(m) >= 120]


def date_of(fm, path):
    d = fm.get("date", "")
    m = re.search(r"\d{4}-\d{2}-\d{2}", d) or re.search(r"\d{4}-\d{2}-\d{2}", path)
    if m:
        return m.group(0)
    m = re.search(r"(\d{4})/(\d{2})/", path)  # mtlynch retrospectives: published early next month
    return f"{m.group(1)}-{m.group(2)}-01"


def main():
    rows, sel, n = [], [], 0
    for company, sender, repo, commit, path, cap, pick in POSTS:
        fm, body = front_matter(git_show(repo, commit, path))
        title = fm.get("title", path)
        date = date_of(fm, path)
        chosen = [(k, c) for k, c in enumerate(pieces(clean(body))) if pick is None or pick in c]
        for k, text in chosen[:cap]:
            n += 1
            mid = f"{NAME}-{n}"
            rows.append({"id": mid, "source": "gmail", "sender": sender, "channel": "updates",
                         "thread_id": f"{NAME}:{repo.split('/')[-2]}:{path}", "subject": title,
                         "timestamp": f"{date}T12:00:00+00:00", "text": text, "company": company})
            sel.append(f"{mid}\t{repo.split('/')[-2].replace('+', '/')}@{commit[:12]}:{path}#{k + 1}")
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    (HERE / "selection.tsv").write_text("\n".join(sel) + "\n", encoding="utf-8")
    print(f"{len(rows)} messages -> {OUT}")


if __name__ == "__main__":
    main()
