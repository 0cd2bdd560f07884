"""Build corpus/fresh/startup-mail/messages.jsonl from small companies' own posts and letters.

Standard library only. Reads the local git mirrors made by the session's `fetch` tool
(/work/.mirror/<owner>+<name>/repo) at the pinned commits in ORIGINS and takes the files listed
in POSTS, one message per file: the post's title as the subject and its body (front matter,
MDX imports/exports, JSX components, HTML tags and template code removed; markdown kept as
found) trimmed to its first 2,000 characters, cut at a space. `company` = whose "we" the text
speaks for (the origin's company unless the post names another author's company).
"""
import html
import json
import re
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
NAME = "startup-mail"
M = "/work/.mirror/{}/repo"
LIMIT = 2000

# key: (mirror, commit, kind, company, sender, channel)
ORIGINS = {
    "partykit": ("partykit+partykit", "ca099b13c6015339d52a3672ff060e8dc582241d", "md",
                 "PartyKit", "blog@partykit.io", "partykit-blog"),
    "iroh": ("n0-computer+iroh.computer", "9283af8ef1039a0bf6a093ec0419816123e81bd2", "mdx",
             "n0 (iroh)", "blog@iroh.computer", "iroh-blog"),
    "tommoor": ("tommoor+tommoor.github.io", "c61ef4d2c0e69d973b0e591fc27213977e00d5a0", "md",
                "Sqwiggle", "Tom Moor", "tommoor-blog"),
    "rbucks": ("rbucks+rbucks.com", "04660308a5bee9975d96719d93380a0652151379", "pelican",
               "Toofr", "Ryan Buckley", "rbucks-blog"),
    "rchiba": ("rchiba+rchiba.github.com", "ccfe41a01052ae22a4f3de326e981c4614668724", "md",
               "TINT", "Ryo Chiba", "rchiba-blog"),
    "bisq": ("bisq-network+bisq-website", "856cd19fde5a443f7a2a0fc9e3db72fb3c737de5", "md",
             "Bisq (Bitsquare)", "blog@bisq.network", "bisq-blog"),
    "briefmetrics": ("shazow+briefmetrics", "c4c56933b7d9d8b8ebe56e01fea83a03c6bdd6f9", "template",
                     "Briefmetrics", "Andrey (Briefmetrics)", "briefmetrics-site"),
    "snapable": ("MarcMeszaros+snapable-website", "b17703a530e78d92a9e45865be0660e9f7972459",
                 "template", "Snapable", "support@snapable.com", "snapable-site"),
    "nogago": ("nogago+nogago.github.io", "90d5c5a3c146fedce412fa5de189e95fbcc06b6a", "md",
               "nogago", "Your nogago team", "nogago-site"),
    "coleww": ("coleww+cole-codes-cool-code", "de3115b49200dcd20a59384c1a47082711cb58bf", "md",
               "My Bong, Inc. (satire)", "Cole Willsea", "cole-blog"),
}
PK = "apps/blog/src/content/blog/{}.md"
IR = "src/app/blog/{}/page.mdx"
# (origin, path, company or None, date "YYYY-MM-DD" or None where the file has none)
POSTS = [
    ("partykit", PK.format("everything-is-better-with-friends"), None, None),
    ("partykit", PK.format("partyserver-class-api"), None, None),
    ("partykit", PK.format("wisdom-of-crowds"), None, None),
    ("partykit", PK.format("thinking-hats-and-spatial-chat"), None, None),
    ("partykit", PK.format("partykit-meet-tinybase"), "TinyBase", None),
    ("partykit", PK.format("partykit-raises-a-pre-seed-round-from-sequoia-remote-first-and-more"),
     None, None),
    ("partykit", PK.format("astro-paper-2"), "AstroPaper (blog theme)", None),
    ("partykit", PK.format("partykit-at-viteconf"), None, None),
    ("partykit", PK.format("single-serving-waterhole"), None, None),
    ("partykit", PK.format("fireproof-database"), "Fireproof", None),
    ("partykit", PK.format("partykit-powers-realtime-avatars-in-epic-web"), None, None),
    ("partykit", PK.format("flow-and-partykit-collaboration"), "Flow", None),
    ("partykit", PK.format("partykit-orchestrates-stately"), "Stately", None),
    ("partykit", PK.format("party-io-a-socket-io-backend-for-partykit"), None, None),
    ("partykit", PK.format("cursor-party"), None, None),
    ("partykit", PK.format("dynamic-og-images"), "AstroPaper (blog theme)", None),
    ("partykit", PK.format("announcing-partykit-ai"), None, None),
    ("partykit", PK.format("using-vectorize"), None, None),
    ("partykit", PK.format("introducing-starter-kits"), None, None),
    ("partykit", PK.format("collaborative-llm-prompting-with-wordware"), "Wordware", None),
    ("partykit", PK.format("partykit-is-joining-cloudflare"), None, None),
    ("iroh", IR.format("a-new-direction-for-iroh"), None, None),
    ("iroh", IR.format("comparing-iroh-and-libp2p"), None, None),
    ("iroh", IR.format("iroh-0-14-0-dial-the-world"), None, None),
    ("iroh", IR.format("why-we-forked-quinn"), None, None),
    ("iroh", IR.format("iroh-0-23-welcoming-nodejs-to-the-family"), None, None),
    ("iroh", IR.format("smaller-is-better"), None, None),
    ("iroh", IR.format("road-to-1-0"), None, None),
    ("iroh", IR.format("relay-down-a-post-mortem"), None, None),
    ("iroh", IR.format("iroh-0-29-net-is-the-new-iroh"), None, None),
    ("iroh", IR.format("iroh-0-32-0-browser-alpha-qad-and-n0-future"), None, None),
    ("iroh", IR.format("ffi-updates"), None, None),
    ("iroh", IR.format("consensus-is-impossible"), None, None),
    ("iroh", IR.format("iroh-0-35-prepping-for-1-0"), None, None),
    ("iroh", IR.format("iroh-0-90-the-canary-series"), None, None),
    ("iroh", IR.format("lets-write-a-dht-1"), None, None),
    ("iroh", IR.format("iroh-0-93-iroh-online"), None, None),
    ("iroh", IR.format("tor-custom-transport"), None, None),
    ("iroh", IR.format("secure-video-everywhere"), None, None),
    ("iroh", IR.format("iroh-0-97-0-custom-transports-and-noq"), None, None),
    ("iroh", IR.format("noq-announcement"), None, None),
    ("iroh", IR.format("paycode"), None, None),
    ("iroh", IR.format("iroh-1-0-0-rc-0"), None, None),
    ("iroh", IR.format("v1"), None, None),
    ("iroh", IR.format("iroh-language-support"), None, None),
    ("iroh", IR.format("iroh-1-0-1"), None, None),
    ("iroh", IR.format("iroh-1-0-2"), None, None),
    ("iroh", IR.format("the-road-to-iroh-1-0"), None, None),
    ("iroh", IR.format("mesh-llm"), None, None),
    ("iroh", IR.format("authenticated-relays"), None, None),
    ("tommoor", "_posts/2012-06-17-scaling-a-lean-startup-the-story-so-far.markdown",
     "Buffer", None),
    ("tommoor", "_posts/2012-07-31-how-we-increased-our-conversion-to-paying-users-by-171.markdown",
     "Buffer", None),
    ("tommoor", "_posts/2013-04-13-the-future.markdown", None, None),
    ("tommoor", "_posts/2013-09-06-lessons-learnt-raising-a-million-dollar-seed-round.markdown",
     None, None),
    ("tommoor", "_posts/2015-01-10-year-in-review.markdown", None, None),
    ("tommoor", "_posts/2015-05-24-the-rollercoaster.markdown", None, None),
    ("tommoor", "_posts/2019-01-02-you-should-open-source-your-product.markdown",
     "Outline", None),
    ("rbucks", "content/the-story-behind-our-layoffs.md", "Scripted", None),
    ("rbucks", "content/toofr-llc-monthly-report-sep-2017.md", None, None),
    ("rbucks", "content/toofr-llc-monthly-report-oct-2017.md", None, None),
    ("rbucks", "content/toofr-llc-monthly-report-nov-2017.md", None, None),
    ("rbucks", "content/toofr-llc-monthly-report-dec-2017.md", None, None),
    ("rbucks", "content/toofr-llc-quarterly-report-q1-2018.md", None, None),
    ("rbucks", "content/toofr-llc-quarterly-report-q2-2018.md", None, None),
    ("rbucks", "content/mightysignals-new-leadership.md", "MightySignal", None),
    ("rbucks", "content/53-days-to-first-revenue-for-inlistio.md", "Inlist.io", None),
    ("rbucks", "content/im-fundraising-this-time-and-heres-why.md", "Shovels", None),
    ("rbucks", "content/moving-from-saas-to-metered-billing.md", None, None),
    ("rbucks", "content/four-lessons-to-learn-about-selling-a-business.md", None, None),
    ("rchiba", "_posts/2013-01-23-how-tint-uses-trello.markdown", None, None),
    ("rchiba", "_posts/2013-03-29-tintprogress.markdown", None, None),
    ("rchiba", "_posts/2016-06-08-tough-times-dont-last-but-tough-startups-do.markdown",
     None, None),
    ("rchiba", "_posts/2018-09-20-my-farewell-to-tint.markdown", None, None),
    ("rchiba", "_posts/2018-12-27-2018-financial-year-in-review.markdown",
     "Ryo Chiba (personal)", None),
    ("bisq", "_posts/2014-12-16-bitsquare-now-in-alpha.md", None, None),
    ("bisq", "_posts/2015-01-22-reality-check.md", None, None),
    ("bisq", "_posts/2015-02-10-crowdfunding-campaign-conclusion.md", None, None),
    ("bisq", "_posts/2015-03-12-update.md", None, None),
    ("bisq", "_posts/2015-08-10-new-team-members.md", None, None),
    ("bisq", "_posts/2016-04-27-beta-version-launched.md", None, None),
    ("bisq", "_posts/2017-01-12-bitsquare-is-rebranding.md", None, None),
    ("bisq", "_posts/2017-03-06-bitsquare-becomes-bisq.md", None, None),
    ("bisq", "_posts/2020-04-08-statement-security-vulnerability.md", None, None),
    ("bisq", "_posts/2020-09-09-trading-trends-august-2020.md", None, None),
    ("bisq", "_posts/2024-03-16-bisq-2-now-in-beta.md", None, None),
    ("bisq", "_posts/2025-02-10-bisq-needs-senior-java-developers.md", None, None),
    ("bisq", "_posts/2026-04-11-mobile-apps-completed.md", None, None),
    ("bisq", "_posts/2026-05-16-security-incident-post-mortem.md", None, None),
    ("bisq", "_posts/2026-06-16-where-bisq-stands-after-security-incident.md", None, None),
    # no date in the file: the commit that added it
    ("briefmetrics", "briefmetrics/web/templates/articles/shutdown.mako", None, "2022-08-18"),
    ("snapable", "app/application/views/home/goodbye.php", None, "2016-09-10"),
    ("nogago", "index.md", None, "2018-05-15"),
    ("coleww",
     "source/2015-09-23-after-a-lot-of-thought-i-have-decided-to-shutdown-my-bong.html.markdown",
     None, None),
    # second pass, appended so that the ids above stay stable
    ("rbucks", "content/on-being-the-3rd-ceo-of-the-startup-i-started.md", "Scripted", None),
    ("rbucks", "content/whats-next-for-me.md", "Scripted", None),
    ("rbucks", "content/scripted-dont-quit.md", "Scripted", None),
    ("rbucks", "content/my-524687-side-business.md", None, None),
    ("rbucks", "content/the-bitter-taste-of-failure.md", "Scripted", None),
    ("bisq", "_posts/2018-12-13-bisq-dao-now-on-testnet.md", None, None),
    ("bisq", "_posts/2019-04-17-dao-launch-third-anniversary.md", None, None),
    ("bisq", "_posts/2019-10-29-bisq-v1-2-released.md", None, None),
    ("bisq", "_posts/2020-02-10-q1-2020-update.md", None, None),
]


