/* Slugs and ids. */
#include <stdarg.h>
#include <stdlib.h>

#include "pl/base/slug.h"
#include "tap.h"

static void
slug(const char *in, const char *want)
{
	char	*s = pl_slug_make(in);

	is_str(s, want, "slug of '%s'", in);
	free(s);
}

int
main(void)
{
	slug("Fractions fluency", "fractions-fluency");
	slug("  Read 3 books!  ", "read-3-books");
	slug("Ada's goal", "adas-goal");
	slug("Ada\xe2\x80\x99s goal", "adas-goal");
	slug("\xc3\x89lan vital: na\xc3\xaf" "ve caf\xc3\xa9",
	    "elan-vital-naive-cafe");
	slug("Stra\xc3\x9f" "e \xc3\x86sir \xc5\x81\xc3\xb3" "d\xc5\xba",
	    "strasse-aesir-lodz");
	/* Other scripts: ICU's Any-Latin; Latin-ASCII */
	slug("\xce\xa0\xce\xb1\xcf\x81\xce\xac\xce\xb4\xce\xb5\xce\xb9"
	    "\xce\xb3\xce\xbc\xce\xb1", "paradeigma");
	slug("\xd0\x9f\xd1\x80\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x80", "primer");
	slug("\xe6\x97\xa5\xe6\x9c\xac \xe5\xa4\xaa\xe9\x83\x8e",
	    "ri-ben-tai-lang");
	slug("\xd9\x85\xd8\xab\xd8\xa7\xd9\x84", "mthal");
	slug("\xe4\xb8\xad\xe6\x96\x87 2", "zhong-wen-2");
	slug("Ti\xe1\xba\xbfng Vi\xe1\xbb\x87t", "tieng-viet");
	slug("cafe\xcc\x81 bar", "cafe-bar");
	slug("3\xc3\x97" "4 a \xe2\x80\x93 b", "34-a-b");
	slug("\xf0\x9f\x8e\xaf\xf0\x9f\x8e\xaf", "");
	slug("", "");
	slug("---", "");
	slug("a--b__c", "a-b-c");
	slug("C++ & Python", "c-python");
	slug("One two three four five six seven eight nine ten",
	    "one-two-three-four-five-six-seven-eight");
	slug("Supercalifragilisticexpialidocious-and-even-longer-words",
	    "supercalifragilisticexpialidocious-and");
	slug("Antidisestablishmentarianismfloccinaucinihilipilification",
	    "antidisestablishmentarianismfloccinaucin");
	slug("bad \xff byte", "bad-byte");
	slug("../x", "x");

	ok(pl_id_valid("fractions-fluency"), "a slug is a valid id");
	ok(pl_id_valid("2026-11-26-quiz"), "a dated id is valid");
	ok(!pl_id_valid("../x"), "../x is not an id");
	ok(!pl_id_valid("/etc/passwd"), "an absolute path is not an id");
	ok(!pl_id_valid("a/b"), "a slash is not allowed");
	ok(!pl_id_valid("Upper"), "upper case is not allowed");
	ok(!pl_id_valid(""), "empty is not an id");
	ok(!pl_id_valid("-x"), "a leading dash is not allowed");
	ok(!pl_id_valid("a b"), "a space is not allowed");
	ok(pl_id_valid("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
	    "64 characters are allowed");
	ok(!pl_id_valid("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
	    "65 are not");
	is_int(pl_id_check("goal", "../x"), PL_EINVAL, "check fails");
	is_str(pl_error_last(), "invalid goal id '../x'", "with a message");
	return done_testing();
}
