#!/bin/sh
test_description='pl as git merge driver (pl merge-file), and pl clone'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# A goal and a piece of evidence, written as a person would, that the
# learner and the teacher then change each in their own clone.
write_goal () {
	# write_goal FILE STATUS STANDARDS STEPS
	printf -- "---\ntitle: Fractions\nstatus: %s\nstandards: [%s]\n---\n\n## Why\n\nTo cook.\n\n## Steps\n\n%b" \
		"$2" "$3" "$4" >"$1"
}

rating () {
	# rating STANDARD LEVEL WHO DATE
	printf -- "- standard: %s\n  level: %s\n  by: %s\n  date: %s\n" \
		"$1" "$2" "$3" "$4"
}

write_quiz () {
	# write_quiz FILE RATINGS...
	file=$1 &&
	shift &&
	{
		printf -- "---\ntitle: Quiz\nratings:\n" &&
		for r
		do
			printf "%s" "$r" || return 1
		done &&
		printf -- "---\n\nHalves and quarters.\n"
	} >"$file"
}

R1=$(rating M.1 2 "Ms Rivera <r@s.example>" 2026-11-01; echo x)
R1=${R1%x}
R2=$(rating M.2 3 "Ms Rivera <r@s.example>" 2026-11-02; echo x)
R2=${R2%x}
R3=$(rating M.3 1 "Mr Chen <c@s.example>" 2026-11-03; echo x)
R3=${R3%x}

test_expect_success 'setup: a portfolio on a bare remote' '
	pl init --name "Ana Lima" origin >/dev/null &&
	mkdir origin/goals origin/evidence &&
	write_goal origin/goals/fractions.md active "M.1" \
		"- [ ] One\n- [ ] Two\n" &&
	write_quiz origin/evidence/quiz.md "$R1" &&
	git -C origin add goals evidence &&
	git -C origin commit -q -m "goal and quiz by hand" &&
	git clone -q --bare origin remote.git
'

test_expect_success 'pl clone prints the folder and sets up the driver' '
	pl clone remote.git >out 2>err &&
	echo remote >expect &&
	test_cmp expect out &&
	test_must_be_empty err &&
	pl clone remote.git learner >out &&
	echo learner >expect &&
	test_cmp expect out &&
	pl clone "file://$TRASH_DIRECTORY/remote.git" teacher >out &&
	echo teacher >expect &&
	test_cmp expect out &&
	for c in remote learner teacher
	do
		git -C $c config --local merge.pl.driver >actual &&
		echo "pl merge-file %O %A %B %P" >expect &&
		test_cmp expect actual &&
		git -C $c config --local merge.pl.name >actual &&
		echo "pl portfolio merge" >expect &&
		test_cmp expect actual || return 1
	done &&
	git -C learner check-attr merge goals/fractions.md \
		evidence/quiz.md profile.md .plconfig >actual &&
	cat >expect <<-\EOF &&
	goals/fractions.md: merge: pl
	evidence/quiz.md: merge: pl
	profile.md: merge: pl
	.plconfig: merge: unspecified
	EOF
	test_cmp expect actual &&
	test_path_is_missing "$HOME/.gitconfig" &&
	git -C learner diff --exit-code origin/HEAD
'

test_expect_success 'diverging edits to one goal and one quiz: git pull merges both' '
	write_goal learner/goals/fractions.md active "M.1, M.2" \
		"- [x] One\n- [ ] Two\n" &&
	write_quiz learner/evidence/quiz.md "$R1" "$R2" &&
	git -C learner commit -q -a -m "learner: M.2, step one, a rating" &&
	git -C learner push -q origin HEAD &&
	write_goal teacher/goals/fractions.md active "M.1, M.3" \
		"- [ ] One\n- [ ] Two\n- [ ] Three\n" &&
	write_quiz teacher/evidence/quiz.md "$R1" "$R3" &&
	git -C teacher commit -q -a -m "teacher: M.3, a step, a rating" &&
	git -C teacher pull -q --no-rebase >out 2>err &&
	test_must_be_empty err &&
	write_goal expect active "M.1, M.3, M.2" \
		"- [x] One\n- [ ] Two\n- [ ] Three\n" &&
	test_cmp expect teacher/goals/fractions.md &&
	write_quiz expect "$R1" "$R3" "$R2" &&
	test_cmp expect teacher/evidence/quiz.md &&
	git -C teacher status --porcelain >actual &&
	test_must_be_empty actual &&
	git -C teacher rev-list --count --merges HEAD >actual &&
	echo 1 >expect &&
	test_cmp expect actual &&
	git -C teacher diff --exit-code HEAD
