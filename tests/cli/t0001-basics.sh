#!/bin/sh
test_description='help, --version, usage errors and unknown commands'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

test_expect_success '--version prints the version' '
	pl --version >actual 2>err &&
	grep -E "^pl [0-9]+\.[0-9]+\.[0-9]+\$" actual &&
	test_line_count = 1 actual &&
	test_must_be_empty err
'

test_expect_success '--help lists the commands in order' '
	cat >expect <<-EOF &&
	usage: pl [-C DIR] [-p | -P] [--version] [--help] COMMAND [ARGS]

	pl keeps a learner portfolio: Markdown files in a git repository.

	commands:
	    align      tie goals and evidence to curriculum standards
	    clone      copy a portfolio from a server or a folder
	    evidence   record what the learner did, with files
	    goal       set goals, add and tick steps, mark them met
	    help       show help for pl or one of its commands
	    init       start a new portfolio
	    log        show the progress timeline
	    profile    show and change the learner profile
	    publish    make a showcase a static site anyone can host
	    reflect    write and read reflections
	    report     show where a learner stands and how they got there
	    roster     clone or sync the portfolios of a class
	    showcase   choose what to show an audience, in order
	    sync       share the portfolio through a git remote
	    verify     check the signatures of ratings and signed commits

	See ${SQ}pl help COMMAND${SQ} or ${SQ}pl COMMAND --help${SQ} for one of them, and pl(1).
	EOF
	pl --help >actual 2>err &&
	test_cmp expect actual &&
	test_must_be_empty err
'

test_expect_success 'plumbing is left out of the list but has its help' '
	pl --help >list &&
	! grep merge-file list &&
	pl help merge-file >actual &&
	head -n 1 actual >first &&
	echo "usage: pl merge-file [--marker-size N] BASE OURS THEIRS PATH" >expect &&
	test_cmp expect first
'

test_expect_success 'pl help, pl -h and pl --help agree' '
	pl --help >expect &&
	pl help >actual &&
	test_cmp expect actual &&
	pl -h >actual &&
	test_cmp expect actual
'

test_expect_success 'pl alone prints usage on stderr and exits 2' '
	test_expect_code 2 pl >out 2>err &&
	test_must_be_empty out &&
	pl --help >expect &&
	test_cmp expect err
'

test_expect_success 'an unknown command exits 2 with a message' '
	test_expect_code 2 pl frobnicate >out 2>err &&
	test_must_be_empty out &&
	echo "pl: ${SQ}frobnicate${SQ} is not a pl command; see ${SQ}pl --help${SQ}" >expect &&
	test_cmp expect err
'

test_expect_success 'an unknown global option exits 2' '
	test_expect_code 2 pl --frobnicate >out 2>err &&
	test_must_be_empty out &&
	echo "pl: unknown option ${SQ}--frobnicate${SQ}; see ${SQ}pl --help${SQ}" >expect &&
	test_cmp expect err
'

test_expect_success '-C to a missing folder exits 2' '
	test_expect_code 2 pl -C nowhere goal list 2>err &&
	test_stderr_starts_pl err &&
	grep "cannot change to ${SQ}nowhere${SQ}" err
'

test_expect_success 'pl help goal is pl goal --help' '
	pl goal --help >expect &&
	pl help goal >actual &&
	test_cmp expect actual &&
	pl goal -h >actual &&
	test_cmp expect actual &&
	head -n 1 actual >first &&
	echo "usage: pl goal [list]" >expect &&
	test_cmp expect first
'

test_expect_success 'pl help with a sub-command is its --help' '
	for c in "goal add" "goal list" "goal show" "goal step" \
		"goal done" "goal status" "goal edit" "profile show" \
		"profile set" "profile add" "profile edit" "evidence add" \
		"evidence list" "evidence show" "reflect add" "reflect list" \
		"reflect show" "align import" "align list" "align show" init help
	do
		pl $c --help >expect &&
		pl help $c >actual &&
		test_cmp expect actual &&
		head -n 1 actual >first &&
		grep "^usage: pl " first || return 1
	done
