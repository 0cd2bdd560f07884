"""Build corpus/dev/tech-blogs/messages.jsonl from six startups' blogs/changelogs kept on GitHub.

Standard library only. Reads the local git mirrors made by the session's `fetch` tool
(/work/.mirror/<owner>+<name>/repo) at the pinned commits below, takes every post of the listed
folders (OpenStatus changelog: every third entry in file-name order, see SOURCE.md), strips front
matter, MDX/HTML tags, and keeps the first ~1,500 characters of each body (cut at a space).
"""
import html, json, re, subprocess
from pathlib import Path

OUT = Path(__file__).resolve().parent / "messages.jsonl"
MIRROR = "/work/.mirror"
LIMIT = 1500
MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
SOURCES = [
    # (company, mirror folder, commit, folder in repo, rule)
    ("OpenStatus", "openstatusHQ+openstatus", "22df52eb0dbdafbad2c3fa41269f7a3a3cbf044b",
     "apps/web/src/content/pages/blog/", "all"),
    ("OpenStatus", "openstatusHQ+openstatus", "22df52eb0dbdafbad2c3fa41269f7a3a3cbf044b",
     "apps/web/src/content/pages/customers/", "all"),
    ("OpenStatus", "openstatusHQ+openstatus", "22df52eb0dbdafbad2c3fa41269f7a3a3cbf044b",
     "apps/web/src/content/pages/changelog/", "every3"),
    ("Unkey", "unkeyed+unkey", "226cdb0e4983bbb9ef243c0446450ac11395007e",
     "apps/www/content/blog/", "all"),
    ("Unkey", "unkeyed+unkey", "226cdb0e4983bbb9ef243c0446450ac11395007e",
     "apps/www/content/changelog/", "all"),
    ("Unkey", "unkeyed+unkey", "226cdb0e4983bbb9ef243c0446450ac11395007e",
     "apps/www/content/careers/", "all"),
    ("Documenso", "documenso+documenso", "08d3d6a80a8b1de82ccb78921567d864e691db3f",
     "apps/marketing/content/blog/", "all"),
    ("Excalidraw", "excalidraw+excalidraw-blog", "083a4277a924886ee4f50b49e6d7ab2bec439581",
     "content/blog/", "index"),
    ("ElectricSQL", "electric-sql+electric", "dc07a1e6c8ff459b59ce407cdb6bf2f7fd068f36",
     "website/blog/posts/", "all"),
    ("Val Town", "val-town+val-town-blog", "75f629b06cf9fa1a37f8a519779b1176918fea02",
     "src/content/blog/", "all"),
]


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True,
                          capture_output=True).stdout.decode("utf-8", "replace")


def files(repo, commit, folder, rule):
    names = [n for n in git(repo, "ls-tree", "-r", "--name-only", commit, "--", folder).split("\n")
             if n.endswith((".md", ".mdx"))]
    names.sort()
    if rule == "index":
        names = [n for n in names if n.endswith("/index.md")]
    if rule == "every3":
        names = names[::3]
    return names


def front_matter(raw):
    m = re.match(r"^---\s*\n(.*?)\n---\s*\n", raw, re.S)
    if not m:
        return {}, raw
    fm = {}
    for line in m.group(1).splitlines():
        mm = re.match(r"^([A-Za-z_]+):\s*(.*)$", line)
        if mm:
            v = mm.group(2).strip()
            if len(v) > 1 and v[0] == v[-1] and v[0] in "'\"":
                v = v[1:-1]
            fm.setdefault(mm.group(1), v)
    return fm, raw[m.end():]


def clean(body):
    body = re.sub(r"<!--.*?-->", "", body, flags=re.S)
    body = re.sub(r"^(import|export) .*$", "", body, flags=re.M)   # MDX imports
    body = re.sub(r"<(script|style)\b.*?</\1>", "", body, flags=re.S | re.I)
    body = re.sub(r"<br\s*/?>|</p>|</h\d>|</li>|</div>", "\n", body, flags=re.I)
    body = re.sub(r"<[^>]+>", "", body)
    body = html.unescape(body).replace("\\$", "$")
    body = re.sub(r"[ \t]+\n", "\n", body)
    return re.sub(r"\n{3,}", "\n\n", body).strip()


def cut(text, limit=LIMIT):
    if len(text) <= limit:
        return text
    i = text.rfind(" ", 0, limit)
    return text[: i if i > limit * 0.8 else limit].rstrip()


def date_of(fm, path, repo, commit):
    for key in ("publishedAt", "date", "pubDate"):
        v = fm.get(key, "")
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", v)
        if m:
            return m.group(0)
        m = re.match(r"([A-Z][a-z]+) (\d{1,2}),? (\d{4})", v)   # "April 9, 2024"
        if m and m.group(1)[:3].lower() in MONTHS:
            return "%s-%02d-%02d" % (m.group(3), MONTHS.index(m.group(1)[:3].lower()) + 1,
                                     int(m.group(2)))
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", path)
    if m:
        return m.group(0)
    # job posts carry no date: the day the file last changed stands in for it
    return git(repo, "log", "-1", "--format=%cs", commit, "--", path).strip()


def main():
    rows = []
    for company, mirror, commit, folder, rule in SOURCES:
        repo = f"{MIRROR}/{mirror}/repo"
        for path in files(repo, commit, folder, rule):
            fm, body = front_matter(git(repo, "show", f"{commit}:{path}"))
            sender = fm.get("author") or fm.get("authorName") or company
            rows.append({
                "id": f"tech-blogs-{len(rows) + 1}", "source": "gmail", "sender": sender,
                "channel": "changelog" if "changelog" in folder else "careers"
                if "careers" in folder else "blog",
                "thread_id": None, "subject": html.unescape(fm.get("title", "")) or None,
                "timestamp": date_of(fm, path, repo, commit) + "T12:00:00+00:00",
                "text": cut(clean(body)), "company": company,
                "_path": f"{mirror.replace('+', '/')}@{commit[:12]}:{path}",
            })
    with OUT.open("w") as fh, (OUT.parent / "selection.tsv").open("w") as sel:
        for r in rows:
            sel.write(r["id"] + "\t" + r.pop("_path") + "\n")
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(rows), "messages")


if __name__ == "__main__":
    main()
