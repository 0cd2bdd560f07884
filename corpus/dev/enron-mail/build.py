"""Rebuild messages.jsonl for corpus/dev/enron-mail (standard library only).

Usage: python3 build.py /path/to/luikyv/email_classification/git-dir

Source: enron1/ham/ of the Enron-Spam corpus (Metsis, Androutsopoulos & Paliouras 2006), as
committed in github.com/luikyv/email_classification at commit
81b3aa67e16382cc485070120e39a94107efa8b2. enron1/ham holds 3,672 legitimate messages from the
mailbox of Enron employee Daren Farmer (farmer-d), already lower-cased and tokenised by the
Enron-Spam authors; header lines other than "Subject:" were removed by them.

Selection rule: the ham files sorted by name, every 12th file starting with the first
(index 0, 12, 24, ...), first 300 of those.
Each message: subject = text of the first "Subject:" line; text = the remaining body, kept as
found, trimmed to ~2,000 chars at a line break. Timestamp = the date in the file name
(YYYY-MM-DD) at 00:00 UTC. sender = "farmer-d mailbox" (the file does not name the sender).
"""
import json
import subprocess
import sys

COMMIT = "81b3aa67e16382cc485070120e39a94107efa8b2"
STEP = 12
N = 300
LIMIT = 2000


def git(gitdir, *args):
    return subprocess.run(["git", "-C", gitdir, *args], capture_output=True, check=True).stdout


def trim(text, limit=LIMIT):
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit)
    if cut < limit // 2:
        cut = text.rfind(" ", 0, limit)
    return text[:cut].rstrip()


def main():
    gitdir = sys.argv[1]
    names = sorted(git(gitdir, "ls-tree", "-r", "--name-only", COMMIT, "enron1/ham/")
                   .decode().split())
    chosen = names[::STEP][:N]
    with open("messages.jsonl", "w") as out:
        for path in chosen:
            raw = git(gitdir, "show", f"{COMMIT}:{path}").decode("latin-1").replace("\r\n", "\n")
            lines = raw.split("\n")
            subject = None
            if lines and lines[0].lower().startswith("subject:"):
                subject = lines[0][len("subject:"):].strip() or None
                lines = lines[1:]
            body = trim("\n".join(lines).strip())
            fname = path.rsplit("/", 1)[1]          # e.g. 0001.1999-12-10.farmer.ham.txt
            num, date = fname.split(".")[0], fname.split(".")[1]
            msg = {"id": f"enron-mail-{num}", "source": "gmail", "sender": "farmer-d mailbox",
                   "channel": None, "thread_id": None, "subject": subject,
                   "timestamp": f"{date}T00:00:00+00:00", "text": body, "company": "Enron"}
            out.write(json.dumps(msg, ensure_ascii=False) + "\n")
    print(len(chosen), "messages")


if __name__ == "__main__":
    main()
