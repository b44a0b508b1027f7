#!/bin/sh
test_description='pl init inside a portfolio warns of the nested repository'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

test_expect_success 'setup: a portfolio, and a plain repository' '
	pl init --name "Maya Okafor" maya >/dev/null &&
	git init -q plain &&
	echo x >plain/x &&
	git -C plain add x &&
	git -C plain commit -q -m x &&
	git init -q empty &&
	pwd -P >top
'

test_expect_success 'inside a portfolio: the id, a warning, exit 0' '
	pl init --name "Ana Lima" maya/class/ana >out 2>err &&
	echo ana-lima >expect &&
	test_cmp expect out &&
	echo "pl: warning: ${SQ}maya/class/ana${SQ} is a new repository nested inside the portfolio ${SQ}$(cat top)/maya${SQ}, whose git does not track its files" >expect &&
	test_cmp expect err &&
	test_path_is_file maya/class/ana/.plconfig &&
	git -C maya/class/ana rev-parse --show-toplevel >actual &&
	echo "$(cat top)/maya/class/ana" >expect &&
	test_cmp expect actual &&
	git -C maya status --porcelain >actual &&
	echo "?? class/" >expect &&
	test_cmp expect actual
'

test_expect_success 'in a folder of the portfolio, by "."' '
	mkdir maya/notes &&
	(
		cd maya/notes &&
		pl init --name "Ben Ortiz" >../../out 2>../../err
	) &&
	echo "pl: warning: ${SQ}.${SQ} is a new repository nested inside the portfolio ${SQ}$(cat top)/maya${SQ}, whose git does not track its files" >expect &&
	test_cmp expect err &&
	# and inside that one, the nearest portfolio is named
	pl -C maya/notes init --name "Cy Diaz" cy >/dev/null 2>err &&
	grep "nested inside the portfolio ${SQ}$(cat top)/maya/notes${SQ}" err
'

test_expect_success 'no warning beside a portfolio, or in a repository that is not one' '
	pl init --name "Dee Fox" dee >out 2>err &&
	test_must_be_empty err &&
	pl init --name "Eve Gray" plain/eve >out 2>err &&
	test_must_be_empty err &&
	pl init --name "Fay Hill" empty/fay >out 2>err &&
	test_must_be_empty err
'

test_expect_success 'a failed init inside a portfolio: its exit status, no warning' '
	mkdir maya/full &&
	echo x >maya/full/x &&
	test_expect_code 12 pl init --name "Gus Ives" maya/full >out 2>err &&
	test_must_be_empty out &&
	echo "pl: ${SQ}maya/full${SQ} is not empty" >expect &&
	test_cmp expect err
'

test_done
