#!/bin/sh
test_description='pl report: the figures the schema documents (as-of commit, time share, last evidence, what was left out, event details)'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# Commits made at the time given, with its zone.
at () {
	GIT_AUTHOR_DATE="$1" &&
	GIT_COMMITTER_DATE="$1" &&
	export GIT_AUTHOR_DATE GIT_COMMITTER_DATE
}

# The commit --as-of DAY reads, by pl-report(1)'s rule, from git's own
# words: the first git log lists whose committer date in its own zone
# (%cd with --date=short) is on or before DAY.
git_as_of () {
	git -C "$1" log --format="%H %cd" --date=short |
	awk -v day="$2" '$2 <= day { print $1; exit }'
}

# A portfolio of learner $1 in folder $2 with a framework of one
# standard, M.1.
with_standard () {
	pl init --name "$1" "$2" >/dev/null &&
	mkdir "$2/standards" &&
	printf "code,parent,grade,subject,description\nM.1,,6,Math,One\n" \
		>"$2/standards/math.csv" &&
	git -C "$2" add standards &&
	git -C "$2" commit -q -m "standards: math"
}

# The commit id a JSON report was made from.
report_commit () {
	python3 -c "import json, sys; print(json.load(sys.stdin)[\"commit\"][\"id\"])"
}

# Committers in +13:00 (Samoa) and -08:00 (California).  kiwi is made
# at 17:00 UTC on 03-01, a day that is already 03-02 in Samoa; oregon
# after it, at 07:00 UTC on 03-02, still 03-01 in California: the
# absolute order and the order of days disagree.  late is made on a
# clock that ran behind: its time is before its parent's.
test_expect_success 'setup: a history across the date line' '
	at 2026-02-27T12:00:00+00:00 &&
	pl init --name "Kai Moana" tz >/dev/null &&
	at 2026-02-28T12:00:00+00:00 &&
	pl -C tz goal add --id g Goal >/dev/null &&
	at 2026-03-02T06:00:00+13:00 &&
	pl -C tz evidence add --goal g --id kiwi -m "From Apia." Kiwi \
		>/dev/null &&
	at 2026-03-01T23:00:00-08:00 &&
	pl -C tz evidence add --goal g --id oregon -m "From Portland." \
		Oregon >/dev/null &&
	at 2026-03-01T08:00:00-08:00 &&
	pl -C tz evidence add --goal g --id late -m "A slow clock." Late \
		>/dev/null &&
	at 2026-03-03T09:00:00+13:00 &&
	pl -C tz evidence add --goal g --id last -m "The last." Last \
		>/dev/null &&
	git -C tz log --format="%cd %s" --date=short >log &&
	cat >expect <<-\EOF &&
	2026-03-03 evidence: add last
	2026-03-01 evidence: add late
	2026-03-01 evidence: add oregon
	2026-03-02 evidence: add kiwi
	2026-02-28 goal: add g
	2026-02-27 portfolio: init kai-moana
	EOF
	test_cmp expect log
'

test_expect_success '--as-of DATE reads the first commit git log lists whose own day is on or before DATE' '
	at 2026-03-04T12:00:00+00:00 &&
	for day in 2026-02-27 2026-02-28 2026-03-01 2026-03-02 2026-03-03
	do
		git_as_of tz $day >expect &&
		pl -C tz report --format json --as-of $day >out.json &&
		report_commit <out.json >actual &&
		test_cmp expect actual &&
		python3 -c "import json; assert json.load(open(\"out.json\"))[\"as_of\"] == \"$day\"" ||
		return 1
	done &&
	git -C tz log -1 --format=%s "$(git_as_of tz 2026-03-01)" >subject &&
	echo "evidence: add late" >expect &&
	test_cmp expect subject &&
	git -C tz log -1 --format=%s "$(git_as_of tz 2026-03-02)" >subject &&
	test_cmp expect subject &&
	git -C tz log -1 --format=%s "$(git_as_of tz 2026-02-28)" >subject &&
	echo "goal: add g" >expect &&
	test_cmp expect subject &&
	test_expect_code 4 pl -C tz report --as-of 2026-02-26 2>err &&
	echo "pl: no commit on or before 2026-02-26" >expect &&
	test_cmp expect err
