"""Build corpus/dev/investor-letters/messages.jsonl from two start-ups' own updates on GitHub.

Standard library only. Reads the local git mirrors made by the session's `fetch` tool
(/work/.mirror/<owner>+<name>/repo) at the pinned commits below:

- HumanLayer's weekly and monthly founder updates to investors and friends (2024-25), kept in
  the company's own repository (humanlayer/humanlayer, thoughts/.../weekly-updates.md): one
  message per dated section;
- Readup's blog (reallyreadit/blog, _posts/): the founders' weekly "Readupdates", fundraising
  diary, year-in-review and launch posts of a small reading start-up (2017-22): one message per post.

Each text is trimmed to its first 2,000 characters (at a line break where one is near). Front
matter and HTML tags are removed; wording and figures are kept.
"""
import html, json, re, subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "messages.jsonl"
NAME = "investor-letters"
M = "/work/.mirror/{}/repo"
HL, HL_C = "humanlayer+humanlayer", "c6e161da42436ea4d445eb2623fc26de37d2d736"
HL_PATH = "thoughts/searchable/global/shared/company/weekly-updates.md"
RU, RU_C = "reallyreadit+blog", "ff8e5e91e7ebd5a11ad5e98623221c7909ac151c"
MAX = 2000
MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


def git_show(mirror, commit, path):
    return subprocess.run(["git", "--git-dir", M.format(mirror), "show", f"{commit}:{path}"],
                          check=True, capture_output=True, text=True).stdout


def git_ls(mirror, commit, folder):
    out = subprocess.run(["git", "--git-dir", M.format(mirror), "ls-tree", "--name-only", commit, folder + "/"],
                         check=True, capture_output=True, text=True).stdout
    return sorted(p for p in out.split() if p.endswith((".md", ".markdown")))


def trim(text):
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if len(text) <= MAX:
        return text
    cut = text.rfind("\n", MAX - 400, MAX)
    return text[: cut if cut > 0 else MAX].rstrip()


def clean(text):
    text = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", text, flags=re.S | re.I)
    text = re.sub(r"<br\s*/?>|</p>|</li>|</h\d>", "\n", text, flags=re.I)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images carry no words
    return html.unescape(text).replace("\\-", "-").replace("\\#", "#")


def hl_date(head):
    """The section heading's date; the two undated headings get the date their text names."""
    m = re.search(r"([A-Z][a-z]{2})[a-z]* (\d{1,2})(?:st|nd|rd|th)?, (\d{4})", head)
    if m:
        return f"{m[3]}-{MONTHS[m[1].lower()]:02d}-{int(m[2]):02d}"
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", head)
    if m:
        return m[0]
    fixed = {"Jan 16th Goal": "2025-01-03", "Mid December goal - Sunday 12/15": "2024-12-15",
             "April Update - Long": "2024-05-03", "End of May Update": "2025-06-04"}
    return fixed[head]


def humanlayer():
    text = git_show(HL, HL_C, HL_PATH).replace("\\-", "-")
    parts = re.split(r"^### (.+)$", text, flags=re.M)
    for head, body in zip(parts[1::2], parts[2::2]):
        head = head.strip()
        if head.startswith("Notes for next update"):
            continue  # a staging placeholder, not an update
        yield {"sender": "Dex Horthy", "channel": "investor-updates", "company": "HumanLayer (Metalytics)",
               "thread_id": f"{NAME}:{HL}:{HL_PATH}", "subject": f"HumanLayer update: {head}",
               "date": hl_date(head), "text": trim(clean(body)), "origin": f"{HL}@{HL_C}:{HL_PATH}#{head}"}


def readup():
    for path in git_ls(RU, RU_C, "_posts"):
        raw = git_show(RU, RU_C, path)
        front, body = "", raw
        if raw.startswith("---"):
            _, front, body = raw.split("---", 2)
        title = re.search(r"^title:\s*(.+)$", front, flags=re.M)
        author = re.search(r"^author:\s*(.+)$", front, flags=re.M)
        title = title[1].strip().strip("\"'") if title else Path(path).stem
        yield {"sender": author[1].strip() if author else "Readup team", "channel": "updates",
               "company": "Readup", "thread_id": f"{NAME}:{RU}:{path}", "subject": html.unescape(title),
               "date": Path(path).name[:10], "text": trim(clean(body)), "origin": f"{RU}@{RU_C}:{path}"}


def main():
    rows, sel = [], []
    for i, item in enumerate([*humanlayer(), *readup()], 1):
        if not item["text"]:
            continue
        mid = f"{NAME}-{len(rows) + 1}"
        rows.append({"id": mid, "source": "gmail", "sender": item["sender"], "channel": item["channel"],
                     "thread_id": item["thread_id"], "subject": item["subject"],
                     "timestamp": f"{item['date']}T12:00:00+00:00", "text": item["text"],
                     "company": item["company"]})
        sel.append(f"{mid}\t{item['origin']}")
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    (HERE / "selection.tsv").write_text("\n".join(sel) + "\n")
    print(len(rows), "messages")


if __name__ == "__main__":
    main()
