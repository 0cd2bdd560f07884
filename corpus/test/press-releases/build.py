"""Rebuild messages.jsonl for corpus/test/press-releases from the Newsworthyai/press-release-archive
mirror (CC0). Selection: filename-slug keyword buckets, seeded random sample per bucket.
Usage: python3 build.py <git-dir-of-mirror> [commit]   (stdlib only)
Company names are fixed by hand in company_overrides.json after reading (issuer of the release)."""
import json, os, random, re, subprocess, sys

GIT = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/Newsworthyai+press-release-archive/repo"
COMMIT = sys.argv[2] if len(sys.argv) > 2 else "9b2f3f325098dd60c940f8bffb80e66bb83b152a"
HERE = os.path.dirname(os.path.abspath(__file__))
BUCKETS = [
    ("funding", r"raises|seed-round|series-a|series-b|series-c|funding-round|closes-.*-funding|secures-.*-funding", 40),
    ("hire", r"appoints|names-.*-(ceo|cto|cfo|chief|president)|hires|joins-.*-as", 25),
    ("cert", r"soc-2|iso-27001|iso-27701|hipaa|soc2", 15),
    ("marketplace", r"marketplace|now-available-on|available-in-aws", 12),
    ("acq", r"acquires", 15),
    ("milestone", r"surpasses|milestone|crosses|record", 20),
    ("expansion", r"opens-.*office|expands-into|expands-to|new-office|enters-", 18),
    ("award", r"award|wins|named-to|named-a|list", 20),
    ("partner", r"partners-with|partnership", 20),
    ("customer", r"selects|selected-by|signs-.*contract|awarded-.*contract|deploys", 15),
    ("launch", r"launches|unveils|general-availability|now-generally", 25),
    ("lowlight", r"layoff|lay-off|restructur|workforce-reduction|shuts-down|ceases|delist|outage|breach|resigns|steps-down|departure", 12),
    ("noevent", r"webinar|to-host|to-speak|to-present|to-attend|tips|how-to|why-|survey|report-finds|to-exhibit", 28),
]
# second phase, appended after the first labelling pass to cover rarer event types (ids 266+)
BUCKETS2 = [
    ("tech", r"benchmark|uptime|latency|breakthrough|world-record|patent-granted|granted-.*patent|receives-.*patent|faster", 10),
    ("customer", r"case-study|renews|renewal|saves|reduces-.*costs|roi|customer-success|helps-.*(increase|reduce|achieve)", 10),
    ("interest", r"unsolicited|non-binding|letter-of-intent|loi|proposal-to-acquire|takeover|offer-to-acquire|strategic-investment|receives-.*offer", 10),
    # third phase: every remaining match (n=None), ids 296+
    ("tech3", r"successfully-(completes|tests|demonstrates|launches)|completes-.*(test|pilot|flight)|first-successful|achieves-.*(accuracy|performance|uptime)|reduces-.*(latency|time-by)|(cuts|reduces)-.*by-[0-9]+", None),
    ("interest3", r"receives-.*(proposal|indication)|expression-of-interest|term-sheet|strategic-review|exploring-strategic|acquisition-proposal|unsolicited", None),
    ("tech4", r"first-commercial-deployment|achieves-industry-first|achieves-record", None),
]

def git(*a):
    return subprocess.run(["git", "-C", GIT] + list(a), capture_output=True, text=True, check=True).stdout

def clean(md):
    md = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", md)          # images
    md = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", md)       # links -> text
    md = re.sub(r"<[^>]+>", "", md)                         # html tags
    md = re.sub(r"[ \t]+\n", "\n", md)
    md = re.sub(r"\n{3,}", "\n\n", md)
    return md.strip()

def trim(t, n=1500):
    if len(t) <= n:
        return t
    cut = t[:n]
    m = max(cut.rfind(". "), cut.rfind(".\n"))
    return cut[: m + 1] if m > n * 0.6 else cut

def main():
    files = [f for f in git("ls-tree", "-r", "--name-only", COMMIT).splitlines()
             if f.endswith(".md") and re.match(r"^[a-z0-9]+/\d{4}/\d{4}/", f, re.I)
             and not f.startswith(("ibn/", "blockchainwire/"))]
    rnd = random.Random(20261207)
    used, picked = set(), []
    for name, rx, n in BUCKETS:
        cand = sorted(f for f in files if re.search(rx, f.split("/")[-1]) and f not in used)
        for f in rnd.sample(cand, min(n, len(cand))):
            used.add(f); picked.append((name, f))
    for name, rx, n in BUCKETS2:
        cand = sorted(f for f in files if re.search(rx, f.split("/")[-1]) and f not in used)
        for f in (cand if n is None else rnd.sample(cand, min(n, len(cand)))):
            used.add(f); picked.append((name, f))
    over = {}
    op = os.path.join(HERE, "company_overrides.json")
    if os.path.exists(op):
        over = json.load(open(op))
    out = []
    for i, (bucket, f) in enumerate(picked, 1):
        raw = git("show", f"{COMMIT}:{f}")
        text = clean(raw)
        title = text.splitlines()[0].lstrip("# ").strip()
        body = trim(text)
        y, md = f.split("/")[1], f.split("/")[2]
        mid = f"press-releases-{i}"
        first = re.sub(r"^#.*\n+", "", text).strip()
        guess = re.split(r",| \(| today| announced| has | is | and ", first, 1)[0][:60]
        out.append({"id": mid, "source": "gmail", "sender": f.split("/")[0], "channel": None,
                    "thread_id": None, "subject": title,
                    "timestamp": f"{y}-{md[:2]}-{md[2:]}T12:00:00+00:00",
                    "text": body, "company": over.get(mid, guess.strip()), "_path": f, "_bucket": bucket})
    with open(os.path.join(HERE, "messages.jsonl"), "w") as fh:
        for m in out:
            m2 = {k: v for k, v in m.items() if not k.startswith("_")}
            fh.write(json.dumps(m2, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "selection.tsv"), "w") as fh:
        for m in out:
            fh.write(f"{m['id']}\t{m['_bucket']}\t{m['_path']}\n")
    print(len(out))

if __name__ == "__main__":
    main()
