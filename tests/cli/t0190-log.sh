#!/bin/sh
test_description='pl log: the timeline from trailers, hand commits, merges and renames'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"
. "$TEST_DIRECTORY/lib-standards.sh"

# A history made by hand, each change a minute after the last: pl's own
# commits, a framework and a goal edit committed with plain git, a
# rename with pl and one with git mv, a rating by a teacher, and a branch
# merged back.  One change a day, from 2026-11-26 to 2026-12-07.
test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	next_day &&
	commit_standards p math <<-\EOF &&
	code,parent,grade,subject,description
	CCSS.Math.Content.6.RP.A.1,,6,Math,Ratios
	EOF
	next_day &&
	pl -C p goal add --id fractions --step "Halves" "Fractions" >/dev/null &&
	next_day &&
	pl -C p goal add --id ratios "Ratios" >/dev/null &&
	next_day &&
	pl -C p evidence add -m x --goal fractions --id quiz "Quiz" >/dev/null &&
	next_day &&
	pl -C p align rate --by "Ms Rivera <rivera@school.example>" \
		quiz 6.RP.A.1 3 >/dev/null &&
	next_day &&
	git -C p checkout -q -b side &&
	pl -C p reflect -m "Halves are easy." --goal fractions \
		>/dev/null &&
	next_day &&
	git -C p checkout -q - &&
	pl -C p goal mv fractions parts >/dev/null &&
	next_day &&
	echo "More." >>p/goals/parts.md &&
	echo "Notes" >p/README.md &&
	git -C p add goals/parts.md README.md &&
	git -C p commit -q -m "Tidy the goal" &&
	next_day &&
	git -C p merge -q --no-edit side &&
	next_day &&
	git -C p mv goals/ratios.md goals/rates.md &&
	git -C p commit -q -m "Rename ratios by hand" &&
	next_day &&
	pl -C p goal done parts 1 >/dev/null
'

test_expect_success 'one line per change, newest first; merges are not changes' '
	pl -C p log >out 2>err &&
	test_must_be_empty err &&
	cat >expect <<-\EOF &&
	2026-12-07  Test Teacher  goal        done     parts  Did step 1 of "Fractions": Halves.
	2026-12-06  Test Teacher  goal        rm       ratios  Rename ratios by hand
	2026-12-06  Test Teacher  goal        add      rates  Rename ratios by hand
	2026-12-04  Test Teacher  goal        edit     parts  Tidy the goal
	2026-12-03  Test Teacher  goal        mv       parts  Renamed the goal "Fractions" from fractions to parts, and its references in evidence/quiz.md (goals).
	2026-12-02  Test Teacher  reflection  add      2026-12-02-halves-are-easy  Reflected on 2026-12-02: Halves are easy.
	2026-12-01  Ms Rivera  evidence    rate     quiz  Ms Rivera <rivera@school.example> rated quiz against CCSS.Math.Content.6.RP.A.1: 3.
	2026-11-30  Test Teacher  evidence    add      quiz  Added artifact evidence from 2026-11-30: Quiz.
	2026-11-29  Test Teacher  goal        add      ratios  Set a short-term goal: Ratios.
	2026-11-28  Test Teacher  goal        add      fractions  Set a short-term goal: Fractions.
	2026-11-27  Test Teacher  align       add      math  standards: math
	2026-11-26  Test Teacher  portfolio   init     ana-lima  Started the portfolio of Ana Lima.
	EOF
	test_cmp expect out &&
	# every commit but the merge, and one more for the rename by git mv
	echo $(($(git -C p rev-list --no-merges --count HEAD) + 1)) >expect &&
	wc -l <out | tr -d " " >actual &&
	test_cmp expect actual
'

test_expect_success '--goal: the goal under its old id, and what links to it' '
	pl -C p log --goal parts >out &&
	cat >expect <<-\EOF &&
	2026-12-07  Test Teacher  goal        done     parts  Did step 1 of "Fractions": Halves.
	2026-12-04  Test Teacher  goal        edit     parts  Tidy the goal
	2026-12-03  Test Teacher  goal        mv       parts  Renamed the goal "Fractions" from fractions to parts, and its references in evidence/quiz.md (goals).
	2026-12-02  Test Teacher  reflection  add      2026-12-02-halves-are-easy  Reflected on 2026-12-02: Halves are easy.
	2026-11-30  Test Teacher  evidence    add      quiz  Added artifact evidence from 2026-11-30: Quiz.
	2026-11-28  Test Teacher  goal        add      fractions  Set a short-term goal: Fractions.
	EOF
	test_cmp expect out &&
	pl -C p log --goal ratios >out &&
	cat >expect <<-\EOF &&
	2026-12-06  Test Teacher  goal        rm       ratios  Rename ratios by hand
	2026-11-29  Test Teacher  goal        add      ratios  Set a short-term goal: Ratios.
	EOF
	test_cmp expect out
