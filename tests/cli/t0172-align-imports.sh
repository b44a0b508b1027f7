#!/bin/sh
test_description='align import: Moodle entities decoded once, CASE grade spans, an item child of two'
. "${TEST_DIRECTORY:-$(dirname "$0")}/test-lib.sh"

test_expect_success 'setup' '
	pl init --name "Ana Lima" p >/dev/null
'

# Moodle's descriptions are HTML: tags go, entities are decoded once, so
# "&amp;lt;" (the text "&lt;") stays "&lt;" and an escaped tag is text.
test_expect_success 'Moodle: &lt; and &gt; decoded once, tags out, escaped tags kept as text' '
	cat >moodle.csv <<-\EOF &&
	"Parent id number","Id number",Shortname,Description,"Description format","Is framework"
	,CMP,Compare,"<p>Comparing</p>",1,1
	,ineq,Inequalities,"<p>Read x &lt; y and y &gt; x, not &amp;lt; as <b>less</b> &amp; more: &lt;b&gt;</p>",1,
	EOF
	pl -C p align import --framework mo "$TRASH_DIRECTORY/moodle.csv" >out &&
	echo "imported mo: 1 standard" >expect &&
	test_cmp expect out &&
	cat >expect <<-\EOF &&
	code,parent,grade,subject,description
	ineq,,,Compare,"Inequalities: Read x < y and y > x, not &lt; as less & more: <b>"
	EOF
	test_cmp expect p/standards/mo.csv &&
	pl -C p align show ineq >out &&
	tail -1 out >actual &&
	echo "Inequalities: Read x < y and y > x, not &lt; as less & more: <b>" >expect &&
	test_cmp expect actual
'

# A grades 9-12 item (four levels), a K-2 one, one of a single grade and
# one of two (11 and 12); C is the child of B and of A, in that order.
test_expect_success 'CASE: educationLevel lists as spans; the first of two parents' '
	cat >case.json <<-\EOF &&
	{"CFDocument": {"identifier": "doc", "title": "Doc", "subject": ["Math"]},
	 "CFItems": [
	  {"identifier": "a", "humanCodingScheme": "A", "fullStatement": "Algebra", "educationLevel": ["09", "10", "11", "12"]},
	  {"identifier": "b", "humanCodingScheme": "B", "fullStatement": "Geometry", "educationLevel": ["KG", "01", "02"]},
	  {"identifier": "c", "humanCodingScheme": "C", "fullStatement": "Both", "educationLevel": ["10"]},
	  {"identifier": "d", "humanCodingScheme": "D", "fullStatement": "Two grades", "educationLevel": ["11", "12"]}
	 ],
	 "CFAssociations": [
	  {"identifier": "x1", "associationType": "isChildOf", "originNodeURI": {"identifier": "a", "title": "A"}, "destinationNodeURI": {"identifier": "doc", "title": "Doc"}},
	  {"identifier": "x2", "associationType": "isChildOf", "originNodeURI": {"identifier": "c", "title": "C"}, "destinationNodeURI": {"identifier": "b", "title": "B"}},
	  {"identifier": "x3", "associationType": "isChildOf", "originNodeURI": {"identifier": "c", "title": "C"}, "destinationNodeURI": {"identifier": "a", "title": "A"}},
	  {"identifier": "x4", "associationType": "isChildOf", "originNodeURI": {"identifier": "d", "title": "D"}, "destinationNodeURI": {"identifier": "a", "title": "A"}}
	 ]}
	EOF
	pl -C p align import --framework ca "$TRASH_DIRECTORY/case.json" >out &&
	echo "imported ca: 4 standards" >expect &&
	test_cmp expect out &&
	cat >expect <<-\EOF &&
	code,parent,grade,subject,description
	A,,9-12,Math,Algebra
	B,,K-2,Math,Geometry
	C,B,10,Math,Both
	D,A,11-12,Math,Two grades
	EOF
	test_cmp expect p/standards/ca.csv &&
	pl -C p align show C >out &&
	grep "^parents:   B$" out
'

test_done
