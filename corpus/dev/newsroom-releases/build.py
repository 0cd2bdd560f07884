"""Rebuild messages.jsonl for corpus/dev/newsroom-releases from two company-newsroom origins.

Usage: python3 build.py /path/to/krichards-gr+press-release-collection/git-dir \
                        /path/to/spicysoft+jp-www-gitlab-com/git-dir
(standard library only; reads the pinned commits below from the two git directories, e.g. the
mirrors made by the session's `fetch` tool under /work/.mirror/<owner>+<name>/repo)

Origin 1 - Fortune-100 company newsrooms, as scraped by krichards-gr/press-release-collection
(outputs/enriched.csv: one row per newsroom page, full article text extracted by
newspaper3k/trafilatura). Selection rule, in file order:
  * article_text of at least 800 characters that is an article: not an "Access Denied" page,
    not a PDF dump ("%PDF"), not a newsroom index page (texts opening with the newsroom's
    navigation: "Content Newsroom", "Category All Categories") or aggregate pages of more than
    30,000 characters (Marathon Petroleum's "Company News" list);
  * English only (rows whose text contains CJK characters, and the de./fr./it. IBM newsrooms,
    are skipped);
  * the first row of each URL (the scrape repeats some pages).
Origin 2 - GitLab's press releases, from a copy of GitLab's website repository
(sites/uncategorized/source/press/releases/*.md): every file, front matter removed.

Text is kept whole (headline + body, including "About ..." boilerplate, forward-looking
statements and media contacts), except that UTF-8 shown as cp1252 ("ARCOÂ®") is decoded back
line by line where that round trip succeeds and runs of blank lines are squeezed. company = the company whose
newsroom published the release (see NEWSROOMS), with two Allergan releases hosted in AbbVie's
news centre attributed to Allergan, whose "we" they speak. Ids: newsroom-releases-<row index in
enriched.csv> and newsroom-releases-gitlab-<release date>.
"""
import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "messages.jsonl"
F100_COMMIT = "c912a6a30ff1e02ccd46e80e985d473e27c0ace6"
F100_PATH = "outputs/enriched.csv"
GITLAB_COMMIT = "9c8ce6287a82afdfc4c9de08804d3af36a36dd4d"
GITLAB_DIR = "sites/uncategorized/source/press/releases/"
NEWSROOMS = {
    "corporate.charter.com": "Charter Communications", "www.aboutamazon.com": "Amazon",
    "news.xbox.com": "Xbox", "about.nike.com": "Nike", "us.pg.com": "Procter & Gamble",
    "corporate.target.com": "Target", "ir.kroger.com": "Kroger", "www.chevron.com": "Chevron",
    "www.marathonpetroleum.com": "Marathon Petroleum", "www.phillips66.com": "Phillips 66",
    "www.capitalone.com": "Capital One", "www.jpmorganchase.com": "JPMorganChase",
    "www.metlife.com": "MetLife", "news.nationwide.com": "Nationwide",
    "news.abbvie.com": "AbbVie", "newsroom.cardinalhealth.com": "Cardinal Health",
    "www.jnj.com": "Johnson & Johnson", "boeing.mediaroom.com": "Boeing",
    "newsroom.fedex.com": "FedEx", "www.rtx.com": "RTX", "www.apple.com": "Apple",
    "newsroom.ibm.com": "IBM", "mea.newsroom.ibm.com": "IBM", "uk.newsroom.ibm.com": "IBM",
    "nvidianews.nvidia.com": "NVIDIA",
}
NOT_ENGLISH = ("de.newsroom.ibm.com", "fr.newsroom.ibm.com", "it.newsroom.ibm.com",
               "china.newsroom.ibm.com")
INDEX_OPENINGS = ("Content Newsroom", "Category All Categories", "Company News ")
SPEAKER = {"123": "Allergan", "129": "Allergan"}  # Allergan releases kept in AbbVie's archive
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def git_show(gitdir, commit, path):
    return subprocess.run(["git", "--git-dir", gitdir, "show", f"{commit}:{path}"],
                          capture_output=True, check=True).stdout.decode("utf-8")


def repair(text):
    """Undo UTF-8 bytes shown as cp1252 characters; keep the text when that fails."""
    if not any(c in text for c in "ÂÃâ"):
        return text
    try:
        return text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def tidy(text):
    text = "\n".join(repair(line) for line in text.replace("\r\n", "\n").split("\n")).strip()
    return re.sub(r"\n{3,}", "\n\n", text)


def usable(row):
    text = row["article_text"].strip()
    host = row["url"].split("/")[2]
    return (len(text) >= 800 and "Access Denied" not in text[:300]
            and len(text) <= 30000 and not text.startswith("%PDF")
            and not text.startswith(INDEX_OPENINGS)
            and host in NEWSROOMS and host not in NOT_ENGLISH and not CJK.search(text))


def stamp(value):
    """publish_date as the scraper found it, when it is a plausible date; else a placeholder."""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value or "")
    if m and 2000 <= int(m.group(1)) <= 2026:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}T12:00:00+00:00"
    return "2026-01-01T12:00:00+00:00"


def f100_messages(gitdir):
    rows = list(csv.DictReader(io.StringIO(git_show(gitdir, F100_COMMIT, F100_PATH))))
    seen = set()
    for row in rows:
        if not usable(row) or row["url"] in seen:
            continue
        seen.add(row["url"])
        idx = row["Unnamed: 0"]
        title = (row["title_y"] or row["title_x"]).strip()
        yield {"id": f"newsroom-releases-{idx}", "source": "gmail", "sender": "newsroom",
               "channel": "press", "thread_id": None, "subject": title,
               "timestamp": stamp(row["publish_date"]),
               "text": tidy(title + "\n\n" + row["article_text"]),
               "company": SPEAKER.get(idx, NEWSROOMS[row["url"].split("/")[2]])}


def gitlab_messages(gitdir):
    names = subprocess.run(["git", "--git-dir", gitdir, "ls-tree", "--name-only",
                            f"{GITLAB_COMMIT}:{GITLAB_DIR}"],
                           capture_output=True, check=True, text=True).stdout.split()
    for name in sorted(names):
        raw = git_show(gitdir, GITLAB_COMMIT, GITLAB_DIR + name)
        front, body = raw.split("\n---\n", 1) if raw.startswith("---") else ("", raw)
        m = re.search(r"^title:\s*\"?(.*?)\"?\s*$", front, re.M)
        title = m.group(1) if m else name
        date = name[:10]
        yield {"id": f"newsroom-releases-gitlab-{date}", "source": "gmail", "sender": "newsroom",
               "channel": "press", "thread_id": None, "subject": title,
               "timestamp": f"{date}T12:00:00+00:00",
               "text": tidy(title + "\n\n" + body), "company": "GitLab"}


def main():
    msgs = list(f100_messages(sys.argv[1])) + list(gitlab_messages(sys.argv[2]))
    with OUT.open("w", encoding="utf-8") as out:
        for msg in msgs:
            out.write(json.dumps(msg, ensure_ascii=False) + "\n")
    print(len(msgs), "messages")


if __name__ == "__main__":
    main()
