#!/usr/bin/env python3
"""The family view's property test (t0207): a portfolio made at random
with pl and git, whose private entries are renamed, removed and re-linked
over time, and a model of it kept on the side, written from the rule in
pl-report(1) alone.

  family-model.py build DIR SEED     makes the portfolio DIR and DIR.model
  family-model.py hidden MODEL DAY   the ids the rule leaves out as of DAY,
                                     one "kind id" a line
  family-model.py rewrite IDS SRC COMMIT DST
                                     DST: SRC's history up to COMMIT
                                     without those entries and the links
                                     other entries hold to them, empty
                                     commits left out
  family-model.py compare A B        A and B, two JSON reports, field by
                                     field, but for the commit read, the
                                     view and codes; exit 1 when they differ
"""
import json
import os
import random
import re
import subprocess
import sys

DIRS = {"goal": "goals", "evidence": "evidence", "reflection": "reflections"}
START = 1795687200          # 2026-11-26 10:00 UTC, as test-lib.sh


class Model:
    def __init__(self):
        self.lin = []       # kind, ids, id, alive, private, links, born, died
        self.by_id = {}     # (kind, id) -> lineage, while alive

    def new(self, kind, id_, links, day):
        n = len(self.lin)
        self.lin.append({"kind": kind, "ids": [id_], "id": id_,
                         "alive": True, "private": None, "links": links,
                         "born": day, "died": None, "history": []})
        self.by_id[(kind, id_)] = n
        self.log(n, day)
        return n

    def log(self, n, day):
        """Keeps the lineage's state as of day (the last one a day wins)."""
        lin = self.lin[n]
        lin["history"].append([day, list(lin["links"]), lin["alive"]])


def day_of(t):
    return subprocess.run(["date", "-u", "-d", "@%d" % t, "+%Y-%m-%d"],
                          capture_output=True, text=True,
                          check=True).stdout.strip()


