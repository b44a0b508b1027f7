#!/bin/sh
test_description='the text cache of a folder: read instead of the objects, trusted only whole, pruned, never in the way'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# Goals written by hand: two with the same text (one blob), one whose
# title is a phrase that must leave the cache with the goal.
test_expect_success 'setup' '
	pl init --name "Cache" p >/dev/null &&
	mkdir p/goals &&
	for g in alpha beta gamma
	do
		printf -- "---\ntitle: Goal %s\nstatus: active\n---\n" $g \
			>p/goals/$g.md || return 1
	done &&
	cp p/goals/alpha.md p/goals/twin.md &&
	printf -- "---\ntitle: Secret diary\nstatus: active\nprivate: true\n---\n" \
		>p/goals/diary.md &&
	git -C p add goals &&
	git -C p commit -q -m "Goals by hand" &&
	pl -C p goal list >expect 2>err &&
	test_must_be_empty err &&
	test_line_count = 5 expect
'

# The cache's records and checksum (see lib/store/cache.c), from Python.
cache_tool () {
	python3 - "$@" <<-\PY
	import struct, sys, zlib
	path, what = sys.argv[1], sys.argv[2]
	data = open(path, "rb").read()
	head = b"pl text cache 1\n"
	assert data.startswith(head)
	body = data[:-4]
	assert struct.unpack("<I", data[-4:])[0] == zlib.crc32(body)
	if what == "count":
	    n, p = 0, len(head)
	    while p < len(body):
	        p += 24 + struct.unpack("<I", body[p + 20:p + 24])[0]
	        n += 1
	    print(n)
	elif what == "replace":
	    old, new = sys.argv[3].encode(), sys.argv[4].encode()
	    assert len(old) == len(new) and old in body
	    body = body.replace(old, new)
	    open(path, "wb").write(body + struct.pack("<I", zlib.crc32(body)))
	PY
}

test_expect_success 'a listing keeps the texts of the folder, each blob once' '
	test_path_is_file p/.git/pl/goals-cache &&
	cache_tool p/.git/pl/goals-cache count >n &&
	echo 4 >want &&
	test_cmp want n
'

test_expect_success 'the cache is what the next listing reads' '
	cp p/.git/pl/goals-cache good &&
	cache_tool p/.git/pl/goals-cache replace "Goal gamma" "Goal GAMMA" &&
	pl -C p goal list >out &&
	grep "^gamma .* Goal GAMMA\$" out &&
	cp good p/.git/pl/goals-cache
'

test_expect_success 'a listing with nothing changed does not write the cache again' '
	ino=$(stat -c %i p/.git/pl/goals-cache) &&
	pl -C p goal list >out &&
	test_cmp expect out &&
	test "$(stat -c %i p/.git/pl/goals-cache)" = "$ino"
'

test_expect_success 'a cache pl cannot trust is ignored whole and written again' '
	for how in flip truncate header length empty
	do
		cp good p/.git/pl/goals-cache &&
		case $how in
		flip)	printf "X" | dd of=p/.git/pl/goals-cache bs=1 seek=60 \
				conv=notrunc 2>/dev/null ;;
		truncate) head -c 100 good >p/.git/pl/goals-cache ;;
		header)	sed "1s/cache 1/cache 9/" good >p/.git/pl/goals-cache ;;
		length)	printf "\377\377\377\177" | dd of=p/.git/pl/goals-cache \
				bs=1 seek=36 conv=notrunc 2>/dev/null ;;
		empty)	: >p/.git/pl/goals-cache ;;
		esac &&
		pl -C p goal list >out 2>err &&
		test_cmp expect out &&
		test_must_be_empty err &&
		test_cmp good p/.git/pl/goals-cache || return 1
	done
'

test_expect_success 'an entry removed from the portfolio leaves the cache at the next listing' '
	grep -c "Secret diary" p/.git/pl/goals-cache &&
	git -C p rm -q goals/diary.md &&
	git -C p commit -q -m "No diary" &&
	pl -C p goal list >out &&
	test_line_count = 4 out &&
	! grep "Secret diary" p/.git/pl/goals-cache &&
	cache_tool p/.git/pl/goals-cache count >n &&
	echo 3 >want &&
	test_cmp want n
'

test_expect_success 'an entry changed by pl is read from its new text' '
	pl -C p goal status beta paused &&
	pl -C p goal list --status all >out &&
	grep "^beta .* paused .* Goal beta\$" out &&
	grep -a -c "status: active" p/.git/pl/goals-cache >n &&
	echo 2 >want &&
	test_cmp want n
'

test_expect_success 'a cache that cannot be written is not, and nothing fails' '
	pl -C p goal list >expect &&
	rm -rf p/.git/pl &&
	: >p/.git/pl &&
	pl -C p goal list >out 2>err &&
	test_cmp expect out &&
	test_must_be_empty err &&
	rm p/.git/pl &&
	mkdir -p p/.git/pl/goals-cache &&
	pl -C p goal list >out 2>err &&
	test_cmp expect out &&
	test_must_be_empty err &&
	rm -rf p/.git/pl
'

test_expect_success 'a temporary file of a writer that was killed is removed; a live one is not' '
	pl -C p goal list >/dev/null &&
	pid=99999 &&
	while kill -0 $pid 2>/dev/null
	do
		pid=$((pid + 1))
	done &&
	: >p/.git/pl/goals-cache.pl-tmp-$pid &&
	: >p/.git/pl/goals-cache.pl-tmp-$$ &&
	pl -C p goal add "One more" >/dev/null &&
	pl -C p goal list >/dev/null &&
	test_path_is_missing p/.git/pl/goals-cache.pl-tmp-$pid &&
	test_path_is_file p/.git/pl/goals-cache.pl-tmp-$$ &&
	rm p/.git/pl/goals-cache.pl-tmp-$$
'

test_expect_success 'a full disk or a kill while the cache is written: the listing is whole, nothing is left' '
	test_cache_faults "goals-cache goals-summary" -C p goal list
'

test_done
