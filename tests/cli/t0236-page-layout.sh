#!/bin/sh
test_description='the layout checks of page-check.py see each fault they look for, and pass a page without'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

# t0210 and t0235 take "loaded" alone for a page that fits; these pages
# show that each check can say otherwise (lib-page.sh, page-check.py).
. "$TEST_DIRECTORY/lib-page.sh"

test_expect_success 'pages with a fault each, looked at in one browser' '
	cat >wide.html <<-\EOF &&
	<!DOCTYPE html><meta name="viewport" content="width=device-width"><title>wide</title><body style="margin:0">
	<p style="width:500px">Five hundred pixels</p>
	<div style="overflow-x:auto"><p style="width:900px">Scrolls</p></div>
	EOF
	cat >cell.html <<-\EOF &&
	<!DOCTYPE html><meta name="viewport" content="width=device-width"><title>cell</title><body style="margin:0">
	<div style="overflow-x:auto"><table style="border-collapse:collapse">
	<tr><td style="padding:0;min-width:50px">Name</td>
	<td style="padding:0;min-width:400px">Far</td></tr></table></div>
	EOF
	cat >twice.html <<-\EOF &&
	<!DOCTYPE html><meta name="viewport" content="width=device-width"><title>twice</title>
	<section><h2>Flags</h2><figure><figcaption>Steps done</figcaption></figure>
	<article><h3>Why</h3></article><article><h3>Why</h3></article></section>
	<section><h2>Goals</h2><h3>Next</h3><h3>Next</h3>
	<figure><figcaption>Steps done</figcaption></figure></section>
	EOF
	cat >cut.html <<-\EOF &&
	<!DOCTYPE html><meta name="viewport" content="width=device-width"><title>cut</title>
	<svg width="300" height="60"><text x="10" y="20">…ontent.7.EE.B.4a</text>
	<text x="10" y="40"><title>CCSS.Math.Content.7.EE.B.4b</title>…ontent.7.EE.B.4b</text>
	<g><title>A long title of a goal: 1 of 2</title><text x="150" y="20">A long title…</text></g>
	</svg><p>Ana Wolfe…</p><p title="Ana Wolfeschlegel">Ana Wolfe…</p>
	EOF
	cat >fits.html <<-\EOF &&
	<!DOCTYPE html><meta name="viewport" content="width=device-width"><title>fits</title><body style="margin:0">
	<h2>One</h2><div style="overflow-x:auto"><svg width="900" height="10"></svg></div>
	<table><tr><td>Name</td><td>Near</td></tr></table><h2>Two</h2>
	EOF
	cat >nometa.html <<-\EOF &&
	<!DOCTYPE html><title>no viewport</title><body style="margin:0"><p>Short</p>
	EOF
	cat >folded.html <<-\EOF &&
	<!DOCTYPE html><meta name="viewport" content="width=device-width"><title>folded</title>
	<details><summary>6.RP.A.1</summary>Understand ratio concepts</details>
	EOF
	for page in wide cell twice cut fits nometa
	do
		page_add_at $page.html 390 844 || return 1
	done &&
	page_add folded.html print &&
	pages_check
'

test_expect_success 'an element wider than the screen, not in a box that scrolls' '
	cat >expect <<-\EOF &&
	layout wide p "Five hundred pixels": 500 > 390
	loaded
	EOF
	test_cmp expect wide-390.out
'

test_expect_success 'a cell out of sight, even in a box that scrolls' '
	cat >expect <<-\EOF &&
	layout cell td "Far": 50..450 of 390
	loaded
	EOF
	test_cmp expect cell-390.out
'

test_expect_success 'a heading twice in a section, a caption twice in the page' '
	cat >expect <<-\EOF &&
	layout duplicate h3 "Next"
	layout duplicate figcaption "Steps done"
	loaded
	EOF
	test_cmp expect twice-390.out
'

test_expect_success 'a label cut short without its whole text in a title' '
	cat >expect <<-\EOF &&
	layout cut text "…ontent.7.EE.B.4a"
	layout cut p "Ana Wolfe…"
	loaded
	EOF
	test_cmp expect cut-390.out
'

test_expect_success 'a page without a viewport <meta>: laid out for a desktop, too wide' '
	cat >expect <<-\EOF &&
	layout wide p "Short": 980 > 390
	loaded
	EOF
	test_cmp expect nometa-390.out
'

test_expect_success 'a page that fits: loaded alone' '
	test_cmp loaded fits-390.out
'

test_expect_success 'on paper, what a <details> folds must show' '
	cat >expect <<-\EOF &&
	print A4: 1 <details> folded
	print A4 ok
	print Letter: 1 <details> folded
	print Letter ok
	loaded
	EOF
	test_cmp expect folded-print.out
'

test_done
