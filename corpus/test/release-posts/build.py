"""Build corpus/test/release-posts/messages.jsonl (stdlib only).
Usage: python3 build.py <cockroachdb/docs git dir> <CleverCloud/documentation git dir> <SigNoz/signoz-website git dir>
1. CockroachDB Cloud release notes: cockroachdb/docs @ 06de392bd6fbf31ebc74b8ccf975f4ccea4853dc,
   src/current/releases/cloud.md: the 60 most recent '## <date>' sections (2023-08-01 .. 2026-04-27).
2. Clever Cloud changelog: CleverCloud/documentation @ 1957d9f587bcbe5401153890742a7fd89d397a5e,
   content/changelog/YYYY/MM-DD-*.md dated 2024-10-01 .. 2025-03-31 (67 entries).
3. SigNoz blog: SigNoz/signoz-website @ 190eae3e53a1e9ad8ce321e395479da3294ada87, data/blogs/:
   the 17 monthly 'community-update-NN.mdx' posts plus 5 company posts (see PICK).
HTML tags are stripped to text; MDX <head>/<ZoomImage/> blocks removed; markdown and Liquid kept as found.
Front matter: title -> subject, date -> timestamp (00:00 UTC). Bodies trimmed (4,000 chars; SigNoz 6,000)."""
import json, re, subprocess, sys, datetime, html
CR, CC, SZ = sys.argv[1:4]
C_CR = '06de392bd6fbf31ebc74b8ccf975f4ccea4853dc'
C_CC = '1957d9f587bcbe5401153890742a7fd89d397a5e'
C_SZ = '190eae3e53a1e9ad8ce321e395479da3294ada87'
PICK = ['why-are-we-building-signoz', 'podcast-genesis-of-signoz', 'getting-to-know-our-4000-plus-stargazers-on-github',
        'signoz-benchmarks', 'hacktoberfest']
def git(r, *a):
    return subprocess.run(['git', '-C', r] + list(a), capture_output=True, text=True).stdout
def strip_html(t):
    t = re.sub(r'<head>.*?</head>', '', t, flags=re.S)
    t = re.sub(r'<ZoomImage.*?/>', '', t, flags=re.S)
    t = re.sub(r'<[^>\n]+>', ' ', t)
    t = html.unescape(t)
    t = re.sub(r'[ \t]+\n', '\n', t)
    t = re.sub(r'\n{3,}', '\n\n', t)
    return t.strip()
def front(t):
    m = re.match(r'---\n(.*?)\n---\n?(.*)', t, flags=re.S)
    if not m:
        return {}, t
    fm, body = m.group(1), m.group(2)
    d = {}
    for k in ('title', 'date', 'slug'):
        mm = re.search(r'^%s:\s*(.*)$' % k, fm, flags=re.M)
        if mm:
            d[k] = mm.group(1).strip().strip('"').strip("'")
    names = re.findall(r'-\s*name:\s*(.*)', fm)
    au = re.search(r'^authors:\s*\[(.*)\]', fm, flags=re.M)
    d['authors'] = ', '.join(names) if names else (au.group(1) if au else None)
    return d, body
out = []
# 1. CockroachDB Cloud
doc = git(CR, 'show', C_CR + ':src/current/releases/cloud.md')
parts = re.split(r'^## ', doc, flags=re.M)[1:]
n = 0
for p in parts:
    head, _, body = p.partition('\n')
    head = head.strip()
    try:
        dt = datetime.datetime.strptime(head.replace('Aug ', 'August '), '%B %d, %Y')
    except ValueError:
        continue
    n += 1
    if n > 60:
        break
    out.append(('Cockroach Labs', 'Cockroach Labs (CockroachDB Cloud release notes)', 'CockroachDB Cloud Releases — ' + head, dt, strip_html(body)[:4000]))
# 2. Clever Cloud
files = sorted(f for f in git(CC, 'ls-tree', '-r', '--name-only', C_CC, 'content/changelog').split('\n')
               if re.search(r'changelog/(2024/1[0-2]|2025/0[1-3])-', f) and f.endswith('.md'))
for f in files:
    d, body = front(git(CC, 'show', C_CC + ':' + f))
    dt = datetime.datetime.strptime(d['date'][:10], '%Y-%m-%d')
    out.append(('Clever Cloud', d.get('authors') or 'Clever Cloud', d.get('title'), dt, strip_html(body)[:4000]))
# 3. SigNoz
names = ['community-update-%02d' % i for i in range(1, 18)] + PICK
for nm in names:
    d, body = front(git(SZ, 'show', C_SZ + ':data/blogs/%s.mdx' % nm))
    dt = datetime.datetime.strptime(d['date'][:10], '%Y-%m-%d')
    out.append(('SigNoz', d.get('authors') or 'SigNoz', d.get('title'), dt, strip_html(body)[:6000]))
with open('messages.jsonl', 'w') as fo:
    for i, (co, sender, subj, dt, text) in enumerate(out, 1):
        fo.write(json.dumps({'id': 'release-posts-%d' % i, 'source': 'gmail', 'sender': sender, 'channel': None,
                             'thread_id': None, 'subject': subj,
                             'timestamp': dt.strftime('%Y-%m-%dT00:00:00+00:00'), 'text': text,
                             'company': co}, ensure_ascii=False) + '\n')
print(len(out))
