#!/bin/sh
test_description='pl init: a new portfolio and its first commit'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# The profile pl init writes (lib/entries/profile.c, profile_text).
write_profile () {
	# write_profile FILE NAME ID [GRADE-LINE]
	{
		printf -- '---\nname: %s\nid: %s\n' "$2" "$3" &&
		if test -n "${4:-}"; then
			printf '%s\n' "$4"
		fi &&
		printf 'started: 2026-11-26\n---\n\n# %s\n\n' "$2" &&
		printf '## Strengths\n\n## Needs\n\n## Interests\n\n' &&
		printf '## How I learn best\n'
	} >"$1"
}

test_expect_success 'init makes a new folder and prints the id' '
	pl init --name "Ana Lima" --grade 5 ana >out 2>err &&
	echo ana-lima >expect &&
	test_cmp expect out &&
	test_must_be_empty err &&
	test_path_is_dir ana/.git &&
	test_path_is_file ana/.plconfig &&
	test_path_is_file ana/profile.md
'

test_expect_success 'profile.md holds the front matter and empty sections' '
	write_profile expect "Ana Lima" ana-lima "grade: \"5\"" &&
	test_cmp expect ana/profile.md
'

test_expect_success '.plconfig is git-config with portfolio.version 1' '
	echo 1 >expect &&
	git config -f ana/.plconfig portfolio.version >actual &&
	test_cmp expect actual &&
	printf "[portfolio]\n\tversion = 1\n" >expect &&
	test_cmp expect ana/.plconfig
'

test_expect_success 'exactly one commit, with those three files' '
	echo 1 >expect &&
	git -C ana rev-list --count HEAD >actual &&
	test_cmp expect actual &&
	printf ".gitattributes\n.plconfig\nprofile.md\n" >expect &&
	git -C ana ls-tree -r --name-only HEAD >actual &&
	test_cmp expect actual &&
	git -C ana ls-tree -r HEAD >modes &&
	! grep -v "^100644 blob " modes
'

