"""Build messages.jsonl for corpus/dev/release-notes from three public repositories.

Usage: python3 build.py TAILWIND_GITDIR CLOUDGOV_GITDIR HPVS_GITDIR
  tailwindlabs/tailwindcss  @ 90f8ff41c8e2a4d17bc76921e23e9d672123da76  CHANGELOG.md
      every "## [version] - date" section from 4.0.0-beta.1 (2024-11-21) to 4.3.3 (2026-07-16)
  cloud-gov/cg-site         @ 536b459f25dc541450f8b02675b32584196a05fd  _posts/*.md
      the first 60 posts in filename (date) order, front matter removed, body trimmed to 8,000 chars
  ibm-cloud-docs/hp-virtual-servers @ a2e89f6b06a8c78c5eaf3b5d0d6a3b32e81d5c18  whats_new.md
      every "## <date>" section; IBM attribute lines "{: ...}" removed
Tailwind sections are trimmed to 2,000 chars. Text otherwise kept as found (markdown kept, Liquid "{{ site.baseurl }}" kept).
"""
import json, os, re, subprocess, sys, datetime

TW, CG, HP = sys.argv[1:4]
C_TW = "90f8ff41c8e2a4d17bc76921e23e9d672123da76"
C_CG = "536b459f25dc541450f8b02675b32584196a05fd"
C_HP = "a2e89f6b06a8c78c5eaf3b5d0d6a3b32e81d5c18"
def show(repo, commit, path):
    return subprocess.run(["git", "-C", repo, "show", f"{commit}:{path}"], capture_output=True, text=True, check=True).stdout
def trim(t, n=2000):
    t = t.strip()
    return t if len(t) <= n else t[:n].rstrip() + " …"

out = []
# 1. Tailwind CSS changelog
cl = show(TW, C_TW, "CHANGELOG.md")
secs = re.split(r"(?m)^## ", cl)[1:]
tw = []
for s in secs:
    m = re.match(r"\[([^\]]+)\] - (\d{4}-\d{2}-\d{2})\n", s)
    if not m:
        continue
    tw.append((m.group(2), m.group(1), "## " + s.strip()))
    if m.group(1) == "4.0.0-beta.1":
        break
for date, ver, text in reversed(tw):
    out.append(dict(source="gmail", sender="Tailwind Labs (CHANGELOG.md)", channel=None, thread_id=None,
                    subject=None, timestamp=f"{date}T00:00:00+00:00",
                    text=trim(text), company="Tailwind Labs"))
# 2. cloud.gov updates posts
files = sorted(subprocess.run(["git", "-C", CG, "ls-tree", "--name-only", C_CG, "_posts/"],
                              capture_output=True, text=True).stdout.split())[:60]
for f in files:
    raw = show(CG, C_CG, f)
    fm, body = "", raw
    if raw.startswith("---"):
        _, fm, body = raw.split("---", 2)
    title = re.search(r'(?m)^title:\s*"?(.*?)"?\s*$', fm)
    date = re.search(r'(?m)^date:\s*"?(\d{4}-\d{1,2}-\d{1,2})', fm)
    d = date.group(1) if date else re.match(r"_posts/(\d{4}-\d{1,2}-\d{1,2})", f).group(1)
    d = datetime.date(*map(int, d.split("-"))).isoformat()
    author = re.search(r'(?m)^author:\s*"?(.*?)"?\s*$', fm)
    out.append(dict(source="gmail", sender=author.group(1) if author else "cloud.gov team", channel=None,
                    thread_id=None, subject=title.group(1) if title else None,
                    timestamp=f"{d}T00:00:00+00:00", text=trim(body.replace("<!--more-->", ""), 8000), company="cloud.gov"))
# 3. IBM Hyper Protect Virtual Servers release notes
wn = show(HP, C_HP, "whats_new.md")
hp = []
for s in re.split(r"(?m)^## ", wn)[1:]:
    head, _, body = s.partition("\n")
    body = "\n".join(l for l in body.split("\n") if not l.strip().startswith("{:"))
    body = re.sub(r"\{:[^}]*\}", "", body)
    d = datetime.datetime.strptime(head.strip(), "%d %B %Y").date().isoformat()
    hp.append((d, head.strip(), body.strip()))
for d, head, body in sorted(hp, key=lambda x: x[0]):
    out.append(dict(source="gmail", sender="IBM Cloud Docs (release notes)", channel=None, thread_id=None,
                    subject=head,
                    timestamp=f"{d}T00:00:00+00:00", text=trim(body), company="IBM"))
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "messages.jsonl"), "w") as fh:
    for i, r in enumerate(out, 1):
        fh.write(json.dumps({"id": f"release-notes-{i}", **r}, ensure_ascii=False) + "\n")
print(len(out))
