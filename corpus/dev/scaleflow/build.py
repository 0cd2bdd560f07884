#!/usr/bin/env python3
"""Build messages.jsonl for the ScaleFlow corpus from the original project's sample CSV.

Source: github.com/Potladurthy-Sai-Praneeth/Company-growth-analyzer, data/full_data.csv
at commit 5928f382b0beb6b8f359abc16d406979374a8a58 (read via `git show` from the local mirror).
Standard library only.
"""
import csv
import io
import json
import os
import subprocess
import sys

REPO = os.environ.get(
    "SCALEFLOW_REPO",
    "/work/.mirror/Potladurthy-Sai-Praneeth+Company-growth-analyzer/repo",
)
COMMIT = "5928f382b0beb6b8f359abc16d406979374a8a58"
PATH = "data/full_data.csv"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "messages.jsonl")


def subject_of(content):
    if not content.startswith("Subject:"):
        return None
    rest = content[len("Subject:"):].lstrip()
    cut = rest.find(". ")
    return (rest if cut < 0 else rest[:cut]).strip()


def main():
    raw = subprocess.run(
        ["git", "-C", REPO, "show", f"{COMMIT}:{PATH}"],
        check=True, capture_output=True,
    ).stdout.decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(raw)))
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            is_chat = r["is_chat"].strip().lower() == "true"  # rows 1-100 say True/False, rows 101+ true/false
            content = r["content"]
            ts = r["timestamp"].strip().replace(" ", "T") + "+00:00"
            msg = {
                "id": f"scaleflow-{r['id'].strip()}",
                "source": "slack" if is_chat else "gmail",
                "sender": (r["chat_sender"] or r["email_sender"]).strip(),
                "channel": None,
                "thread_id": None,
                "subject": None if is_chat else subject_of(content),
                "timestamp": ts,
                "text": content,
                "company": "ScaleFlow",
            }
            f.write(json.dumps(msg, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} messages to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