'

test_expect_success '--standard, --author, --kind and -n' '
	pl -C p log --standard CCSS.Math.Content.6.RP.A.1 >out &&
	echo "2026-12-01  Ms Rivera  evidence    rate     quiz  Ms Rivera <rivera@school.example> rated quiz against CCSS.Math.Content.6.RP.A.1: 3." >expect &&
	test_cmp expect out &&
	pl -C p log --author RIVERA@school >out &&
	test_cmp expect out &&
	pl -C p log --kind goal -n 2 >out &&
	cat >expect <<-\EOF &&
	2026-12-07  Test Teacher  goal        done     parts  Did step 1 of "Fractions": Halves.
	2026-12-06  Test Teacher  goal        rm       ratios  Rename ratios by hand
	EOF
	test_cmp expect out &&
	pl -C p log -n 0 >out &&
	test_must_be_empty out
'

test_expect_success '--since and --until, both days included' '
	pl -C p log --since 2026-12-01 --until 2026-12-03 >out &&
	cat >expect <<-\EOF &&
	2026-12-03  Test Teacher  goal        mv       parts  Renamed the goal "Fractions" from fractions to parts, and its references in evidence/quiz.md (goals).
	2026-12-02  Test Teacher  reflection  add      2026-12-02-halves-are-easy  Reflected on 2026-12-02: Halves are easy.
	2026-12-01  Ms Rivera  evidence    rate     quiz  Ms Rivera <rivera@school.example> rated quiz against CCSS.Math.Content.6.RP.A.1: 3.
	EOF
	test_cmp expect out
'

test_expect_success '--rev starts the walk there' '
	pl -C p log --rev HEAD~2 -n 2 >out &&
	cat >expect <<-\EOF &&
	2026-12-04  Test Teacher  goal        edit     parts  Tidy the goal
	2026-12-03  Test Teacher  goal        mv       parts  Renamed the goal "Fractions" from fractions to parts, and its references in evidence/quiz.md (goals).
	EOF
	test_cmp expect out
'

test_expect_success '--format json: stable keys, trailers and paths' '
	pl -C p log --format json --since 2026-12-01 --until 2026-12-06 \
		--kind goal -n 2 >out &&
	c1=$(git -C p rev-parse HEAD~1) &&
	c2=$(git -C p rev-parse HEAD~2^1) &&
	cat >expect <<-EOF &&
	[
	  {"commit":"$c1","date":"2026-12-06","author":"Test Teacher","email":"teacher@example.com","kind":"goal","action":"rm","id":"ratios","old_id":null,"goals":[],"standards":[],"level":null,"detail":"Rename ratios by hand","path":"goals/ratios.md"},
	  {"commit":"$c1","date":"2026-12-06","author":"Test Teacher","email":"teacher@example.com","kind":"goal","action":"add","id":"rates","old_id":null,"goals":[],"standards":[],"level":null,"detail":"Rename ratios by hand","path":"goals/rates.md"}
	]
	EOF
	test_cmp expect out &&
	pl -C p log --format json --author rivera >out &&
	c=$(git -C p log --format=%H --author=Rivera) &&
	cat >expect <<-EOF &&
	[
	  {"commit":"$c","date":"2026-12-01","author":"Ms Rivera","email":"rivera@school.example","kind":"evidence","action":"rate","id":"quiz","old_id":null,"goals":[],"standards":["CCSS.Math.Content.6.RP.A.1"],"level":"3","detail":"Ms Rivera <rivera@school.example> rated quiz against CCSS.Math.Content.6.RP.A.1: 3.","path":null}
	]
	EOF
	test_cmp expect out &&
	pl -C p log --format json --kind nothing >out &&
	echo "[]" >expect &&
	test_cmp expect out
'

test_expect_success '--format csv: a header, RFC 4180 quoting, no formulas' '
	pl -C p log --format csv --goal parts -n 3 >out &&
	c1=$(git -C p rev-parse HEAD) &&
	c2=$(git -C p log -1 --format=%H --grep=Tidy) &&
	c3=$(git -C p log -1 --format=%H --grep="goal: mv") &&
	printf "%s\r\n" \
	"commit,date,author,email,kind,action,id,old_id,goals,standards,level,detail,path" \
	"$c1,2026-12-07,Test Teacher,teacher@example.com,goal,done,parts,,,,,\"Did step 1 of \"\"Fractions\"\": Halves.\"," \
	"$c2,2026-12-04,Test Teacher,teacher@example.com,goal,edit,parts,,,,,Tidy the goal,goals/parts.md" \
	"$c3,2026-12-03,Test Teacher,teacher@example.com,goal,mv,parts,fractions,,,,\"Renamed the goal \"\"Fractions\"\" from fractions to parts, and its references in evidence/quiz.md (goals).\"," >expect &&
	test_cmp expect out
