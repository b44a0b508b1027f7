#!/bin/sh
test_description='the pager and colour: on a terminal only, as git chooses them'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# A terminal that can show colour, and no choice made in advance.
TERM=xterm
export TERM
unset PL_PAGER NO_COLOR LESS LV

if script -qec true /dev/null </dev/null >/dev/null 2>&1; then
	test_set_prereq TTY
fi

# Runs the shell command $1 with its output on a pseudo-terminal, as a
# person at one would: what the terminal showed is in tty.out (without
# the terminal's carriage returns), then "rc=N", N its exit status.
on_tty () {
	script -qec "$1; echo rc=\$?" /dev/null </dev/null >tty.raw &&
	tr -d '\r' <tty.raw >tty.out
}

esc=$(printf '\033')

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null &&
	test_tick &&
	pl -C p goal add --id fractions "Fractions" >/dev/null &&
	test_tick &&
	pl -C p reflect -m "Halves." >/dev/null &&
	cat >plain <<-\EOF &&
	2026-11-26  Test Teacher  reflection  add      2026-11-26-halves  Reflected on 2026-11-26: Halves.
	2026-11-26  Test Teacher  goal        add      fractions  Set a short-term goal: Fractions.
	2026-11-26  Test Teacher  portfolio   init     ana-lima  Started the portfolio of Ana Lima.
	EOF
	printf "%s\n" \
	    "${esc}[33m2026-11-26${esc}[m  Test Teacher  ${esc}[35mreflection${esc}[m  add      ${esc}[1m2026-11-26-halves${esc}[m  Reflected on 2026-11-26: Halves." \
	    "${esc}[33m2026-11-26${esc}[m  Test Teacher  ${esc}[32mgoal${esc}[m        add      ${esc}[1mfractions${esc}[m  Set a short-term goal: Fractions." \
	    "${esc}[33m2026-11-26${esc}[m  Test Teacher  ${esc}[1mportfolio${esc}[m   init     ${esc}[1mana-lima${esc}[m  Started the portfolio of Ana Lima." \
	    >coloured &&
	# A pager that keeps what it was given and the environment it got
	write_script pager <<-\EOF &&
	cat >"$TRASH_DIRECTORY/paged"
	echo "LESS=$LESS LV=$LV" >"$TRASH_DIRECTORY/pager-env"
	EOF
	write_script other-pager <<-\EOF
	cat >"$TRASH_DIRECTORY/other-paged"
	EOF
'

test_expect_success TTY 'on a terminal the log goes through the pager, LESS=FRX' '
	rm -f paged &&
	on_tty "PAGER=$TRASH_DIRECTORY/pager pl -C p log" &&
	echo rc=0 >expect &&
	test_cmp expect tty.out &&
	test_cmp coloured paged &&
	echo "LESS=FRX LV=-c" >expect &&
	test_cmp expect pager-env
'

test_expect_success TTY 'LESS and LV the person set are kept' '
	on_tty "LESS=-S LV=-a PAGER=$TRASH_DIRECTORY/pager pl -C p log" &&
	echo "LESS=-S LV=-a" >expect &&
	test_cmp expect pager-env
'

test_expect_success 'no pager when the output is piped' '
	rm -f paged &&
	PAGER=$TRASH_DIRECTORY/pager pl -C p log >out &&
	test_path_is_missing paged &&
	test_cmp plain out
'

test_expect_success TTY '--no-pager and -P: no pager, the log on the terminal' '
	rm -f paged &&
	on_tty "PAGER=$TRASH_DIRECTORY/pager pl --no-pager -C p log" &&
	test_path_is_missing paged &&
	{ cat coloured && echo rc=0; } >expect &&
	test_cmp expect tty.out &&
	on_tty "PAGER=$TRASH_DIRECTORY/pager pl -P -C p log" &&
	test_path_is_missing paged &&
	test_cmp expect tty.out
'

test_expect_success TTY '--paginate and -p page any command, on a terminal' '
	rm -f paged &&
	on_tty "PAGER=$TRASH_DIRECTORY/pager pl --paginate -C p goal list" &&
	echo rc=0 >expect &&
	test_cmp expect tty.out &&
	pl -C p goal list >expect &&
	test_cmp expect paged &&
	rm paged &&
	PAGER=$TRASH_DIRECTORY/pager pl -p -C p goal list >out &&
	test_path_is_missing paged &&
	test_cmp expect out
