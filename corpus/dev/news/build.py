"""Rebuild messages.jsonl for corpus/dev/news from Knowledgator/biotech_news_dataset.

Usage: python3 build.py /path/to/biotech_news_dataset/git-dir
(reads data/test.csv at commit eae2f8439baa3212a94fc2d45400dedd973ddf9a; standard library only)

Selection rule (label-guided, labels NOT copied):
  * every row of data/test.csv whose dataset labels include at least one "event-like" label
    (anything outside NOEV below), in file order;
  * then the first rows (file order) whose labels are all in NOEV, until 250 rows in total.
Text = Title + "\n" + Content, trimmed to the first ~1,000 chars at a line break.
Ids: news-<row index in test.csv (first, unnamed column)>.
Timestamps: the dataset carries no dates; a fixed placeholder date (2021-01-01) plus the row
number in seconds is used, only to keep the order stable.
"""
import csv
import io
import json
import subprocess
import sys

COMMIT = "eae2f8439baa3212a94fc2d45400dedd973ddf9a"
NOEV = {"other", "executive statement", "company description", "article publication",
        "participation in an event", "event organization", "event organisation",
        "support & philanthropy", "new initiatives or programs", "new initiatives & programs",
        "product updates", "service & product providing", "patent publication", "foundation", ""}
LIMIT = 1000
TOTAL = 250


def trim(text, limit=LIMIT):
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit)
    if cut < limit // 2:
        cut = text.rfind(" ", 0, limit)
    return text[:cut].rstrip()


def main():
    gitdir = sys.argv[1]
    raw = subprocess.run(["git", "-C", gitdir, "show", f"{COMMIT}:data/test.csv"],
                         capture_output=True, text=True, check=True).stdout
    rows = list(csv.DictReader(io.StringIO(raw)))
    labels = lambda x: [x[f"Label {k}"] for k in range(1, 6)]
    ev = [i for i, x in enumerate(rows) if any(l not in NOEV for l in labels(x))]
    rest = [i for i, x in enumerate(rows) if i not in set(ev)]
    chosen = sorted(ev + rest[: TOTAL - len(ev)])
    out = open("messages.jsonl", "w")
    for i in chosen:
        x = rows[i]
        text = trim((x["Title"].strip() + "\n" + x["Content"].strip()).strip())
        sec = i % 60
        minute = (i // 60) % 60
        hour = i // 3600
        msg = {"id": f"news-{x['']}", "source": "gmail", "sender": "news",
               "channel": None, "thread_id": None, "subject": x["Title"].strip() or None,
               "timestamp": f"2021-01-01T{hour:02d}:{minute:02d}:{sec:02d}+00:00",
               "text": text, "company": x["Target Organization"].strip()}
        out.write(json.dumps(msg, ensure_ascii=False) + "\n")
    out.close()
    print(len(chosen), "messages;", len(ev), "event-labelled rows")


if __name__ == "__main__":
    main()
