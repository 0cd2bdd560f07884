"""Build corpus/test/mail-noise/messages.jsonl from R mailing-list archives (Parquet) in
github.com/r-mailing-lists/data @ 95bebefea52272ad51c84b206b9c483970ffee61, files data/messages/<list>.parquet.
Needs pyarrow to READ the Parquet files (the only non-stdlib dependency):
  python3 build.py /path/to/r-mailing-lists-data-git-dir
Selection (messages sorted by date, then id):
  r-sig-insurance: every message (117)
  r-sig-jobs:      every 4th message
  r-sig-db:        every 20th message
Body trimmed to 2,000 chars; text kept as found (the archive already obfuscates addresses as 'x at y')."""
import json, subprocess, sys, io
import pyarrow.parquet as pq
R = sys.argv[1]
COMMIT = '95bebefea52272ad51c84b206b9c483970ffee61'
PLAN = [('r-sig-insurance', 1), ('r-sig-jobs', 4), ('r-sig-db', 20)]
out = []
for lst, step in PLAN:
    raw = subprocess.run(['git', '-C', R, 'show', '%s:data/messages/%s.parquet' % (COMMIT, lst)],
                         capture_output=True).stdout
    rows = pq.read_table(io.BytesIO(raw)).to_pylist()
    rows.sort(key=lambda r: (r['date'], r['id']))
    for i, r in enumerate(rows):
        if i % step:
            continue
        out.append((lst, r))
with open('messages.jsonl', 'w') as f:
    for n, (lst, r) in enumerate(out, 1):
        f.write(json.dumps({'id': 'mail-noise-%d' % n, 'source': 'gmail', 'sender': r['from_name'],
                            'channel': lst, 'thread_id': r['thread_id'], 'subject': r['subject'],
                            'timestamp': r['date'].strftime('%Y-%m-%dT%H:%M:%S+00:00'),
                            'text': (r['body'] or '')[:2000], 'company': 'R Project'},
                           ensure_ascii=False) + '\n')
print(len(out))
