"""Build corpus/dev/founder-letters/messages.jsonl from two start-ups' own posts to their users.

Standard library only. Reads the local git mirrors made by the session's `fetch` tool
(/work/.mirror/<owner>+<name>/repo) at the pinned commits below:

- Sandstorm (Sandstorm Development Group, Palo Alto, 2014-17; then an open-source community):
  the blog in its site repository (`_posts/`), written by the founder and staff to users and
  crowdfunding backers: updates, the campaign, the seed round, hires, launches, security
  notices, the company's end and the team joining Cloudflare, the hosted service's shutdown and
  the community's revival. Posts picked by slug (SANDSTORM below): the company and product
  posts, plus app announcements and essays as they sit among them.
- RethinkDB (RethinkDB Inc., Mountain View, 2009-16; then a Linux Foundation project): the blog
  in its site repository (`_posts/`): rounds, releases, customers, hosting partners, the
  shutdown, the move to the Linux Foundation and the community's releases. Posts picked by slug
  (RETHINKDB below), plus tutorials, jokes and essays as they sit among them.

One message per post, trimmed to its first 2,000 characters (at a line break where one is near).
Front matter, HTML tags, images and Liquid tags are removed; wording and figures are kept. The
date is the post's file-name date (the posts carry no time).
"""
import html, json, re, subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "messages.jsonl"
NAME = "founder-letters"
M = "/work/.mirror/{}/repo"
MAX = 2000

SS, SS_C = "sandstorm-io+sandstorm-website", "910fc4ee8cc154ea5855d1054885f50f12948cee"
RT, RT_C = "rethinkdb+www", "1be3fee3b171bbdba45e013001f9780b555c67bd"

SANDSTORM = """2014-03-24-sandstorm-alpha 2014-04-22-easy-install 2014-07-03-team-update 2014-07-07-mailpile
2014-07-11-demo-and-app-updates 2014-07-17-crowdfunding 2014-08-15-fundraising-updates
2014-08-18-wordpress 2014-08-22-campaign-recap 2014-08-28-we-did-it 2014-08-31-last-day
2014-10-09-app-updates 2014-11-05-mobile-strategy 2015-01-07-asheesh-and-irc 2015-01-12-boston
2015-01-14-preorders-open 2015-01-15-sandstorm-1.3M-seed-round-pay-it-forward
2015-01-21-gitweb-and-gitlab 2015-02-11-app-updates 2015-04-08-osx-security-bug
2015-04-17-progress-technology-culture 2015-05-04-introducing-drew-and-sf-meetup 2015-05-18-sandcats
2015-08-11-meetup-recap 2015-08-31-oasis-beta-launch 2015-10-01-free-ssl-certificates
2015-10-20-hanselminutes 2015-12-18-referral-program 2016-01-11-website 2016-01-22-8-new-open-source-apps
2016-02-03-hn-highlights 2016-02-29-security-track-record 2016-04-06-sandstorm-for-work
2016-05-23-case-study-journalists 2016-05-31-whats-new 2016-06-13-photo-library-lychee
2016-07-13-whats-new 2016-08-09-collections-app 2016-08-31-sandstorm-for-work-ready 2016-09-13-whats-new
2016-09-30-fiber-bomb-debugging-story 2016-10-25-cve-2016-5195-dirtycow-mitigated
2016-11-17-oasis-emerging-from-beta 2016-12-01-sandstorm-solutions
2017-02-06-sandstorm-returning-to-community-roots 2017-02-28-cloudbleed 2017-03-02-security-review
2017-03-13-joining-cloudflare 2017-10-28-i18n 2018-08-27-discontinuing-free-plan
2018-10-28-results-of-ending-free-plan 2019-09-15-shutting-down-oasis 2020-02-03-reviving-sandstorm
2021-06-17-sandstorm-community-fundraising 2024-01-14-move-to-sandstorm-org""".split()

RETHINKDB = """2009-07-24-rethinkdb-a-new-kind-of-database 2010-03-22-building-a-world-class-team
2010-04-01-rethinkdb-is-switching-over-to-lisp 2010-04-01-weve-raised-12m-to-help-build-rethinkdb
2010-04-16-why-start-a-new-database-company-in-2010 2012-11-09-rethinkdb-12-release
2012-11-16-answers-to-common-questions 2012-12-20-rethinkdb-13-release 2013-01-15-filesystem-vulnerability
2013-02-25-walmart-labs 2013-03-18-rethinkdb-1.4-release 2013-06-13-1.6-release 2013-09-10-1.9-release
2013-11-22-1.11-release 2013-12-10-funding 2014-03-15-1.12-release 2014-04-03-thanks-redis
2014-08-26-1.14-release 2014-10-07-beerthink 2014-10-15-compose 2015-01-30-1.16-release
2015-03-20-2.0-release-candidate 2015-04-14-2.0-release 2015-07-16-rethinkdb-2.1-beta 2015-08-11-2.1-release
2015-09-01-compose-2.1 2015-09-10-startfest-is-awesome 2015-10-07-community-slack 2015-10-09-case-studies
2015-11-12-2.2-release 2015-12-09-official-java-driver 2016-02-10-rethinkdb-windows-preview
2016-03-09-new-in-2016 2016-04-01-dogescript-tutorial 2016-04-06-2.3-release 2016-04-22-nasa-case-study
2016-05-17-horizon-release 2016-06-29-rethinkdb-performance-report 2016-07-18-pokemon-go
2016-10-05-rethinkdb-shutdown 2017-02-06-rethinkdb-joins-linux-foundation 2017-07-17-2.3.6-release
2019-10-23-community-update-stayin-alive 2019-12-19-2.4.0-release 2020-05-21-download-server-changes
2023-12-10-2.4.4-release""".split()


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
    text = re.sub(r"\{%.*?%\}|\{\{.*?\}\}", "", text, flags=re.S)  # Liquid tags
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


def find(mirror, commit, slug):
    """The post file for a slug (RethinkDB's older posts end in .markdown, newer in .md)."""
    files = git(mirror, "ls-tree", "--name-only", commit, "_posts/").split()
    hits = [p for p in files if p.rsplit("/", 1)[-1].rsplit(".", 1)[0] == slug]
    assert len(hits) == 1, (slug, hits)
    return hits[0]


def posts(mirror, commit, slugs, company, sender_default):
    for slug in slugs:
        path = find(mirror, commit, slug)
        front, body = split_front(git(mirror, "show", f"{commit}:{path}"))
        yield {"sender": field(front, "author") or sender_default, "company": company,
               "subject": html.unescape(field(front, "title")), "date": slug[:10],
               "text": trim(clean(body)), "thread_id": f"{NAME}:{mirror}:{path}",
               "origin": f"{mirror}@{commit}:{path}"}


def main():
    items = [*posts(SS, SS_C, SANDSTORM, "Sandstorm", "Sandstorm team"),
             *posts(RT, RT_C, RETHINKDB, "RethinkDB", "RethinkDB team")]
    rows, sel = [], []
    for item in items:
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
