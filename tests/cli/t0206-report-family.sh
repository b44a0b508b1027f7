#!/bin/sh
test_description='pl report --for family: private entries and what links only to them are left out everywhere, across the whole history'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# One change a day from 2026-11-27.  Private: the goal "health" (by
# pl goal edit), the reflection "worry" (by pl reflect edit, then renamed
# with pl reflect mv), the reflection "gone" (by a commit made with git,
# then removed with pl reflect rm).  Left out with them: "run", evidence
# for health alone, "alone", a reflection on health alone, and "steps",
# a goal whose parent is health.  Kept: "both", evidence for health and
# maths (its link to health dropped), and "mixed", a reflection on
# health and on "both".
test_expect_success 'setup' '
	write_script private.sh <<-\EOF &&
	sed -i "0,/^---\$/s//---\nprivate: true/" "$1"
	EOF
	pl init --name "Ana Lima" p >/dev/null &&
	next_day &&
	mkdir p/standards &&
	printf "code,parent,grade,subject,description\nA.1,,6,Math,One\n" \
		>p/standards/math.csv &&
	git -C p add standards &&
	git -C p commit -q -m "standards: math" &&
	next_day &&
	pl -C p goal add --id maths --standard A.1 "Maths" >/dev/null &&
	pl -C p goal add --id health --term long "Health" >/dev/null &&
	pl -C p goal add --id steps --parent health "Walk more" >/dev/null &&
	EDITOR="$TRASH_DIRECTORY/private.sh" pl -C p goal edit health &&
	next_day &&
	pl -C p evidence add -m "x" --goal health --id run --date 2026-11-29 \
		"Run" >/dev/null &&
	pl -C p align rate --by "Ms Rivera <rivera@school.example>" \
		run A.1 4 >/dev/null &&
	pl -C p evidence add -m "x" --goal health --goal maths --id both \
		--date 2026-11-29 "Both" >/dev/null &&
	pl -C p align rate --by "Ms Rivera <rivera@school.example>" \
		both A.1 2 >/dev/null &&
	next_day &&
	pl -C p reflect --goal health -m "Alone with it." --date 2026-11-30 \
		>/dev/null &&
	pl -C p reflect --goal health --evidence both -m "Mixed feelings." \
		--date 2026-11-30 >/dev/null &&
	next_day &&
	pl -C p reflect --goal maths -m "Worry about tests." \
		--date 2026-12-01 >/dev/null &&
	EDITOR="$TRASH_DIRECTORY/private.sh" \
		pl -C p reflect edit 2026-12-01-worry-about-tests &&
	next_day &&
	pl -C p reflect mv 2026-12-01-worry-about-tests worry >/dev/null &&
	next_day &&
	pl -C p reflect --goal maths -m "Gone tomorrow." --date 2026-12-03 \
		>/dev/null &&
	sh private.sh p/reflections/2026-12-03-gone-tomorrow.md &&
	git -C p commit -q -am "Keep it to myself" &&
	next_day &&
	pl -C p reflect rm 2026-12-03-gone-tomorrow >/dev/null &&
	next_day &&
	pl -C p reflect --goal maths -m "Fractions click now." \
		--date 2026-12-05 >/dev/null &&
	git -C p log --format=%cd --date=short >dates &&
	test "$(head -n 1 dates)" = 2026-12-05
'

report () {
	pl -C p report --as-of 2026-12-05 --since 2026-11-27 --format json "$@"
}

