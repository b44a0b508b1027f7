#!/bin/sh
test_description='pl align: alignment, ratings, scale, mastery and status'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# The framework is committed by hand: pl reads what is committed.
test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	mkdir p/standards &&
	cat >p/standards/math.csv <<-\EOF &&
	code,parent,grade,subject,description
	CCSS.Math.Content.6.RP.A,,6,Math,Ratios
	CCSS.Math.Content.6.RP.A.1,CCSS.Math.Content.6.RP.A,6,Math,"Understand ratios, and use them"
	CCSS.Math.Content.6.RP.A.2,CCSS.Math.Content.6.RP.A,6,Math,Unit rates
	CCSS.Math.Content.7.RP.A.2,,7,Math,Proportions
	EOF
	git -C p add standards &&
	git -C p commit -q -m "standards: math" &&
	pl -C p goal add --id ratios "Ratios" >/dev/null &&
	pl -C p evidence add -m x --date 2026-01-10 --id quiz "Quiz" \
		>/dev/null &&
	pl -C p evidence add -m x --date 2026-01-05 --goal ratios \
		--id poster "Poster" >/dev/null &&
	pl -C p evidence add -m x --date 2026-01-20 --id test "Test" \
		>/dev/null
'

# Lines as a CSV of pl ends them: CR LF.
crlf() {
	sed "s/\$/$(printf "\r")/"
}

head_is() {
	git -C p rev-parse HEAD >actual.head &&
	test_cmp "$1" actual.head
}

test_expect_success 'align goal: a short code in any case, written in full' '
	pl -C p align goal ratios 6.rp.a.1 >out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	grep "^standards: \[CCSS.Math.Content.6.RP.A.1\]$" p/goals/ratios.md &&
	cat >expect <<-\EOF &&
	goal: align ratios with CCSS.Math.Content.6.RP.A.1

	Aligned goal ratios with CCSS.Math.Content.6.RP.A.1.

	Pl-Kind: goal
	Pl-Action: align
	Pl-Id: ratios
	Pl-Standard: CCSS.Math.Content.6.RP.A.1
	EOF
	git -C p log -1 --format=%B >actual &&
	sed -e "/^Pl-Status/d" -e "/^Pl-Progress/d" -e "\$d" actual >msg &&
	test_cmp expect msg
'

test_expect_success 'align: unknown, ambiguous codes and ids change nothing' '
	git -C p rev-parse HEAD >head &&
	test_expect_code 4 pl -C p align evidence quiz 6.RP.A.9 2>err &&
	grep "^pl: unknown standard .6.RP.A.9." err &&
	test_expect_code 5 pl -C p align evidence quiz RP.A.2 2>err &&
	grep "^pl: standard .RP.A.2. is ambiguous" err &&
	test_expect_code 4 pl -C p align evidence nosuch 6.RP.A.2 2>err &&
	echo "pl: unknown evidence '"'"'nosuch'"'"'" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl -C p align goal ratios 2>err &&
	head_is head
'

test_expect_success 'align goal twice: nothing to commit' '
	git -C p rev-parse HEAD >head &&
	pl -C p align goal ratios CCSS.Math.Content.6.RP.A.1 2>err &&
	echo "pl: goal '"'"'ratios'"'"' is aligned to it already" >expect &&
	test_cmp expect err &&
	head_is head
'