'

test_expect_success 'bad arguments: one line, a documented status, nothing read' '
	test_expect_code 2 pl -C p log --format xml >out 2>err &&
	echo "pl: unknown format ${SQ}xml${SQ} (use text, csv or json)" >expect &&
	test_cmp expect err &&
	test_must_be_empty out &&
	test_expect_code 5 pl -C p log -n -1 >out 2>err &&
	echo "pl: invalid count ${SQ}-1${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p log -n 2x 2>err &&
	echo "pl: invalid count ${SQ}2x${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p log --goal "Not an id" 2>err &&
	echo "pl: invalid goal id ${SQ}Not an id${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p log --since 2026-13-01 2>err &&
	test_stderr_starts_pl err &&
	test_expect_code 4 pl -C p log --rev nowhere 2>err &&
	echo "pl: unknown revision ${SQ}nowhere${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl -C p log extra 2>err &&
	test_stderr_starts_pl err &&
	test_line_count = 1 err &&
	mkdir empty &&
	test_expect_code 3 pl -C empty log 2>err &&
	test_stderr_starts_pl err &&
	test_must_be_empty out
'

test_expect_success 'a subject a spreadsheet would run is neutralised in csv' '
	echo "Likes maths." >>p/profile.md &&
	GIT_AUTHOR_DATE=2026-12-08T10:00:00+00:00 \
	GIT_COMMITTER_DATE=2026-12-08T10:00:00+00:00 git -C p commit -q -a -m "=HYPERLINK(\"http://x.example\")" &&
	pl -C p log --format csv -n 1 >out &&
	c=$(git -C p rev-parse HEAD) &&
	printf "%s\r\n" \
	"commit,date,author,email,kind,action,id,old_id,goals,standards,level,detail,path" \
	"$c,2026-12-08,Test Teacher,teacher@example.com,profile,edit,,,,,,\"${SQ}=HYPERLINK(\"\"http://x.example\"\")\",profile.md" >expect &&
	test_cmp expect out &&
	pl -C p log -n 1 >out &&
	echo "2026-12-08  Test Teacher  profile     edit     -  =HYPERLINK(\"http://x.example\")" >expect &&
	test_cmp expect out
'

test_expect_success 'hand commits are described once: the cache in .git/pl/log-cache' '
	rm -rf p/.git/pl &&
	pl -C p log >first &&
	head -n 1 p/.git/pl/log-cache >head &&
	echo "pl log cache 1" >expect &&
	test_cmp expect head &&
	hand=$(git -C p rev-parse ":/Tidy the goal") &&
	grep "^$hand 1$" p/.git/pl/log-cache &&
	grep -A1 "^$hand 1$" p/.git/pl/log-cache | tail -n 1 >line &&
	echo "Mgoals/parts.md" >expect &&
	test_cmp expect line &&
	pl -C p log >second &&
	test_cmp first second
'

test_expect_success 'the cache is what the walk reads for a hand commit' '
	hand=$(git -C p rev-parse ":/Tidy the goal") &&
	sed -i "/^$hand 1$/{n;s/.*/Agoals\/cached.md/}" p/.git/pl/log-cache &&
	pl -C p log >out &&
	grep "^2026-12-04  Test Teacher  goal        add      cached  Tidy the goal$" out &&
	rm p/.git/pl/log-cache
'

test_expect_success 'a broken cache is ignored and written again; one that cannot be written is not' '
	pl -C p log >expect &&
	printf "pl log cache 1\nnot a record\n" >p/.git/pl/log-cache &&
	pl -C p log >out 2>err &&
	test_cmp expect out &&
	test_must_be_empty err &&
	head -n 1 p/.git/pl/log-cache >head &&
	echo "pl log cache 1" >want &&
	test_cmp want head &&
	! grep "not a record" p/.git/pl/log-cache &&
	rm -rf p/.git/pl &&
	: >p/.git/pl &&
	pl -C p log >out 2>err &&
	test_cmp expect out &&
	test_must_be_empty err &&
	rm p/.git/pl
'

test_expect_success 'a full disk or a kill while the cache is written: the log is whole, nothing is left' '
	# (settings are read through a memfd: its writes come first)
	test_cache_faults "commit-cache log-cache trust-cache" -C p log
'

test_done