'

test_expect_success 'help of every command needs no portfolio' '
	for c in align evidence goal help init profile reflect
	do
		pl help $c >out 2>err &&
		test -s out &&
		test_must_be_empty err || return 1
	done
'

test_expect_success 'goal --help lists the sub-commands' '
	cat >expect <<-EOF &&
	usage: pl goal [list]
	   or: pl goal add [--term short|long] [--due DATE] [--parent ID] [--why TEXT] [--step TEXT]... [--standard CODE]... TITLE
	   or: pl goal list [--status STATUS|all] [--term TERM] [--overdue] [--flat] [--format text|json] [--rev REV]
	   or: pl goal show [--format text|json] [--rev REV] ID
	   or: pl goal step ID TEXT
	   or: pl goal done [--undo] ID N
	   or: pl goal status ID active|met|paused|dropped
	   or: pl goal edit ID
	   or: pl goal rm [--force] ID
	   or: pl goal mv OLD NEW

	Goals live in goals/<id>.md.  Without a command, ${SQ}pl goal${SQ} lists them.

	commands:
	    add        add a goal
	    list       list goals
	    show       show one goal
	    step       add a step to a goal
	    done       tick a goal${SQ}s step
	    status     set a goal${SQ}s status
	    edit       edit a goal in \$EDITOR
	    rm         remove a goal
	    mv         give a goal a new id

	See ${SQ}pl goal COMMAND --help${SQ} for one of them.
	EOF
	pl goal --help >actual &&
	test_cmp expect actual
'

test_expect_success 'init --help shows the option table' '
	cat >expect <<-EOF &&
	usage: pl init --name NAME [--id ID] [--grade GRADE] [DIR]

	Makes DIR (default: the current folder) a new portfolio: a git repository with
	.plconfig, profile.md and .gitattributes (git merges the files with pl), and a
	first commit.  DIR must be new, empty, or an empty repository.  Prints the
	learner${SQ}s id, and warns when DIR is inside another portfolio.

	options:
	    -n, --name NAME            the learner${SQ}s name (required)
	    -i, --id ID                the learner${SQ}s id (default: made from the name)
	    -g, --grade GRADE          grade or level
	    --author ${SQ}NAME <EMAIL>${SQ}    override the commit author
	EOF
	pl init --help >actual &&
	test_cmp expect actual
'

test_expect_success 'pl help of an unknown command exits 2' '
	test_expect_code 2 pl help frobnicate >out 2>err &&
	test_must_be_empty out &&
	echo "pl: no such command ${SQ}frobnicate${SQ}; see ${SQ}pl help${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl help goal frobnicate 2>err &&
	test_cmp expect err
'

test_expect_success 'help takes at most two words' '
	test_expect_code 2 pl help goal add more >out 2>err &&
	test_must_be_empty out &&
	echo "pl: help: too many arguments; usage: pl help [COMMAND [SUBCOMMAND]]" >expect &&
	test_cmp expect err
'

test_expect_success 'an unknown sub-command exits 2 and names it' '
	for c in goal profile evidence reflect align
	do
		test_expect_code 2 pl $c frobnicate >out 2>err &&
		test_must_be_empty out &&
		echo "pl: ${SQ}frobnicate${SQ} is not a ${SQ}pl $c${SQ} command; see ${SQ}pl $c --help${SQ}" >expect &&
		test_cmp expect err || return 1
	done
'

test_expect_success 'an unknown option of a sub-command exits 2' '
	test_expect_code 2 pl goal add --frobnicate x 2>err &&
	echo "pl: goal add: unknown option ${SQ}--frobnicate${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl goal add -Z x 2>err &&
	echo "pl: goal add: unknown option ${SQ}-Z${SQ}" >expect &&
	test_cmp expect err
'