'

test_expect_success 'the class report reads each portfolio by the same rule' '
	printf "learner,portfolio\nKai,tz\n" >class.csv &&
	pl report --roster class.csv --as-of 2026-03-01 --format json >out.json &&
	python3 -c "import json; print(json.load(open(\"out.json\"))[\"learners\"][0][\"commit\"])" >actual &&
	git_as_of tz 2026-03-01 >expect &&
	test_cmp expect actual
'

# Goals as of 2026-03-11, each created 2026-03-01 and due 2026-03-21
# (10 of 20 days gone: a time share of 0.5), whatever their status or
# steps; one made by hand without a created date.
test_expect_success 'time_share is given for every goal with a due and a created date' '
	at 2026-03-01T10:00:00+00:00 &&
	pl init --name "Ana" ts >/dev/null &&
	pl -C ts goal add --id stepped --due 2026-03-21 --step One --step Two \
		Stepped >/dev/null &&
	pl -C ts goal add --id stepless --due 2026-03-21 Stepless >/dev/null &&
	pl -C ts goal add --id met --due 2026-03-21 --step One Met \
		>/dev/null &&
	pl -C ts goal status met met >/dev/null &&
	pl -C ts goal add --id paused --due 2026-03-21 Paused >/dev/null &&
	pl -C ts goal status paused paused >/dev/null &&
	pl -C ts goal add --id open Open >/dev/null &&
	printf -- "---\ntitle: Undated\nstatus: active\ndue: 2026-03-21\n---\n" \
		>ts/goals/undated.md &&
	git -C ts add goals &&
	git -C ts commit -q -m "A goal without a created date" &&
	pl -C ts report --format json --as-of 2026-03-11 >out.json &&
	python3 -c "
