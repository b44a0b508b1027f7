#!/bin/sh
test_description='pl __complete: the completion helper behind completions/'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# complete WORDS...: what pl __complete prints, in the portfolio p.
complete () {
	pl -C p __complete "$@"
}

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	pl -C p goal add --term long --id reading "Read well" >/dev/null &&
	pl -C p goal add --id fractions "Fractions" >/dev/null &&
	pl -C p goal add --id french "French" >/dev/null &&
	pl -C p evidence add -m x --id poem "Poem" >/dev/null &&
	pl -C p reflect -m "Good day" >/dev/null
'

test_expect_success 'command names' '
	echo goal >expect &&
	complete go >actual &&
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	align
	clone
	evidence
	goal
	help
	init
	log
	profile
	publish
	reflect
	report
	roster
	showcase
	sync
	verify
	EOF
	complete "" >actual &&
	test_cmp expect actual &&
	complete zz >actual &&
	test_must_be_empty actual &&
	complete merge >actual &&
	test_must_be_empty actual
'

test_expect_success 'sub-command names' '
	cat >expect <<-\EOF &&
	add
	list
	show
	step
	done
	status
	edit
	rm
	mv
	EOF
	complete goal "" >actual &&
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	show
	step
	status
	EOF
	complete goal s >actual &&
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	add
	list
	show
	edit
	rm
	mv
	EOF
	complete reflect "" >actual &&
	test_cmp expect actual
'

test_expect_success 'goal ids from the committed tree' '
	cat >expect <<-\EOF &&
	fractions
	french
	reading
	EOF
	complete goal show "" >actual &&
	test_cmp expect actual &&
	for c in step done status edit rm mv
	do
		complete goal $c "" >actual &&
		test_cmp expect actual || return 1
	done &&
	cat >expect <<-\EOF &&
	fractions
	french
	EOF
	complete goal show fr >actual &&
	test_cmp expect actual
'

test_expect_success 'ids after an option that takes a value' '
	cat >expect <<-\EOF &&
	fractions
	french
	reading
	EOF
	complete goal show --format json "" >actual &&
	test_cmp expect actual &&
	complete evidence add --goal "" >actual &&
	test_cmp expect actual &&
	complete reflect --goal "" >actual &&
	test_cmp expect actual
'

test_expect_success '--parent offers long-term goals only' '
	echo reading >expect &&
	complete goal add --parent "" >actual &&
	test_cmp expect actual &&
	complete goal add -p r >actual &&
	test_cmp expect actual &&
	complete goal add --parent f >actual &&
	test_must_be_empty actual
'

test_expect_success 'goal done ID: step numbers, each with its text' '
	pl -C p goal step fractions "Halves" &&
	pl -C p goal step fractions "Quarters" &&
	pl -C p goal step fractions "Thirds" &&
	pl -C p goal done fractions 2 &&
	printf "1\tHalves\n3\tThirds\n" >expect &&
	complete goal done fractions "" >actual &&
	test_cmp expect actual &&
	printf "3\tThirds\n" >expect &&
	complete goal done fractions 3 >actual &&
	test_cmp expect actual &&
	printf "2\tQuarters\n" >expect &&
	complete goal done --undo fractions "" >actual &&
	test_cmp expect actual &&
	complete goal done fractions -u "" >actual &&
	test_cmp expect actual &&
	complete goal done nope "" >actual &&
	test_must_be_empty actual &&
	complete goal done fractions 1 "" >actual &&
	test_must_be_empty actual
'

test_expect_success '--rev offers branches and tags' '
	git -C p branch side &&
	git -C p tag v1 &&
	printf "master\nside\nv1\n" >expect &&
	complete goal list --rev "" >actual &&
	test_cmp expect actual &&
	echo side >expect &&
	complete reflect show --rev s >actual &&
	test_cmp expect actual
'

test_expect_success 'bash: step numbers with their text while there is a choice; -p, -P' '
	if ! command -v bash >/dev/null
	then
		echo "# skip: no bash" && return 0
	fi &&
	cat >bash-complete <<-\EOF &&
	. "$PL_SOURCE_ROOT/completions/pl.bash"
	compopt () { :; }
	run () {
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		COMPREPLY=()
		_pl
		printf "[%s]\n" "${COMPREPLY[@]}"
	}
	cd p
	run pl goal done fractions ""
	run pl goal done fractions 3
	run pl goal add --parent ""
	run pl -P --paginate go
	run pl -p -C . goal add --parent ""
	EOF
	cat >expect <<-\EOF &&
	[1  (Halves)]
	[3  (Thirds)]
	[3]
	[reading]
	[goal]
	[reading]
	EOF
	bash bash-complete >actual &&
	test_cmp expect actual
