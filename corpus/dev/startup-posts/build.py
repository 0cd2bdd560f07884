"""Build corpus/dev/startup-posts/messages.jsonl from seven startups' posts and changelogs.

Standard library only. Reads the local git mirrors made by the session's `fetch` tool
(/work/.mirror/<owner>+<name>/repo) at the pinned commits below. Blog posts and one-file-per-entry
changelogs become one message each; single-file changelogs are split into one message per entry
(Mintlify/Upstash `<Update label=...>` blocks, Hoppscotch `## <version>` sections). Front matter,
HTML/JSX tags and image links are stripped and each text is cut at ~1,200 characters.
"""
import html, json, re, subprocess
from pathlib import Path

OUT = Path(__file__).resolve().parent / "messages.jsonl"
LIMIT = 1200
MIRROR = "/work/.mirror/{}/repo"
POSTS = [
    # (company, repository, commit, path template, [names])
    ("Tigris Data", "tigrisdata/tigris-blog", "7bcee2ff0cc8cf066e4b43d283f499a476d22aae",
     "blog/{}/index.mdx", """
2024-02-14-object-storage-public-beta 2024-03-14-a16z-round-press-release 2024-04-18-tigris-vs-s3-cloudfront
2024-05-30-billing 2024-07-16-juicefs 2024-09-18-case-study-falai 2024-10-02-availability
2024-10-25-object-notifications 2024-11-05-storage-tiers 2024-12-12-case-study-beam
2025-01-28-tigris-fixes-s3-libs 2025-01-29-thoughts-deepseek-r1 2025-02-19-virtual-hosted-urls
2025-03-04-depot-registry 2025-03-25-soc2-type-ii 2025-04-03-mcp-server 2025-04-15-renames
2025-04-17-bucket-sharing 2025-05-06-lifecycle-rules 2025-05-20-fake-captchas 2025-06-03-shadow-bucket
2025-07-01-tigrisfs 2025-07-08-benchmark-small-objects 2025-07-17-iam 2025-09-04-logseam
2025-09-23-billing-prometheus 2025-09-25-storage-sdk-js 2025-10-08-funding-announcement
2025-10-17-fork-buckets-like-code 2025-11-25-hosted-mcp 2025-12-03-snapshots 2025-12-09-northflank-registry
2025-12-16-mcp-oidc-provider 2026-01-07-2025-wrapped 2026-01-27-discord-backfill
2026-02-24-case-study-agentuity 2026-03-24-multi-region-buckets 2026-04-01-cougarllm
2026-04-28-agent-kit 2026-06-09-soft-delete
""".split()),
    ("Lago", "getlago/lago-docs", "502a9e7850b73445bdddfa96b27ed6726ef0362b", "changelog/{}.md", """
stripe-integration gocardless-integration adyen-integration customer-portal credit-notes prepaid-credits
multiple-plans minimum-spend one-off-invoices go-client open-api template-algolia reset-password
search-bar timezones weekly-interval invite-members webhook-logs download-invoices events-list
coupons-v2 coupons-forever volume-charge-model percentage-charge-model package-pricing
customer-currency document-locale payment-retries grace-period automatic-emails
""".split()),
    ("ZenStack", "zenstackhq/zenstack-docs", "bf4c80defe8486cfebfe14430f5ff5716a6689aa", "blog/{}", """
seven-months-oss/index.md find-user/index.md start-with-why/index.md v2-stories/index.md
next-chapter-1/index.md prisma-alternative/index.md adapt-to-edge/index.md text-search/index.md
drizzle-prisma/index.md build-language/index.md contribute-oss/index.md orm-2026/index.md
supabase-alternative/index.md business-logic-db/index.md microservice/index.md mcp-code-mode/index.md
prisma-auth/index.md saas-backend/index.md
""".split()),
    ("QuestDB", "questdb/questdb.io", "ade83f59a839b734cad47a0a34f08b319d71f50b", "blog/{}.md", """
2019-12-19-lineprot 2020-03-15-interthread 2020-04-02-using-simd-to-aggregate-billions-of-rows-per-second
2020-05-12-interesting-things-we-learned-about-sums 2020-07-01-we-put-a-sql-database-on-the-internet
2020-07-24-use-questdb-for-swag 2020-08-06-my-journey-writing-questdb 2020-08-19-memory-mapping-deep-dive
2020-09-24-why-performance-matters 2020-10-16-taxi-drivers-are-options-traders
2020-10-20-authentication-for-influx-line-protocol 2020-11-16-http-server-contribution
2020-11-26-why-timeseries-data 2020-12-10-garbage-free-stack-for-kafka-streams
2021-02-05-questdb-release-5-0-6-postgres-wire 2021-04-20-questdb-release-6-0-alpha
2021-05-10-questdb-release-6-0-tsbs-benchmark 2021-06-16-high-cardinality-time-series-data-performance
2021-07-16-release-6-0-4
""".split()),
]
CHANGELOGS = [
    # (company, repository, commit, path, entry splitter, how many newest entries)
    ("Mintlify", "mintlify/docs", "3bbce7aa1abf66b19671bc398b9752d608fd0826", "changelog.mdx", "update", 22),
    ("Upstash", "upstash/docs", "ef0ce4387f723fa1d0bd49d29331a6ec61feb6df", "qstash/overall/changelog.mdx", "update", 20),
    ("Hoppscotch", "hoppscotch/docs", "97f922080b91990744c57ebbfad9bbb6b85d515f", "documentation/changelog.mdx", "h2", 20),
]
MONTHS = "january february march april may june july august september october november december".split()


