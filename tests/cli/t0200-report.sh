#!/bin/sh
test_description='pl report: the model against a hand-checked history'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"
. "$TEST_DIRECTORY/lib-standards.sh"

# One change a day from 2026-11-26 to 2026-12-08: pl's commits, a
# framework and a piece of evidence committed with plain git, a branch
# merged back, a goal renamed, a private diary, two ratings by a teacher.
# The reports below are made on 2026-12-08, the day of the last commit.
at_end () {
	GIT_AUTHOR_DATE="1796724000 +0000" &&
	GIT_COMMITTER_DATE="1796724000 +0000" &&
	export GIT_AUTHOR_DATE GIT_COMMITTER_DATE
}

test_expect_success 'setup' '
	pl init --name "Ana Lima" --grade 6 p >/dev/null &&
	next_day &&
	commit_standards p math <<-\EOF &&
	code,parent,grade,subject,description
	CCSS.Math.Content.6.RP.A.1,,6,Math,Understand ratios
	CCSS.Math.Content.6.RP.A.2,,6,Math,Understand unit rates
	EOF
	next_day &&
	pl -C p goal add --id fractions --due 2026-12-08 --step One \
		--step Two --step Three --step Four --standard 6.RP.A.1 \
		"Fractions" >/dev/null &&
	next_day &&
	pl -C p goal add --id reading "Reading" >/dev/null &&
	next_day &&
	pl -C p evidence add -m "I did it." --goal fractions --id quiz \
		"Quiz" >/dev/null &&
	next_day &&
	pl -C p align rate --by "Ms Rivera <rivera@school.example>" \
		quiz 6.RP.A.1 2 >/dev/null &&
	next_day &&
	cat >p/evidence/poster.md <<-\EOF &&
	---
	title: Poster
	date: 2026-12-02
	kind: artifact
	goals: [fractions]
	---
	A poster about fractions.
	EOF
	git -C p add evidence/poster.md &&
	git -C p commit -q -m "Add the poster" &&
	next_day &&
	git -C p checkout -q -b side &&
	pl -C p reflect -m "Halves are easy." --goal fractions >/dev/null &&
	test_tick &&
	git -C p checkout -q - &&
	pl -C p goal done fractions 1 >/dev/null &&
	next_day &&
	git -C p merge -q --no-edit side &&
	next_day &&
	pl -C p goal mv reading books >/dev/null &&
	next_day &&
	pl -C p evidence add -m "Dear diary." --goal books --id secret \
		"Diary" >/dev/null &&
	sed -i "s/^title: Diary/private: true\ntitle: Diary/" \
		p/evidence/secret.md &&
	git -C p commit -q -am "Keep the diary private" &&
	next_day &&
	pl -C p align rate --by "Ms Rivera <rivera@school.example>" \
		poster 6.RP.A.1 3 >/dev/null &&
	next_day &&
	pl -C p goal done fractions 2 >/dev/null
'

test_expect_success 'the teacher view: flags first, then the goals table' '
	at_end &&
	pl -C p report --for teacher >out 2>err &&
	test_must_be_empty err &&
	cat >expect <<-\EOF &&
	Report for Ana Lima, grade 6
	As of 2026-12-08, from commit fde2f1872f35 of 2026-12-08

	Needs attention
	  fractions  behind pace: 2 of 4 steps, 100% of the time gone

	Goals
	  ID         TERM   STATUS   STEPS  DUE         LAST EV.    DAYS  PACE    EV  REFL
	  books      short  active   0/0    -           2026-12-06     2  -        1     0
	  fractions  short  active   2/4    2026-12-08  2026-12-02     6  behind   2     1

	Standards
	  1 aligned, 1 with evidence, 0 mastered (decaying)
	  Of the standards of grade 6 and those aligned: 1 of 2 covered (50.0%), 0 mastered (0.0%)
	  CCSS.Math.Content.6.RP.A.1  2.65  developing    2 ratings            Understand ratios

	Activity per week
	  WEEK OF     EVIDENCE  REFLECTIONS  STEPS  RATINGS
	  2026-11-23         0            0      0        0
	  2026-11-30         3            1      1        1  ######
	  2026-12-07         0            0      1        1  ##

	Who contributed
	  Test Teacher  12 changes: 2 goals, 2 steps, 3 evidence, 1 reflection, 0 ratings (2026-11-26 to 2026-12-08)
	  Ms Rivera     2 changes: 0 goals, 0 steps, 0 evidence, 0 reflections, 2 ratings (2026-12-01 to 2026-12-07)

	Evidence
	  2026-12-06  artifact     Diary (secret)
	  2026-12-02  artifact     Poster (poster)
	  2026-11-30  artifact     Quiz (quiz)

	Reflections
	  2026-12-03  Halves are easy.
	EOF
	test_cmp expect out