'

test_expect_success 'evidence and reflection ids' '
	echo poem >expect &&
	complete evidence show "" >actual &&
	test_cmp expect actual &&
	complete reflect --evidence "" >actual &&
	test_cmp expect actual &&
	echo 2026-11-26-good-day >expect &&
	complete reflect show "" >actual &&
	test_cmp expect actual
'

test_expect_success 'rm, mv, attach and detach' '
	echo poem >expect &&
	for c in rm mv attach detach
	do
		complete evidence $c "" >actual &&
		test_cmp expect actual || return 1
	done &&
	echo 2026-11-26-good-day >expect &&
	complete reflect rm "" >actual &&
	test_cmp expect actual &&
	complete goal mv fractions "" >actual &&
	test_must_be_empty actual &&
	echo @file >expect &&
	complete evidence attach poem "" >actual &&
	test_cmp expect actual &&
	complete evidence attach poem a.jpg b.jpg "" >actual &&
	test_cmp expect actual &&
	printf "%s\n" --force --author --help >expect &&
	complete goal rm -- >actual &&
	test_cmp expect actual &&
	complete evidence rm -- >actual &&
	test_cmp expect actual
'

test_expect_success 'an uncommitted goal is not offered' '
	test_when_finished "rm -f p/goals/draft.md" &&
	echo draft >p/goals/draft.md &&
	complete goal show d >actual &&
	test_must_be_empty actual
'

test_expect_success '--status and --term values' '
	cat >expect <<-\EOF &&
	active
	met
	paused
	dropped
	all
	EOF
	complete goal list --status "" >actual &&
	test_cmp expect actual &&
	complete goal list -s "" >actual &&
	test_cmp expect actual &&
	printf "active\nall\n" >expect &&
	complete goal list --status a >actual &&
	test_cmp expect actual &&
	printf "short\nlong\n" >expect &&
	complete goal add --term "" >actual &&
	test_cmp expect actual &&
	printf "text\njson\n" >expect &&
	complete goal list --format "" >actual &&
	test_cmp expect actual
'

test_expect_success 'the status word after a goal id' '
	printf "active\nmet\npaused\ndropped\n" >expect &&
	complete goal status fractions "" >actual &&
	test_cmp expect actual &&
	echo met >expect &&
	complete goal status fractions m >actual &&
	test_cmp expect actual
'

test_expect_success 'evidence kinds and profile words' '
	printf "artifact\nobservation\nassessment\nproject\nother\n" >expect &&
	complete evidence add --kind "" >actual &&
	test_cmp expect actual &&
	printf "strength\nneed\ninterest\npreference\n" >expect &&
	complete profile add "" >actual &&
	test_cmp expect actual &&
	printf "name\nid\ngrade\nstarted\n" >expect &&
	complete profile set "" >actual &&
	test_cmp expect actual
'

test_expect_success 'options of a command' '
	cat >expect <<-\EOF &&
	--status
	--term
	--overdue
	--flat
	--format
	--rev
	--help
	EOF
	complete goal list -- >actual &&
	test_cmp expect actual &&
	echo --status >expect &&
	complete goal list --st >actual &&
	test_cmp expect actual &&
	echo --help >expect &&
	complete goal list --h >actual &&
	test_cmp expect actual &&
	echo --evidence >expect &&
	complete reflect --ev >actual &&
	test_cmp expect actual
'

test_expect_success 'file names are left to the shell' '
	echo @file >expect &&
	complete evidence add --file "" >actual &&
	test_cmp expect actual &&
	complete evidence add -F "" >actual &&
	test_cmp expect actual &&
	complete init "" >actual &&
	test_cmp expect actual
'

test_expect_success 'a value that is free text gets nothing' '
	complete goal add --due "" >actual &&
	test_must_be_empty actual &&
	complete evidence add -m "" >actual &&
	test_must_be_empty actual
'

test_expect_success 'outside a portfolio: no ids, exit 0, no message' '
	mkdir nowhere &&
	pl -C nowhere __complete goal show "" >actual 2>err &&
	test_must_be_empty actual &&
	test_must_be_empty err &&
	echo goal >expect &&
	pl -C nowhere __complete go >actual &&
	test_cmp expect actual
'

