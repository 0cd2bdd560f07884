"""Build corpus/dev/founder-mail/messages.jsonl from two founders' own posts on GitHub.

Standard library only. Reads the local git mirrors made by the session's `fetch` tool
(/work/.mirror/<owner>+<name>/repo) at the pinned commits below:

- Lukas Hermann's monthly updates on Stagetimer (a bootstrapped German SaaS), his launch story,
  his revenue write-up and his bootstrapping posts, one in German (lhermann/lukashermann.dev);
- Colin Nederkoorn's posts from the years he ran Customer.io (sud0n1m/iamnotaprogrammer.com):
  his monthly advisor emails, demo-day notes, company updates and plain founder essays (noise).

Each post is cut into messages of one section or paragraph group each (about 300-1,400
characters), the way a founder's update email or Slack post reads. Front matter, HTML tags,
embedded tweets' markup and image lines are removed; the founder's wording and figures are kept.
Drafts in the site repository are not used (some hold placeholder text).
"""
import html, json, re, subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "messages.jsonl"
NAME = "founder-mail"
M = "/work/.mirror/{}/repo"
LH = "lhermann+lukashermann.dev"
LH_HEAD = "fa35d0a583d353e3ba960c1bb7b42e91ee8887ee"
LH_0722 = "56c42e5288578c65a470595dbe0ca2b805c17e2c"  # the July 2022 update before its slug moved
CN = "sud0n1m+iamnotaprogrammer.com"
CN_HEAD = "43ccfed02068a8b741cd0f57aa04b0bb37350446"
W = "src/pages/writing/"
# (company, sender, mirror, commit, path, cap)
POSTS = [("Stagetimer", "Lukas Hermann", LH, LH_HEAD, f"{W}monthly-update-2021-{m:02d}.md", 6)
         for m in range(6, 12)]
POSTS += [
    ("Stagetimer", "Lukas Hermann", LH, LH_0722, "content/writing/monthly-update-2022-07.md", 6),
    ("Stagetimer", "Lukas Hermann", LH, LH_HEAD, f"{W}from-weekend-experiment-to-20k-mo-business.md", 10),
    ("Stagetimer", "Lukas Hermann", LH, LH_HEAD, f"{W}growing-our-google-clicks-from-zero-to-3500-monthly-visits.md", 4),
    ("Stagetimer", "Lukas Hermann", LH, LH_HEAD, f"{W}saas-unternehmen-in-deutschland-bootstrappen.md", 8),
    ("Stagetimer", "Lukas Hermann", LH, LH_HEAD, f"{W}bootstrapped-b2b-saas-ama.md", 5),
]
for p, cap in [("2012-03-15-Monthly-Emails-To-Advisors.md", 4), ("2013-08-31-start-revenue-growth-early.md", 4),
               ("2014-09-02-Monthly-company-updates.md", 2), ("2012-05-03-techstars-demo-day-may-2012.markdown", 4),
               ("2012-02-21-Automatic-user-retention-service.md", 3), ("2014-11-10-Microsoft-and-dropbox-partnership.md", 2),
               ("2012-10-29-On-competitors-and-hurricanes.md", 3), ("2014-09-09-Non-profit-discounts.md", 2),
               ("2013-08-25-go-on-a-company-retreat.md", 2), ("2013-11-24-Remote-teams.md", 2),
               ("2014-08-24-Power-dynamics-raising-investment-capital.md", 2),
               ("2012-07-15-Dont-give-away-your-product-for-free.md", 2), ("2014-09-08-Focus-on-your-core.md", 2),
               ("2013-12-22-Braindump.md", 3)]:
    POSTS.append(("Customer.io", "Colin Nederkoorn", CN, CN_HEAD, f"_posts/{p}", cap))

# Third origin: Tilt (Windmill Engineering), a small VC-backed developer-tools start-up: its
# monthly "Tilt News" newsletters, launch and company announcements, and the post on joining
# Docker (tilt-dev/tilt.build, blog/_posts).
TI = "tilt-dev+tilt.build"
TI_HEAD = "b33c73b38cfe3e93be03da7aea9fd82447f3c6dd"
for p, cap in [("2017-09-12-introducing-windmill.md", 2), ("2018-05-22-windmill-fan-program.md", 2),
               ("2019-02-20-dev-is-a-better-io-why-we-moved-to-tilt-dev.md", 2),
               ("2019-04-30-tilt-v0-8-release.md", 2), ("2019-06-27-commit-of-the-month-june.md", 1),
               ("2020-04-21-tilt-cloud.md", 3), ("2020-05-20-windows-support.md", 2),
               ("2021-06-07-tilt-news-june-2021.md", 4), ("2021-07-02-tilt-news-july-2021.md", 4),
               ("2021-08-31-tilt-news-august-2021.md", 4), ("2021-10-25-tilt-news-october-2021.md", 4),
               ("2021-11-29-tilt-news-november-2021.md", 4), ("2021-12-22-tilt-news-2021-recap.md", 4),
               ("2022-01-27-tilt-news-january-2022.md", 4), ("2022-02-25-tilt-news-february-2022.md", 4),
               ("2022-03-30-tilt-news-march-2022.md", 4), ("2022-04-28-tilt-news-april-2022.md", 4),
               ("2022-05-24-tilt-joins-docker.md", 3)]:
    POSTS.append(("Tilt (Windmill Engineering)", "Tilt team", TI, TI_HEAD, f"blog/_posts/{p}", cap))

