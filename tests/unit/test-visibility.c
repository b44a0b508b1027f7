/*
 * The family view's rule on its own: what "private" says, lineages by
 * kind and id (renames, the profile's one lineage), links given by the
 * newest version only, a malformed list linking to nothing, and what is
 * left out once settled (through every link, not through one of two).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl/base/error.h"
#include "pl/entries/visibility.h"
#include "tap.h"

static struct pl_doc *
parse(const char *text)
{
	struct pl_doc	*doc = NULL;

	if (pl_doc_parse(&doc, "t.md", text, strlen(text)) != PL_OK)
		printf("# unexpected error: %s\n", pl_error_last());
	return doc;
}

/* 1 when the front matter "private: VALUE" makes an entry private. */
static int
private_says(const char *value)
{
	char		*text = pl_xasprintf("---\nprivate: %s\n---\n", value);
	struct pl_doc	*doc = parse(text);
	int		 v = pl_doc_private(doc);

	pl_doc_free(doc);
	free(text);
	return v;
}

static void
test_private(void)
{
	struct pl_doc	*doc = parse("---\ntitle: t\n---\n");

	is_int(private_says("true"), 1, "private: true");
	is_int(private_says("True"), 1, "private: True");
	is_int(private_says("TRUE"), 1, "private: TRUE");
	is_int(private_says("false"), 0, "private: false");
	is_int(private_says("yes"), 0, "private: yes is not YAML 1.2's true");
	is_int(private_says("tRUE"), 0, "private: tRUE neither");
	is_int(pl_doc_private(doc), 0, "no private key");
	is_int(pl_doc_private(NULL), 0, "no doc");
	pl_doc_free(doc);
}

static void
test_lineages(void)
{
	struct pl_visibility	*vis = pl_visibility_new();
	size_t			 a, b, p, none;
	char			 id[16];
	int			 i;

	a = pl_visibility_lineage(vis, "goal", "a");
	is_int(pl_visibility_lineage(vis, "goal", "a"), a, "same id, same "
	    "lineage");
	ok(pl_visibility_lineage(vis, "evidence", "a") != a, "another kind, "
	    "another lineage");
	p = pl_visibility_lineage(vis, "profile", "sam");
	is_int(pl_visibility_lineage(vis, "profile", "ana"), p, "one profile "
	    "whatever its id");
	is_int(pl_visibility_lineage(vis, "profile", NULL), p, "or none");
	none = pl_visibility_lineage(vis, "goal", NULL);
	is_int(pl_visibility_lineage(vis, "goal", ""), none, "a goal without "
	    "an id is the empty id");
	is_int(pl_visibility_lineage(vis, "standard", "x"), PL_NO_LINEAGE,
	    "a standard is no entry");

	pl_visibility_renamed(vis, "goal", "old", "a");
	is_int(pl_visibility_lineage(vis, "goal", "old"), a, "renamed: the "
	    "old id is the new one's lineage");
	b = pl_visibility_lineage(vis, "goal", "b");
	pl_visibility_renamed(vis, "goal", NULL, "b");
	is_int(pl_visibility_lineage(vis, "goal", "b"), b, "a rename without "
	    "an old id changes nothing");
	pl_visibility_renamed(vis, "settings", "x", "y");
	is_int(pl_visibility_lineage(vis, "settings", "x"), PL_NO_LINEAGE,
	    "nor one of no entry");

	/* past the table's and the lineages' first sizes */
	for (i = 0; i < 100; i++) {
		snprintf(id, sizeof id, "g%d", i);
		pl_visibility_lineage(vis, "goal", id);
	}
	is_int(pl_visibility_lineage(vis, "goal", "a"), a, "found again after "
	    "growing");
	is_int(pl_visibility_lineage(vis, "goal", "g0") + 99,
	    pl_visibility_lineage(vis, "goal", "g99"), "one lineage each");
	pl_visibility_settle(vis);
	is_int(pl_visibility_count(vis), 0, "nothing private, nothing left "
	    "out");
	pl_visibility_free(vis);
}

/* A version of kind's id whose front matter is fm; its lineage. */
static size_t
version(struct pl_visibility *vis, const char *kind, const char *id,
    const char *fm)
{
	char		*text = pl_xasprintf("---\n%s---\n", fm);
	struct pl_doc	*doc = parse(text);
	size_t		 l = pl_visibility_lineage(vis, kind, id);

	pl_visibility_version(vis, l, doc);
	pl_doc_free(doc);
	free(text);
	return l;
}

static void
test_links(void)
{
	struct pl_visibility	*vis = pl_visibility_new();
	size_t			 secret, open, sub, both, twice, odd, later;
	size_t			 refl, bare, marked;

	secret = version(vis, "goal", "secret", "private: true\n");
	open = version(vis, "goal", "open", "title: Open\n");
	sub = version(vis, "goal", "sub", "parent: secret\n");
	both = version(vis, "evidence", "both", "goals: [secret, open]\n");
	twice = version(vis, "evidence", "twice", "goals: [secret, secret]\n");
	/* an older version links elsewhere: the newest one's links hold */
	version(vis, "evidence", "twice", "goals: [open]\n");
	odd = version(vis, "evidence", "odd", "goals: {a: b}\n");
	refl = version(vis, "reflection", "r", "evidence: [twice]\ngoals: "
	    "[sub]\n");
	/* an older version read without a doc, then one that says private */
	bare = pl_visibility_lineage(vis, "evidence", "bare");
	pl_visibility_version(vis, bare, NULL);
	pl_visibility_version(vis, bare, NULL);
	marked = version(vis, "evidence", "marked", "title: M\n");
	pl_visibility_private(vis, marked);
	pl_visibility_private(vis, 9999);
	pl_visibility_version(vis, 9999, NULL);

	pl_visibility_settle(vis);
	later = version(vis, "goal", "open", "private: true\n");
	pl_visibility_private(vis, open);

	ok(pl_visibility_hidden(vis, secret), "private: left out");
	ok(!pl_visibility_hidden(vis, open), "not private: shown (what comes "
	    "after settling is ignored)");
	is_int(later, open, "the same lineage");
	ok(pl_visibility_hidden(vis, sub), "a goal under a left-out parent");
	ok(!pl_visibility_hidden(vis, both), "evidence of a shown goal too");
	ok(pl_visibility_hidden(vis, twice), "evidence of a left-out goal, "
	    "named twice");
	ok(!pl_visibility_hidden(vis, odd), "a malformed list links nowhere: "
	    "shown");
	ok(pl_visibility_hidden(vis, refl), "a reflection whose links all "
	    "lead to left-out entries");
	ok(!pl_visibility_hidden(vis, bare), "no doc: shown");
	ok(pl_visibility_hidden(vis, marked), "marked private elsewhere");
	ok(!pl_visibility_hidden(vis, 9999), "no such lineage");
	ok(!pl_visibility_hidden(NULL, secret), "no visibility: all shown");
	is_int(pl_visibility_count(vis), 5, "five left out");
	is_int(pl_visibility_count(NULL), 0, "none without a visibility");
	pl_visibility_free(vis);
}

int
main(void)
{
	test_private();
	test_lineages();
	test_links();
	return done_testing();
}