'

test_expect_success 'the learner view: goals and next steps first' '
	at_end &&
	pl -C p report >out &&
	cat >expect <<-\EOF &&
	Report for Ana Lima, grade 6
	As of 2026-12-08, from commit fde2f1872f35 of 2026-12-08

	Goals
	  Reading (books)
	    no steps yet
	  Fractions (fractions)
	    [##########----------] 2/4 steps, due 2026-12-08, behind pace
	    behind pace: 2 of 4 steps, 100% of the time gone
	    Next: Three

	Evidence
	  2026-12-06  artifact     Diary (secret)
	  2026-12-02  artifact     Poster (poster)
	  2026-11-30  artifact     Quiz (quiz)

	Reflections
	  2026-12-03  Halves are easy.

	Standards
	  1 aligned, 1 with evidence, 0 mastered (decaying)
	  Of the standards of grade 6 and those aligned: 1 of 2 covered (50.0%), 0 mastered (0.0%)
	  CCSS.Math.Content.6.RP.A.1  2.65  developing    2 ratings            Understand ratios

	Activity per week
	  WEEK OF     EVIDENCE  REFLECTIONS  STEPS  RATINGS
	  2026-11-23         0            0      0        0
	  2026-11-30         3            1      1        1  ######
	  2026-12-07         0            0      1        1  ##

	Who contributed
	  Test Teacher  12 changes: 2 goals, 2 steps, 3 evidence, 1 reflection, 0 ratings (2026-11-26 to 2026-12-08)
	  Ms Rivera     2 changes: 0 goals, 0 steps, 0 evidence, 0 reflections, 2 ratings (2026-12-01 to 2026-12-07)
	EOF
	test_cmp expect out
'

test_expect_success 'a window: what changed, a hand-made commit too, and mastery that moved' '
	at_end &&
	pl -C p report --for teacher --since 2026-11-30 --until 2026-12-02 \
		>out &&
	git -C p rev-list -1 --until="2026-12-02 23:59:59" HEAD >commit &&
	grep "^As of 2026-12-02, from commit $(cut -c1-12 commit) of 2026-12-02$" out &&
	cat >expect <<-\EOF &&
	Report for Ana Lima, grade 6
	As of 2026-12-02, from commit 0575db12322d of 2026-12-02
	Changes from 2026-11-30 to 2026-12-02

	Needs attention
	  fractions  behind pace: 0 of 4 steps, 40% of the time gone

	Goals
	  ID         TERM   STATUS   STEPS  DUE         LAST EV.    DAYS  PACE    EV  REFL
	  fractions  short  active   0/4    2026-12-08  2026-12-02     0  behind   2     0
	  reading    short  active   0/0    -           -              3  -        0     0

	In the window
	  2026-12-02  evidence    Add the poster - Test Teacher
	  2026-12-01  rating      Rated quiz: 2 (developing) - Ms Rivera
	  2026-11-30  evidence    Added artifact evidence from 2026-11-30: Quiz. - Test Teacher

	Mastery that moved
	  CCSS.Math.Content.6.RP.A.1  new -> 2.00  Understand ratios

	Standards
	  1 aligned, 1 with evidence, 0 mastered (decaying)
	  Of the standards of grade 6 and those aligned: 1 of 2 covered (50.0%), 0 mastered (0.0%)
	  CCSS.Math.Content.6.RP.A.1  2.00  developing    1 rating             Understand ratios

	Activity per week
	  WEEK OF     EVIDENCE  REFLECTIONS  STEPS  RATINGS
	  2026-11-30         2            0      0        1  ###

	Who contributed in the window
	  Test Teacher  2 changes: 0 goals, 0 steps, 2 evidence, 0 reflections, 0 ratings (2026-11-30 to 2026-12-02)
	  Ms Rivera     1 change: 0 goals, 0 steps, 0 evidence, 0 reflections, 1 rating (2026-12-01 to 2026-12-01)

	Evidence
	  2026-12-02  artifact     Poster (poster)
	  2026-11-30  artifact     Quiz (quiz)

	Reflections
	  No reflections yet.
	EOF
	test_cmp expect out
'

test_expect_success '--as-of DATE: the last commit on or before that day, as git picks it' '
	at_end &&
	pl -C p report --for teacher --as-of 2026-12-01 >out &&
	git -C p rev-list -1 --until="2026-12-01 23:59:59" HEAD >commit &&
	grep "^As of 2026-12-01, from commit $(cut -c1-12 commit) of 2026-12-01$" out &&
	cat >expect <<-\EOF &&
	Report for Ana Lima, grade 6
	As of 2026-12-01, from commit dec672568113 of 2026-12-01

	Needs attention
	  fractions  behind pace: 0 of 4 steps, 30% of the time gone

	Goals
	  ID         TERM   STATUS   STEPS  DUE         LAST EV.    DAYS  PACE    EV  REFL
	  fractions  short  active   0/4    2026-12-08  2026-11-30     1  behind   1     0
	  reading    short  active   0/0    -           -              2  -        0     0

	Standards
	  1 aligned, 1 with evidence, 0 mastered (decaying)
	  Of the standards of grade 6 and those aligned: 1 of 2 covered (50.0%), 0 mastered (0.0%)
	  CCSS.Math.Content.6.RP.A.1  2.00  developing    1 rating             Understand ratios

	Activity per week
	  WEEK OF     EVIDENCE  REFLECTIONS  STEPS  RATINGS
	  2026-11-23         0            0      0        0
	  2026-11-30         1            0      0        1  ##

	Who contributed
	  Test Teacher  5 changes: 2 goals, 0 steps, 1 evidence, 0 reflections, 0 ratings (2026-11-26 to 2026-11-30)
	  Ms Rivera     1 change: 0 goals, 0 steps, 0 evidence, 0 reflections, 1 rating (2026-12-01 to 2026-12-01)

	Evidence
	  2026-11-30  artifact     Quiz (quiz)

	Reflections
	  No reflections yet.
	EOF
	test_cmp expect out
'

test_expect_success 'a report names its commit, and --as-of that commit makes the same bytes' '
	at_end &&
	for view in learner teacher family
	do
		pl -C p report --for $view >now &&
		pl -C p report --for $view --as-of "$(git -C p rev-parse HEAD)" \
			>again &&
		test_cmp now again &&
		pl -C p report --for $view --as-of 2026-12-08 >again &&
		test_cmp now again || return 1
	done &&
	grep "from commit $(git -C p rev-parse --short=12 HEAD) of 2026-12-08" now
'

test_expect_success 'an older revision is read as it was: the goal under its old id' '
	at_end &&
	pl -C p report --for teacher --as-of HEAD~5 >out &&
	grep "^As of 2026-12-04, from commit $(git -C p rev-parse --short=12 HEAD~5) of 2026-12-04$" out &&
	grep "^  reading  " out &&
	! grep "^  books  " out
'

test_expect_success 'a window across a merge and a rename: each change once' '
	at_end &&
	pl -C p report --for teacher --since 2026-12-03 >out &&
	sed -n "/^In the window/,/^Standards/p" out >window &&
	cat >expect <<-\EOF &&
	In the window
	  2026-12-08  step done   Did step 2 of "Fractions": Two. - Test Teacher
	  2026-12-07  rating      Rated poster: 3 (proficient) - Ms Rivera
	  2026-12-06  evidence    Added artifact evidence from 2026-12-06: Diary. - Test Teacher
	  2026-12-03  step done   Did step 1 of "Fractions": One. - Test Teacher
	  2026-12-03  reflection  Reflected on 2026-12-03: Halves are easy. - Test Teacher

	Mastery that moved
	  CCSS.Math.Content.6.RP.A.1  2.00 -> 2.65  Understand ratios

	Standards
	EOF
	test_cmp expect window
'

test_expect_success 'the family view: sentences, no codes, no emails, nothing private' '
	at_end &&
	pl -C p report --for family --since 2026-11-26 >out &&
	grep "^  Ana Lima is working on 2 goals and has met 0\. 1 goal could use some help\. 2 pieces of work have been added; none of the 1 skill in the goals is secure yet\.$" out &&
	! grep -i "diary\|secret" out &&
	! grep "@" out &&
	! grep "CCSS" out &&
	grep "^  - Understand ratios: getting there (developing)$" out &&
	! grep -e "2\.65" -e decaying -e aligned out &&
	pl -C p report --for family --codes >out &&
	grep "^  - Understand ratios (CCSS.Math.Content.6.RP.A.1): getting there (developing)$" out &&
	pl -C p report --for teacher >out &&
	grep "Diary (secret)" out
'

test_expect_success 'the family view does not count private work: a goal with only private evidence is stalled' '
	pl -C p report --for family --as-of 2026-12-21 >out &&
	grep -A1 "^  - Reading: " out >books &&
	cat >expect <<-\EOF &&
	  - Reading: no steps written yet.
	    Could use some help: nothing new for 22 days.
	EOF
	test_cmp expect books &&
	pl -C p report --for teacher --as-of 2026-12-21 >out &&
	grep "^  books      short  active   0/0    -           2026-12-06    15  -        1     0$" out
'

test_expect_success 'overdue counts from the as-of day' '
	pl -C p report --for teacher --as-of 2026-12-10 >out &&
	grep "^  fractions  overdue by 2 days; behind pace: 2 of 4 steps, 100% of the time gone$" out
'

test_expect_success 'report.stalledDays sets when a goal is stalled' '
	at_end &&
	git clone -q p q &&
	printf "[report]\n\tstalledDays = 5\n" >>q/.plconfig &&
	git -C q commit -q -am "Stall sooner" &&
	pl -C q report --for teacher >out &&
	grep "^  fractions  stalled: no evidence for 6 days; behind pace" out &&
	! grep "^  books  .*stalled" out &&
	printf "\tstalledDays = soon\n" >>q/.plconfig &&
	git -C q commit -q -am "Bad setting" &&
	test_expect_code 6 pl -C q report 2>err &&
	test_cmp - err <<-\EOF
	pl: .plconfig: '"'"'report.stalledDays'"'"' must be a number of days from 1 to 36500, not '"'"'soon'"'"'
	EOF
'

test_expect_success '--method is a what-if: mastery by another method, nothing written' '
	at_end &&
	git -C p rev-parse HEAD >before &&
	pl -C p report --for teacher --method highest >out &&
	grep "^  1 aligned, 1 with evidence, 1 mastered (highest)$" out &&
	grep "^  CCSS.Math.Content.6.RP.A.1  3.00  proficient    2 ratings  mastered  Understand ratios$" out &&
	git -C p rev-parse HEAD >after &&
	test_cmp before after
'

test_expect_success '-o FILE writes the report there and nothing to standard output' '
	at_end &&
	pl -C p report -o "$TRASH_DIRECTORY/report.txt" >out &&
	test_must_be_empty out &&
	pl -C p report >expect &&
	test_cmp expect report.txt
'

test_expect_success 'bad input: one line, a documented exit code' '
	test_expect_code 5 pl -C p report --as-of 2026-13-01 2>err &&
	test_cmp - err <<-\EOF &&
	pl: invalid --as-of date '"'"'2026-13-01'"'"' (use YYYY-MM-DD, today or yesterday)
	EOF
	test_expect_code 4 pl -C p report --as-of nosuch 2>err &&
	grep "^pl: unknown revision '"'"'nosuch'"'"'$" err &&
	test_expect_code 4 pl -C p report --as-of 2026-01-01 2>err &&
	grep "^pl: no commit on or before 2026-01-01$" err &&
	test_expect_code 5 pl -C p report --since 2026-12-05 --until 2026-12-01 \
		2>err &&
	grep "^pl: the window ends (2026-12-01) before it starts (2026-12-05)$" err &&
	test_expect_code 5 pl -C p report --as-of 2026-12-01 --until 2026-12-05 \
		2>err &&
	grep "^pl: --until 2026-12-05 is after --as-of 2026-12-01$" err &&
	test_expect_code 2 pl -C p report --for nobody 2>err &&
	grep "^pl: unknown view '"'"'nobody'"'"' (use learner, teacher or family)$" err &&
	test_expect_code 2 pl -C p report --standards 2>err &&
	grep "^pl: --standards goes with --format csv$" err &&
	test_expect_code 5 pl -C p report --method best 2>err &&
	grep "^pl: unknown method" err &&
	test_expect_code 2 pl -C p report --format pdf 2>err &&
	grep "^pl: unknown format '"'"'pdf'"'"'" err &&
	mkdir empty &&
	test_expect_code 3 pl -C empty report 2>err &&
	test_line_count = 1 err
'

test_expect_success 'a file that cannot be read is a warning, the rest is reported' '
	git clone -q p broken &&
	printf -- "---\ntitle: [oops\n---\n" >broken/goals/bad.md &&
	git -C broken add goals/bad.md &&
	git -C broken commit -q -m "Break a goal" &&
	pl -C broken report --for teacher >out 2>err &&
	grep "^pl: warning: goals/bad.md" err &&
	grep "^  fractions  " out &&
	grep "^Left out$" out
'

test_expect_success 'an empty portfolio: every section says so' '
	pl init --name "New Learner" fresh >/dev/null &&
	pl -C fresh report >out &&
	grep "^  No goals yet\.$" out &&
	grep "^  No evidence yet\.$" out &&
	grep "^  No reflections yet\.$" out
'

test_expect_success 'JSON: the version, the commit, the flags; every key documented' '
	at_end &&
	pl -C p report --format json --since 2026-12-03 >out.json &&
	git -C p rev-parse HEAD >head &&
	python3 - "$PL_SOURCE_ROOT/docs/report-schema.md" <<-\EOF
	import json, sys
	r = json.load(open("out.json"))
	assert r["version"] == 2, r["version"]
	assert r["commit"] == {"id": open("head").read().strip(),
	    "date": "2026-12-08"}, r["commit"]
	assert r["as_of"] == "2026-12-08"
	assert r["window"] == {"since": "2026-12-03", "until": "2026-12-08"}
	g = {x["id"]: x for x in r["goals"]}
	f = g["fractions"]
	assert (f["steps_done"], f["steps_total"], f["pace"], f["overdue"],
	    f["stalled"], f["last_evidence"], f["days_since_evidence"],
	    f["next"], f["why"]) == (2, 4, "behind", False, False,
	    "2026-12-02", 6, ["Three", "Four"], None), f
	assert f["evidence"] == ["poster", "quiz"], f["evidence"]
	assert g["books"]["evidence"] == ["secret"]
	assert [e["type"] for e in r["events"]] == ["step-done", "rating",
	    "evidence", "step-done", "reflection"], r["events"]
	m = r["moves"][0]
	assert (m["code"], m["from"], m["to"]) == \
	    ("CCSS.Math.Content.6.RP.A.1", 2.0, 2.65), m
	s = r["standards"][0]
	assert [(p["date"], p["level"], p["score"]) for p in s["points"]] == \
	    [("2026-11-30", 2.0, 2.0), ("2026-12-02", 3.0, 2.65)], s["points"]
	doc = open(sys.argv[1]).read()
	def keys(v, path):
	    if isinstance(v, dict):
	        for k, x in v.items():
	            assert "`%s`" % k in doc, "undocumented key " + path + k
	            keys(x, path + k + ".")
	    elif isinstance(v, list):
	        for x in v:
	            keys(x, path)
	keys(r, "")
	EOF
'

test_expect_success 'JSON of the family view: nothing private in it' '
	at_end &&
	pl -C p report --format json --for family --since 2026-11-26 >out.json &&
	! grep -i "secret\|diary" out.json &&
	python3 -c "import json; r = json.load(open(\"out.json\")); \
assert r[\"view\"] == \"family\" and r[\"codes\"] is False; \
assert [g[\"evidence\"] for g in r[\"goals\"]] == [[], [\"poster\", \"quiz\"]]"
'

test_expect_success 'CSV: one row per goal, or per standard; CRLF; the same for every view' '
	at_end &&
	pl -C p report --format csv >out.csv &&
	printf "%s\r\n" \
	"id,title,term,status,parent,created,due,steps_done,steps_total,evidence,reflections,last_evidence,days_since_evidence,overdue,stalled,pace,standards,due_in,next_step" \
	"books,Reading,short,active,,2026-11-29,,0,0,secret,,2026-12-06,2,false,false,,,," \
	"fractions,Fractions,short,active,,2026-11-28,2026-12-08,2,4,poster quiz,2026-12-03-halves-are-easy,2026-12-02,6,false,false,behind,CCSS.Math.Content.6.RP.A.1,0,Three" \
		>expect &&
	test_cmp expect out.csv &&
	pl -C p report --format csv --for teacher >again.csv &&
	test_cmp out.csv again.csv &&
	pl -C p report --format csv --standards >out.csv &&
	head -n 1 out.csv | grep "^code,framework,grade,subject,description,goals,evidence,ratings,score,level,mastered" &&
	sed -n 2p out.csv | grep "^CCSS.Math.Content.6.RP.A.1,math,6,Math,Understand ratios,1,2,2,2.65,developing,false"
'

test_expect_success 'Markdown: the learner view leads with goals and next steps' '
	at_end &&
	pl -C p report --format md >out.md &&
	head -n 3 out.md >head &&
	cat >expect <<-EOF &&
	# Learning report: Ana Lima

	As of 2026-12-08 · made from commit $(git -C p rev-parse --short=7 HEAD) (2026-12-08)
	EOF
	test_cmp expect head &&
	grep "^## Goals" out.md &&
	grep "^- \[ \] Three$" out.md
'

test_expect_success 'hostile text cannot add markup to Markdown nor escapes to text' '
	pl init --name "Eve <script>alert(1)</script>" hostile >/dev/null &&
	esc=$(printf "\033") &&
	pl -C hostile goal add --id g --step "[click](javascript:alert(1))" \
		--why "<img src=x onerror=alert(1)> | a | b |" \
		"# Title | with <b>pipes</b>" >/dev/null &&
	pl -C hostile reflect --goal g -m "<script>alert(2)</script>" \
		-m "[x](javascript:alert(3)) ![t](http://evil.example/t.png)" \
		>/dev/null &&
	printf -- "---\ntitle: \"Bell \\\\a and \\\\e[31mred\"\ndate: 2026-11-26\nkind: artifact\ngoals: [g]\n---\n" \
		>bell.md &&
	mkdir -p hostile/evidence && mv bell.md hostile/evidence/ &&
	git -C hostile add evidence/bell.md &&
	git -C hostile commit -q -m "Add by hand" &&
	for view in learner teacher family
	do
		pl -C hostile report --format md --for $view >out.md &&
		! grep -i "<script\|<img\|<b>" out.md &&
		! grep "[^\\]](javascript:" out.md &&
		! grep "!\[t\](http" out.md &&
		! grep "^# Title" out.md &&
		pl -C hostile report --for $view --color=never >out.txt &&
		! grep "$esc" out.txt &&
		pl -C hostile report --format html --for $view >out.html &&
		! grep -i "<script\|<img\|<b>\|href=.javascript\|src=.http" \
			out.html &&
		! grep -iE "<[a-z]+[^>]* on[a-z]+=" out.html || return 1
	done &&
	grep "Bell   and  \[31mred" out.txt
'

test_expect_success 'output does not depend on the locale or the terminal width' '
	at_end &&
	for f in text md csv json
	do
		pl -C p report --format $f >one &&
		LC_ALL=C COLUMNS=20 LINES=5 pl -C p report --format $f >two &&
		test_cmp one two || return 1
	done
'

test_expect_success 'every format of the family view leaves private work, emails and codes out' '
	at_end &&
	for f in text md html csv json
	do
		pl -C p report --for family --since 2026-11-26 --format $f >out &&
		! grep -i "secret\|diary" out || return 1
	done &&
	for f in text md html
	do
		pl -C p report --for family --format $f >out &&
		! grep "CCSS\|rivera@" out &&
		pl -C p report --for family --codes --format $f >out &&
		grep "CCSS" out || return 1
	done
'

test_expect_success 'a bare repository (a git host'"'"'s copy) reports the same' '
	at_end &&
	git clone -q --bare p bare.git &&
	pl -C p report --for teacher --format json >expect &&
	pl -C bare.git report --for teacher --format json >out &&
	test_cmp expect out
'

test_expect_success 'a linked worktree reads an older commit from the same repository' '
	at_end &&
	git -C p worktree add -q "$TRASH_DIRECTORY/wt" &&
	pl -C p report --for teacher --as-of HEAD~5 >expect &&
	pl -C wt report --for teacher --as-of HEAD~5 >out &&
	test_cmp expect out &&
	git -C p worktree remove wt
'

test_done