'

test_expect_success TTY 'PL_PAGER over PAGER; PL_PAGER="" or cat: none' '
	rm -f paged other-paged &&
	on_tty "PL_PAGER=$TRASH_DIRECTORY/other-pager PAGER=$TRASH_DIRECTORY/pager pl -C p log" &&
	test_path_is_missing paged &&
	test_cmp coloured other-paged &&
	on_tty "PL_PAGER= PAGER=$TRASH_DIRECTORY/pager pl -C p log" &&
	test_path_is_missing paged &&
	{ cat coloured && echo rc=0; } >expect &&
	test_cmp expect tty.out &&
	on_tty "PL_PAGER=cat PAGER=$TRASH_DIRECTORY/pager pl -C p log" &&
	test_path_is_missing paged &&
	test_cmp expect tty.out
'

test_expect_success TTY 'core.pager over PAGER, PL_PAGER over core.pager' '
	rm -f paged other-paged &&
	test_when_finished "git -C p config --unset core.pager" &&
	git -C p config core.pager "$TRASH_DIRECTORY/other-pager" &&
	on_tty "PAGER=$TRASH_DIRECTORY/pager pl -C p log" &&
	test_path_is_missing paged &&
	test_cmp coloured other-paged &&
	rm other-paged &&
	on_tty "PL_PAGER=$TRASH_DIRECTORY/pager pl -C p log" &&
	test_path_is_missing other-paged &&
	test_cmp coloured paged
'

test_expect_success TTY 'core.pager from the user'"'"'s ~/.gitconfig' '
	rm -f other-paged &&
	test_when_finished "rm -f \"$HOME/.gitconfig\"" &&
	git config --global core.pager "$TRASH_DIRECTORY/other-pager" &&
	on_tty "PAGER=$TRASH_DIRECTORY/pager pl -C p log" &&
	test_cmp coloured other-paged
'

test_expect_success TTY 'PAGER=cat: no pager' '
	on_tty "PAGER=cat pl -C p log" &&
	{ cat coloured && echo rc=0; } >expect &&
	test_cmp expect tty.out
'

test_expect_success TTY 'a failure keeps its exit status; its error reaches the pager' '
	rm -f paged &&
	on_tty "PAGER=$TRASH_DIRECTORY/pager pl -C p log --since nope" &&
	echo rc=5 >expect &&
	test_cmp expect tty.out &&
	echo "pl: invalid date ${SQ}nope${SQ} (expected YYYY-MM-DD)" >expect &&
	test_cmp expect paged
'

test_expect_success TTY 'an error goes where standard error goes when it is not a terminal' '
	rm -f paged &&
	on_tty "PAGER=$TRASH_DIRECTORY/pager pl -C p log --since nope 2>err" &&
	echo rc=5 >expect &&
	test_cmp expect tty.out &&
	test_must_be_empty paged &&
	echo "pl: invalid date ${SQ}nope${SQ} (expected YYYY-MM-DD)" >expect &&
	test_cmp expect err
'

test_expect_success TTY 'quitting the pager early: pl waits for it, then stops quietly' '
	git init -q big &&
	cp p/.plconfig big/ &&
	mkdir big/goals &&
	i=0 &&
	while test $i -lt 4000
	do
		echo "---" >"big/goals/g$i.md" &&
		i=$((i + 1)) || return 1
	done &&
	git -C big add . &&
	git -C big commit -q -m "Many goals" &&
	PAGER=cat pl -C big log >out &&
	test_line_count = 4000 out &&
	# Reads one line, then no more, as a person who quits at once
	write_script quitter <<-\EOF &&
	read line
	exec 0<&-
	echo "pager read: $line"
	echo "pager gone"
	EOF
	on_tty "PAGER=$TRASH_DIRECTORY/quitter pl -C big log --color=never" &&
	head -n 1 out >first &&
	cat >expect <<-EOF &&
	pager read: $(cat first)
	pager gone
	rc=141
	EOF
	test_cmp expect tty.out