class Builder:
    def __init__(self, pl, d, seed):
        self.pl, self.d = pl, d
        self.rng = random.Random(seed)
        self.m = Model()
        self.t = START
        self.n = 0
        self.env = dict(os.environ)

    def tick(self):
        # a few changes a day, so windows and weeks cut through them
        self.t += self.rng.choice([3600, 3600, 7200, 86400])
        stamp = "%d +0000" % self.t
        self.env["GIT_AUTHOR_DATE"] = self.env["GIT_COMMITTER_DATE"] = stamp
        self.day = day_of(self.t)

    def run(self, *args, editor=None):
        env = dict(self.env)
        if editor:
            env["EDITOR"] = editor
        r = subprocess.run([self.pl, "-C", self.d] + list(args), env=env,
                           capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit("pl %s: %s" % (" ".join(args), r.stderr))
        return r.stdout.strip()

    def git(self, *args):
        subprocess.run(["git", "-C", self.d] + list(args), env=self.env,
                       check=True, capture_output=True)

    def alive(self, kind, pred=None):
        return [n for n, l in enumerate(self.m.lin)
                if l["kind"] == kind and l["alive"] and
                (pred is None or pred(l))]

    def path(self, n):
        lin = self.m.lin[n]
        return "%s/%s/%s.md" % (self.d, DIRS[lin["kind"]], lin["id"])

    def uid(self, prefix):
        self.n += 1
        return "%s%d" % (prefix, self.n)

    # --- what a learner or teacher does

    def goal(self):
        parents = self.alive("goal", lambda l: l["term"] == "long")
        id_ = self.uid("g")
        args = ["goal", "add", "--id", id_, "--step", "One", "--step", "Two",
                "--standard", "A.%d" % self.rng.randint(1, 3)]
        links, term = [], "long"
        if parents and self.rng.random() < 0.5:
            p = self.rng.choice(parents)
            args += ["--parent", self.m.lin[p]["id"]]
            links, term = [p], "short"
        else:
            args += ["--term", "long"]
        self.run(*(args + ["Goal " + id_]))
        n = self.m.new("goal", id_, links, self.day)
        self.m.lin[n]["term"] = term

    def evidence(self):
        goals = self.alive("goal")
        links = self.rng.sample(goals, min(len(goals),
                                           self.rng.choice([1, 1, 2])))
        id_ = self.uid("e")
        args = ["evidence", "add", "-m", "Work " + id_, "--id", id_,
                "--date", self.day]
        for g in links:
            args += ["--goal", self.m.lin[g]["id"]]
        self.run(*(args + ["Evidence " + id_]))
        self.m.new("evidence", id_, links, self.day)

    def reflection(self):
        goals = self.alive("goal")
        ev = self.alive("evidence")
        links = self.rng.sample(goals, min(len(goals), 1)) + \
            self.rng.sample(ev, min(len(ev), self.rng.choice([0, 1])))
        args = ["reflect", "-m", "Thought %s." % self.uid("r"),
                "--date", self.day]
        for n in links:
            args += ["--" + self.m.lin[n]["kind"], self.m.lin[n]["id"]]
        id_ = self.run(*args)
        self.m.new("reflection", id_, links, self.day)

    def rate(self):
        ev = self.alive("evidence")
        if ev:
            n = self.rng.choice(ev)
            self.run("align", "rate", "--by", "Ms Rivera <rivera@x.example>",
                     self.m.lin[n]["id"], "A.%d" % self.rng.randint(1, 3),
                     str(self.rng.randint(1, 4)))

    def step(self):
        goals = self.alive("goal", lambda l: l.get("done", 0) < 2)
        if goals:
            n = self.rng.choice(goals)
            lin = self.m.lin[n]
            lin["done"] = lin.get("done", 0) + 1
            self.run("goal", "done", lin["id"], str(lin["done"]))

    def private(self):
        n = self.pick(lambda l: not l["private"])
        if n is None:
            return
        lin = self.m.lin[n]
        if self.rng.random() < 0.5:
            self.run(lin["kind"] if lin["kind"] != "reflection" else
                     "reflect", "edit", lin["id"], editor=self.editor)
        else:
            subprocess.run([self.editor, self.path(n)], check=True)
            self.git("commit", "-q", "-am", "Private " + lin["id"])
        lin["private"] = self.day
        self.m.log(n, self.day)

    def rename(self):
        n = self.pick(lambda l: True)
        if n is None:
            return
        lin = self.m.lin[n]
        new = self.uid(lin["kind"][0] + "n")
        cmd = lin["kind"] if lin["kind"] != "reflection" else "reflect"
        self.run(cmd, "mv", lin["id"], new)
        del self.m.by_id[(lin["kind"], lin["id"])]
        self.m.by_id[(lin["kind"], new)] = n
        lin["id"] = new
        lin["ids"].append(new)
        self.m.log(n, self.day)

    def remove(self):
        n = self.pick(lambda l: True)
        if n is None:
            return
        lin = self.m.lin[n]
        cmd = lin["kind"] if lin["kind"] != "reflection" else "reflect"
        # nothing links to a reflection: it has no --force
        self.run(*([cmd, "rm"] + (["--force"] if cmd != "reflect" else []) +
                   [lin["id"]]))
        lin["alive"] = False
        lin["died"] = self.day
        self.m.log(n, self.day)
        # --force takes the links others held to it
        for k, other in enumerate(self.m.lin):
            if other["alive"] and n in other["links"]:
                other["links"].remove(n)
                self.m.log(k, self.day)

    def relink(self):
        """Evidence given other goals by hand, and a line of text, so the
        commit still changes something once links are stripped."""
        ev = self.alive("evidence")
        goals = self.alive("goal")
        if not ev or not goals:
            return
        n = self.rng.choice(ev)
        lin = self.m.lin[n]
        links = self.rng.sample(goals, min(len(goals),
                                           self.rng.choice([1, 2])))
        p = self.path(n)
        text = open(p).read()
        if not re.search(r"(?m)^goals: \[.*\]$", text):
            return
        ids = ", ".join(self.m.lin[g]["id"] for g in links)
        text = re.sub(r"(?m)^goals: .*$", "goals: [%s]" % ids, text, count=1)
        open(p, "w").write(text + "More on %s.\n" % self.day)
        self.git("commit", "-q", "-am", "Relink " + lin["id"])
        lin["links"] = links
        self.m.log(n, self.day)

    def pick(self, pred):
        """A living entry, private ones more often than their share."""
        kinds = self.rng.choice(["goal", "evidence", "reflection"])
        c = self.alive(kinds, pred)
        return self.rng.choice(c) if c else None

    def build(self):
        self.editor = os.path.abspath(self.d + ".private.sh")
        with open(self.editor, "w") as f:
            f.write('#!/bin/sh\nsed -i "0,/^---$/s//---\\nprivate: true/"'
                    ' "$1"\n')
        os.chmod(self.editor, 0o755)
        self.tick()
        subprocess.run([self.pl, "init", "--name", "Ana Lima", self.d],
                       env=self.env, check=True, capture_output=True)
        os.makedirs(self.d + "/standards")
        with open(self.d + "/standards/math.csv", "w") as f:
            f.write("code,parent,grade,subject,description\n"
                    "A.1,,6,Math,One\nA.2,,6,Math,Two\nA.3,,6,Math,Three\n")
        self.tick()
        self.git("add", "standards")
        self.git("commit", "-q", "-m", "standards: math")
        ops = [(self.goal, 3), (self.evidence, 5), (self.reflection, 4),
               (self.rate, 4), (self.step, 2), (self.private, 3),
               (self.rename, 2), (self.remove, 1), (self.relink, 1)]
        for _ in range(2):
            self.tick()
            self.goal()
        for _ in range(60):
            self.tick()
            op = self.rng.choices([o for o, _ in ops],
                                  [w for _, w in ops])[0]
            op()
        with open(self.d + ".model", "w") as f:
            json.dump(self.m.lin, f)


def state(lin, day):
    """The lineage's links and life as of the end of day, or None before."""
    last = None
    for d, links, alive in lin["history"]:
        if d <= day:
            last = (links, alive)
    return last


def hidden(model, day):
    """The rule of pl-report(1), on the model: private by day, then what
    links only to what is left out, as its last version links."""
    lins = json.load(open(model))
    links, out = {}, set()
    for n, lin in enumerate(lins):
        s = state(lin, day)
        if s is None:
            continue
        links[n] = s[0]
        if lin["private"] is not None and lin["private"] <= day:
            out.add(n)
    changed = True
    while changed:
        changed = False
        for n, l in links.items():
            if n not in out and l and all(k in out for k in l):
                out.add(n)
                changed = True
    # every id it has had: those it gets after day are not there yet
    for n in sorted(out):
        for id_ in lins[n]["ids"]:
            print(lins[n]["kind"], id_)


def strip_text(text, gone):
    """A file's bytes without the links it holds to what is gone: the ids
    in its flow lists ("goals: [a, b]", "evidence: [...]"), its parent
    key."""
    out = []
    for line in text.split(b"\n"):
        for key, to in (("goals", "goal"), ("evidence", "evidence")):
            for id_ in sorted(gone.get(to, ())):
                if not line.startswith(key.encode() + b": ["):
                    continue
                x = id_.encode()
                for a, b in ((b"[" + x + b"]", b"[]"), (b"[" + x + b", ", b"["),
                             (b", " + x + b"]", b"]"), (b", " + x + b", ", b", ")):
                    line = line.replace(a, b, 1)
        if any(line == b"parent: " + id_.encode()
               for id_ in gone.get("goal", ())):
            continue
        out.append(line)
    return b"\n".join(out)


def fast_export(src, at):
    """git fast-export of src's history up to at, as a list of commands:
    ["blob", mark, data] and ["commit", ref, mark, head, message, ops],
    head the author and committer lines, ops the M and D lines."""
    data = subprocess.run(["git", "-C", src, "fast-export", at],
                          check=True, capture_output=True).stdout
    i, cmds, cur = 0, [], None
    while i < len(data):
        j = data.index(b"\n", i)
        line, i = data[i:j], j + 1
        if line.startswith(b"data "):
            n = int(line[5:])
            payload, i = data[i:i + n], i + n
            if data[i:i + 1] == b"\n":
                i += 1
            cur[-1 if cur[0] == "blob" else 4] = payload
        elif line == b"blob":
            cur = ["blob", None, None]
            cmds.append(cur)
        elif line.startswith(b"commit "):
            cur = ["commit", line[7:], None, [], None, []]
            cmds.append(cur)
        elif line.startswith(b"mark "):
            cur[1 if cur[0] == "blob" else 2] = line[5:]
        elif line.startswith((b"author ", b"committer ")):
            cur[3].append(line)
        elif line.startswith((b"M ", b"D ")):
            cur[5].append(line)
        elif line.startswith((b"reset ", b"from ")) or line == b"":
            pass            # the history is linear: parents are re-made
        else:
            sys.exit("fast-export: unexpected %r" % line)
    return cmds


def rewrite(ids_file, src, at, dst):
    """dst: src's history up to at without the entries listed in ids_file
    and the links other entries hold to them, commits left empty dropped:
    what git filter-branch --prune-empty --tree-filter makes with a filter
    that removes them (tree for tree, message for message), in two git
    processes instead of some twenty a commit."""
    gone = {}
    for line in open(ids_file):
        kind, id_ = line.split()
        gone.setdefault(kind, set()).add(id_)
    left_out = tuple("%s/%s%s" % (DIRS[k], i, end) for k, ids in gone.items()
                     for i in ids for end in (".md", "/"))
    ref = subprocess.run(["git", "-C", src, "symbolic-ref", "HEAD"],
                         check=True, capture_output=True).stdout.strip()
    blobs, tree, out, last, marks = {}, {}, [], None, 10 ** 6
    for c in fast_export(src, at):
        if c[0] == "blob":
            blobs[c[1]] = c[2]
            continue
        ops = []
        for op in c[5]:
            path = op.split(b" ", 3)[-1] if op[:1] == b"M" else op[2:]
            p = path.decode()
            if p.startswith(left_out) or p + "/" in left_out:
                continue
            if op[:1] == b"D":
                if tree.pop(p, None) is not None:
                    ops.append(op)
                continue
            mode, mark = op.split(b" ")[1:3]
            text = blobs[mark]
            if re.fullmatch(r"(goals|evidence|reflections)/[^/]+\.md", p):
                text = strip_text(text, gone)
            if tree.get(p) == (mode, text):
                continue
            tree[p] = (mode, text)
            marks += 1
            out.append(b"blob\nmark :%d\ndata %d\n%s\n" % (marks, len(text),
                                                           text))
            ops.append(b"M %s :%d %s" % (mode, marks, path))
        if not ops:
            continue        # --prune-empty
        out.append(b"commit %s\nmark %s\n%s\ndata %d\n%s\n" % (
            ref, c[2], b"\n".join(c[3]), len(c[4]), c[4]))
        if last is not None:
            out.append(b"from %s\n" % last)
        out.append(b"\n".join(ops) + b"\n\n")
        last = c[2]
    subprocess.run(["git", "init", "-q", dst], check=True)
    subprocess.run(["git", "-C", dst, "fast-import", "--quiet"],
                   input=b"".join(out), check=True)
    subprocess.run(["git", "-C", dst, "symbolic-ref", "HEAD", ref.decode()],
                   check=True)
    subprocess.run(["git", "-C", dst, "reset", "-q", "--hard"], check=True)


def compare(a, b):
    x, y = json.load(open(a)), json.load(open(b))
    # the commit read differs: the rewritten history has other ids, and
    # no commit for a change that only touched what is left out
    for r in (x, y):
        r.pop("commit", None)
        r.pop("view", None)
        r.pop("codes", None)
    bad = []

    def walk(p, u, v):
        if isinstance(u, dict) and isinstance(v, dict):
            for k in sorted(set(u) | set(v)):
                walk(p + "." + k, u.get(k, "(none)"), v.get(k, "(none)"))
        elif isinstance(u, list) and isinstance(v, list) and \
                len(u) == len(v):
            for i, (s, t) in enumerate(zip(u, v)):
                walk("%s[%d]" % (p, i), s, t)
        elif u != v:
            bad.append("%s: %s != %s" % (p, json.dumps(u), json.dumps(v)))
    walk("", x, y)
    for line in bad:
        print(line)
    return 1 if bad else 0


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "build":
        Builder(os.environ["PL"], sys.argv[2], int(sys.argv[3])).build()
    elif cmd == "hidden":
        hidden(sys.argv[2], sys.argv[3])
    elif cmd == "rewrite":
        rewrite(*sys.argv[2:6])
    elif cmd == "compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
