#!/bin/sh
test_description='values YAML would read as something else round-trip through a YAML reader outside pl'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# Every word of lib/base/doc.c's quoting list, in the cases YAML 1.1 knows,
# every number form (YAML 1.1 and 1.2), and dates: written plain, a
# reader would take each for a null, a boolean, a merge key, a number or
# a date.  One per line.
cat >values <<\EOF
~
null
Null
NULL
y
Y
n
N
yes
Yes
YES
no
No
NO
true
True
TRUE
false
False
FALSE
on
On
ON
off
Off
OFF
=
<<
0
12
+12
-12
007
-1_000
1_000.5
0x1f
0X1F
-0x1f
0o17
0b101
0B101
-0b101
1.5
.5
-.5
1.
1e3
1E3
6.02E+23
6.02e-23
1:20
-1:20:30
.inf
-.inf
+.INF
.NaN
.nan
2024-01-01
2024-01-01T10:00:00Z
2024-01-01 10:00:00
EOF

# Each value as a goal title (a new file) and as a profile key (a file
# rewritten, the key added, then changed).
test_expect_success 'setup: each value written by pl' '
	pl init --name "Maya Okafor" p >/dev/null &&
	n=0 &&
	while IFS= read -r v
	do
		n=$((n + 1)) &&
		pl -C p goal add --id "g$n" -- "$v" >/dev/null &&
		pl -C p profile set "k$n" "placeholder" &&
		pl -C p profile set -- "k$n" "$v" || return 1
	done <values &&
	pl -C p profile set grade "0b101" &&
	git -C p status --porcelain >out &&
	test_must_be_empty out
'

test_expect_success PYYAML 'PyYAML reads back the very strings' '
	cat >check.py <<-\EOF &&
	import sys, yaml

	def front_matter(path):
	    text = open(path, encoding="utf-8").read()
	    end = text.index("\n---\n", 3)
	    return yaml.safe_load(text[4:end + 1])

	values = open("values", encoding="utf-8").read().splitlines()
	profile = front_matter("p/profile.md")
	bad = 0
	for n, v in enumerate(values, 1):
	    got = front_matter("p/goals/g%d.md" % n)["title"]
	    if got != v:
	        print("goal title %r read as %r" % (v, got))
	        bad += 1
	    got = profile["k%d" % n]
	    if got != v:
	        print("profile value %r read as %r" % (v, got))
	        bad += 1
	if profile["grade"] != "0b101":
	    print("grade read as %r" % profile["grade"])
	    bad += 1
	sys.exit(bad != 0)
	EOF
	python3 check.py
'

test_expect_success 'pl reads back the very strings too' '
	n=0 &&
	while IFS= read -r v
	do
		n=$((n + 1)) &&
		pl -C p goal show --format json "g$n" >json &&
		grep -F -x "  \"title\": \"$v\"," json || return 1
	done <values
'

test_done