def git_show(repo, commit, path):
    return subprocess.run(["git", "--git-dir", MIRROR.format(repo.replace("/", "+")), "show",
                           f"{commit}:{path}"], check=True, capture_output=True).stdout.decode("utf-8", "replace")


def split_front_matter(raw):
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
    body = re.sub(r"<!--.*?-->|\{/\*.*?\*/\}", "", body, flags=re.S)
    # MDX: multi-line `export const X = ...` definitions and self-closing component blocks
    # (props spread over many lines) are page code, not post text.
    body = re.sub(r"^export .*?^(\}|\);?|\};)\s*$", "", body, flags=re.M | re.S)
    body = re.sub(r"^<[A-Z]\w*(?:(?!^\S).)*?^\s*/>\s*$", "", body, flags=re.M | re.S)
    body = re.sub(r"^(import|export) .*$", "", body, flags=re.M)
    body = re.sub(r"<(script|style)\b.*?</\1>", "", body, flags=re.S | re.I)
    body = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", body)  # images
    body = re.sub(r"<br\s*/?>|</p>|</h\d>|</li>|</div>", "\n", body, flags=re.I)
    body = re.sub(r"<[^>]+>", "", body)
    body = html.unescape(body)
    body = re.sub(r"[ \t]+\n", "\n", body)
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    return body


def cut(text, limit=LIMIT):
    if len(text) <= limit:
        return text
    i = text.rfind(" ", 0, limit)
    return text[: i if i > limit * 0.8 else limit].rstrip()


def iso(text):
    """First date in `text` as YYYY-MM-DD (ISO, 'Month D, YYYY', 'Month D', or 'Month YYYY')."""
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        return m.group(0)
    m = re.search(r"([A-Z][a-z]+)\s+(\d{1,2})\b[^0-9]*?(\d{4})", text)
    if m and m.group(1).lower() in MONTHS:
        return "%s-%02d-%02d" % (m.group(3), MONTHS.index(m.group(1).lower()) + 1, int(m.group(2)))
    m = re.search(r"([A-Z][a-z]+)\s+(\d{4})", text)
    if m and m.group(1).lower() in MONTHS:
        return "%s-%02d-01" % (m.group(2), MONTHS.index(m.group(1).lower()) + 1)
    return None


def entries(raw, how):
    """(title, date, body) of each changelog entry, newest first as in the file."""
    if how == "update":
        for m in re.finditer(r"<Update\s+label=\"([^\"]+)\"([^>]*)>(.*?)</Update>", raw, re.S):
            t = re.search(r"title:\s*\"([^\"]+)\"", m.group(2))
            yield (t.group(1) if t else m.group(1)), iso(m.group(1)), m.group(3)
    else:
        parts = re.split(r"^## ", raw, flags=re.M)[1:]
        for p in parts:
            head, _, body = p.partition("\n")
            yield head.strip(), iso(body[:200]), body


def row(n, company, sender, subject, date, text, where):
    return {"id": f"startup-posts-{n}", "source": "gmail", "sender": sender, "channel": "blog",
            "thread_id": None, "subject": subject, "timestamp": f"{date}T12:00:00+00:00",
            "text": cut(clean(text)), "company": company, "_path": where}


def main():
    rows = []
    for company, repo, commit, tmpl, names in POSTS:
        for name in names:
            path = tmpl.format(name)
            fm, body = split_front_matter(git_show(repo, commit, path))
            heading = re.match(r"\s*#\s+(.+)\n", body)
            title = fm.get("title") or (heading.group(1).strip() if heading else None)
            if heading:
                body = body[heading.end():]
            date = iso(fm.get("date", "")) or iso(name)
            sender = fm.get("author") or fm.get("authors") or company
            rows.append(row(len(rows) + 1, company, sender, title, date, body, f"{repo}:{path}"))
    for company, repo, commit, path, how, keep in CHANGELOGS:
        raw = git_show(repo, commit, path)
        for title, date, body in list(entries(raw, how))[:keep]:
            rows.append(row(len(rows) + 1, company, company, title, date, body, f"{repo}:{path}#{title}"))
    with OUT.open("w") as fh, (OUT.parent / "selection.tsv").open("w") as sel:
        for r in rows:
            sel.write(r["id"] + "\t" + r.pop("_path") + "\n")
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(rows), "messages")


if __name__ == "__main__":
    main()
