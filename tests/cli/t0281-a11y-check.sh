#!/bin/sh
test_description='the accessibility check (tests/a11y/check) fails a page for each fault it looks for, and passes a page that has none'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"
. "$TEST_DIRECTORY/lib-a11y.sh"

# A page with one fault of each kind the check finds, and a page with
# none, checked in one Chromium: a line for each fault of the first,
# none for the second.  (The widths of boxes on paper depend on the
# fonts: not compared.)
test_expect_success 'a page with faults fails, a page without passes' '
	cat >good.html <<-\EOF &&
	<!DOCTYPE html>
	<html lang="en"><head><meta charset="utf-8">
	<meta name="viewport" content="width=device-width,initial-scale=1">
	<title>Good</title>
	<style>.wide{overflow-x:auto}@media print{.wide{overflow:visible}}</style>
	</head><body><main>
	<h1>Good</h1><h2>A part</h2>
	<p style="color:#555">Easy to read.</p>
	<img src="data:image/gif;base64,R0lGODdhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=" alt="a dot">
	<div class="wide" role="region" aria-label="words" tabindex="0">
	<p>Short words only.</p></div>
	</main></body></html>
	EOF
	cat >bad.html <<-\EOF &&
	<!DOCTYPE html>
	<html><head><meta charset="utf-8"><title>Bad</title>
	<style>.low{color:#bbb} .wide{width:1500px}
	pre{overflow-x:auto}</style></head><body>
	<h1>Bad</h1><h3>A level skipped</h3>
	<main>
	<p class="low">Hard to read.</p>
	<img src="data:image/gif;base64,R0lGODdhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=">
	<div class="wide">Wider than the screen.</div>
	<pre tabindex="0">aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</pre>
	<img src="http://127.0.0.1:9/far.png" alt="">
	</main></body></html>
	EOF
	test_expect_code 1 a11y_check good.html bad.html &&
	sed "s/[0-9][0-9]* px in [0-9][0-9]* px/N px in N px/" a11y.out >actual &&
	cat >expect <<-\EOF &&
	bad.html: color-contrast (serious) p: Elements must meet minimum color contrast ratio thresholds [390 1280]
	bad.html: heading-order (moderate) h3: Heading levels should only increase by one [390 1280]
	bad.html: html-has-lang (serious) html: <html> element must have a lang attribute [390 1280]
	bad.html: image-alt (critical) img:nth-child(2): Images must have alternative text [390 1280]
	bad.html: region (moderate) h1: All page content should be contained by landmarks [390 1280]
	bad.html: region (moderate) h3: All page content should be contained by landmarks [390 1280]
	bad.html: overflow-x (serious) html: the page is 1508 px wide, wider than the screen: it scrolls sideways [390 1280]
	bad.html: img-alt-attr (critical) img: an <img> without an alt attribute [390 1280]
	bad.html: print-overflow (serious) html: on A4 the page is 1508 px wide, wider than the paper (680 px): its right side is cut [A4]
	bad.html: print-clipped (serious) pre: on A4 this box holds N px in N px: the rest is cut [A4]
	bad.html: external-request (serious) http://127.0.0.1:9/far.png: the page asks for a file from elsewhere
	2 pages, 11 violations
	EOF
	test_cmp expect actual
'

test_expect_success 'a page that is not there: exit 2, said on stderr' '
	test_expect_code 2 a11y_check missing.html 2>err &&
	echo "check.mjs: missing.html: no such file" >expect &&
	test_cmp expect err &&
	test_must_be_empty a11y.out
'

test_expect_success 'no page: usage, exit 2' '
	test_expect_code 2 "$a11y_check" 2>err &&
	grep "^usage: " err
'

test_done
