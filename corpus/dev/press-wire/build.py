"""Rebuild messages.jsonl for corpus/dev/press-wire from two press-release origins.

Usage: python3 build.py /path/to/azfar-imtiaz+BusinessWire-Articles-Parsing/git-dir [SOURCEGRAPH_DIR]
(standard library only). The first argument is a git directory of
azfar-imtiaz/BusinessWire-Articles-Parsing (e.g. the `fetch` tool's mirror under
/work/.mirror/<owner>+<name>/repo/.git); the pinned commit below is read with `git show`.
SOURCEGRAPH_DIR, if given, holds the six Sourcegraph press-release files under their file
names; without it they are downloaded from raw.githubusercontent.com at the pinned commits
(the whole sourcegraph/about repository is too large to mirror).

Origin 1 - Business Wire: parsed_articles_demo/*.json, 25 wire releases of 4-8 March 2019
scraped from businesswire.com (url field = original address). Every file, in numeric order,
keeping the first file of each URL (the demo repeats Newmont's release five times and
Guidepost's twice). text = headline + dateline date + body (release as published: lead,
quotes, "About ..." boilerplate, forward-looking statements) + the first "Contacts" block of
the scraped page. Site navigation is dropped. company = whose "we" the release speaks for
(see SPEAKER).

Origin 2 - Sourcegraph's own press releases (content/press/*.md in sourcegraph/about, the
company's website repository): all six files, front matter removed, title prepended, markdown
kept as found.
"""
import json
import re
import subprocess
import sys
import urllib.request
from datetime import datetime
from pathlib import Path

OUT = Path(__file__).resolve().parent / "messages.jsonl"
BW_COMMIT = "bbc9a1465954118d8c000e90d49d819f42c49421"
BW_DIR = "parsed_articles_demo/"
# file number -> company whose "we" the release speaks for
SPEAKER = {
    1: "GigCapital", 2: "Mastercard", 3: "International Wire Group", 4: "Civitas Solutions",
    5: "The Walt Disney Company", 6: "Versum Materials", 7: "Versum Materials",
    8: "Newmont", 10: "Enterprise Financial Services", 12: "Casey's General Stores",
    13: "ResMed", 14: "Hess Infrastructure Partners", 15: "Guidepost Solutions",
    16: "Indiana American Water", 17: "Okta", 18: "SugarCRM", 19: "Tribal First",
    20: "Civitas Solutions", 21: "Glenmont Capital Management", 25: "Workplace Advisors",
}
SG_RAW = "https://raw.githubusercontent.com/sourcegraph/about/{commit}/content/press/{name}"
SG_FILES = {  # file name -> commit it was read at
    "press-release-sourcegraph-announces-new-gitlab-native-integration.md":
        "27f0e3952b624d84324c93da0fa8a730cd80b9e2",
    "press-release-sourcegraph-secures-series-b.md": "02e75e497c44c8033b0436f78139f93bbab05384",
    "press-release-our-abcs-childrens-book.md": "1054821d154462aab3bab4b556368938b23d3ccf",
    "press-release-big-code-survey-2020.md": "1054821d154462aab3bab4b556368938b23d3ccf",
    "press-release-sourcegraph-secures-series-c.md": "02e75e497c44c8033b0436f78139f93bbab05384",
    "press-release-batch-changes.md": "02e75e497c44c8033b0436f78139f93bbab05384",
}


def git_show(gitdir, path):
    return subprocess.run(["git", "--git-dir", gitdir, "show", f"{BW_COMMIT}:{path}"],
                          capture_output=True, check=True).stdout.decode("utf-8")


def bw_stamp(value):
    """'March 08, 2019 04:10 PM Eastern Standard Time' -> ISO (noon UTC when no time)."""
    day = datetime.strptime(" ".join(value.split()[:3]), "%B %d, %Y")
    return day.strftime("%Y-%m-%dT12:00:00+00:00")


def contacts(page):
    """The first 'Contacts' block of the scraped page (it is repeated), as published."""
    m = re.search(r"## Contacts\n(.*?)(?=\n## )", page, re.S)
    return "Contacts\n" + m.group(1).strip() if m else ""


def businesswire(gitdir):
    seen = set()
    for n in range(1, 26):
        try:
            d = json.loads(git_show(gitdir, f"{BW_DIR}{n}.json"))
        except subprocess.CalledProcessError:
            continue
        if d["url"] in seen:
            continue
        seen.add(d["url"])
        text = "\n\n".join(p for p in (d["title"].strip(), " ".join(d["date"].split()[:3]),
                                       d["body"].strip(), contacts(d["text"])) if p)
        yield {"id": f"press-wire-bw-{n}", "source": "gmail", "sender": "Business Wire",
               "channel": "press", "thread_id": None, "subject": d["title"].strip(),
               "timestamp": bw_stamp(d["date"]), "text": re.sub(r"\n{3,}", "\n\n", text),
               "company": SPEAKER[n]}


def sourcegraph_raw(name, folder):
    if folder:
        return (Path(folder) / name).read_text(encoding="utf-8")
    url = SG_RAW.format(commit=SG_FILES[name], name=name)
    with urllib.request.urlopen(url, timeout=60) as resp:
        return resp.read().decode("utf-8")


def sourcegraph(folder):
    for name in SG_FILES:
        raw = sourcegraph_raw(name, folder)
        _, front, body = raw.split("---\n", 2)
        title = re.search(r"^title: ['\"](.*)['\"]$", front, re.M).group(1)
        date = re.search(r"^publishDate: (\d{4}-\d{2}-\d{2})", front, re.M).group(1)
        slug = name.removeprefix("press-release-").removesuffix(".md")
        yield {"id": f"press-wire-sg-{slug}", "source": "gmail", "sender": "press@sourcegraph.com",
               "channel": "press", "thread_id": None, "subject": title,
               "timestamp": f"{date}T12:00:00+00:00",
               "text": title + "\n\n" + body.strip(), "company": "Sourcegraph"}


def main():
    rows = list(businesswire(sys.argv[1])) + list(sourcegraph(sys.argv[2] if len(sys.argv) > 2 else None))
    with OUT.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} messages -> {OUT}")


if __name__ == "__main__":
    main()
