"""Rebuild messages.jsonl for corpus/dev/fin-headlines from the SemEval-2017 Task 5 headlines.

Usage: python3 build.py /path/to/codingFerryman+Social-Sentiment-Analysis/git-dir
(reads data/en/SemEval2017Task5Headlines.json at the commit below; standard library only)

Selection rule: the first 400 records of the file, in file order (no filtering). The dataset's
sentiment scores were not used for selection or labelling.
Text = the headline as found, except that UTF-8 text mis-decoded as cp1252 ("Â£100m") is
decoded back ("£100m") where that round trip succeeds; nothing else is changed.
company = the record's "company" field (the entity the dataset's sentiment is about), as written.
Ids: fin-headlines-<position of the record in the file, from 0> (the dataset's own "id" field is
not unique: id 4 occurs twice).
Timestamps: the dataset carries no dates (headlines are from 2015-2016); a placeholder
2016-01-01 plus the position in seconds keeps the order stable.
"""
import json
import subprocess
import sys
from pathlib import Path

COMMIT = "ef6946cc31818d43cf2a83cc348a358ef45b5be4"
PATH = "data/en/SemEval2017Task5Headlines.json"
TOTAL = 400
OUT = Path(__file__).resolve().parent / "messages.jsonl"


def repair(text):
    """Undo UTF-8 bytes shown as cp1252 characters; keep the text when that fails."""
    if not any(c in text for c in "ÂÃâ"):
        return text
    try:
        return text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def main():
    gitdir = sys.argv[1]
    raw = subprocess.run(["git", "--git-dir", gitdir, "show", f"{COMMIT}:{PATH}"],
                         capture_output=True, check=True).stdout.decode("utf-8")
    rows = json.loads(raw)[:TOTAL]
    with OUT.open("w", encoding="utf-8") as out:
        for pos, row in enumerate(rows):
            title = repair(row["title"].strip())
            msg = {"id": f"fin-headlines-{pos}", "source": "gmail", "sender": "news",
                   "channel": None, "thread_id": None, "subject": title,
                   "timestamp": f"2016-01-01T00:{pos // 60:02d}:{pos % 60:02d}+00:00",
                   "text": title, "company": row["company"].strip()}
            out.write(json.dumps(msg, ensure_ascii=False) + "\n")
    print(len(rows), "messages")


if __name__ == "__main__":
    main()