def git(mirror, *args):
    gd = M.format(mirror)
    if Path(gd, ".git").is_dir():
        gd += "/.git"
    return subprocess.run(["git", "--git-dir", gd, *args], check=True, capture_output=True,
                          text=True, errors="replace").stdout


def field(front, *names):
    for n in names:
        m = re.search(rf"^\s*{n}:\s*['\"]?(.*?)['\"]?,?\s*$", front, re.M)
        if m:
            return re.sub(r"^!\s*'?|'$", "", m.group(1).strip())  # YAML "! 'title'" form
    return None


def split(kind, raw):
    """(title, date, author, body) of one file."""
    if kind == "md":
        m = re.match(r"---\s*\n(.*?)\n---\s*\n(.*)", raw, re.S)
        front, body = (m.group(1), m.group(2)) if m else ("", raw)
        return (field(front, "title"), field(front, "pubDatetime", "date"),
                field(front, "author"), body)
    if kind == "pelican":
        head, _, body = raw.partition("\n\n")
        return field(head, "Title"), field(head, "Date"), None, body
    if kind == "mdx":
        m = re.search(r"export const post = \{(.*?)\n\}", raw, re.S)
        front = m.group(1) if m else ""
        body = re.sub(r"export const post = \{.*?\n\}\n", "", raw, flags=re.S)
        body = re.sub(r"export const \w+ = [\[{].*?\n[\]}]\n", "", body, flags=re.S)
        body = re.sub(r"^(import .*|export default .*)$", "", body, flags=re.M)
        body = re.sub(r"<([A-Z]\w*)\b[^>]*?/>", "", body, flags=re.S)  # self-closing components
        body = re.sub(r"</?[A-Z]\w*\b[^>]*>", "", body, flags=re.S)
        return field(front, "title"), field(front, "date"), field(front, "author"), body
    # template: HTML with mako/php code
    body = re.sub(r"<%.*?%>|<\?php.*?\?>|\$\{[^}]*\}", "", raw, flags=re.S)
    title = re.search(r"<h[12][^>]*>(.*?)</h[12]>", body, re.S)
    return (re.sub(r"\s+", " ", title.group(1)).strip() if title else None), None, None, body