# Second pass (appended so that earlier ids stay stable): more routine founder mail from
# Customer.io's co-founder (hiring instructions, travel, introductions, an investor list) and
# two more Tilt release/experiment posts and a conference note.
for p, cap in [("2014-08-25-Applying-for-jobs.md", 2), ("2014-09-01-Just-go-early.md", 1),
               ("2015-08-02-Digital-Nomad-Year.md", 2), ("2012-11-18-Angel-Seed-Early-Stage-VC-NYC-New-York-City.md", 2),
               ("2012-03-22-Email-Etiquette-Tips.md", 1), ("2018-07-22-Principles.md", 1)]:
    POSTS.append(("Customer.io", "Colin Nederkoorn", CN, CN_HEAD, f"_posts/{p}", cap))
for p, cap in [("2018-05-30-mish-cruise-control-for-developers.md", 2), ("2019-06-21-tilt-v0-9-release.md", 2),
               ("2019-05-29-local-development-at-kubecon-eu.md", 2)]:
    POSTS.append(("Tilt (Windmill Engineering)", "Tilt team", TI, TI_HEAD, f"blog/_posts/{p}", cap))

LO, HI = 300, 1400


def git_show(repo, commit, path):
    return subprocess.run(["git", "--git-dir", repo, "show", f"{commit}:{path}"], check=True,
                          capture_output=True).stdout.decode("utf-8", "replace")


def front_matter(raw):
    m = re.match(r"^---\s*\n(.*?)\n---\s*\n", raw, re.S)
    if not m:
        return {}, raw
    fm = {}
    for line in m.group(1).splitlines():
        mm = re.match(r"^([A-Za-z_]+)\s*:\s*(.*)$", line)
        if mm:
            fm.setdefault(mm.group(1), mm.group(2).strip().strip("'\""))
    return fm, raw[m.end():]


def clean(body):
    body = re.sub(r"<!--.*?-->", "", body, flags=re.S)
    body = re.sub(r"<script.*?</script>", "", body, flags=re.S)
    body = re.sub(r"\{%.*?%\}", "", body, flags=re.S)
    body = re.sub(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$", "", body, flags=re.M)
    body = re.sub(r"^\s*(import|export) .*$", "", body, flags=re.M)
    body = re.sub(r"<br\s*/?>", "\n", body)
    body = re.sub(r"<[^>]+>", "", body)
    body = html.unescape(body)
    body = re.sub(r"[ \t]+\n", "\n", body)
    return re.sub(r"\n{3,}", "\n\n", body).strip()


def sections(body):
    out, cur = [], []
    for line in body.split("\n"):
        if re.match(r"^#{1,4} ", line) and cur:
            out.append("\n".join(cur).strip())
            cur = []
        cur.append(line)
    if cur:
        out.append("\n".join(cur).strip())
    return [s for s in out if s and not re.fullmatch(r"#+ .*", s)]


def pieces(body):
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
        if merged and (len(merged[-1]) < LO or len(c) < 150) and len(merged[-1]) + len(c) <= HI + 200:
            merged[-1] = f"{merged[-1]}\n\n{c}"
        else:
            merged.append(c)
    return [m[:HI + 200] for m in merged if len(m) >= 100]


def date_of(fm, path):
    for v in (fm.get("created", ""), fm.get("date", ""), path):
        m = re.search(r"\d{4}-\d{2}-\d{2}", v)
        if m:
            return m.group(0)
    return "2013-01-01"


def main():
    rows, sel, n = [], [], 0
    for company, sender, mirror, commit, path, cap in POSTS:
        repo = M.format(mirror)
        fm, body = front_matter(git_show(repo, commit, path))
        title, date = html.unescape(fm.get("title", path)), date_of(fm, path)
        for k, text in list(enumerate(pieces(clean(body))))[:cap]:
            n += 1
            mid = f"{NAME}-{n}"
            rows.append({"id": mid, "source": "gmail", "sender": sender, "channel": "updates",
                         "thread_id": f"{NAME}:{mirror}:{path}", "subject": title,
                         "timestamp": f"{date}T12:00:00+00:00", "text": text, "company": company})
            sel.append(f"{mid}\t{mirror.replace('+', '/')}@{commit[:12]}:{path}#{k + 1}")
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    (HERE / "selection.tsv").write_text("\n".join(sel) + "\n", encoding="utf-8")
    print(f"{len(rows)} messages -> {OUT}")


if __name__ == "__main__":
    main()
