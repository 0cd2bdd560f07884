"""Build corpus/test/community-chat/messages.jsonl from the public Komodo Discord archive
(github.com/gcharang/discord-archive-komodo, commit 7378b4fb9966dfa46dfcdddf2e833cf7bd473761).
Usage: python3 build.py /path/to/discord-archive-komodo git dir.  Stdlib only.
Daily CSV snapshots (docs/.vuepress/public/after-2019-Dec-05/<day>/csv/<category>/<channel>/<n>.csv,
';'-separated: AuthorID;Author;Date;Content;Attachments;Reactions) are merged and de-duplicated by
(channel, author id, date, first 50 chars of content).
Selection (2019-04-01 .. 2019-12-31 by the archive's Date column):
  * every message of news-announcements/official
  * every 190th message (chronological) of komodo-project/talk-general
Empty-text messages are skipped. Text kept as found (trimmed to 2,000 chars)."""
import csv, io, json, subprocess, sys, datetime
R = sys.argv[1]
COMMIT = '7378b4fb9966dfa46dfcdddf2e833cf7bd473761'
WANT = ('news-announcements/official', 'komodo-project/talk-general')
def git(*a):
    return subprocess.run(['git', '-C', R] + list(a), capture_output=True, text=True).stdout
files = [f for f in git('ls-tree', '-r', '--name-only', COMMIT).split('\n') if f.endswith('.csv')]
msgs = {}
for f in files:
    p = f.split('/')
    ch = '/'.join(p[-3:-1])
    if ch not in WANT:
        continue
    for r in list(csv.reader(io.StringIO(git('show', COMMIT + ':' + f)), delimiter=';'))[1:]:
        if len(r) < 4 or not r[3].strip():
            continue
        msgs[(ch, r[0], r[2], r[3][:50])] = (ch, r[1], r[2], r[3])
def when(d):
    return datetime.datetime.strptime(d, '%d-%b-%y %I:%M %p')
lo, hi = datetime.datetime(2019, 4, 1), datetime.datetime(2020, 1, 1)
rows = sorted((when(v[2]), i, v) for i, v in enumerate(msgs.values()) if lo <= when(v[2]) < hi)
keep, ng = [], 0
for t, _, (ch, author, d, text) in rows:
    if ch == 'komodo-project/talk-general':
        ng += 1
        if ng % 190:
            continue
    keep.append((t, ch, author, text))
with open('messages.jsonl', 'w') as out:
    for i, (t, ch, author, text) in enumerate(keep, 1):
        rec = {'id': 'community-chat-%d' % i, 'source': 'slack', 'sender': author,
               'channel': ch.split('/')[-1], 'thread_id': None, 'subject': None,
               'timestamp': t.strftime('%Y-%m-%dT%H:%M:%S+00:00'), 'text': text[:2000],
               'company': 'Komodo'}
        out.write(json.dumps(rec, ensure_ascii=False) + '\n')
print(len(keep))
