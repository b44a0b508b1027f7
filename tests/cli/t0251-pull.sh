#!/bin/sh
test_description='a plain git pull merges a pl clone, through the driver (pull.rebase)'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

test_expect_success 'pl init and pl clone set pull.rebase=false in .git/config' '
	pl init --name "Ana Lima" origin >/dev/null &&
	pl -C origin goal add --step "Halves" --id fractions "Fractions" \
		>/dev/null &&
	git clone -q --bare origin remote.git &&
	pl clone remote.git learner >/dev/null &&
	pl clone remote.git teacher >/dev/null &&
	for c in origin learner teacher
	do
		git -C $c config --local pull.rebase >actual &&
		echo false >expect &&
		test_cmp expect actual || return 1
	done &&
	test_path_is_missing "$HOME/.gitconfig"
'

test_expect_success 'diverged clones: git pull, as it is, merges both steps' '
	test_tick &&
	pl -C learner goal step fractions "Thirds" &&
	git -C learner push -q origin HEAD &&
	test_tick &&
	pl -C teacher goal step fractions "Quarters" &&
	git -C teacher pull >out 2>err &&
	grep "^Merge made by the ${SQ}ort${SQ} strategy.$" out &&
	git -C teacher rev-list --count --merges HEAD >actual &&
	echo 1 >expect &&
	test_cmp expect actual &&
	# the driver kept both steps; git alone conflicts at the list end
	sed -n "/^## Steps/,\$p" teacher/goals/fractions.md >actual &&
	cat >expect <<-\EOF &&
	## Steps

	- [ ] Halves
	- [ ] Quarters
	- [ ] Thirds
	EOF
	test_cmp expect actual &&
	git -C teacher status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'plain git clone and the lines docs/sharing.md gives: the same' '
	sed -n "/^## A merge made with plain git/,/^Without/s/^    git config/git -C plain config/p" \
		"$PL_SOURCE_ROOT/docs/sharing.md" >lines &&
	test_line_count = 3 lines &&
	git -C teacher push -q origin HEAD &&
	git clone -q remote.git plain &&
	. ./lines &&
	test_tick &&
	git -C plain reset -q --hard HEAD~2 &&
	pl -C plain goal step fractions "Sixths" &&
	git -C plain pull >out 2>err &&
	sed -n "/^## Steps/,\$p" plain/goals/fractions.md >actual &&
	cat >expect <<-\EOF &&
	## Steps

	- [ ] Halves
	- [ ] Sixths
	- [ ] Quarters
	- [ ] Thirds
	EOF
	test_cmp expect actual
'

test_expect_success 'a pull.rebase of the person'"'"'s own stays theirs' '
	git config --global pull.rebase true &&
	test_when_finished "rm -f \"\$HOME/.gitconfig\"" &&
	pl clone remote.git mine >/dev/null &&
	test_must_fail git -C mine config --local pull.rebase &&
	pl init --name "Ben Ortiz" ben >/dev/null &&
	test_must_fail git -C ben config --local pull.rebase &&
	# and one the repository had before pl init is left as it is
	git config --global --unset pull.rebase &&
	git init -q own &&
	git -C own config pull.rebase merges &&
	pl init --name "Cy Diaz" own >/dev/null &&
	git -C own config --local pull.rebase >actual &&
	echo merges >expect &&
	test_cmp expect actual
'

test_done