'

test_expect_success TTY 'colour on a terminal; columns as without it' '
	on_tty "pl -P -C p log" &&
	{ cat coloured && echo rc=0; } >expect &&
	test_cmp expect tty.out &&
	sed -e "s/${esc}\\[[0-9;]*m//g" coloured >stripped &&
	test_cmp plain stripped
'

test_expect_success TTY 'no colour with NO_COLOR set, with TERM=dumb or unset' '
	{ cat plain && echo rc=0; } >expect &&
	on_tty "NO_COLOR=1 pl -P -C p log" &&
	test_cmp expect tty.out &&
	on_tty "TERM=dumb pl -P -C p log" &&
	test_cmp expect tty.out &&
	on_tty "unset TERM; pl -P -C p log" &&
	test_cmp expect tty.out &&
	on_tty "pl -P -C p log --color=never" &&
	test_cmp expect tty.out
'

test_expect_success TTY 'NO_COLOR empty is as unset; --color=always wins over it' '
	{ cat coloured && echo rc=0; } >expect &&
	on_tty "NO_COLOR= pl -P -C p log" &&
	test_cmp expect tty.out &&
	on_tty "NO_COLOR=1 pl -P -C p log --color=always" &&
	test_cmp expect tty.out
'

test_expect_success 'no colour when piped, unless --color=always or --color' '
	pl -C p log >out &&
	test_cmp plain out &&
	pl -C p log --color=auto >out &&
	test_cmp plain out &&
	pl -C p log --color=always >out &&
	test_cmp coloured out &&
	pl -C p log --color >out &&
	test_cmp coloured out
'

test_expect_success 'never colour in csv or json' '
	pl -C p log --format csv --color=always >out &&
	pl -C p log --format csv >expect &&
	test_cmp expect out &&
	pl -C p log --format json --color=always >out &&
	pl -C p log --format json >expect &&
	test_cmp expect out
'

test_expect_success 'an unknown --color value is a usage error' '
	test_expect_code 2 pl -C p log --color=sometimes >out 2>err &&
	test_must_be_empty out &&
	echo "pl: unknown colour setting ${SQ}sometimes${SQ} (use always, never or auto)" >expect &&
	test_cmp expect err
'

test_expect_success TTY 'control characters from files stay escaped through the pager' '
	echo "More." >>p/goals/fractions.md &&
	git -C p commit -q -a -m "$(printf "Tidy\\033]0;x\\007.")" &&
	on_tty "PAGER=$TRASH_DIRECTORY/pager pl -C p log -n 1 --color=never" &&
	echo "2026-11-26  Test Teacher  goal        edit     fractions  Tidy^[]0;x^G." >expect &&
	test_cmp expect paged
'

test_expect_success 'completion offers --color for log' '
	pl __complete log --co >actual &&
	echo --color >expect &&
	test_cmp expect actual
'

test_expect_success TTY 'pl report: paged and coloured on a terminal, the same text without the colour' '
	rm -f paged &&
	on_tty "PAGER=$TRASH_DIRECTORY/pager pl -C p report" &&
	echo rc=0 >expect &&
	test_cmp expect tty.out &&
	grep "${esc}\[1mReport for Ana Lima${esc}\[m" paged &&
	sed "s/${esc}\[[0-9;]*m//g" paged >stripped &&
	pl -C p report >plain-report &&
	test_cmp plain-report stripped &&
	! grep "${esc}" plain-report
'

test_expect_success TTY 'pl report: NO_COLOR, --color=never and -o FILE are plain; --color=always colours a pipe' '
	on_tty "NO_COLOR=1 PAGER=cat pl -C p report" &&
	! grep "${esc}" tty.out &&
	on_tty "PAGER=cat pl -C p report --color=never" &&
	! grep "${esc}" tty.out &&
	on_tty "pl -C p report -o $TRASH_DIRECTORY/r.txt" &&
	! grep "${esc}" r.txt &&
	pl -C p report --color=always >out &&
	grep "${esc}\[1mGoals${esc}\[m" out &&
	pl -C p report --format json --color=always >out &&
	! grep "${esc}" out
'

test_done
