"""Build corpus/dev/startup-news/messages.jsonl from three company blogs kept on GitHub.

Standard library only. Reads the local git mirrors made by the session's `fetch` tool
(/work/.mirror/<owner>+<name>/repo) at the pinned commits below, takes the curated list of
posts (see SOURCE.md for the selection rule), strips front matter and HTML, and keeps the
first ~1,200 characters of each post body (cut at a whitespace boundary).
"""
import html, json, re, subprocess, sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "messages.jsonl"
SOURCES = [
    # (company, mirror, commit, folder, [files])
    ("Bytebase", "/work/.mirror/bytebase+bytebase.com/repo",
     "f506969036cb1d9cdc2ec1d1542b2fad377e7511", "content/blog/", """
announce-bytebase introducing-bb-Bytebase-CLI-to-manage-database-operations schema-review-policy-mysql
gh-ost-based-online-schema-migration-for-mysql hacktoberfest-2022 cncf-landscape introducing-dbcost
the-sql-editor-for-developers-and-dbas introducing-mongodb-support-in-bytebase introducing-terraform-bytebase-provider
streamline-database-change-management-for-tidb-cloud-with-bytebase bytebase-github-technology-partner
introducing-single-sign-on-in-bytebase sql-chat 2023-q1-retrospect bytebase-2-0 longbridge-case-study
one-million-downloads bytebase-gitlab-technology-partner hacktoberfest-2023 2023-q3-retrospect salla-case-study
cvte-case-study bytebase-vettabase ten-thousands-github-stars bytebase-3-0 soc2-type1 note-case-study
payermax-case-study soc2-type2 layerx-case-study
database-review-2021 how-bytebase-uses-render motherduck-from-sqlite-to-the-docker-for-data database-review-2022
migrating-postgres-from-render-to-neon how-we-improved-sql-parser-speed-70x dora-state-of-devops-2023
fault-in-schema-migration-outage database-tool-review-2024 what-is-new-in-mysql-9 how-many-dbas-should-a-company-hire
sql-auto-complete database-security-vulnerabilities-are-craziest stop-using-navicat
""".split(), ".md"),
    ("Vespa", "/work/.mirror/vespa-engine+blog/repo",
     "34c806fe1f53dc16456d36faf0e83b29b884836e", "_posts/", """
tumblr/2017-09-26-open-sourcing-vespa-yahoos-big-data-processing tumblr/2017-11-20-kimomarjohansenyahoono
tumblr/2018-03-14-introducing-tensorflow-support tumblr/2018-06-25-introducing-onnx-support
tumblr/2018-09-03-vespa-at-zedge-providing-personalization-content tumblr/2019-02-01-vespa-7-is-released
tumblr/2019-05-03-vespa-use-case-shopping tumblr/2019-12-19-vespa-product-updates-december-2019
2020-03-02-why-most-computation-will-become-online 2020-04-01-vespa-ai-and-the-cord-19-public-api
2020-06-26-the-hardest-problem-in-computing product-updates/2020-10-30-vespa-product-updates-october-2020
2021-02-19-how-using-screwdriver-for-cicd-reduced-vespas-time-spent-on-builds-and-pull-requests-by-75-percent
2021-07-01-http2 2021-08-20-summer-interns 2021-09-23-introducing-vespa-cli 2021-11-13-sliced-visiting
2021-12-10-log4j-vulnerability 2022-01-19-doubling-the-throughput-of-data-redistribution 2022-02-16-preview-of-vespa-on-arm64
2022-03-29-Upcoming-changes-in-OS-support-for-Vespa 2022-06-17-vespa-at-berlin-buzzwords 2022-06-22-vespa-8-is-here
newsletter/2022-06-29-vespa-newsletter-june-2022 2022-07-01-vespa-managed-vector-search 2022-08-12-summer-intern
2022-09-20-will-vector-dbs-dislodge-search-engines 2022-10-11-vespa-on-arm64 2022-11-08-vespa-cloud-on-gcp
2023-03-08-gpu-accelerated-ml-inference-in-vespa-cloud 2023-03-24-private-regional-endpoints 2023-05-08-vespa-support-in-langchain
2023-06-28-announcing-vector-streaming-search 2023-07-03-announcing-maximum-inner-product-search 2023-09-08-search-vespa-ai
2023-10-03-vespa-is-becoming-its-own-company 2023-10-11-cve-2023-44487 2023-10-16-lucene-linguistics
newsletter/2023-10-31-vespa-newsletter-october-2023 2023-11-01-announcing-our-series-a-funding
2023-11-02-yahoo-mail-turns-to-vespa-to-do-rag-at-scale 2023-11-09-announce-tokens-and-anonymous-endpoints
2023-12-04-a-new-visual-identity-for-a-new-era newsletter/2023-12-18-vespa-newsletter-december-2023
2024-01-02-vespa-cloud-enclave 2024-01-30-announcing-in-query-operator
2024-02-12-gigaom-sonar-for-vector-databases-positions-vespa-as-a-leader 2024-02-14-announcing-colbert-embedder-in-vespa
2024-02-14-when-you-are-using-vectors-you-are-doing-search 2024-03-01-announcing-long-context-colbert-in-vespa
2024-03-04-pair-search 2024-03-22-rag-perspectives
""".split(), ".md"),
    ("CleanSpeak", "/work/.mirror/CleanSpeak+cleanspeak-site/repo",
     "08df4ab49f2301cfab9f986f51df59519b7ac644", "_posts/", """
2013-10-09-ask-ceo-fast-inversofts-cleanspeak-chat-filter.html 2014-03-06-pokemon-testimonial.html
2014-04-03-animal-jam-cleanspeak-testimonial.html 2015-04-07-gather-forum-software-update-maintenance-mode.html
2015-05-13-cleanspeak-3-0-release-updates.html 2016-08-18-profanity-filter-build-vs-buy-analysis.html
2016-10-13-new-website.html 2016-12-20-hot-in-denver-award.html 2018-03-01-saml-single-sign-on-vulnerable.html
2018-05-03-cleanspeak-ui-update-2018.html 2018-06-14-cleanspeak-3-18-update.html 19-01-05-new-year-new-home-cleanspeak.md
2021-12-10-log4j-cleanspeak.html 2022-03-15-2022-content-moderation-trends.md 2022-03-16-see-you-at-gdc.md
2022-04-05-spring-cleanspeak.md 2022-04-15-cleanspeak-soc2-type2-certification.md
""".split(), ""),
    ("TinaCMS", "/work/.mirror/tinacms+tina.io/repo",
     "409af6ef06c51ebbc177fc73f30c45b4b19dc3bd", "content/blog/", """
announcing-tinacms introducing-tina-grande deprecating-tina-git-server what-are-blocks jamstack-denver-talk
introducing-visual-open-authoring tinacms-ui-whats-next software-engineering-daily-podcast-tinacms
upgrade-notice-improved-github-security september-update introducing-media-manager 2021-q1-tinacms-updates
tina-cloud-a-headless-cms-backed-by-git announcement-tina-cloud-is-officially-in-alpha tina-is-in-beta
who-is-logan-anderson our-friend-frank-taillandier tina-supports-mdx 2021-a-year-in-review new-year-new-cms
tinacms-2022 tina-v-0.68.14 getting-started-with-tinacms tina-1-0-announcement TinaCMS-New-Public-Roadmap
2023-02-security-update TinaCMS-Version-1-5 Introducing-Editorial-Workflow-Features-for-your-Team
Tinacms-is-now-fully-open-source Tina-Joins-SSW Tina-sponsoring-the-NEW-conference Introducing-TinaGPT-Chatbot-
Improving-TinaCloud-Indexing-with-Native-Git-CLI-and-Sparse-Checkout version-2
Pricing-Updates-its-now-cheaper-to-use-Tinas-best-feature- annual-billing two-factor-authentication
2024-12-tinacloud-public-disclosure-security-breach react-19-support tinadocs-your-complete-documentation-solution
tinacms-v4-is-coming astro-is-becoming-the-default-tinacms-starter tinacloud-separate-content-repos
tinacms-news-may-june-2026
""".split(), ".mdx"),
    ("Plausible Analytics", "/work/.mirror/plausible+website/repo",
     "cee14c92ab3134ba0efaeaf328904be9da8f4692", "_posts/", """
2018-12-20-the-analytics-tool-i-want 2019-04-11-dont-hide-behind-a-we 2019-04-29-launching-plausible
2019-05-07-replacing-google-products 2019-07-03-june-2019-recap 2019-09-02-plausible-is-going-open-source
2020-02-01-january-2020-recap 2020-03-01-february-2020-recap 2020-04-02-march-2020-recap
2020-04-17-how-one-blog-post-changed-my-startup-getting-48-000-visitors-in-a-week
2020-05-01-building-plausible-april-2020-recap 2020-05-27-marko-uku-on-the-changelog-podcast
2020-06-02-building-plausible-may-2020-recap 2020-06-04-moving-from-the-uk-to-germany-and-running-on-100-renewable-energy
2020-06-12-looking-for-beta-testers-for-self-hosted-plausible 2020-06-18-how-to-pay-your-rent-with-your-open-source-project
2020-07-01-building-plausible-june-2020-recap 2020-07-30-how-we-bootstrapped-our-startup-from-400-to-2-750-mrr-in-135-days-without-ads
2020-08-05-building-plausible-july-2020-recap 2020-09-02-how-not-to-launch-on-product-hunt-and-lessons-from-our-successful-launch
2020-09-08-building-plausible-august-2020-recap 2020-09-14-we-say-no-to-all-the-best-marketing-practices-when-growing-our-startup
2020-10-07-building-plausible-august-2020-recap 2020-10-12-open-source-licensing-and-why-were-changing-plausible-to-the-agpl-license
2020-11-05-building-plausible-october-2020-recap 2020-12-16-lessons-from-building-and-growing-an-open-source-saas
2021-01-28-what-we-learned-on-our-journey-to-10-000-mrr
2021-05-17-google-amp-is-dead-amp-pages-no-longer-get-preferential-treatment-in-google-search
2021-08-03-how-we-scaled-customer-support-for-4-000-subscribers-and-1-000-monthly-trials-as-a-bootstrapped-saas
2021-08-30-58-of-hacker-news-reddit-and-tech-savvy-visitors-block-google-analytics
2021-10-20-how-we-bootstrapped-our-open-source-google-analytics-alternative-to-500k-arr
2022-01-16-is-google-analytics-illegal
2022-03-16-universal-google-analytics-will-stop-tracking-stats-on-july-1st-2023-and-theres-no-import-to-ga4
2022-06-20-how-we-built-a-1m-arr-open-source-saas 2024-02-23-introducing-plausible-community-edition
2024-12-11-breaking-down-our-2-2k-surge-in-ai-traffic-with-plausible-analytics-how-to-ai-optimize
2025-04-10-time-on-page-can-be-off-by-up-to-80-in-ga4-as-compared-to-plausible
2025-08-27-traffic-from-chatgpt-is-down-but-it-is-actually-more-qualified
2026-01-15-why-we-say-no-to-investors-and-are-100-user-supported 2026-05-11-homepage-edits-conversion-lift
2026-07-08-eu-hosted-analytics-vs-eu-owned-analytics
""".split(), ".md"),
    ("Gitpod", "/work/.mirror/beingofexistence13+dx-workspace/repo",
     "e290ac72e9f21b36b70fcb1c814c6e49c0f17a00", "gitpods/gitpod-website/src/content/blog/", """
october-2018-release workspace-snapshots prebuilds gitpod-launch vscode-extension-in-online-ide visual-studio-online-vs-gitpod
gitlab-support self-host-your-gitpod update-december-2019 open-vsx gitpod-self-hosted-0.4.0 github-codespaces bitbucket
opensource gitlab-integration moving-software-development-to-the-cloud next-chapter-for-gitpod a-day-with-gitpod
gitpod-open-source-sustainability-fund journey-to-site-reliability-engineering-at-gitpod cloud-based-development-for-everyone
cake openvscode-server-launch tabnine teams-and-projects tailscale gitpod-for-startups vscode-server psychology-of-devx
gitpod-for-opensource two-ceos-are-better-than-one gitpod-jetbrains sustained-performance-degradation gitpod-core-values
devxconf-2022-wrap what-we-learned-growing-a-community-from-500-5000 webstorm-rubymine-now-in-beta gitpod-is-soc-2-type-ii-compliant
svens-new-role future-of-software-cdes qovery-and-gitpod introducing-gitpod-dedicated introducing-workspace-classes-and-flexible-pricing
building-for-the-long-run gitpod-comes-to-your-city-host-a-community-meet-up-with-gitpod organizations cde-universe-2023-recap
gartner-2023-cde-hypecycle linux-foundation-gitpod-partnership
""".split(), ".md"),
]
LIMIT = 1200
MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def git_show(repo, commit, path):
    return subprocess.run(["git", "-C", repo, "show", f"{commit}:{path}"], check=True,
                          capture_output=True).stdout.decode("utf-8", "replace")