'

test_expect_success 'the same pull without the driver is a conflict (git alone)' '
	git clone -q remote.git plain &&
	git -C plain reset -q --hard HEAD~1 &&
	write_goal plain/goals/fractions.md active "M.1, M.3" \
		"- [ ] One\n- [ ] Two\n" &&
	git -C plain commit -q -a -m "M.3" &&
	test_must_fail git -C plain pull -q --no-rebase \
		>out 2>err &&
	git -C plain ls-files -u goals/fractions.md >actual &&
	test_line_count = 3 actual
'

test_expect_success 'both set status differently: a conflict, named, with markers' '
	git -C teacher push -q origin HEAD &&
	git -C learner pull -q --no-rebase &&
	sed "s/^status: active/status: met/" learner/goals/fractions.md >x &&
	mv x learner/goals/fractions.md &&
	git -C learner commit -q -a -m "learner: met" &&
	git -C learner push -q origin HEAD &&
	sed "s/^status: active/status: paused/" teacher/goals/fractions.md >x &&
	mv x teacher/goals/fractions.md &&
	git -C teacher commit -q -a -m "teacher: paused" &&
	test_must_fail git -C teacher pull --no-rebase >out 2>err &&
	grep "^CONFLICT (content): Merge conflict in goals/fractions.md" out &&
	echo "pl: goals/fractions.md: cannot merge ${SQ}status${SQ}: both sides changed it differently" >expect &&
	grep "^pl: " err >actual &&
	test_cmp expect actual &&
	git -C teacher ls-files -u goals/fractions.md >actual &&
	test_line_count = 3 actual &&
	write_goal expect paused "M.1, M.3, M.2" \
		"- [x] One\n- [ ] Two\n- [ ] Three\n" &&
	sed "s/^status: paused/<<<<<<< ours\nstatus: paused\n=======\nstatus: met\n>>>>>>> theirs/" \
		expect >expect.marked &&
	test_cmp expect.marked teacher/goals/fractions.md
'

test_expect_success 'merge-file: merged, OURS replaced, its mode kept' '
	write_goal base active "M.1" "- [ ] One\n" &&
	write_goal ours active "M.1, M.2" "- [ ] One\n" &&
	write_goal theirs active "M.1" "- [x] One\n" &&
	chmod 600 ours &&
	pl merge-file base ours theirs goals/x.md >out 2>err &&
	test_must_be_empty out &&
	test_must_be_empty err &&
	write_goal expect active "M.1, M.2" "- [x] One\n" &&
	test_cmp expect ours &&
	ls -l ours >mode &&
	grep "^-rw------- " mode &&
	ls -a >files &&
	! grep pl-tmp files
'

test_expect_success 'merge-file: a conflict exits 1, OURS holds the markers' '
	write_goal ours met "M.1" "- [ ] One\n" &&
	write_goal theirs paused "M.1" "- [ ] One\n" &&
	test_expect_code 1 pl merge-file --marker-size 3 base ours theirs \
		goals/x.md >out 2>err &&
	test_must_be_empty out &&
	echo "pl: goals/x.md: cannot merge ${SQ}status${SQ}: both sides changed it differently" >expect &&
	test_cmp expect err &&
	write_goal expect "X" "M.1" "- [ ] One\n" &&
	sed "s/^status: X/<<< ours\nstatus: met\n===\nstatus: paused\n>>> theirs/" \
		expect >expect.marked &&
	test_cmp expect.marked ours
'

test_expect_success 'merge-file: OURS untouched when a file cannot be read' '
	write_goal ours met "M.1" "- [ ] One\n" &&
	cp ours ours.before &&
	test_expect_code 4 pl merge-file base ours missing goals/x.md \
		>out 2>err &&
	echo "pl: ${SQ}missing${SQ} does not exist" >expect &&
	test_cmp expect err &&
	test_cmp ours.before ours &&
	test_expect_code 4 pl merge-file missing ours theirs goals/x.md &&
	test_cmp ours.before ours &&
	dd if=/dev/zero of=big bs=1024 seek=16384 count=1 2>/dev/null &&
	test_expect_code 5 pl merge-file base ours big goals/x.md 2>err &&
	echo "pl: ${SQ}big${SQ} is larger than 16 MiB" >expect &&
	test_cmp expect err &&
	test_cmp ours.before ours
'

test_expect_success 'merge-file: a NUL byte is left to git, OURS kept' '
	printf "a\000b" >binary &&
	test_expect_code 1 pl merge-file base ours binary goals/x.md 2>err &&
	echo "pl: goals/x.md: cannot merge a file holding a NUL byte (binary or UTF-16?); ours is kept" >expect &&
	test_cmp expect err &&
	test_cmp ours.before ours
