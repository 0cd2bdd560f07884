"""Build corpus/dev/update-mail/messages.jsonl from three small companies' own posts to customers.

Standard library only. Reads the local git mirrors made by the session's `fetch` tool
(/work/.mirror/<owner>+<name>/repo) at the pinned commits below:

- Dashbird (serverless monitoring start-up, Tallinn): its own site repository, the posts about the
  company and its product (updates, rounds, partner programmes, hires, year reviews), picked by
  title (DASHBIRD below), plus a few of its industry posts as they sit among them;
- thoughtram (training company, Hannover): its blog, every post filed under the categories
  "announcements" or "company" (2014-24, ending with the post that closes the company);
- End Point Dev (software consultancy, New York): its blog, every post tagged "company" from 2015 on.

One message per post, trimmed to its first 2,000 characters (at a line break where one is near).
Front matter, HTML tags, images and Hugo shortcodes are removed; wording and figures are kept.
"""
import html, json, re, subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "messages.jsonl"
NAME = "update-mail"
M = "/work/.mirror/{}/repo"
MAX = 2000

DB, DB_C = "dashbird+site", "5121d0bb9a37dec12523d80aa9a7edc22b5d22db"
TT, TT_C = "thoughtram+blog", "0b3dc473c4fac6a2d1c9dfb222934a38a1baa92d"
EP, EP_C = "EndPointCorp+end-point-blog", "31803dc21f0c10673111f0092f5bf143c9bc9132"

# Dashbird's posts about itself (by title), and four industry posts filed under "news" beside them.
DASHBIRD = """changes-to-enterprise-plan discounts-for-startups starting-up-dashbird-birth-progress-2017
new-feature-webhooks dashbird-accepted-aws-partner cold-starts-tailing-invocation-search
serverless-survey-results-benefits tracing-lambda-functions-with-aws-x-ray dashbird-seed-round-funding
dashbird-update-july-2018 free-account-dashbird dashbird-update-sept-2018
dashbird-available-in-aws-marketplace dashbird-slack-channel reinvent-announcements-for-serverless-2018
looking-forward-to-2019 incident-management-and-metric-alerting aws-partner-update february-19-update
dashbird-update-february-2019 state-of-lambda-functions-2019 migrating-to-dashbird
aws-reinvent-2019-serverless-announcements-recap serveless-monitoring-startup-raises-2-million
aws-service-ready-announcement launching-saas-app dashbird-supports-aws-kinesis-step-functions
CTO-QA-Leading-Developer-team Dashbird-turns-three-reflecting-on-year introducing-dashbird-atlas
mike-rahmati-joins-dashbird remote-startup-hiring-marketing-developer knowledge-base-launch
top-serverless-startups-that-have-emerged-in-the-faas-era""".split()


def git(mirror, *args):
    return subprocess.run(["git", "--git-dir", M.format(mirror), *args],
                          check=True, capture_output=True, text=True).stdout


def trim(text):
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if len(text) <= MAX:
        return text
    cut = text.rfind("\n", MAX - 400, MAX)
    return text[: cut if cut > 0 else MAX].rstrip()


def clean(text):
    text = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", text, flags=re.S | re.I)
    text = re.sub(r"\{\{[<%].*?[>%]\}\}", "", text, flags=re.S)  # Hugo shortcodes
    text = re.sub(r"\{%.*?%\}", "", text, flags=re.S)  # Liquid tags
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images carry no words
    text = re.sub(r"<br\s*/?>|</p>|</li>|</h\d>|</div>", "\n", text, flags=re.I)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text)


def split_front(raw):
    if raw.startswith("---"):
        _, front, body = raw.split("---", 2)
        return front, body
    return "", raw


def field(front, name):
    m = re.search(rf"^{name}:\s*(.+)$", front, flags=re.M)
    return m[1].strip().strip("\"'") if m else ""


def post(mirror, commit, path, company, sender_default):
    front, body = split_front(git(mirror, "show", f"{commit}:{path}"))
    date = field(front, "date")[:10]
    sender = field(front, "author") or sender_default
    return {"sender": sender, "company": company, "subject": html.unescape(field(front, "title")),
            "date": date, "text": trim(clean(body)), "thread_id": f"{NAME}:{mirror}:{path}",
            "origin": f"{mirror}@{commit}:{path}"}


def dashbird():
    for slug in DASHBIRD:
        yield post(DB, DB_C, f"content/blog/{slug}.md", "Dashbird", "Dashbird team")


def thoughtram():
    files = git(TT, "ls-tree", "--name-only", TT_C, "gatsby/content/blog/").split()
    for path in sorted(p for p in files if p.endswith(".md")):
        front, _ = split_front(git(TT, "show", f"{TT_C}:{path}"))
        cats = re.search(r"^categories:(.*?)(?=^\w)", front + "\nend:", flags=re.M | re.S)
        if cats and re.search(r"\b(announcements|company)\b", cats[1]):
            yield post(TT, TT_C, path, "thoughtram", "thoughtram")


def endpoint():
    files = git(EP, "ls-tree", "-r", "--name-only", EP_C).split()
    for path in sorted(p for p in files if re.match(r"20(1[5-9]|2\d)/\d\d/.*\.md$", p)):
        front, _ = split_front(git(EP, "show", f"{EP_C}:{path}"))
        if re.search(r"^- company$", front, flags=re.M):
            yield post(EP, EP_C, path, "End Point Dev", "End Point")


def main():
    rows, sel = [], []
    for item in [*dashbird(), *thoughtram(), *endpoint()]:
        if not item["text"]:
            continue
        mid = f"{NAME}-{len(rows) + 1}"
        rows.append({"id": mid, "source": "gmail", "sender": item["sender"], "channel": "updates",
                     "thread_id": item["thread_id"], "subject": item["subject"],
                     "timestamp": f"{item['date']}T12:00:00+00:00", "text": item["text"],
                     "company": item["company"]})
        sel.append(f"{mid}\t{item['origin']}")
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    (HERE / "selection.tsv").write_text("\n".join(sel) + "\n")
    print(len(rows), "messages")


if __name__ == "__main__":
    main()