test_expect_success 'align evidence several codes, and --remove' '
	pl -C p align evidence quiz 6.RP.A.2 7.RP.A.2 &&
	grep "^standards: \[CCSS.Math.Content.6.RP.A.2, CCSS.Math.Content.7.RP.A.2\]$" \
		p/evidence/quiz.md &&
	git -C p log -1 --format=%s >actual &&
	echo "evidence: align quiz with CCSS.Math.Content.6.RP.A.2, CCSS.Math.Content.7.RP.A.2" >expect &&
	test_cmp expect actual &&
	pl -C p align evidence --remove quiz 7.rp.a.2 &&
	grep "^standards: \[CCSS.Math.Content.6.RP.A.2\]$" p/evidence/quiz.md &&
	git -C p log -1 --format=%s >actual &&
	echo "evidence: unalign quiz from CCSS.Math.Content.7.RP.A.2" >expect &&
	test_cmp expect actual &&
	git -C p rev-parse HEAD >head &&
	test_expect_code 4 pl -C p align evidence -r quiz 7.RP.A.2 2>err &&
	echo "pl: '"'"'quiz'"'"' is not aligned to '"'"'7.RP.A.2'"'"'" >expect &&
	test_cmp expect err &&
	head_is head
'

test_expect_success 'goal add and evidence add take --standard' '
	pl -C p goal add --standard 7.rp.a.2 --standard 6.RP.A.2 \
		--id props "Proportions" >/dev/null &&
	grep "^standards: \[CCSS.Math.Content.7.RP.A.2, CCSS.Math.Content.6.RP.A.2\]$" \
		p/goals/props.md &&
	git -C p log -1 --format=%B >msg &&
	grep "^Pl-Standard: CCSS.Math.Content.7.RP.A.2$" msg &&
	pl -C p evidence add -m x --standard 6.RP.A.1 --id essay "Essay" \
		>/dev/null &&
	grep "^standards: \[CCSS.Math.Content.6.RP.A.1\]$" p/evidence/essay.md &&
	git -C p rev-parse HEAD >head &&
	test_expect_code 4 env EDITOR=false \
		pl -C p evidence add --standard nope "Late" 2>err &&
	grep "^pl: unknown standard .nope." err &&
	test_expect_code 4 pl -C p goal add --standard nope "Late" 2>err &&
	head_is head
'

test_expect_success 'rate: the git identity rates, trailers say it all' '
	pl -C p align rate quiz 6.RP.A.2 3 --note "clear work" >out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	cat >expect <<-\EOF &&
	ratings:
	- standard: CCSS.Math.Content.6.RP.A.2
	  level: 3
	  by: Test Teacher <teacher@example.com>
	  date: 2026-11-26
	  note: clear work
	---
	EOF
	sed -n "/^ratings:/,/^---/p" p/evidence/quiz.md >actual &&
	test_cmp expect actual &&
	git -C p log -1 --format="%an <%ae>|%s|%(trailers:key=Pl-Standard,key=Pl-Level,key=Pl-Rater,separator=;)" >actual &&
	echo "Test Teacher <teacher@example.com>|evidence: rate quiz CCSS.Math.Content.6.RP.A.2 3|Pl-Standard: CCSS.Math.Content.6.RP.A.2;Pl-Level: 3;Pl-Rater: Test Teacher <teacher@example.com>" >expect &&
	test_cmp expect actual
'

test_expect_success 'rate --by: the rater is the author; a name is a level' '
	pl -C p align rate --by "Ms Rivera <rivera@school.example>" \
		--date 2026-02-01 poster 6.rp.a.1 Advanced &&
	git -C p log -1 --format="%an <%ae>" >actual &&
	echo "Ms Rivera <rivera@school.example>" >expect &&
	test_cmp expect actual &&
	grep "^  by: Ms Rivera <rivera@school.example>$" p/evidence/poster.md &&
	grep "^  level: 4$" p/evidence/poster.md &&
	grep "^  date: 2026-02-01$" p/evidence/poster.md &&
	grep "^standards: \[CCSS.Math.Content.6.RP.A.1\]$" p/evidence/poster.md
'