'

test_expect_success 'merge-file: usage' '
	test_expect_code 2 pl merge-file base ours theirs 2>err &&
	test_stderr_starts_pl err &&
	test_expect_code 2 pl merge-file --marker-size x base ours theirs p \
		2>err &&
	echo "pl: merge-file: --marker-size must be a number from 1 to 100, not ${SQ}x${SQ}" >expect &&
	test_cmp expect err
'

test_expect_success 'clone of a repository that is not a portfolio: exit 3, removed' '
	git init -q notpf &&
	git -C notpf commit -q --allow-empty -m empty &&
	test_expect_code 3 pl clone notpf copy >out 2>err &&
	test_must_be_empty out &&
	echo "pl: ${SQ}notpf${SQ} is not a portfolio: its HEAD has no .plconfig; the clone is removed" >expect &&
	test_cmp expect err &&
	test_path_is_missing copy &&
	mkdir empty &&
	test_expect_code 3 pl clone notpf empty 2>err &&
	test_path_is_dir empty &&
	ls -A empty >actual &&
	test_must_be_empty actual
'

test_expect_success 'clone into a folder that is not empty: exit 12' '
	mkdir full &&
	>full/keep &&
	test_expect_code 12 pl clone remote.git full >out 2>err &&
	echo "pl: ${SQ}full${SQ} exists and is not empty" >expect &&
	test_cmp expect err &&
	ls -A full >actual &&
	echo keep >expect &&
	test_cmp expect actual &&
	test_expect_code 12 pl clone remote.git 2>err &&
	echo "pl: ${SQ}remote${SQ} exists and is not empty" >expect &&
	test_cmp expect err
'

test_expect_success 'clone of a missing path: exit 4, nothing made' '
	test_expect_code 4 pl clone nowhere >out 2>err &&
	echo "pl: ${SQ}nowhere${SQ} does not exist" >expect &&
	test_cmp expect err &&
	test_path_is_missing nowhere &&
	test_expect_code 2 pl clone / 2>err &&
	echo "pl: cannot tell a folder from ${SQ}/${SQ}; name one: pl clone URL DIR" >expect &&
	test_cmp expect err
'

test_expect_success 'a password in the URL is not printed' '
	test_expect_code 1 pl clone "http://ana:secret@127.0.0.1:1/x.git" x \
		2>err &&
	! grep secret err &&
	grep "^pl: cannot clone ${SQ}http://ana@127.0.0.1:1/x.git${SQ}: " err
'

test_expect_success 'conflict markers committed by a merge made without pl: said, and edit repairs them' '
	pl init --name "Cy Wu" cm >/dev/null &&
	pl -C cm goal add --id g Goal >/dev/null &&
	sed -i "s/^status: active/<<<<<<< ours\nstatus: met\n=======\nstatus: paused\n>>>>>>> theirs/" \
		cm/goals/g.md &&
	git -C cm commit -q -am "Merge, markers and all" &&
	pl -C cm goal list >out 2>err &&
	echo "pl: warning: goals/g.md:4: conflict markers left by a merge; keep what should stay and take the markers out with: pl goal edit g" >expect &&
	test_cmp expect err &&
	test_expect_code 6 pl -C cm goal show g 2>err &&
	echo "pl: goals/g.md:4: conflict markers left by a merge; keep what should stay and take the markers out with: pl goal edit g" >expect &&
	test_cmp expect err &&
	write_script fix.sh <<-\EOF &&
	sed -i -e "/^<<<<<<< /d" -e "/^=======\$/,/^>>>>>>> /d" "$1"
	EOF
	EDITOR="$TRASH_DIRECTORY/fix.sh" pl -C cm goal edit g &&
	pl -C cm goal list >out 2>err &&
	test_must_be_empty err &&
	grep "^g  *met " out &&
	! grep "<<<<<<<\|>>>>>>>" cm/goals/g.md
'

test_expect_success 'markers in a reflection name the command that edits it: pl reflect edit' '
	id=$(pl -C cm reflect add -m "Went well.") &&
	sed -i "s/^date: \(.*\)/<<<<<<< ours\ndate: \1\n=======\ndate: 2026-11-27\n>>>>>>> theirs/" \
		cm/reflections/$id.md &&
	git -C cm commit -q -am "Merge, markers in a reflection" &&
	test_expect_code 6 pl -C cm reflect show "$id" 2>err &&
	grep ": pl reflect edit $id\$" err
'

test_done
