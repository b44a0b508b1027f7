#!/usr/bin/env python3
"""The layers of lib/, checked over the #include lines (docs/architecture.md).

Usage: layers.py SOURCE_ROOT [OBJECTS]

Every file of lib/LAYER/ and include/pl/LAYER/ may include headers of its
own layer and of the layers below it, never of one above; cmd/ may include
include/pl/ and its own cmd.h, never lib/'s private headers; a public
header never includes a private one; the files of base/ never include
<git2.h> (base knows nothing of repositories); and no two modules (x.c with
x.h) include each other, directly or round a longer circle.  The order of
the layers is the one docs/architecture.md gives in its table, so the two
cannot drift apart.

With OBJECTS (the folder of libpl.a's objects, as meson names them:
base_util.c.o) the same order and the same absence of circles are checked
over the functions each object defines and calls (nm), which a header that
declares another module's functions would hide from the includes.

Prints TAP.  Before the source tree it checks itself on small trees made
in a temporary folder, each with one fault it must find, so that a checker
that finds nothing cannot pass.
"""
import os
import re
import shutil
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s+([<"])([^>"]+)[>"]', re.M)
ROW = re.compile(r'^\|\s*(\d+)\s*\|\s*`lib/([a-z]+)/`', re.M)


def layers_of(root):
    """The layers, bottom first, from docs/architecture.md's table."""
    path = os.path.join(root, 'docs', 'architecture.md')
    with open(path, encoding='utf-8') as f:
        rows = ROW.findall(f.read())
    if not rows:
        raise SystemExit('layers.py: no layer table in ' + path)
    return [name for _, name in sorted(rows, key=lambda r: int(r[0]))]


def sources(root):
    """(path relative to root, text) of every C file the rules speak of."""
    for top in ('lib', 'include', 'cmd'):
        for d, _, names in os.walk(os.path.join(root, top)):
            for n in sorted(names):
                if n.endswith(('.c', '.h')):
                    p = os.path.join(d, n)
                    with open(p, encoding='utf-8') as f:
                        yield os.path.relpath(p, root), f.read()


def place(rel):
    """(layer or 'cmd', module name, public) of a file; None elsewhere."""
    parts = rel.split(os.sep)
    base = os.path.splitext(parts[-1])[0]
    if parts[0] == 'cmd':
        return ('cmd', 'cmd/' + base, False)
    if parts[0] == 'lib' and len(parts) == 3:
        return (parts[1], parts[1] + '/' + base, False)
    if parts[:2] == ['include', 'pl'] and len(parts) == 4:
        return (parts[2], parts[2] + '/' + base, True)
    return (None, rel, False)


def target(kind, name):
    """(layer, module, public) an include names, or None for a system one."""
    if kind == '<':
        return None
    parts = name.split('/')
    if parts[0] == 'pl' and len(parts) == 3:
        return (parts[1], parts[1] + '/' + os.path.splitext(parts[2])[0],
                True)
    if len(parts) == 2:
        return (parts[0], parts[0] + '/' + os.path.splitext(parts[1])[0],
                False)
    return ('', name, False)


def check(root, order):
    """The faults of the tree at root, one line each."""
    rank = {name: i for i, name in enumerate(order)}
    faults, edges = [], {}
    for rel, text in sources(root):
        layer, module, public = place(rel)
        if layer is None:
            faults.append('%s: a C file outside the layers' % rel)
            continue
        if layer != 'cmd' and layer not in rank:
            faults.append('%s: layer %s is not in docs/architecture.md'
                          % (rel, layer))
            continue
        for kind, name in INCLUDE.findall(text):
            if kind == '<':
                if name == 'git2.h' and layer == order[0]:
                    faults.append('%s: includes <git2.h>, but %s knows '
                                  'nothing of repositories' % (rel, layer))
                continue
            t = target(kind, name)
            if layer == 'cmd':
                if name != 'cmd.h' and not (t[2] and t[0] in rank):
                    faults.append('%s: includes "%s": cmd/ uses include/pl/'
                                  % (rel, name))
                continue
            if t[0] not in rank:
                faults.append('%s: includes "%s", in no layer' % (rel, name))
                continue
            if public and not t[2]:
                faults.append('%s: a public header includes private "%s"'
                              % (rel, name))
            if rank[t[0]] > rank[layer]:
                faults.append('%s (%s) includes "%s" from %s above it'
                              % (rel, layer, name, t[0]))
            if t[1] != module:
                edges.setdefault(module, set()).add(t[1])
    faults.extend(circles(edges))
    return faults


def circles(edges):
    """A line for each circle of modules (Tarjan's strongly connected sets)."""
    index, low, stack, on, found = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append('a circle: ' + ' <-> '.join(sorted(group)))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def symbols(objdir, order, root=None):
    """The faults of lib/'s objects: calls up a layer, and circles."""
    import subprocess
    rank = {name: i for i, name in enumerate(order)}
    defs, uses, modules = {}, {}, {}
    for n in sorted(os.listdir(objdir)):
        if not n.endswith('.c.o') or '_' not in n:
            continue
        layer, base = n[:-4].split('_', 1)
        # a build folder keeps the objects of sources since removed
        if root is not None and not os.path.exists(
                os.path.join(root, 'lib', layer, base + '.c')):
            continue
        modules[os.path.join(objdir, n)] = layer + '/' + base
    # one nm for every object (-A: each line names its file)
    out = subprocess.run(['nm', '-A'] + sorted(modules), check=True,
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        path, _, rest = line.partition(':')
        module, f = modules[path], rest.split()
        if len(f) == 3 and f[1] in 'TDBR':
            defs[f[2]] = module
        elif len(f) == 2 and f[0] == 'U':
            uses.setdefault(module, set()).add(f[1])
    faults, edges = [], {}
    for module, names in sorted(uses.items()):
        for name in sorted(names):
            other = defs.get(name)
            if other is None or other == module:
                continue
            edges.setdefault(module, set()).add(other)
            a, b = module.split('/')[0], other.split('/')[0]
            if a not in rank or b not in rank:
                faults.append('%s: in no layer' % (module if a not in rank
                                                    else other))
            elif rank[b] > rank[a]:
                faults.append('%s calls %s() of %s above it'
                              % (module, name, other))
    faults.extend(circles(edges))
    return faults


def tree(files):
    """A temporary source tree holding files (path: text)."""
    d = tempfile.mkdtemp(prefix='pl-layers-')
    files = dict(files)
    files['docs/architecture.md'] = (
        '| 1 | `lib/base/` |\n| 2 | `lib/store/` |\n| 3 | `lib/entries/` |\n')
    for p, text in files.items():
        full = os.path.join(d, p)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, 'w', encoding='utf-8') as f:
            f.write(text)
    return d


SELF = [
    ('a clean tree passes', {
        'lib/base/util.c': '#include "pl/base/util.h"\n#include <string.h>\n',
        'include/pl/base/util.h': '',
        'lib/store/tx.c': '#include "pl/base/util.h"\n#include "store/lock.h"\n',
        'lib/store/lock.h': '#include "pl/base/util.h"\n',
        'cmd/goal.c': '#include "cmd.h"\n#include "pl/store/tx.h"\n',
        'include/pl/store/tx.h': '',
    }, None),
    ('an include from a layer above', {
        'lib/store/tx.c': '#include "pl/entries/goal.h"\n',
        'include/pl/entries/goal.h': '',
    }, 'from entries above it'),
    ('a private header from a layer above', {
        'lib/base/md.c': '#include "store/cache.h"\n',
        'lib/store/cache.h': '',
    }, 'from store above it'),
    ('a circle of two modules in one layer', {
        'lib/entries/entry.c': '#include "pl/entries/goal.h"\n',
        'include/pl/entries/goal.h': '',
        'lib/entries/goal.c': '#include "pl/entries/entry.h"\n',
        'include/pl/entries/entry.h': '',
    }, 'a circle: entries/entry <-> entries/goal'),
    ('a circle of three', {
        'lib/store/a.c': '#include "store/b.h"\n',
        'lib/store/b.c': '#include "store/c.h"\n',
        'lib/store/c.c': '#include "store/a.h"\n',
        'lib/store/a.h': '', 'lib/store/b.h': '', 'lib/store/c.h': '',
    }, 'a circle: store/a <-> store/b <-> store/c'),
    ('cmd/ including a private header', {
        'cmd/log.c': '#include "store/logcache.h"\n',
        'lib/store/logcache.h': '',
    }, 'cmd/ uses include/pl/'),
    ('a public header including a private one', {
        'include/pl/store/tx.h': '#include "store/lock.h"\n',
        'lib/store/lock.h': '',
    }, 'a public header includes private'),
    ('base including libgit2', {
        'lib/base/error.c': '#include <git2.h>\n',
    }, 'knows nothing of repositories'),
    ('a layer docs/architecture.md does not name', {
        'lib/web/page.c': '#include "pl/base/util.h"\n',
        'include/pl/base/util.h': '',
    }, 'layer web is not in docs/architecture.md'),
    ('a file outside the layers', {
        'lib/loose.c': '',
    }, 'a C file outside the layers'),
]


def objects_check():
    """The objects' check finds a call up a layer and a circle (needs cc)."""
    import subprocess
    d = tempfile.mkdtemp(prefix='pl-layers-')
    try:
        src = {'base_a': 'void b(void); void a(void) { b(); }',
               'store_b': 'void c(void); void b(void) { c(); }',
               'store_c': 'void b(void); void c(void) { b(); }'}
        for n, text in src.items():
            with open(os.path.join(d, n + '.c'), 'w') as f:
                f.write(text + '\n')
            subprocess.run([os.environ.get('CC', 'cc'), '-c', '-o',
                            os.path.join(d, n + '.c.o'),
                            os.path.join(d, n + '.c')], check=True)
        got = symbols(d, ['base', 'store'])
    finally:
        shutil.rmtree(d)
    return (any('base/a calls b() of store/b above it' in g for g in got)
            and any('a circle: store/b <-> store/c' in g for g in got))


def main():
    if len(sys.argv) not in (2, 3):
        raise SystemExit('usage: layers.py SOURCE_ROOT [OBJECTS]')
    root = sys.argv[1]
    print('1..%d' % (len(SELF) + 1 + 2 * (len(sys.argv) - 2)))
    n, failed = 0, 0
    for what, files, want in SELF:
        n += 1
        d = tree(files)
        try:
            got = check(d, layers_of(d))
        finally:
            shutil.rmtree(d)
        ok = (not got) if want is None else any(want in g for g in got)
        if not ok:
            failed += 1
            for g in got:
                print('# ' + g)
        print('%s %d - self-check: %s' % ('ok' if ok else 'not ok', n, what))
    n += 1
    got = check(root, layers_of(root))
    for g in got:
        print('# ' + g)
    failed += bool(got)
    print('%s %d - lib/, include/ and cmd/ keep their layers'
          % ('not ok' if got else 'ok', n))
    if len(sys.argv) == 3:
        n += 1
        ok = objects_check()
        failed += not ok
        print('%s %d - self-check: objects calling up and round a circle'
              % ('ok' if ok else 'not ok', n))
        n += 1
        got = symbols(sys.argv[2], layers_of(root), root)
        for g in got:
            print('# ' + g)
        failed += bool(got)
        print('%s %d - the objects of lib/ call only down, with no circle'
              % ('not ok' if got else 'ok', n))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