test_expect_success 'rate: bad input is refused before anything is written' '
	git -C p rev-parse HEAD >head &&
	test_expect_code 5 pl -C p align rate quiz 6.RP.A.2 5 2>err &&
	echo "pl: invalid level '"'"'5'"'"' (use 1-4 or beginning, developing, proficient, advanced)" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p align rate quiz 6.RP.A.2 2.5 2>err &&
	test_expect_code 5 pl -C p align rate --by "nobody" quiz 6.RP.A.2 3 \
		2>err &&
	grep "^pl: malformed author" err &&
	test_expect_code 5 pl -C p align rate --date soon quiz 6.RP.A.2 3 \
		2>err &&
	test_expect_code 5 pl -C p align rate --note "$(printf "a\nb")" \
		quiz 6.RP.A.2 3 2>err &&
	test_expect_code 4 pl -C p align rate nosuch 6.RP.A.2 3 2>err &&
	test_expect_code 4 pl -C p align rate quiz 9.X 3 2>err &&
	test_expect_code 2 pl -C p align rate quiz 6.RP.A.2 2>err &&
	head_is head
'

# Ratings of 6.RP.A.2 in the order the work was done: test (01-20) 1,
# then entered later for older work: poster (01-05) 4, quiz (01-10) 3.
test_expect_success 'status orders ratings by when the work was done' '
	pl -C p align rate --date 2026-03-01 test 6.RP.A.2 1 &&
	pl -C p align rate --date 2026-03-02 poster 6.RP.A.2 4 &&
	pl -C p align status --method latest --format csv >actual &&
	crlf >expect <<-\EOF &&
	framework,code,grade,subject,state,score,mastered,ratings,goals,evidence
	math,CCSS.Math.Content.6.RP.A.1,6,Math,mastered,4,true,4,ratios,essay poster
	math,CCSS.Math.Content.6.RP.A.2,6,Math,not yet,1,false,4 3 1,props,poster quiz test
	math,CCSS.Math.Content.7.RP.A.2,7,Math,gap,,false,,props,
	EOF
	test_cmp expect actual
'

test_expect_success 'align show: the ratings, oldest work first, and their mastery' '
	pl -C p align show 6.RP.A.2 >out &&
	sed -n "/^ratings:/,/^mastery:/p" out >actual &&
	cat >expect <<-\EOF &&
	ratings:   2026-01-05  4  poster  Test Teacher <teacher@example.com>
	           2026-01-10  3  quiz  Test Teacher <teacher@example.com>  "clear work"
	           2026-01-20  1  test  Test Teacher <teacher@example.com>
	mastery:   1.82 by decaying: not yet
	EOF
	test_cmp expect actual &&
	pl -C p align show --format json 6.RP.A.2 >json &&
	python3 -c "import json,sys; d=json.load(open(\"json\")); print(len(d[\"ratings\"]), d[\"mastery\"])" >actual &&
	echo "3 {${SQ}method${SQ}: ${SQ}decaying${SQ}, ${SQ}score${SQ}: 1.82, ${SQ}at_mastery${SQ}: 2, ${SQ}mastered${SQ}: False}" >expect &&
	test_cmp expect actual
'

test_expect_success 'status --method: each method, and nothing written' '
	git -C p rev-parse HEAD >head &&
	for m in latest highest average decaying weighted n-times; do
		pl -C p align status --method $m --format csv >csv &&
		sed -n "s/^math,CCSS.Math.Content.6.RP.A.2,6,Math,\([^,]*,[^,]*,[^,]*\),.*/$m \1/p" \
			csv || return 1
	done >actual &&
	# 4, 3, 1: s = 4, 3.35, 1.8225; 0.65 * 1 + 0.35 * 3.5 = 1.875;
	# each to two places; n-times has no score before 3 at mastery
	cat >expect <<-\EOF &&
	latest not yet,1,false
	highest mastered,4,true
	average not yet,2.67,false
	decaying not yet,1.82,false
	weighted not yet,1.88,false
	n-times not yet,,false
	EOF
	test_cmp expect actual &&
	head_is head &&
	git -C p status --porcelain >st &&
	test_must_be_empty st
'

