#!/bin/sh
test_description='the order of every list, in text and in JSON'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# The ids of a list, in the order printed: in the text, the first column
# of goals, the "(id)" that ends a line of evidence and reflections; in
# JSON, the "id" keys of the array's objects.
text_ids() {
	sed -e "s/^\([^ ]*\)  .*[^)]\$/\1/" -e "s/.*  (\(.*\))\$/\1/"
}

json_ids() {
	sed -n -e 's/^    "id": "\(.*\)",$/\1/p'
}

# list_order CMD...: the ids CMD lists, the same in text and in JSON.
list_order() {
	"$@" >text &&
	"$@" --format json >json &&
	text_ids <text >ids.text &&
	json_ids <json >ids.json &&
	test_cmp ids.text ids.json &&
	cat ids.text
}

test_expect_success 'setup: entries made in neither id nor date order' '
	pl init --name "Maya Okafor" p >/dev/null &&
	cd p &&
	pl goal add --id c-goal "Third by id" >/dev/null &&
	pl goal add --id a-goal --term long "First by id" >/dev/null &&
	pl goal add --id b-goal "Second by id" >/dev/null &&
	pl evidence add --id a-late --date 2024-03-01 -m x "Late" \
		>/dev/null &&
	pl evidence add --id z-early --date 2024-01-01 -m x "Early" \
		>/dev/null &&
	pl evidence add --id n-mid --date 2024-02-01 -m x "Mid" >/dev/null &&
	pl evidence add --id m-mid --date 2024-02-01 -m x "Mid too" \
		>/dev/null &&
	pl reflect --date 2024-02-01 -m "Same day, later id" >/dev/null &&
	pl reflect --date 2024-02-01 -m "Same day, earlier id" >/dev/null &&
	pl reflect --date 2024-01-15 -m "Earlier" >/dev/null &&
	# A file renamed by hand: its id no longer says its date.
	git mv reflections/2024-01-15-earlier.md reflections/a-renamed.md &&
	git commit -q -m "rename by hand"
'

test_expect_success 'goal list: by id' '
	(cd p && list_order pl goal list) >actual &&
	printf "%s\n" a-goal b-goal c-goal >expect &&
	test_cmp expect actual
'

test_expect_success 'evidence list: by date, then id' '
	(cd p && list_order pl evidence list) >actual &&
	printf "%s\n" z-early m-mid n-mid a-late >expect &&
	test_cmp expect actual
'

test_expect_success 'reflect list: by date, then id' '
	(cd p && list_order pl reflect list) >actual &&
	printf "%s\n" a-renamed 2024-02-01-same-day-earlier-id \
		2024-02-01-same-day-later-id >expect &&
	test_cmp expect actual
'

test_expect_success 'filtered lists keep the order' '
	(cd p && list_order pl goal list --term short) >actual &&
	printf "%s\n" b-goal c-goal >expect &&
	test_cmp expect actual &&
	(cd p && list_order pl evidence list --since 2024-02-01) >actual &&
	printf "%s\n" m-mid n-mid a-late >expect &&
	test_cmp expect actual
'

test_done