test_expect_success 'a missing option value names the option' '
	test_expect_code 2 pl goal add --due 2>err &&
	echo "pl: goal add: missing value for option ${SQ}--due${SQ}" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl goal add -d 2>err &&
	echo "pl: goal add: missing value for option ${SQ}-d${SQ}" >expect &&
	test_cmp expect err
'

test_expect_success 'a missing argument exits 2 with the usage' '
	test_expect_code 2 pl goal add 2>err &&
	echo "pl: goal add: missing argument; usage: pl goal add [--term short|long] [--due DATE] [--parent ID] [--why TEXT] [--step TEXT]... [--standard CODE]... TITLE" >expect &&
	test_cmp expect err &&
	test_expect_code 2 pl goal step only-id 2>err &&
	echo "pl: goal step: missing argument; usage: pl goal step ID TEXT" >expect &&
	test_cmp expect err
'

test_expect_success 'too many arguments exit 2' '
	test_expect_code 2 pl goal show a b 2>err &&
	echo "pl: goal show: too many arguments; usage: pl goal show [--format text|json] [--rev REV] ID" >expect &&
	test_cmp expect err
'

test_expect_success 'usage errors come before looking for a portfolio' '
	mkdir empty &&
	(
		cd empty &&
		test_expect_code 2 pl goal add 2>../err &&
		echo "pl: goal add: missing argument; usage: pl goal add [--term short|long] [--due DATE] [--parent ID] [--why TEXT] [--step TEXT]... [--standard CODE]... TITLE" >../expect &&
		test_cmp ../expect ../err &&
		test_expect_code 2 pl goal list --bogus 2>../err &&
		echo "pl: goal list: unknown option ${SQ}--bogus${SQ}" >../expect &&
		test_cmp ../expect ../err
	) &&
	ls -A empty >actual &&
	test_must_be_empty actual
'

test_expect_success 'outside a portfolio: exit 3' '
	mkdir not-a-repo &&
	(
		cd not-a-repo &&
		test_expect_code 3 pl goal list >out 2>err &&
		test_must_be_empty out &&
		test_stderr_starts_pl err &&
		grep "not a portfolio" err
	)
'

test_expect_success 'a git repository without .plconfig: exit 3' '
	git init -q plain &&
	(
		cd plain &&
		git commit -q --allow-empty -m first &&
		test_expect_code 3 pl goal list 2>err &&
		test_stderr_starts_pl err &&
		grep "has no .plconfig" err
	)
'

test_expect_success 'a repository with no commits: exit 3' '
	git init -q unborn &&
	test_expect_code 3 pl -C unborn goal list 2>err &&
	test_stderr_starts_pl err &&
	grep "no commits yet" err
'

test_expect_success 'a .plconfig of an unknown version: exit 6' '
	git init -q future &&
	(
		cd future &&
		git config -f .plconfig portfolio.version 99 &&
		git add .plconfig &&
		git commit -q -m future &&
		test_expect_code 6 pl goal list 2>err &&
		echo "pl: .plconfig: unsupported portfolio.version ${SQ}99${SQ}" >expect &&
		test_cmp expect err
	)
'

test_expect_success 'an unknown --format exits 2' '
	pl init --name "Format Test" fmt >/dev/null &&
	test_expect_code 2 pl -C fmt goal list --format yaml 2>err &&
	echo "pl: unknown format ${SQ}yaml${SQ} (use text or json)" >expect &&
	test_cmp expect err
'

# ICU costs about a quarter of pl's start-up (lib/base/icu.h): it is loaded
# when a text outside ASCII needs it, not by every run.
test_expect_success 'ICU is loaded only for text outside ASCII' '
	LD_DEBUG=files pl -C fmt goal list 2>ld.err &&
	grep "file=libgit2" ld.err &&
	! grep "file=libicu" ld.err &&
	LD_DEBUG=files pl -C fmt goal add "Пример" >out 2>ld.err &&
	echo primer >expect &&
	test_cmp expect out &&
	grep "file=libicui18n" ld.err
'

test_done
