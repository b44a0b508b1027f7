#!/usr/bin/env python3
"""Makes the seed corpus of each fuzz target (tests/fuzz/corpus/<target>/)
from the tests' data and from a demo portfolio (tests/demo.sh), small
samples only.  Run once from the top of the tree: tests/fuzz/make-corpus.py
PL DEMO_DIR, where DEMO_DIR is a portfolio tests/demo.sh made, with one
hand-made commit after it and pl log run (for its log cache)."""
import glob, hashlib, os, subprocess, sys

top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
demo = sys.argv[2]
out = os.path.join(top, 'tests', 'fuzz', 'corpus')
LIMIT = 8192


def seed(target, data, limit=LIMIT):
    if isinstance(data, str):
        data = data.encode()
    data = data[:limit]
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()[:16]), 'wb') as f:
        f.write(data)


def read(p):
    with open(p, 'rb') as f:
        return f.read()


def git(*args):
    return subprocess.run(['git', '-C', demo] + list(args), check=True,
                          capture_output=True).stdout


files = sorted(glob.glob(demo + '/*.md') + glob.glob(demo + '/*/*.md'))
for f in files:
    seed('doc', read(f))
    seed('summary', read(f))
    body = read(f).split(b'---\n', 2)[-1]
    seed('body', body)
    seed('html', body)
seed('doc', '\ufeff---\ntitle: "x"\nstandards: [A.1, "B.2"]\nratings:\n'
     '  - standard: A.1\n    level: 3 # ok\n    by: &r t@x\n  - {standard: B, by: *r}\n---\n')
seed('body', '## Steps\n\n1. [ ] one\n   - [x] nested\n> - [ ] quoted\n\n## Why\n\ntext\n')
seed('html', '# H\n\n![a](http://x/i.png) [![b](u)](v) <script>x</script>\n'
     '[j](javascript:alert(1)) ![d](data:image/png;base64,AA)\n')

# merge: base, ours, theirs from the history of each goal, cut at NUL
for f in files:
    rel = os.path.relpath(f, demo)
    revs = git('log', '--format=%H', '--', rel).decode().split()
    texts = [git('show', r + ':' + rel) for r in revs[:3]]
    if len(texts) >= 2:
        base = texts[-1]
        seed('merge', base + b'\0' + texts[0] + b'\0' + base)
        seed('merge', base + b'\0' + texts[0] + b'\0' + texts[0].replace(b'## Steps', b'## Feedback\n\nGood.\n\n## Steps'))
g = read(files[0])
seed('merge', g + b'\0' + g.replace(b'standards: []', b'standards: [A]') +
     b'\0' + g.replace(b'standards: []', b'standards: [B]'))

std = os.path.join(top, 'tests', 'data', 'standards')
for name in ['act_holistic_framework_math_fragment.csv', 'ngss.csv',
             'oecd_core_competencies.csv']:
    seed('framework-csv', read(os.path.join(std, name)))
seed('framework-csv', 'code,parent,grade,subject,description,extra\n'
     'A,,6,M,"a ""quoted""\nline",x\nA.1,A,6,M,=1+2,y\n')
m = read(os.path.join(std, 'oecd_core_competencies_moodle_lpimportcsv.csv'))
seed('moodle-csv', m.split(b'\n', 1)[1])
for name in ['act_holistic_framework_math_fragment_cfpackage.json',
             'case_replaced_cfpackage.json']:
    seed('case-json', read(os.path.join(std, name)), 65536)
seed('codemap-csv', 'old,new\nA.1,A.2\n"B 1",B.2\r\n')
seed('codemap-csv', '\ufeffx,y\n\n z , w \n')

for name in ['learners.csv']:
    seed('roster', read(os.path.join(top, 'tests', 'data', 'roster', name)))
seed('roster', 'learner,portfolio,group,teacher,family\n'
     'Ana,class/ana,7a,Mr Lee,a@x\nBen,https://git.example/7b/ben.git,,,\n'
     'Cy,git@host:~/cy.git,,,\nDi,file:///srv/di,,,\n')

for r in git('log', '--format=%H').decode().split()[:6]:
    raw = git('cat-file', 'commit', r).decode()
    head, msg = raw.split('\n\n', 1)
    author = [l for l in head.split('\n') if l.startswith('author ')][0][7:]
    seed('commit', author + '\n' + msg)

for d in ['2026-02-28', 'today', 'yesterday', '2024-02-29',
          '@1700000000 +0100', 'Thu, 7 Apr 2005 22:13:13 +0200',
          '2005-04-07T22:13:13Z', '2005-04-07 22:13:13 -0700']:
    seed('date', d)
for s in ['Read more', 'Élève à l\'école', 'Читать книги', '../etc/passwd',
          'a-b-c', '  spaces  ', 'x' * 80]:
    seed('id', s)

seed('plconfig', read(os.path.join(demo, '.plconfig')))
seed('plconfig', '[portfolio]\n\tversion = 1\n\tlockTimeout = 200\n'
     '[align]\n\tscale = "1:Beginning,2:Developing,3:Proficient,4:Exceeding"\n'
     '\tmastery = 3\n\tmethod = decaying\n\tweight = 0.65\n[report]\n'
     '\tstalledDays = 14\n[include]\n\tpath = /etc/passwd\n')
for c in ['goals-cache', 'evidence-cache']:
    t = read(os.path.join(demo, '.git', 'pl', c))
    seed('textcache', t[:-4])
seed('logcache', read(os.path.join(demo, '.git', 'pl', 'log-cache')))
seed('commitcache', read(os.path.join(demo, '.git', 'pl', 'commit-cache')))
# the version cache after its header (its stamp names pl's version); the
# demo's, when a family report was made (pl report --for family)
vc = os.path.join(demo, '.git', 'pl', 'version-cache')
if os.path.exists(vc):
    t = read(vc)
    seed('versioncache', t[t.index(b'\n') + 1:])