def split_front_matter(raw):
    m = re.match(r"^---\s*\n(.*?)\n---\s*\n", raw, re.S)
    if not m:
        return {}, raw
    fm = {}
    for line in m.group(1).splitlines():
        mm = re.match(r"^([A-Za-z_]+):\s*(.*)$", line)
        if mm:
            v = mm.group(2).strip()
            if len(v) > 1 and v[0] == v[-1] == "'":
                v = v[1:-1].replace("''", "'")
            elif len(v) > 1 and v[0] == v[-1] == '"':
                v = re.sub(r"\\U([0-9A-Fa-f]{8})", lambda m: chr(int(m.group(1), 16)), v[1:-1])
            elif v[:1] in "'\"" and v[-1:] != v[:1]:
                v = v[1:]  # multi-line quoted YAML value: keep its first line only
            fm.setdefault(mm.group(1), v)
    return fm, raw[m.end():]


def clean(body):
    body = re.sub(r"<!--.*?-->", "", body, flags=re.S)
    body = re.sub(r"\{%.*?%\}", "", body, flags=re.S)
    body = re.sub(r"<(script|style)\b.*?</\1>", "", body, flags=re.S | re.I)
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


def date_of(fm, fname):
    for key in ("date", "updated_at", "published_at"):
        v = fm.get(key, "")
        m = re.match(r"(\d{4})[/-](\d{1,2})[/-](\d{1,2})", v)
        if m:
            return "%s-%02d-%02d" % (m.group(1), int(m.group(2)), int(m.group(3)))
    v = fm.get("date", "")
    mm = re.search(r"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})", v) or None
    if mm:
        return "%s-%02d-%02d" % (mm.group(3), MONTHS.index(mm.group(2).lower()) + 1, int(mm.group(1)))
    mm = re.search(r"([A-Za-z]{3})[a-z]*\s+(\d{1,2})\s+(\d{4})", v)
    if mm and mm.group(1).lower() in MONTHS:
        return "%s-%02d-%02d" % (mm.group(3), MONTHS.index(mm.group(1).lower()) + 1, int(mm.group(2)))
    m = re.search(r"(\d{2,4})-(\d{2})-(\d{2})-", fname)
    y = m.group(1)
    y = "20" + y if len(y) == 2 else y
    return f"{y}-{m.group(2)}-{m.group(3)}"


def main():
    rows, n = [], 0
    for company, repo, commit, folder, files, ext in SOURCES:
        for f in files:
            path = folder + f + ext
            fm, body = split_front_matter(git_show(repo, commit, path))
            n += 1
            rows.append({
                "id": f"startup-news-{n}", "source": "gmail",
                "sender": fm.get("author") or company, "channel": "blog",
                "thread_id": None, "subject": html.unescape(fm.get("title", "")) or None,
                "timestamp": date_of(fm, f) + "T12:00:00+00:00",
                "text": cut(clean(body)), "company": company,
                "_path": f"{repo.split('/')[3].replace('+', '/')}:{path}",
            })
    with OUT.open("w") as fh, (OUT.parent / "selection.tsv").open("w") as sel:
        for r in rows:
            sel.write(r["id"] + "\t" + r.pop("_path") + "\n")
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(rows), "messages")


if __name__ == "__main__":
    main()