def clean(body, kind="md"):
    body = re.sub(r"<!--.*?-->", "", body, flags=re.S)
    body = re.sub(r"<(script|style)\b.*?</\1>", "", body, flags=re.S | re.I)
    body = re.sub(r"</p>|<br\s*/?>|</h\d>|</div>|</li>", "\n", body, flags=re.I)
    body = html.unescape(re.sub(r"<[^>]+>", "", body))
    # markdown keeps indented code blocks; template markup's indentation is only layout
    body = "\n".join(line.strip() if kind == "template" or not line.startswith("    ")
                     else line.rstrip() for line in body.splitlines())
    return re.sub(r"\n{3,}", "\n\n", body).strip()


def trim(text):
    if len(text) <= LIMIT:
        return text
    cut = text.rfind(" ", 0, LIMIT)
    return text[:cut if cut > LIMIT // 2 else LIMIT].rstrip()


def main():
    rows, sel = [], []
    for key, path, company, date in POSTS:
        mirror, commit, kind, default_company, sender, channel = ORIGINS[key]
        title, when, author, body = split(kind, git(mirror, "show", f"{commit}:{path}"))
        if not date:
            date = (when or re.search(r"(\d{4}-\d{2}-\d{2})", path).group(1))[:10]
        if kind == "template" and title:
            body = body.replace(title, "", 1)
        text = trim(clean(body, kind))
        mid = f"{NAME}-{len(rows) + 1}"
        rows.append({"id": mid, "source": "gmail", "sender": author or sender,
                     "channel": channel, "thread_id": f"{NAME}:{mirror}:{path}",
                     "subject": title, "timestamp": f"{date}T12:00:00+00:00", "text": text,
                     "company": company or default_company})
        sel.append(f"{mid}\t{mirror.replace('+', '/')}@{commit[:12]}:{path}")
    (HERE / "messages.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    (HERE / "selection.tsv").write_text("\n".join(sel) + "\n")
    print(len(rows), "messages")


if __name__ == "__main__":
    main()
