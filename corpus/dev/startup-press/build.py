"""Build corpus/dev/startup-press/messages.jsonl from five public TechCrunch scrapes on GitHub.

Standard library only. Reads the local git mirrors made by the session's `fetch` tool
(/work/.mirror/<owner>+<name>/...) at the pinned commits below, takes the articles listed in
SELECT (row index in the scrape's CSV, and the startup the article is about), strips the
scrapers' page furniture (a leading "Comment"/"Featured Article" label, TechCrunch's navigation
bar, the byline header), and keeps the first 1,500 characters of each article, cut at a space.
"""
import csv, io, json, re, subprocess
from pathlib import Path

csv.field_size_limit(10**9)
OUT = Path(__file__).resolve().parent / "messages.jsonl"
LIMIT = 1500
SCRAPES = {
    # key: (git dir, commit, path)
    "danjari": ("/work/.mirror/Danjari+startupFundingTracker/repo",
                "f2cd65a308d40bcf90e46f404d8a03f03387956c", "techcrunch.csv"),
    "techsolution": ("/work/.mirror/TechSolution0923+Techcrunch/repo",
                     "2ec94d9d59f2ea647a44692ae69559ed96be13fa", "techcrunch.csv"),
    "crosson": ("/work/.mirror/MichaelCrosson+TechCrunchScraper/repo",
                "c9ea191332d9de83e67328aca1c00acdee88ed51", "techcrunch.csv"),
    "shankerram3": ("/work/.mirror/shankerram3+RAG-startup-trend-chatbot/repo",
                    "84129cc5d174b525b9416609e53ec963144bbe2c", "techcrunch_articles.csv"),
    "gurkanwall": ("/work/.mirror/gurkanwall+CSIS4260-Assignment2/repo",
                   "4dd4339df58e5b021359169b6ae6b4954e6e6d63", "techcrunch_articles.csv"),
    # TechCrunch Japan (jp.techcrunch.com), Apr-Jul 2018, via newsapi.org: headline and lead
    # only, no header row (publishedAt, title, description, url, author)
    "tcjp": ("/work/.mirror/pernod14+news_scrap/repo",
             "3d756a7a3ef34073f4c8b217d706d86de333b84e", "techcrunch_articles.csv"),
}
# The crosson scrape keeps no dates: its articles are from May-July 2024; the commit date of
# the scrape stands in as a placeholder.
CROSSON_DATE = "2024-09-06"
NAV = ("Latest AI Amazon Apps Biotech & Health Climate Cloud Computing Commerce Crypto "
       "Enterprise EVs Fintech Fundraising Gadgets Gaming Google Government & Policy Hardware "
       "Instagram Layoffs Media & Entertainment Meta Microsoft Privacy Robotics Security Social "
       "Space Startups TikTok Transportation Venture Events Startup Battlefield StrictlyVC "
       "Newsletters Podcasts Videos Partner Content TechCrunch Brand Studio Crunchboard Contact Us ")