test_expect_success '.gitattributes names pl merge driver, the config defines it' '
	cat >expect <<-\EOF &&
	goals/*.md merge=pl
	evidence/*.md merge=pl
	reflections/*.md merge=pl
	/profile.md merge=pl
	EOF
	test_cmp expect ana/.gitattributes &&
	echo "profile.md: merge: pl" >expect &&
	git -C ana check-attr merge profile.md >actual &&
	test_cmp expect actual &&
	echo "evidence/x/profile.md: merge: unspecified" >expect &&
	git -C ana check-attr merge evidence/x/profile.md >actual &&
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	merge.pl.name=pl portfolio merge
	merge.pl.driver=pl merge-file %O %A %B %P
	EOF
	git -C ana config --local --get-regexp "^merge\." |
		sed "s/ /=/" >actual &&
	test_cmp expect actual &&
	test_path_is_missing "$HOME/.gitconfig"
'

test_expect_success 'the commit message: subject, sentence, trailers' '
	cat >expect <<-\EOF &&
	portfolio: init ana-lima

	Started the portfolio of Ana Lima.

	Pl-Kind: portfolio
	Pl-Action: init
	Pl-Id: ana-lima
	EOF
	(cd ana && commit_message) >actual &&
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	Pl-Kind: portfolio
	Pl-Action: init
	Pl-Id: ana-lima
	EOF
	git -C ana log -1 --format=%B | git interpret-trailers --parse >actual &&
	test_cmp expect actual
'

test_expect_success 'author, committer and dates come from the environment' '
	cat >expect <<-\EOF &&
	Test Teacher <teacher@example.com> 2026-11-26T10:00:00+00:00
	Test Teacher <teacher@example.com> 2026-11-26T10:00:00+00:00
	EOF
	git -C ana log -1 --format="%an <%ae> %aI%n%cn <%ce> %cI" >actual &&
	test_cmp expect actual
'

test_expect_success 'the reflog reads as git commit writes it' '
	echo "commit (initial): portfolio: init ana-lima" >expect &&
	git -C ana reflog -1 --format=%gs >actual &&
	test_cmp expect actual
'

test_expect_success 'the working tree is clean and fsck is happy' '
	git -C ana status --porcelain >actual &&
	test_must_be_empty actual &&
	git -C ana fsck --strict >out 2>&1 &&
	test_must_be_empty out
'

test_expect_success 'the new portfolio reads back' '
	pl -C ana profile show >out &&
	head -n 1 out >actual &&
	echo "Ana Lima" >expect &&
	test_cmp expect actual
'

test_expect_success 'init in the current folder, when it is empty' '
	mkdir here &&
	(
		cd here &&
		pl init --name "Bo Chen" >../out
	) &&
	echo bo-chen >expect &&
	test_cmp expect out &&
	write_profile expect "Bo Chen" bo-chen &&
	test_cmp expect here/profile.md &&
	git -C here log --format=%s >actual &&
	echo "portfolio: init bo-chen" >expect &&
	test_cmp expect actual
'

test_expect_success 'init with -n, -i, -g and a grade that is not a number' '
	pl init -n "Cy Diaz" -i cy -g "Year 4" cy >out &&
	echo cy >expect &&
	test_cmp expect out &&
	write_profile expect "Cy Diaz" cy "grade: Year 4" &&
	test_cmp expect cy/profile.md &&
	echo "portfolio: init cy" >expect &&
	git -C cy log -1 --format=%s >actual &&
	test_cmp expect actual
'

test_expect_success 'a name with accents makes an ASCII id' '
	pl init --name "Zoë Ñandú" zoe >out &&
	echo zoe-nandu >expect &&
	test_cmp expect out &&
	write_profile expect "Zoë Ñandú" zoe-nandu &&
	test_cmp expect zoe/profile.md
'

test_expect_success 'init in an existing empty repository keeps its branch' '
	git init -q -b trunk empty-repo &&
	pl init --name "Di Evans" empty-repo >out &&
	echo di-evans >expect &&
	test_cmp expect out &&
	echo refs/heads/trunk >expect &&
	git -C empty-repo symbolic-ref HEAD >actual &&
	test_cmp expect actual &&
	echo 1 >expect &&
	git -C empty-repo rev-list --count HEAD >actual &&
	test_cmp expect actual &&
	git -C empty-repo status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'init refuses a repository with commits (12)' '
	git init -q used &&
	git -C used commit -q --allow-empty -m "first" &&
	git -C used rev-parse HEAD >before &&
	test_expect_code 12 pl init --name "Ed Fox" used >out 2>err &&
	test_must_be_empty out &&
	echo "pl: ${SQ}used${SQ} already has commits" >expect &&
	test_cmp expect err &&
	git -C used rev-parse HEAD >after &&
	test_cmp before after &&
	test_path_is_missing used/profile.md &&
	test_path_is_missing used/.plconfig
'

test_expect_success 'init refuses a portfolio made already (12)' '
	test_expect_code 12 pl init --name "Ana Lima" ana 2>err &&
	echo "pl: ${SQ}ana${SQ} already has commits" >expect &&
	test_cmp expect err &&
	echo 1 >expect &&
	git -C ana rev-list --count HEAD >actual &&
	test_cmp expect actual
'

test_expect_success 'init refuses a folder that holds files (12)' '
	mkdir full &&
	echo notes >full/notes.txt &&
	test_expect_code 12 pl init --name "Flo Green" full 2>err &&
	echo "pl: ${SQ}full${SQ} is not empty" >expect &&
	test_cmp expect err &&
	test_path_is_missing full/.git &&
	test_path_is_missing full/profile.md &&
	echo notes >expect &&
	test_cmp expect full/notes.txt
'

test_expect_success 'init refuses a path that is a file (12)' '
	echo x >a-file &&
	test_expect_code 12 pl init --name "Gus Hill" a-file 2>err &&
	echo "pl: ${SQ}a-file${SQ} exists and is not a folder" >expect &&
	test_cmp expect err
'

test_expect_success 'init without --name: exit 2, nothing made' '
	test_expect_code 2 pl init no-name >out 2>err &&
	test_must_be_empty out &&
	echo "pl: init: --name is required; usage: pl init --name NAME [--id ID] [--grade GRADE] [DIR]" >expect &&
	test_cmp expect err &&
	test_path_is_missing no-name
'

test_expect_success 'an empty or blank name: exit 5' '
	test_expect_code 5 pl init --name "" no-name 2>err &&
	echo "pl: empty name" >expect &&
	test_cmp expect err &&
	test_expect_code 5 pl init --name "   " no-name 2>err &&
	test_cmp expect err &&
	test_path_is_missing no-name
'

test_expect_success 'a name that makes no id needs --id (5)' '
	test_expect_code 5 pl init --name "!!!" no-id 2>err &&
	echo "pl: cannot make an id from the name ${SQ}!!!${SQ}; give one with --id" >expect &&
	test_cmp expect err &&
	test_path_is_missing no-id &&
	pl init --name "!!!" --id bang no-id >out &&
	echo bang >expect &&
	test_cmp expect out
'

test_expect_success 'a bad --id: exit 5' '
	for id in "Bad Id" ../x -lead UPPER "a/b"
	do
		test_expect_code 5 pl init --name "Ivy Jones" --id "$id" bad-id \
			2>err &&
		echo "pl: invalid learner id ${SQ}$id${SQ}" >expect &&
		test_cmp expect err &&
		test_path_is_missing bad-id || return 1
	done
'

test_expect_success 'without an identity: exit 11, nothing made' '
	(
		unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME \
			GIT_COMMITTER_EMAIL &&
		test_expect_code 11 pl init --name "Kim Lee" nobody >out 2>err &&
		test_must_be_empty out &&
		echo "pl: no identity: the author has no name nor email; tell git who you are with ${SQ}git config --global user.name \"Your Name\"${SQ} and ${SQ}git config --global user.email you@example.com${SQ}" >expect &&
		test_cmp expect err
	) &&
	test_path_is_missing nobody
'

test_expect_success 'the advice of the message works before pl init' '
	test_when_finished "rm -f \"\$HOME/.gitconfig\"" &&
	(
		unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME \
			GIT_COMMITTER_EMAIL &&
		test_expect_code 11 pl init --name "Kim Lee" advised 2>err &&
		sed -n "s/.*with $SQ\(git config [^$SQ]*\)$SQ and $SQ\(git config [^$SQ]*\)$SQ\$/\1\n\2/p" err >advice &&
		test_line_count = 2 advice &&
		while read -r cmd
		do
			eval "$cmd" || return 1
		done <advice &&
		pl init --name "Kim Lee" advised
	) &&
	echo "Your Name <you@example.com>|Your Name <you@example.com>" >expect &&
	git -C advised log -1 --format="%an <%ae>|%cn <%ce>" >actual &&
	test_cmp expect actual
'

test_expect_success 'GIT_AUTHOR_* alone: the author is the committer' '
	(
		unset GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL &&
		GIT_AUTHOR_NAME="Service Account" \
		GIT_AUTHOR_EMAIL=it@school.example \
			pl init --name "Kim Lee" service
	) &&
	echo "Service Account <it@school.example>|Service Account <it@school.example>" >expect &&
	git -C service log -1 --format="%an <%ae>|%cn <%ce>" >actual &&
	test_cmp expect actual
'

test_expect_success '--author alone: the author is the committer' '
	(
		unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME \
			GIT_COMMITTER_EMAIL &&
		pl init --author "Ana Lima <ana@example.com>" --name "Kim Lee" \
			by-ana
	) &&
	echo "Ana Lima <ana@example.com>|Ana Lima <ana@example.com>" >expect &&
	git -C by-ana log -1 --format="%an <%ae>|%cn <%ce>" >actual &&
	test_cmp expect actual
'

test_expect_success 'without an identity in an empty repository: no commit' '
	git init -q anon &&
	(
		unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME \
			GIT_COMMITTER_EMAIL &&
		test_expect_code 11 pl init --name "Kim Lee" anon 2>err
	) &&
	test_must_fail git -C anon rev-parse --verify -q HEAD &&
	test_path_is_missing anon/profile.md &&
	test_path_is_missing anon/.plconfig &&
	git -C anon status --porcelain >actual &&
	test_must_be_empty actual
'

test_expect_success 'the identity may come from git config user.*' '
	test_when_finished "rm -f \"\$HOME/.gitconfig\"" &&
	git config --global user.name "Config Person" &&
	git config --global user.email config@example.com &&
	(
		unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME \
			GIT_COMMITTER_EMAIL &&
		pl init --name "Lu Moss" configured >/dev/null
	) &&
	echo "Config Person <config@example.com>" >expect &&
	git -C configured log -1 --format="%an <%ae>" >actual &&
	test_cmp expect actual &&
	git -C configured log -1 --format="%cn <%ce>" >actual &&
	test_cmp expect actual
'

test_expect_success '--author sets the author, not the committer' '
	pl init --name "Mo Ng" --author "Mo Ng <mo@example.com>" mo >/dev/null &&
	echo "Mo Ng <mo@example.com>" >expect &&
	git -C mo log -1 --format="%an <%ae>" >actual &&
	test_cmp expect actual &&
	echo "Test Teacher <teacher@example.com>" >expect &&
	git -C mo log -1 --format="%cn <%ce>" >actual &&
	test_cmp expect actual
'

test_expect_success 'a malformed --author: exit 5, nothing made' '
	test_expect_code 5 pl init --name "No One" --author "nobody" bad-author \
		2>err &&
	test_stderr_starts_pl err &&
	test_path_is_missing bad-author
'

test_expect_success 'GIT_AUTHOR_DATE gives the started date' '
	(
		GIT_AUTHOR_DATE="2025-01-31T23:30:00+00:00" &&
		export GIT_AUTHOR_DATE &&
		pl init --name "Old Timer" old >/dev/null
	) &&
	grep "^started: 2025-01-31\$" old/profile.md
'

test_done
