"""Rebuild messages.jsonl for corpus/test/news-events from the Financial PhraseBank copy in
ishu121992/financial-news-sentiment-classification (file all-data.csv, commit below).
Selection: dedupe sentences; keep sentences that name at least one capitalised non-generic word
after the first token (a likely company name); then keyword buckets, seeded random sample per
bucket, no sentence twice. Sentiment labels of the dataset are NOT used or copied.
Usage: python3 build.py [git-dir]   (stdlib only). Company names: company_overrides.json (by hand)."""
import csv, io, json, os, random, re, subprocess, sys
GIT = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/ishu121992+financial-news-sentiment-classification/repo"
COMMIT = "5e03836f0d5b109d1499a9855b942409f10b5809"
HERE = os.path.dirname(os.path.abspath(__file__))
BUCKETS = [
    ("results_up", r"(net sales|operating profit|revenue|net profit|turnover|pre-tax profit|sales).{0,60}(rose|increased|grew|doubled|surged|record|up by|up from|tripled)", 32),
    ("results_down", r"(net sales|operating profit|revenue|net profit|turnover|sales|profit).{0,60}(fell|decreased|declined|dropped|down by|down from|loss|slumped)|operating loss|net loss", 30),
    ("layoffs", r"lay off|laid off|layoff|lay-off|job cuts|cut .{0,20}jobs|redundan|personnel reduction|reduce .{0,20}staff|close .{0,30}(plant|factory|mill|unit)", 26),
    ("deals", r"(contract|order|agreement|deal)s?.{0,60}(signed|won|received|awarded|worth)|has signed|has won|has received an order|has been awarded|orders? (from|for)", 30),
    ("acq", r"acquire|acquisition|has bought|to buy|divest|sold its|sells its", 20),
    ("hires", r"appointed|has been named|named .{0,30}(ceo|president|chief|director)|resign|new (ceo|president|cfo|managing director)", 16),
    ("launch", r"launch|introduc|unveil|new product|new service", 16),
    ("expansion", r"open(ed|s)? .{0,40}(office|plant|store|factory|unit|centre|center)|new market|entered the|expand(ed|s)? .{0,30}(to|into)", 16),
    ("partner", r"partner|cooperation|alliance|joint venture", 14),
    ("users", r"customers|subscribers|users|clients|passengers|visitors", 12),
    ("noevent", r"plans to|will |expects|estimate|forecast|shares (rose|fell|closed|were)|index|analyst|target price|recommendation|rating", 40),
]
# second phase (added after first labelling pass to cover rarer event types; appended, ids 249+)
BUCKETS2 = [
    ("users2", r"(subscribers|users|customers|passengers|visitors).{0,40}(increased|rose|grew|reached|million|record)", 15),
    ("record", r"record|all-time high|highest ever", 12),
    ("interest", r"stake in|takeover|bid for|offer for|tender offer|interested in", 12),
    ("tech", r"production (started|began|increased)|new technology|efficiency|capacity (increased|rose|doubled)", 10),
    ("noevent2", r"shares|index|analyst|forecast|expects|guidance|market", 30),
    # third phase: every remaining match (n=None), ids 314+
    ("tech3", r"world 's first|first in the world|successfully (completed|tested|commissioned|launched)|production record|record production|started production|start-up of", None),
    ("cust3", r"customer satisfaction|satisfied|renewed (its|the) (contract|agreement)|extended (its|the) (contract|agreement)|repeat order|follow-on order", None),
    ("int3", r"interested in (buying|acquiring)|made an offer|bid for|approached|offer to acquire|considering (a|an) (bid|offer)", None),
]
GENERIC = set("The A An In On At For From With By According It Its This That Finnish Finland EUR USD Helsinki January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Operating Net Sales Company Group Plc Oyj Ltd Corporation Inc HEL LONDON AFX Board CEO President Q1 Q2 Q3 Q4 OMX Nordic Europe European Russia Russian Sweden Swedish Estonia Latvia Lithuania China US UK Baltic".split())
def has_name(s):
    toks = re.findall(r"\b[A-Z][A-Za-z\-&]+", s)[1:]
    return any(t not in GENERIC for t in toks)
def main():
    raw = subprocess.run(["git", "-C", GIT, "show", f"{COMMIT}:all-data.csv"], capture_output=True, check=True).stdout.decode("utf-8", "replace")
    seen, sents = set(), []
    for row in csv.DictReader(io.StringIO(raw)):
        s = row["news"].strip()
        if s in seen or len(s) < 40 or not has_name(s): continue
        seen.add(s); sents.append(s)
    rnd = random.Random(20261207); used = set(); picked = []
    for name, rx, n in BUCKETS:
        cand = [s for s in sents if re.search(rx, s, re.I) and s not in used]
        for s in rnd.sample(cand, min(n, len(cand))):
            used.add(s); picked.append((name, s))
    for name, rx, n in BUCKETS2:
        cand = [s for s in sents if re.search(rx, s, re.I) and s not in used]
        for s in (cand if n is None else rnd.sample(cand, min(n, len(cand)))):
            used.add(s); picked.append((name, s))
    over = {}
    op = os.path.join(HERE, "company_overrides.json")
    if os.path.exists(op): over = json.load(open(op))
    with open(os.path.join(HERE, "messages.jsonl"), "w") as fh, open(os.path.join(HERE, "selection.tsv"), "w") as sel:
        for i, (b, s) in enumerate(picked, 1):
            mid = f"news-events-{i}"
            m = {"id": mid, "source": "gmail", "sender": "financial-news", "channel": None, "thread_id": None,
                 "subject": None, "timestamp": "2010-01-01T00:00:00+00:00".replace("00:00:00", f"{(i//3600)%24:02d}:{(i//60)%60:02d}:{i%60:02d}"),
                 "text": s, "company": over.get(mid, "")}
            fh.write(json.dumps(m, ensure_ascii=False) + "\n"); sel.write(f"{mid}\t{b}\n")
    print(len(picked))
if __name__ == "__main__": main()