SELECT = [
    # (scrape, row index, company the article is about)
    ("danjari", 2, "Synex Medical"), ("danjari", 3, "Sentry"), ("danjari", 8, "Jony Ive's AI device startup (unnamed)"),
    ("danjari", 9, "Pedego"), ("danjari", 10, "Ibotta"), ("danjari", 19, "Oyo"),
    ("danjari", 20, "Pure Watercraft"), ("danjari", 21, "Moksha"), ("danjari", 23, "Shelf"),
    ("danjari", 29, "Black Forest Labs"), ("danjari", 34, "Sandvine"), ("danjari", 42, "Tumblr"),
    ("danjari", 45, "SignalFire"), ("danjari", 47, "Simpler"), ("danjari", 49, "Alan"),
    ("danjari", 62, "Virtuous"), ("danjari", 65, "Motional"), ("danjari", 66, "Cruise"),
    ("danjari", 67, "LateNiteSoft"), ("danjari", 71, "Quilt"), ("danjari", 72, "Back Market"),
    ("danjari", 73, "Albedo"), ("danjari", 74, "UPchieve"), ("danjari", 77, "Tidal Metals"),
    ("danjari", 79, "Zeno"), ("danjari", 80, "Kiwibot"), ("danjari", 81, "Fathom"),
    ("danjari", 83, "Karman Industries"), ("danjari", 85, "Ferovinum"),
    ("danjari", 86, "Picus Security"), ("danjari", 87, "Brightband"), ("danjari", 89, "Phlair"),
    ("danjari", 91, "Anduril"), ("danjari", 92, "Motional"), ("danjari", 95, "Bluesky"),
    ("danjari", 96, "Fal.ai"), ("danjari", 99, "Fisker"),
    ("techsolution", 1, "Capchase"), ("techsolution", 2, "AudiencePlus"),
    ("techsolution", 3, "Twelve Labs"), ("techsolution", 6, "Sama"), ("techsolution", 7, "Writer"),
    ("techsolution", 8, "Cable"), ("techsolution", 11, "MediShout"), ("techsolution", 15, "Fairphone"),
    ("techsolution", 16, "Builder.ai"), ("techsolution", 18, "SoftBank Vision Fund"),
    ("techsolution", 19, "Everseen"),
    ("crosson", 0, "OmniAI"), ("crosson", 2, "Runway"), ("crosson", 3, "Mistral AI"),
    ("crosson", 8, "Exactly.ai"), ("crosson", 9, "OpenAI"), ("crosson", 10, "SewerAI"),
    ("crosson", 14, "Cohere"), ("crosson", 16, "Orby"), ("crosson", 19, "EasyTranslate"),
    ("crosson", 21, "Level AI"), ("crosson", 22, "Safe Superintelligence"), ("crosson", 25, "Nova AI"),
    ("crosson", 26, "Exa"),
    ("shankerram3", 0, "OpenAI"), ("shankerram3", 1, "Unconventional"),
    ("shankerram3", 4, "Supabase"), ("shankerram3", 9, "Lore"),
    ("shankerram3", 13, "OpenAI"), ("shankerram3", 15, "Perplexity"), ("shankerram3", 16, "Oneleet"),
    ("shankerram3", 17, "Leverage Edu"), ("shankerram3", 18, "Einride"),
    ("shankerram3", 20, "Eazewell"),
    ("shankerram3", 21, "Prickly Pear Health"), ("shankerram3", 23, "Deta"), ("shankerram3", 24, "Simple"),
    ("shankerram3", 26, "Periodic Labs"), ("shankerram3", 29, "Hance"),
    ("shankerram3", 32, "Alex"), ("shankerram3", 33, "Anything"),
    ("gurkanwall", 1, "Cursor"), ("gurkanwall", 2, "Bluesky"), ("gurkanwall", 6, "Klarna"),
    ("gurkanwall", 9, "Joby Aviation"), ("gurkanwall", 13, "Tern AI"), ("gurkanwall", 14, "Bluesky"),
    ("gurkanwall", 16, "Bench"), ("gurkanwall", 25, "Flock Safety"), ("gurkanwall", 29, "Vento"),
    ("gurkanwall", 38, "Discord"), ("gurkanwall", 39, "Scale AI"), ("gurkanwall", 40, "xAI"),
    # appended after the first 90 so their ids stay stable
    ("tcjp", 8, "ローカルワークス"), ("tcjp", 21, "スペースリー"), ("tcjp", 60, "助太刀"),
    ("tcjp", 72, "タウンWiFi"), ("tcjp", 86, "giftee"), ("tcjp", 91, "LegalForce"),
    ("tcjp", 117, "プレイド"), ("tcjp", 138, "BASE"), ("tcjp", 175, "ヤマップ"), ("tcjp", 179, "チカク"),
    ("tcjp", 244, "THECOO"), ("tcjp", 246, "QunaSys"), ("tcjp", 282, "シューマツワーカー"),
    ("tcjp", 307, "フォトシンス"), ("tcjp", 317, "Ubie"), ("tcjp", 435, "カケハシ"),
    ("tcjp", 507, "インテグリカルチャー"), ("tcjp", 551, "akippa"), ("tcjp", 632, "InstaVR"),
    ("tcjp", 633, "サスメド"), ("tcjp", 701, "SEQSENSE"), ("tcjp", 5, "マネーフォワード"),
    ("tcjp", 236, "メルカリ"), ("tcjp", 270, "HiCustomer"), ("tcjp", 320, "助太刀"),
    ("tcjp", 400, "フーモア"), ("tcjp", 410, "Retty"), ("tcjp", 430, "マクアケ"),
    ("tcjp", 37, "コインチェック"), ("tcjp", 77, "コインチェック"), ("tcjp", 604, "マナボ"),
    ("tcjp", 52, "NYAGO"), ("tcjp", 230, "ジラフ"), ("tcjp", 212, "ラクスル"), ("tcjp", 437, "メルカリ"),
    ("tcjp", 669, "メルカリ"), ("tcjp", 50, "KDDI"), ("tcjp", 145, "グリー"), ("tcjp", 418, "三井不動産"),
    ("tcjp", 561, "アプリコット・ベンチャーズ"), ("tcjp", 474, "gumi"),
]
MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def rows(key):
    gitdir, commit, path = SCRAPES[key]
    raw = subprocess.run(["git", "--git-dir", gitdir, "show", f"{commit}:{path}"], check=True,
                         capture_output=True).stdout.decode("utf-8-sig")
    if key == "tcjp":
        names = ["publishedAt", "title", "description", "url", "author"]
        return [dict(zip(names, r)) for r in csv.reader(io.StringIO(raw))]
    return list(csv.DictReader(io.StringIO(raw)))