# What a JSON report lists and counts, one line a fact.
facts () {
	python3 -c "
import json, sys
r = json.load(sys.stdin)
print(\"goals\", *[g[\"id\"] for g in r[\"goals\"]])
for g in r[\"goals\"]:
    print(\"goal\", g[\"id\"], \"evidence\", *g[\"evidence\"])
    print(\"goal\", g[\"id\"], \"reflections\", *g[\"reflections\"])
print(\"evidence\", *[e[\"id\"] for e in r[\"evidence\"]])
for e in r[\"evidence\"]:
    print(\"evidence\", e[\"id\"], \"goals\", *e[\"goals\"])
print(\"reflections\", *[f[\"id\"] for f in r[\"reflections\"]])
for f in r[\"reflections\"]:
    print(\"reflection\", f[\"id\"], \"goals\", *f[\"goals\"])
for s in r[\"standards\"]:
    print(\"standard\", s[\"code\"], s[\"ratings\"], s[\"score\"], s[\"evidence\"], s[\"goals\"])
print(\"weeks\", *[(w[\"evidence\"], w[\"reflections\"], w[\"steps\"], w[\"ratings\"], w[\"other\"]) for w in r[\"weeks\"]])
for p in r[\"people\"]:
    print(\"person\", p[\"name\"], p[\"changes\"], p[\"goals\"], p[\"evidence\"], p[\"reflections\"], p[\"ratings\"], p[\"first\"], p[\"last\"])
for e in r[\"events\"]:
    print(\"event\", e[\"date\"], e[\"type\"], e[\"id\"])
for m in r[\"moves\"]:
    print(\"move\", m[\"code\"], m[\"from\"], m[\"to\"])
"
}

test_expect_success 'the family view lists, links and counts only what is not private' '
	report --for family | facts >out &&
	cat >expect <<-\EOF &&
	goals maths
	goal maths evidence both
	goal maths reflections 2026-12-05-fractions-click-now
	evidence both
	evidence both goals maths
	reflections 2026-12-05-fractions-click-now 2026-11-30-mixed-feelings
	reflection 2026-12-05-fractions-click-now goals maths
	reflection 2026-11-30-mixed-feelings goals
	standard A.1 1 2.0 1 1
	weeks (1, 0, 0, 1, 2) (0, 2, 0, 0, 0)
	person Test Teacher 5 1 1 2 0 2026-11-27 2026-12-05
	person Ms Rivera 1 0 0 0 1 2026-11-29 2026-11-29
	event 2026-12-05 reflection 2026-12-05-fractions-click-now
	event 2026-11-30 reflection 2026-11-30-mixed-feelings
	event 2026-11-29 rating both
	event 2026-11-29 evidence both
	event 2026-11-28 goal-set maths
	move A.1 None 2.0
	EOF
	test_cmp expect out
'

test_expect_success 'the learner view shows everything' '
	report --for learner | facts >out &&
	grep "^goals health maths steps\$" out &&
	grep "^reflections .*worry" out &&
	grep "^event 2026-12-03 reflection 2026-12-03-gone-tomorrow\$" out &&
	grep "^event 2026-12-01 reflection 2026-12-01-worry-about-tests\$" out
'

test_expect_success 'no word of a private entry reaches any format of the family view' '
	for f in text md html csv json; do
		pl -C p report --as-of 2026-12-05 --since 2026-11-27 \
			--for family --format $f >out.$f || return 1
	done &&
	pl -C p report --as-of 2026-12-05 --since 2026-11-27 --for family \
		--format csv --standards >>out.csv &&
	! grep -i -e worry -e gone -e alone -e health -e "walk more" \
		-e "2026-11-29-run\|\brun\b" out.text out.md out.html out.csv \
		out.json &&
	grep "Both assessed for One: developing" out.html out.text out.md \
		>rated &&
	test_line_count = 3 rated
'

test_expect_success 'each window and as-of day leaves the same entries out' '
	for w in "--since 2026-12-02" "--since 2026-12-04" \
		"--as-of 2026-12-02 --since 2026-11-30" "--as-of 2026-12-03"; do
		pl -C p report $w --for family --format json >out.json &&
		! grep -i -e worry -e gone -e alone -e health -e "\"run\"" \
			out.json || return 1
	done
'

test_expect_success 'the class report'"'"'s family pages leave out the same' '
	printf "learner,portfolio\nAna,p\n" >roster.csv &&
	pl report --roster roster.csv --as-of 2026-12-05 --since 2026-11-27 \
		--for family --out-dir pages &&
	! grep -r -i -e worry -e gone -e alone -e health pages
'

test_expect_success 'the family view names no file of a private entry among what it left out' '
	cp -R p q &&
	sed -i "s/^  level: 4\$/  level: 9/" q/evidence/run.md &&
	printf -- "---\ntitle: [Dear diary\n---\nMy secret.\n" \
		>q/evidence/secret-diary.md &&
	git -C q add evidence &&
	git -C q commit -q -m "By hand" &&
	pl -C q report --for learner --format json >learner.json &&
	grep "evidence/run.md:.*invalid level" learner.json &&
	grep "evidence/secret-diary.md:" learner.json &&
	pl -C q report --for family --format json >family.json &&
	python3 -c "
import json
print(json.load(open(\"family.json\"))[\"warnings\"])
" >out &&
	echo "[${SQ}a file in evidence/ could not be read${SQ}]" >expect &&
	test_cmp expect out &&
	pl -C q report --for family >family.txt &&
	! grep -e run -e secret -e diary family.txt
'

test_done