import json
r = json.load(open(\"out.json\"))
for g in r[\"goals\"]:
    print(g[\"id\"], g[\"status\"], g[\"time_share\"], g[\"pace\"], g[\"due_in\"])
" >actual &&
	cat >expect <<-\EOF &&
	met met 0.5 None 10
	open active None None None
	paused paused 0.5 None 10
	stepless active 0.5 None 10
	stepped active 0.5 behind 10
	undated active None None 10
	EOF
	test_cmp expect actual &&
	pl -C ts report --format json --as-of 2026-03-25 >out.json &&
	python3 -c "
import json
r = json.load(open(\"out.json\"))
print([(g[\"id\"], g[\"time_share\"], g[\"due_in\"]) for g in r[\"goals\"]])
" >actual &&
	echo "[(${SQ}met${SQ}, 1.0, -4), (${SQ}open${SQ}, None, None), (${SQ}paused${SQ}, 1.0, -4), (${SQ}stepless${SQ}, 1.0, -4), (${SQ}stepped${SQ}, 1.0, -4), (${SQ}undated${SQ}, None, -4)]" >expect &&
	test_cmp expect actual &&
	pl -C ts report --format csv --as-of 2026-03-11 >out.csv &&
	cut -d, -f1,13,18 out.csv | tr -d "\r" >actual &&
	cat >expect <<-\EOF &&
	id,days_since_evidence,due_in
	met,10,10
	open,10,
	paused,10,10
	stepless,10,10
	stepped,10,10
	undated,,10
	EOF
	test_cmp expect actual
'

# Evidence dated 03-20, committed on 03-05, is read by a report as of
# 03-11: it is listed, but the last evidence as of 03-11 is that of
# 03-02, for the goal, its long-term goal and the class report alike.
test_expect_success 'evidence dated after the as-of day is listed, but is not the last evidence' '
	at 2026-03-01T10:00:00+00:00 &&
	pl init --name "Ben" ev >/dev/null &&
	pl -C ev goal add --id big --term long Big >/dev/null &&
	pl -C ev goal add --id small --parent big Small >/dev/null &&
	at 2026-03-02T10:00:00+00:00 &&
	pl -C ev evidence add --goal small --id now -m "Done." Now >/dev/null &&
	at 2026-03-05T10:00:00+00:00 &&
	pl -C ev evidence add --goal small --id ahead --date 2026-03-20 \
		-m "Planned." Ahead >/dev/null &&
	pl -C ev report --format json --as-of 2026-03-11 >out.json &&
	python3 -c "
import json
r = json.load(open(\"out.json\"))
print(\" \".join(e[\"id\"] for e in r[\"evidence\"]))
for g in r[\"goals\"]:
    print(g[\"id\"], \",\".join(g[\"evidence\"]), g[\"last_evidence\"], g[\"days_since_evidence\"])
" >actual &&
	cat >expect <<-\EOF &&
	ahead now
	big  2026-03-02 9
	small ahead,now 2026-03-02 9
	EOF
	test_cmp expect actual &&
	pl -C ev report --format csv --as-of 2026-03-11 >out.csv &&
	cut -d, -f1,12,13 out.csv | tr -d "\r" >actual &&
	printf "%s\n" id,last_evidence,days_since_evidence big,2026-03-02,9 \
		small,2026-03-02,9 >expect &&
	test_cmp expect actual &&
	printf "learner,portfolio\nBen,ev\n" >ben.csv &&
	pl report --roster ben.csv --as-of 2026-03-11 --format json >out.json &&
	python3 -c "
import json
l = json.load(open(\"out.json\"))[\"learners\"][0]
print(l[\"last_evidence\"], l[\"days_since_evidence\"], l[\"evidence_14d\"], l[\"evidence_30d\"])
" >actual &&
	echo "2026-03-02 9 1 1" >expect &&
	test_cmp expect actual &&
	pl -C ev report --format json --as-of 2026-03-20 >out.json &&
	python3 -c "
import json
print([(g[\"id\"], g[\"last_evidence\"], g[\"days_since_evidence\"]) for g in json.load(open(\"out.json\"))[\"goals\"]])
" >actual &&
	echo "[(${SQ}big${SQ}, ${SQ}2026-03-20${SQ}, 0), (${SQ}small${SQ}, ${SQ}2026-03-20${SQ}, 0)]" >expect &&
	test_cmp expect actual
'

# One goal file that does not parse, and one rating with a level off the
# scale: the goal file is left out, the evidence is read, its rating
# is not.
test_expect_success 'what a warning left out: a file, a rating' '
	at 2026-03-01T10:00:00+00:00 &&
	with_standard Cy lo &&
	pl -C lo goal add --id fine Fine >/dev/null &&
	pl -C lo evidence add --goal fine --id quiz -m "Quiz." Quiz \
		>/dev/null &&
	pl -C lo align rate quiz M.1 3 >/dev/null &&
	sed -i "s/level: 3/level: 9/" lo/evidence/quiz.md &&
	printf -- "---\ntitle: [broken\n---\n" >lo/goals/broken.md &&
	git -C lo add goals evidence &&
	git -C lo commit -q -m "Hand edits" &&
	pl -C lo report --format json >out.json 2>err &&
	test_line_count = 2 err &&
	python3 -c "
import json
r = json.load(open(\"out.json\"))
print(len(r[\"warnings\"]), r[\"left_out\"], [g[\"id\"] for g in r[\"goals\"]], [e[\"id\"] for e in r[\"evidence\"]])
" >actual &&
	echo "2 {${SQ}files${SQ}: 1, ${SQ}ratings${SQ}: 1, ${SQ}links${SQ}: 0} [${SQ}fine${SQ}] [${SQ}quiz${SQ}]" >expect &&
	test_cmp expect actual &&
	printf "learner,portfolio\nCy,lo\n" >cy.csv &&
	pl report --roster cy.csv --format json >out.json 2>err &&
	test_must_be_empty err &&
	python3 -c "
import json
l = json.load(open(\"out.json\"))[\"learners\"][0]
print(l[\"reasons\"], l[\"warnings\"], l[\"left_out\"])
" >actual &&
	echo "[${SQ}1 file could not be read${SQ}, ${SQ}1 rating left out${SQ}] 2 {${SQ}files${SQ}: 1, ${SQ}ratings${SQ}: 1, ${SQ}links${SQ}: 0}" >expect &&
	test_cmp expect actual &&
	pl report --roster cy.csv --format csv >out.csv &&
	python3 -c "
import csv
row = list(csv.DictReader(open(\"out.csv\", newline=\"\")))[0]
print(row[\"reasons\"], row[\"warnings\"], row[\"left_out_files\"], row[\"left_out_ratings\"], row[\"left_out_links\"])
" >actual &&
	echo "1 file could not be read; 1 rating left out 2 1 1 0" >expect &&
	test_cmp expect actual &&
	pl report --roster cy.csv >out &&
	grep "  1 file could not be read; 1 rating left out\$" out
'

# A rating's commit sentence names the rater's email: JSON carries it
# as the schema says; the text, Markdown and HTML say the rating in
# words without it.
test_expect_success 'a rating event: the commit'"'"'s sentence in JSON, no email in the human views' '
	at 2026-03-01T10:00:00+00:00 &&
	with_standard Dee ra &&
	pl -C ra evidence add --id quiz -m "Quiz." --standard M.1 Quiz \
		>/dev/null &&
	at 2026-03-02T10:00:00+00:00 &&
	pl -C ra align rate --by "Ms Rivera <rivera@school.example>" quiz \
		M.1 3 >/dev/null &&
	git -C ra log -1 --format=%b >body &&
	head -n 1 body >sentence &&
	echo "Ms Rivera <rivera@school.example> rated quiz against M.1: 3." >expect &&
	test_cmp expect sentence &&
	pl -C ra report --format json --since 2026-03-01 >out.json &&
	python3 -c "
import json
for e in json.load(open(\"out.json\"))[\"events\"]:
    print(e[\"type\"], e[\"detail\"])
" >actual &&
	{ printf "rating " && cat sentence &&
	  echo "evidence Added artifact evidence from 2026-03-01: Quiz."; } >expect &&
	test_cmp expect actual &&
	for view in learner teacher
	do
		pl -C ra report --for $view --since 2026-03-01 >out &&
		grep "^  2026-03-02  rating  " out >event &&
		echo "  2026-03-02  rating      Rated quiz: 3 (proficient) - Ms Rivera" >expect &&
		test_cmp expect event &&
		pl -C ra report --for $view --since 2026-03-01 --format html \
			>out.html &&
		grep "<td>Rating</td>" out.html >event &&
		grep "<td class=\"line\">Rated quiz: 3 (proficient) (" event &&
		! grep @ event || return 1
	done &&
	pl -C ra report --for family --since 2026-03-01 >out &&
	grep "^  - 2026-03-02 · " out >event &&
	echo "  - 2026-03-02 · Quiz assessed for One: proficient" >expect &&
	test_cmp expect event &&
	pl -C ra report --for family --since 2026-03-01 --format html \
		>out.html &&
	grep "<li>2026-03-02 · Quiz assessed for One: proficient</li>" \
		out.html &&
	! grep "rivera@" out.html &&
	pl -C ra report --for teacher --since 2026-03-01 --format md >out.md &&
	grep "^| 2026-03-02 | rating | quiz | Ms Rivera | Rated quiz: 3 (proficient) · M.1: 3 |\$" out.md &&
	pl -C ra report --for family --since 2026-03-01 --format md >out.md &&
	! grep @ out.md
'

test_done