test_expect_success 'status: text, totals and gaps; evidence counts toward its goal' '
	pl -C p align status --goal ratios >actual &&
	cat >expect <<-\EOF &&
	standard                    state     score  ratings  goals   evidence
	CCSS.Math.Content.6.RP.A.1  mastered  4.00   4        ratios  essay, poster

	covered 1 of 1 (100.0%), mastered 1 of 1 (100.0%)
	EOF
	test_cmp expect actual &&
	pl -C p align status --grade 7 --format md >actual &&
	cat >expect <<-\EOF &&
	| standard | state | score | ratings | goals | evidence |
	| --- | --- | --- | --- | --- | --- |
	| CCSS.Math.Content.7.RP.A.2 | gap | - | - | props | - |

	**Totals:** covered 0 of 1 (0.0%), mastered 0 of 1 (0.0%)
	**Gaps:** CCSS.Math.Content.7.RP.A.2
	EOF
	test_cmp expect actual &&
	pl -C p align status --subject science >actual &&
	tail -1 actual >last &&
	echo "covered 0 of 0, mastered 0 of 0 (no standards in scope)" >expect &&
	test_cmp expect last &&
	test_expect_code 4 pl -C p align status --goal nosuch 2>err &&
	test_expect_code 2 pl -C p align status --format xml 2>err &&
	echo "pl: unknown format '"'"'xml'"'"' (use text, json, csv or md)" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl -C p align status --method median 2>err
'

test_expect_success 'scale: shown, set in .plconfig, used by rate and status' '
	pl -C p align scale >actual &&
	cat >expect <<-\EOF &&
	1  beginning
	2  developing
	3  proficient  (mastery)
	4  advanced
	mastery  3
	halves   no
	method   decaying
	weight   0.65
	ntimes   3
	EOF
	test_cmp expect actual &&
	git -C p rev-parse HEAD >head &&
	test_expect_code 5 pl -C p align scale --mastery 5 2>err &&
	test_expect_code 5 pl -C p align scale --method median 2>err &&
	test_expect_code 5 pl -C p align scale --weight 2 2>err &&
	test_expect_code 5 pl -C p align scale --levels solo 2>err &&
	head_is head &&
	pl -C p align scale --halves yes --method latest --ntimes 2 &&
	git -C p log -1 --format=%s >actual &&
	echo "align: scale 1-4, mastery 3, latest" >expect &&
	test_cmp expect actual &&
	git config -f p/.plconfig --get align.method >actual &&
	echo latest >expect &&
	test_cmp expect actual &&
	git config -f p/.plconfig --get portfolio.version &&
	pl -C p align rate quiz 6.RP.A.2 2.5 &&
	grep "^  level: 2.5$" p/evidence/quiz.md &&
	pl -C p align status --format csv >actual &&
	grep "^math,CCSS.Math.Content.6.RP.A.2,6,Math,not yet,1,false,4 3 2.5 1," actual
'

test_expect_success 'scale --levels: names of a new scale' '
	pl -C p align scale --levels "novice, apprentice, practitioner, expert, master" --mastery 4 &&
	pl -C p align scale >actual &&
	head -5 actual >top &&
	cat >expect <<-\EOF &&
	1  novice
	2  apprentice
	3  practitioner
	4  expert  (mastery)
	5  master
	EOF
	test_cmp expect top &&
	pl -C p align rate quiz 6.RP.A.2 master &&
	grep "^  level: 5$" p/evidence/quiz.md
'

