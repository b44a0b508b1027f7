#!/bin/sh
test_description='pl roster sync of file:// URLs: the clone is made from copies of the server'"'"'s object files, checked, never linked; what the copy cannot be whole for (alternates, a write that fails, an object that is not its id) goes through the transport as before'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

url="file://$TRASH_DIRECTORY/base/ana.git"
clone="clones/file$TRASH_DIRECTORY/base/ana"

# The object files of the repository whose objects folder is $1 (packs
# and loose objects: what a clone copies), one name a line.
objects () {
	(cd "$1" && find . -type f \( -path "./pack/*" -o -path "./??/*" \) |
		sed "s,^\./,," | sort)
}

# The clone $1 is whole and what git clone makes of the same URL $2: git
# fsck finds nothing wrong, the same refs at the same commits, HEAD on
# the same branch, the remote named origin with the URL as given, and a
# clean checkout at HEAD.
like_git () {
	rm -rf by-git &&
	git clone -q "$2" by-git &&
	git -C "$1" fsck --strict --no-dangling &&
	git -C by-git for-each-ref --format="%(objectname) %(refname)" >want &&
	git -C "$1" for-each-ref --format="%(objectname) %(refname)" >got &&
	test_cmp want got &&
	git -C by-git symbolic-ref HEAD >want &&
	git -C by-git symbolic-ref refs/remotes/origin/HEAD >>want &&
	git -C by-git config --get-regexp "^(remote|branch)\." >>want &&
	git -C "$1" symbolic-ref HEAD >got &&
	git -C "$1" symbolic-ref refs/remotes/origin/HEAD >>got &&
	git -C "$1" config --get-regexp "^(remote|branch)\." >>got &&
	test_cmp want got &&
	git -C "$1" status --porcelain >got &&
	test_must_be_empty got
}

test_expect_success 'setup: a server with packs and loose objects, two branches, a tag' '
	pl init --name "Ana Lima" ana >/dev/null &&
	pl -C ana goal add --id fr --step One --step Two Fractions >/dev/null &&
	git -C ana tag -a -m "Term 1" term1 &&
	git -C ana branch ipad &&
	git clone -q --bare --no-local ana base/ana.git &&
	pl -C ana evidence add --id quiz --goal fr -m "Quiz." Quiz >/dev/null &&
	git -C ana push -q "$TRASH_DIRECTORY/base/ana.git" HEAD &&
	objects base/ana.git/objects >server &&
	grep "^pack/pack-.*\.pack$" server &&
	grep "^[0-9a-f][0-9a-f]/" server &&
	printf "learner,portfolio\nAna,%s\n" "$url" >class.csv
'

test_expect_success 'the clone holds copies of the server'"'"'s packs and loose objects, and is what git clone makes' '
	pl roster sync --clones clones class.csv >out &&
	cat >expect <<-EOF &&
	Ana: cloned into $clone
	1 portfolio: 1 cloned, 0 synced, 0 left as they are, 0 failed
	EOF
	test_cmp expect out &&
	objects "$clone/.git/objects" >got &&
	test_cmp server got &&
	like_git "$clone" "$url"
'

test_expect_success 'copies, not links: each file has one name, and the clone keeps its objects when the server rewrites its own' '
	find "$clone/.git/objects" -type f -links +1 >linked &&
	test_must_be_empty linked &&
	git -C "$clone" rev-parse HEAD >want &&
	git -C base/ana.git repack -q -a -d &&
	git -C base/ana.git prune &&
	objects base/ana.git/objects >now &&
	! test_cmp server now >/dev/null &&
	git -C "$clone" fsck --strict --no-dangling &&
	git -C "$clone" rev-parse HEAD >got &&
	test_cmp want got
'

test_expect_success 'a synced clone stays as it was: sync fetches what is new' '
	pl -C ana reflect add -m "Went well." >/dev/null &&
	git -C ana push -q "$TRASH_DIRECTORY/base/ana.git" HEAD &&
	pl roster sync --clones clones --no-push class.csv >out &&
	echo "Ana: fast-forwarded, 1 commit in" >expect &&
	head -n 1 out >got &&
	test_cmp expect got &&
	git -C "$clone" fsck --strict --no-dangling
'

test_expect_success 'a server borrowing objects (alternates): the clone is whole on its own' '
	git clone -q --bare --shared base/ana.git base/ben.git &&
	test_path_is_file base/ben.git/objects/info/alternates &&
	printf "learner,portfolio\nBen,file://%s/base/ben.git\n" \
		"$TRASH_DIRECTORY" >ben.csv &&
	pl roster sync --clones clones ben.csv >out &&
	c="clones/file$TRASH_DIRECTORY/base/ben" &&
	echo "Ben: cloned into $c" >expect &&
	head -n 1 out >got &&
	test_cmp expect got &&
	test_path_is_missing "$c/.git/objects/info/alternates" &&
	like_git "$c" "file://$TRASH_DIRECTORY/base/ben.git"
'

test_expect_success 'a write of the copy that fails (a full disk for a moment): nothing of the copy stays, the transport brings every object' '
	rm -rf clones &&
	PL_FAULT_KINDS="$TRASH_DIRECTORY/kinds" faulty roster sync \
		--clones clones -j 1 class.csv >/dev/null &&
	n=$(grep -m 1 "/objects/pack/pack-[0-9a-f]*\.pack$" kinds | cut -d " " -f 1) &&
	test -n "$n" &&
	rm -rf clones &&
	PL_FAULT_AT=$n faulty roster sync --clones clones -j 1 class.csv >out &&
	echo "Ana: cloned into $clone" >expect &&
	head -n 1 out >got &&
	test_cmp expect got &&
	like_git "$clone" "$url" &&
	objects base/ana.git/objects >server &&
	objects "$clone/.git/objects" >got &&
	! test_cmp server got >/dev/null
'

# .plconfig's blob holds the bytes of goals/fr.md's: the transport's pack
# cannot be indexed, and a copy would hold an object that is not its id.
test_expect_success 'an object that is not its id: the clone fails as through the transport, and leaves nothing' '
	pl init --name "Bo Li" bo >/dev/null &&
	pl -C bo goal add --id fr Fractions >/dev/null &&
	a=$(git -C bo rev-parse HEAD:.plconfig) &&
	b=$(git -C bo rev-parse HEAD:goals/fr.md) &&
	a=bo/.git/objects/$(echo $a | cut -c 1-2)/$(echo $a | cut -c 3-) &&
	b=bo/.git/objects/$(echo $b | cut -c 1-2)/$(echo $b | cut -c 3-) &&
	chmod u+w "$a" &&
	cp "$b" "$a" &&
	printf "learner,portfolio\nBo,file://%s/bo\n" "$TRASH_DIRECTORY" >bo.csv &&
	test_expect_code 13 pl roster sync --clones bo-clones bo.csv >out 2>err &&
	echo "Bo: failed: cannot clone ${SQ}file://$TRASH_DIRECTORY/bo${SQ}: missing delta bases" >expect &&
	head -n 1 out >got &&
	test_cmp expect got &&
	find bo-clones -name "bo*" >got &&
	echo bo-clones >expect &&
	test_cmp expect got
'

test_done
