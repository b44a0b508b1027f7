#!/bin/sh
test_description='report --format md: bare URLs, www. names and e-mail addresses are not links'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# A GitHub-style renderer (GFM's autolink extension) makes links of
# bare text; pl's Markdown must show what a person wrote as text alone.
if command -v pandoc >/dev/null 2>&1
then
	test_set_prereq PANDOC
fi

test_expect_success 'setup' '
	pl init --name "Ana of www.ana.example" p >/dev/null &&
	pl -C p goal add --id site \
		"Build https://ana.example/a?b=1 and WWW.ana.example" \
		>/dev/null &&
	pl -C p evidence add -m x --id mail --date 2026-01-10 \
		"Mail ana@example.org, ftp://f.example.org at 10:30" \
		>/dev/null &&
	cat >roster.csv <<-\EOT
	learner,portfolio,group
	Ana of www.ana.example,p,see http://group.example
	EOT
'

test_expect_success 'the learner report writes each as text, escaped' '
	pl -C p report --format md >out.md &&
	cat >expect <<-\EOT &&
	# Learning report: Ana of www\.ana.example
	| Build https\://ana.example/a?b=1 and WWW\.ana.example | — | active | no steps | — | — | — |
	- 2026-01-10 · Mail ana\@example.org, ftp\://f.example.org at 10:30 (artifact)
	| Test Teacher | teacher\@example.com | 3 | 1 | 0 | 1 | 0 | 0 | 2026-11-26 | 2026-11-26 |
	EOT
	grep -e "^# " -e "Build" -e "Mail" -e "^| Test" out.md >actual &&
	test_cmp expect actual
'

test_expect_success 'the class report (roster) too' '
	pl report --roster roster.csv --format md >class.md &&
	grep -F "| Ana of www\.ana.example | see http\://group.example |" \
		class.md
'

test_expect_success PANDOC 'pandoc -f gfm makes no link of them' '
	pandoc -f gfm -t html --wrap=none out.md >out.html &&
	pandoc -f gfm -t html --wrap=none class.md >class.html &&
	! grep -i "<a " out.html class.html &&
	grep -F "Build https://ana.example/a?b=1 and WWW.ana.example" \
		out.html &&
	grep -F "Mail ana@example.org, ftp://f.example.org at 10:30" \
		out.html &&
	grep -F "Ana of www.ana.example" class.html
'

test_expect_success PANDOC 'the same text bare would have been links' '
	printf "%s\n" "https://ana.example www.ana.example ana@example.org" |
	pandoc -f gfm -t html --wrap=none >bare.html &&
	test $(grep -o "<a " bare.html | wc -l) = 3
'

test_done