test_expect_success 'from a subdirectory of the portfolio' '
	mkdir -p p/sub &&
	(
		cd p/sub &&
		pl __complete goal show fr >../../actual
	) &&
	printf "fractions\nfrench\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'log: its options, formats and kinds' '
	complete log --max >actual &&
	echo --max-count >expect &&
	test_cmp expect actual &&
	complete log --format "" >actual &&
	printf "%s\n" text csv json >expect &&
	test_cmp expect actual &&
	complete log --kind re >actual &&
	echo reflection >expect &&
	test_cmp expect actual
'

test_expect_success 'completion never fails, nor complains' '
	pl __complete >out 2>err &&
	test_must_be_empty err &&
	printf "%s\n" align clone evidence goal help init log profile \
		publish reflect report roster showcase sync verify >expect &&
	test_cmp expect out &&
	for words in "goal show a b c d" "--nope" "goal show --rev no-such-ref" \
		"goal nosuch x" "-C"
	do
		eval "pl -C p __complete $words" >out 2>err &&
		test_must_be_empty out &&
		test_must_be_empty err || return 1
	done
'

test_expect_success 'align: sub-commands, framework names, files' '
	printf "code,description\nM.1,one\n" >m.csv &&
	pl -C p align import --framework maths "$TRASH_DIRECTORY/m.csv" \
		>/dev/null &&
	printf "%s\n" import list show goal evidence rate scale status \
		migrate >expect &&
	complete align "" >actual &&
	test_cmp expect actual &&
	echo maths >expect &&
	complete align import --framework "" >actual &&
	test_cmp expect actual &&
	echo @file >expect &&
	complete align import "" >actual &&
	test_cmp expect actual &&
	echo maths >expect &&
	complete align list -f "" >actual &&
	test_cmp expect actual &&
	echo M.1 >expect &&
	complete align show "" >actual &&
	test_cmp expect actual &&
	echo @file >expect &&
	complete align migrate "" >actual &&
	test_cmp expect actual &&
	printf "%s\n" --dry-run --author --help >expect &&
	complete align migrate - >actual &&
	test_cmp expect actual
'

test_expect_success 'align: codes, ids, methods and formats' '
	echo M.1 >expect &&
	complete align goal fractions "" >actual &&
	test_cmp expect actual &&
	complete align rate poem "" >actual &&
	test_cmp expect actual &&
	complete evidence add --standard "" >actual &&
	test_cmp expect actual &&
	echo poem >expect &&
	complete align rate p >actual &&
	test_cmp expect actual &&
	printf "%s\n" decaying >expect &&
	complete align status --method d >actual &&
	test_cmp expect actual &&
	printf "%s\n" csv >expect &&
	complete align status --format c >actual &&
	test_cmp expect actual &&
	echo maths >expect &&
	complete align status --framework "" >actual &&
	test_cmp expect actual
'

test_expect_success 'report: views, formats, methods, revisions' '
	printf "%s\n" learner teacher family >expect &&
	complete report --for "" >actual &&
	test_cmp expect actual &&
	printf "%s\n" text md html csv json >expect &&
	complete report --format "" >actual &&
	test_cmp expect actual &&
	complete report --method "" >actual &&
	grep -x decaying actual &&
	complete report --as-of "" >actual &&
	grep -x side actual &&
	echo @file >expect &&
	complete report -o "" >actual &&
	test_cmp expect actual
'

test_expect_success 'sync: the remotes, its options' '
	git -C p remote add origin ../elsewhere &&
	git -C p remote add school ../school &&
	printf "%s\n" origin school >expect &&
	complete sync "" >actual &&
	test_cmp expect actual &&
	printf "%s\n" --no-push >expect &&
	complete sync --no >actual &&
	test_cmp expect actual
'

test_expect_success 'verify: its formats and a revision' '
	printf "%s\n" text json >expect &&
	complete verify --format "" >actual &&
	test_cmp expect actual &&
	echo side >expect &&
	complete verify s >actual &&
	test_cmp expect actual
'

test_expect_success 'report --roster: its options, files and folders' '
	printf "%s\n" --roster >expect &&
	complete report --ros >actual &&
	test_cmp expect actual &&
	printf "%s\n" --group >expect &&
	complete report --gr >actual &&
	test_cmp expect actual &&
	echo @file >expect &&
	for o in --roster --clones --out-dir
	do
		complete report $o "" >actual &&
		test_cmp expect actual || return 1
	done &&
	complete report --j >actual &&
	grep -x -- --jobs actual
'

test_done