test_expect_success 'ratings edited by hand are kept, and checked' '
	cat >p/evidence/hand.md <<-\EOF &&
	---
	title: By hand
	date: 2026-01-02
	kind: artifact
	# a comment
	extra: {keep: [1, 2]}
	ratings:
	  - standard: CCSS.Math.Content.7.RP.A.2
	    level: 2
	    by: Self <me@x>
	    date: 2026-01-03
	    mood: happy
	---
	Body
	EOF
	git -C p add evidence/hand.md &&
	git -C p commit -q -m "by hand" &&
	pl -C p align rate hand 7.RP.A.2 3 &&
	# the comment and the items as the person indented them are kept
	cat >expect <<-\EOF &&
	---
	title: By hand
	date: 2026-01-02
	kind: artifact
	# a comment
	extra: {keep: [1, 2]}
	ratings:
	  - standard: CCSS.Math.Content.7.RP.A.2
	    level: 2
	    by: Self <me@x>
	    date: 2026-01-03
	    mood: happy
	  - standard: CCSS.Math.Content.7.RP.A.2
	    level: 3
	    by: Test Teacher <teacher@example.com>
	    date: 2026-11-26
	standards: [CCSS.Math.Content.7.RP.A.2]
	---
	Body
	EOF
	test_cmp expect p/evidence/hand.md &&
	printf -- "---\ntitle: Bad\ndate: 2026-01-02\nkind: artifact\nratings: [x]\n---\n" \
		>p/evidence/bad.md &&
	git -C p add evidence/bad.md &&
	git -C p commit -q -m "bad" &&
	test_expect_code 6 pl -C p align rate bad 7.RP.A.2 3 2>err &&
	echo "pl: evidence/bad.md:5: '"'"'ratings'"'"' must be a list of mappings" >expect &&
	test_cmp expect err &&
	pl -C p align status >out 2>err &&
	grep "^pl: warning: evidence/bad.md:5:" err
'

test_expect_success 'status: a code two frameworks share is one row, aligned' '
	cat >p/standards/copy.csv <<-\EOF &&
	code,parent,grade,subject,description
	CCSS.Math.Content.6.RP.A.1,,6,Math,"Understand ratios, and use them"
	EOF
	git -C p add standards/copy.csv &&
	git -C p commit -q -m "standards: a copy" &&
	pl -C p align status --format csv >all &&
	grep -c "^[a-z]*,CCSS.Math.Content.6.RP.A.1," all >actual &&
	echo 1 >expect &&
	test_cmp expect actual &&
	pl -C p align status --framework copy --format csv >copy &&
	grep "^copy,CCSS.Math.Content.6.RP.A.1," copy | cut -d, -f9 >actual &&
	grep "^[a-z]*,CCSS.Math.Content.6.RP.A.1," all | cut -d, -f9 >expect &&
	test_cmp expect actual &&
	test -s actual
'

test_expect_success 'a rating appended to a list in the middle keeps the rest' '
	cat >p/evidence/mid.md <<-\EOF &&
	---
	title: Middle
	date: 2026-01-04
	kind: artifact
	ratings:
	    -   standard: CCSS.Math.Content.7.RP.A.2
	        level: 1   # first try
	# about the next key
	standards: [CCSS.Math.Content.7.RP.A.2]
	---
	Body
	EOF
	git -C p add evidence/mid.md &&
	git -C p commit -q -m "mid by hand" &&
	pl -C p align rate mid 7.RP.A.2 2 &&
	cat >expect <<-\EOF &&
	---
	title: Middle
	date: 2026-01-04
	kind: artifact
	ratings:
	    -   standard: CCSS.Math.Content.7.RP.A.2
	        level: 1   # first try
	# about the next key
	    - standard: CCSS.Math.Content.7.RP.A.2
	      level: 2
	      by: Test Teacher <teacher@example.com>
	      date: 2026-11-26
	standards: [CCSS.Math.Content.7.RP.A.2]
	---
	Body
	EOF
	test_cmp expect p/evidence/mid.md &&
	python3 -c "import yaml; d = yaml.safe_load(open(\"p/evidence/mid.md\").read().split(\"---\")[1]); print([r[\"level\"] for r in d[\"ratings\"]])" >actual &&
	echo "[1, 2]" >expect &&
	test_cmp expect actual
'

test_done