def url_date(url):
    m = re.search(r"/(\d{4})/(\d{2})/(\d{2})/", url or "")
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def article(key, r):
    """(title, author, date, url, body) of one scraped row, body without page furniture."""
    if key == "danjari":
        body = re.sub(r"^(Featured Article )?Comment ", "", r["Content"].strip())
        return r["Title"], r["Author"], url_date(r["URL"]), r["URL"], body
    if key == "techsolution":
        text = r["articles"]
        m = re.search(r"•[A-Z][a-z]+ \d{1,2}, \d{4}\n( Comment\n)?", text)
        body = text[m.end():] if m else text
        d = re.search(r"([A-Z][a-z]{2})[a-z]* (\d{1,2}), (\d{4})", r["date"])
        date = "%s-%02d-%02d" % (d.group(3), MONTHS.index(d.group(1).lower()) + 1, int(d.group(2)))
        author = re.search(r"\n([^\n@]+)@[^\n]*•", text)
        return r["title"], author.group(1).strip() if author else "TechCrunch", date, r["url"], body.strip()
    if key == "crosson":
        body = re.sub(r"^\s*(Featured Article )?Comment ", "", r["Text"])
        return r["Title"], "TechCrunch", CROSSON_DATE, None, body.strip()
    if key == "tcjp":
        # the lead as newsapi.org gave it; where it is empty or a fragment, the headline
        lead = r["description"].strip()
        body = lead if len(lead) >= 10 else r["title"]
        return r["title"], r["author"], r["publishedAt"][:10], r["url"], body
    if key == "shankerram3":
        return r["title"], r["author"], r["date"][:10], r["url"], r["content"].strip()
    body = r["content"]
    body = body[len(NAV):] if body.startswith(NAV) else body
    return r["title"], "TechCrunch", url_date(r["url"]), r["url"], body.strip()


def cut(text, limit=LIMIT):
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    if len(text) <= limit:
        return text
    i = text.rfind(" ", 0, limit)
    return text[: i if i > limit * 0.8 else limit].rstrip()


def main():
    cache = {k: rows(k) for k in SCRAPES}
    out, sel = [], []
    for n, (key, idx, company) in enumerate(SELECT, 1):
        title, author, date, url, body = article(key, cache[key][idx])
        out.append({"id": f"startup-press-{n}", "source": "gmail", "sender": author or "TechCrunch",
                    "channel": "news", "thread_id": None, "subject": title,
                    "timestamp": f"{date}T12:00:00+00:00", "text": cut(body), "company": company})
        sel.append(f"startup-press-{n}\t{key}:{idx}\t{url or ''}")
    with OUT.open("w") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    (OUT.parent / "selection.tsv").write_text("\n".join(sel) + "\n")
    print(len(out), "messages")


if __name__ == "__main__":
    main()
