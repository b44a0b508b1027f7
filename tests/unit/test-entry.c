/*
 * Entries: paths and ids, sorting, links, bodies, the scratch files of
 * hand edits, and the rewrite that keeps a person's front matter (its
 * comments and layout) where pl changed only some lines, falling back to
 * the re-emitted text whenever keeping it would not read back the same.
 */
#include "pl/entries/entry.h"
#include "pl/entries/goal.h"
#include "pl/entries/reflection.h"
#include "tap.h"
#include "testrepo.h"

static struct pl_portfolio	*pf;
static char			*dir;

static void
test_paths(void)
{
	static const struct {
		const char	*path;
		int		 is;
		enum pl_kind	 kind;
		const char	*id;
	} t[] = {
		{ "profile.md", 1, PL_KIND_PROFILE, NULL },
		{ "goals/read.md", 1, PL_KIND_GOAL, "read" },
		{ "reflections/x.md", 1, PL_KIND_REFLECTION, "x" },
		{ "goals/a/b.md", 0, 0, NULL },
		{ "goals/.md", 0, 0, NULL },
		{ "goals/read.txt", 0, 0, NULL },
		{ "goalsx/read.md", 0, 0, NULL },
		{ "goals", 0, 0, NULL },
		{ "evidence/read/photo.md", 0, 0, NULL },
	};
	enum pl_kind	k = PL_KIND_EVIDENCE;
	struct pl_entry	*e;
	char		*id;
	size_t		 i;
	int		 is;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		k = PL_KIND_EVIDENCE;
		is = pl_entry_of_path(t[i].path, &k, &id);
		is_int(is, t[i].is, "'%s' is %san entry's file", t[i].path,
		    t[i].is ? "" : "not ");
		if (t[i].is)
			ok(k == t[i].kind, "'%s' is a %s", t[i].path,
			    pl_kind_name(t[i].kind));
		is_str(id, t[i].id, "'%s' has id '%s'", t[i].path,
		    t[i].id != NULL ? t[i].id : "(none)");
		free(id);
	}
	ok(!pl_kind_parse(&k, NULL) && !pl_kind_parse(&k, "goals"),
	    "no kind of no name nor a folder's name");
	e = pl_entry_new(PL_KIND_PROFILE, NULL);
	is_str(e->id, "", "a new profile without an id has ''");
	is_str(e->path, "profile.md", "at profile.md");
	pl_entry_free(e);
}

static void
test_new_id(void)
{
	struct pl_date	 day = { 2026, 3, 4 };
	char		*id = NULL;

	is_int(pl_entry_new_id(&id, pf, PL_KIND_EVIDENCE, NULL, &day), 0,
	    "an id from a date alone");
	is_str(id, "2026-03-04-evidence", "is the date and the kind");
	free(id);
	is_int(pl_entry_new_id(&id, pf, PL_KIND_REFLECTION, "!!!", &day), 0,
	    "an id from text without letters and a date");
	is_str(id, "2026-03-04-reflection", "is the date and the kind");
	free(id);

	/* evidence/<id>/ holds its files: a folder alone takes the id */
	is_int(commit_file(pf, "evidence/essay/photo.jpg", "jpg"), 0,
	    "a folder of evidence without its file");
	is_int(pl_entry_new_id(&id, pf, PL_KIND_EVIDENCE, "Essay", NULL), 0,
	    "an id beside it");
	is_str(id, "essay-2", "the folder's name is taken");
	free(id);
	is_int(pl_entry_check_new_id(pf, PL_KIND_EVIDENCE, "essay"),
	    PL_EEXISTS, "and refused when given");
	is_str(pl_error_last(), "evidence 'essay' exists already", "so said");
}

static char *
join(const struct pl_strlist *l)
{
	struct pl_buf	b = PL_BUF_INIT;

	pl_strlist_join(&b, l, ",");
	return pl_buf_detach(&b);
}

static void
test_sort_and_link(void)
{
	struct pl_entries	 l = { NULL, 0 };
	struct pl_msg		 msg = { 0 };
	struct pl_strlist	 ids = PL_STRLIST_INIT;
	const char		*names[] = { "c", "a", "b" };
	struct pl_entry		*e;
	size_t			 i;
	char			*s;

	l.v = pl_xcalloc(3, sizeof *l.v);
	for (i = 0; i < 3; i++) {
		l.v[l.n] = pl_entry_new(PL_KIND_GOAL, names[i]);
		if (i != 1)
			pl_doc_set(l.v[l.n]->doc, "due", "2026-01-01",
			    PL_SCALAR_PLAIN);
		l.n++;
	}
	pl_entries_sort_by_date(&l, "due");
	s = pl_xasprintf("%s %s %s", l.v[0]->id, l.v[1]->id, l.v[2]->id);
	is_str(s, "a b c", "undated first, then by date and id");
	free(s);
	pl_entries_release(&l);

	e = pl_entry_new(PL_KIND_EVIDENCE, "ev");
	pl_strlist_push(&ids, "x");
	pl_strlist_push(&ids, "y");
	pl_strlist_push(&ids, "x");
	pl_entry_link(e, &msg, "goals", "Pl-Goal", &ids);
	pl_strlist_release(&ids);
	is_int(pl_doc_get_list(e->doc, e->path, "goals", &ids), 0, "linked");
	s = join(&ids);
	is_str(s, "x,y", "an id given twice is linked once");
	free(s);
	s = join(&msg.trailers);
	is_str(s, "Pl-Goal: x,Pl-Goal: y", "with one trailer each");
	free(s);
	pl_strlist_release(&ids);
	pl_strlist_release(&msg.trailers);
	pl_entry_free(e);
}

static void
body_is(const char *text, const char *want, const char *what)
{
	char	*s = pl_entry_body(text);

	is_str(s, want, "%s", what);
	free(s);
}

static void
test_body(void)
{
	body_is(NULL, "", "no text, no body");
	body_is(" \n\t\n \r\n", "", "blank lines alone are no body");
	body_is("\n\n\tindented\t\r\n\n", "\n\tindented\n",
	    "the first line's indentation kept, blanks around dropped");
}

static void
test_check_lines(void)
{
	static const char *const keys[] = { "title", "tags", NULL };
	struct pl_entry	*e = pl_entry_new(PL_KIND_GOAL, "g");
	const char	*text = "---\ntitle: t\ntags: {a: 1}\n---\n";
	struct pl_doc	*doc = NULL;

	if (pl_doc_parse(&doc, e->path, text, strlen(text)) != 0) {
		ok(0, "parse: %s", pl_error_last());
		pl_entry_free(e);
		return;
	}
	pl_doc_free(e->doc);
	e->doc = doc;
	is_int(pl_entry_check_lines(e, keys), 0,
	    "a map where a list should be is left to the kind's check");
	is_str(pl_error_last(), "", "no message left behind");
	pl_entry_free(e);
}

/* The file text of e once committed. */
static char *
committed(const struct pl_entry *e)
{
	return out("git -C %s show HEAD:%s", dir, e->path);
}

/*
 * Commits text as reflection r, loads it, lets change() alter it, commits
 * it and checks the file now is want (without its last newline, as out()
 * gives it).
 */
static void
rewrite(const char *text, void (*change)(struct pl_entry *),
    const char *want, const char *what)
{
	struct pl_msg	 msg = { "reflection", "edit", "r", NULL, "Edited r.",
			    PL_STRLIST_INIT };
	struct pl_entry	*e = NULL;
	char		*s;

	if (commit_file(pf, "reflections/r.md", text) != 0 ||
	    pl_entry_load(&e, pf, PL_KIND_REFLECTION, "r") != 0) {
		ok(0, "%s: set up (%s)", what, pl_error_last());
		return;
	}
	change(e);
	is_int(pl_entry_commit(pf, &pl_reflection_ops, e, &msg, NULL, NULL),
	    0, "%s: committed", what);
	s = committed(e);
	is_str(s, want, "%s", what);
	free(s);
	pl_strlist_release(&msg.trailers);
	pl_entry_free(e);
}

static void
set_a(struct pl_entry *e)
{
	pl_doc_set(e->doc, "a", "new", PL_SCALAR_STR);
}

static void
set_a_b(struct pl_entry *e)
{
	pl_doc_set(e->doc, "a", "new", PL_SCALAR_STR);
	pl_doc_set(e->doc, "b", "new", PL_SCALAR_STR);
}

static void
set_hash(struct pl_entry *e)
{
	pl_doc_set(e->doc, "#x", "new", PL_SCALAR_STR);
}

static void
set_tags(struct pl_entry *e)
{
	struct pl_strlist	l = PL_STRLIST_INIT;

	pl_strlist_push(&l, "x");
	pl_strlist_push(&l, "z");
	pl_doc_set_list(e->doc, "tags", &l);
	pl_strlist_release(&l);
}

static void
append_tag(struct pl_entry *e)
{
	struct pl_node	*n = pl_node_map();

	pl_node_set(n, "k", "v", PL_SCALAR_STR);
	pl_doc_append(e->doc, "tags", n);
}

static void
append_hash(struct pl_entry *e)
{
	struct pl_node	*n = pl_node_map();

	pl_node_set(n, "k", "v", PL_SCALAR_STR);
	pl_doc_append(e->doc, "#x", n);
}

/* The second key of the first map of the list "r". */
static void
set_rating(struct pl_entry *e)
{
	struct pl_node *const	*v;
	size_t			 n;

	if (pl_doc_get_maps(e->doc, e->path, "r", &v, &n) == 0 && n > 0)
		pl_node_set(v[0], "level", "4", PL_SCALAR_PLAIN);
}

/* An item to each of the lists l0 and l1 */
static void
append_two(struct pl_entry *e)
{
	struct pl_node	*n;
	char		 key[8];
	int		 i;

	for (i = 0; i < 2; i++) {
		snprintf(key, sizeof key, "l%d", i);
		n = pl_node_map();
		pl_node_set(n, "k", "v", PL_SCALAR_STR);
		pl_doc_append(e->doc, key, n);
	}
}

/* Every one of k0..k64 */
static void
set_many(struct pl_entry *e)
{
	char	key[8];
	int	i;

	for (i = 0; i < 65; i++) {
		snprintf(key, sizeof key, "k%d", i);
		pl_doc_set(e->doc, key, "new", PL_SCALAR_STR);
	}
}

static void
test_rewrite(void)
{
	struct pl_buf	in = PL_BUF_INIT, want = PL_BUF_INIT;
	int		i;

	rewrite("---\n# mine\na: old  # why\nb: 1\n---\nbody\n", set_a,
	    "---\n# mine\na: new\nb: 1\n---\nbody",
	    "a changed line replaced, the comment above kept");
	rewrite("---\n# mine\na: old\n---", set_a, "---\n# mine\na: new\n---",
	    "a file ending at its closing line without a newline");
	rewrite("---\n# mine\na: |\n  one\n  two\nb: 1\n---\n", set_a,
	    "---\na: new\nb: 1\n---",
	    "a block scalar made one line: the whole front matter re-emitted");
	rewrite("---\n# mine\na:\n  old\n---\n", set_a,
	    "---\na: new\n---",
	    "a value below its key: re-emitted");
	rewrite("---\n# mine\n'#x': old\n---\n", set_hash,
	    "---\n'#x': new\n---",
	    "a quoted key: re-emitted");
	rewrite("---\n# mine\na: old\n  more\nb: 1\n---\n", set_a,
	    "---\na: new\nb: 1\n---",
	    "a plain scalar on two lines: re-emitted, as keeping the line "
	    "after would read as part of the value");
	rewrite("---\n# mine\na: 'old\n  more'\nb: 1\n---\n", set_a,
	    "---\na: 'new'\nb: 1\n---",
	    "a quoted scalar on two lines: re-emitted, as keeping the line "
	    "after would not parse");
	rewrite("---\n# mine\na: 1\nb: 2\n---\n", set_a_b,
	    "---\n# mine\na: new\nb: new\n---", "two lines replaced");

	rewrite("---\n# mine\ntags:\n  - x\n  - y\n---\n", set_tags,
	    "---\ntags:\n- x\n- z\n---", "a list item changed: re-emitted");
	rewrite("---\n# mine\ntags :\n- k: a\n---\n", append_tag,
	    "---\ntags:\n- k: a\n- k: v\n---",
	    "an item appended to a list whose key is spaced: re-emitted");
	rewrite("---\n# mine\n'#x':\n- k: a\n---\n", append_hash,
	    "---\n'#x':\n- k: a\n- k: v\n---",
	    "a list after a quoted key: re-emitted");
	rewrite("---\n# mine\ntags:\nz: 1\n---\n", append_tag,
	    "---\ntags:\n- k: v\nz: 1\n---",
	    "items under a null key: re-emitted");
	rewrite("---\n# mine\nr:\n  - skill: s\n    level: 2  # so far\n"
	    "---\n", set_rating,
	    "---\nr:\n- skill: s\n  level: 4\n---",
	    "a value in a list of maps changed: re-emitted");
	rewrite("---\n# mine\nr:\n  - level: 2\n    skill: s\n---\n",
	    set_rating, "---\nr:\n- level: 4\n  skill: s\n---",
	    "the first value of a list's map changed: re-emitted");

	rewrite("---\n# mine\nl0:\n- k: a\nl1:\n- k: a\n---\n", append_two,
	    "---\nl0:\n- k: a\n- k: v\nl1:\n- k: a\n- k: v\n---",
	    "items appended to two lists: re-emitted, one place is kept");

	pl_buf_puts(&in, "---\n# mine\n");
	pl_buf_puts(&want, "---\n");
	for (i = 0; i < 65; i++) {
		pl_buf_printf(&in, "k%d: old\n", i);
		pl_buf_printf(&want, "k%d: new\n", i);
	}
	pl_buf_puts(&in, "---\n");
	pl_buf_puts(&want, "---");
	rewrite(in.ptr, set_many, want.ptr,
	    "65 lines changed: more than are replaced one by one");
	pl_buf_release(&in);
	pl_buf_release(&want);
}

static void
test_scratch(void)
{
	char	*s = NULL, *f, *kept;

	/* <gitdir>/pl is where typed text waits; a file there is in the way */
	f = pl_xasprintf("%s/.git/pl", dir);
	write_text(f, "not a folder");
	is_int(pl_entry_scratch(&s, pf, "goal", "text"), PL_ERROR,
	    "a scratch file cannot be written under a file");
	ok(s == NULL, "and none is given");
	ok(strstr(pl_error_last(), "/.git/pl/goal.md") != NULL,
	    "the message names it (%s)", pl_error_last());
	unlink(f);

	is_int(pl_entry_is_kept(pf, "goal.md"), 0,
	    "no scratch folder: nothing is kept");
	is_int(pl_entry_scratch(&s, pf, "goal", "text"), 0, "a scratch file");
	ok(s != NULL && strcmp(s + strlen(f), "/goal.md") == 0,
	    "in the scratch folder (%s)", s != NULL ? s : "none");
	ok(pl_entry_is_kept(pf, s), "it is kept");
	kept = pl_xasprintf("%s/.git/pl/../pl/goal.md", dir);
	ok(pl_entry_is_kept(pf, kept), "however its folder is named");
	free(kept);
	kept = pl_xasprintf("%s/.git/pl/other.md", dir);
	ok(!pl_entry_is_kept(pf, kept), "a file that is not there is not");
	free(kept);
	kept = pl_xasprintf("%s/.git/pl/sub", dir);
	if (mkdir(kept, 0777) != 0)
		ok(0, "mkdir %s", kept);
	ok(!pl_entry_is_kept(pf, kept), "nor a folder");
	rmdir(kept);
	free(kept);
	kept = pl_xasprintf("%s/goal.md", dir);
	write_text(kept, "text");
	ok(!pl_entry_is_kept(pf, kept), "nor a file in another folder");
	unlink(kept);
	free(kept);
	ok(chdir(f) == 0 && pl_entry_is_kept(pf, "goal.md"),
	    "a name without a folder is in the current one");
	if (chdir("/") != 0)
		ok(0, "chdir /");
	unlink(s);
	free(s);
	free(f);
}

static void
test_edit(void)
{
	struct pl_entry	*e = pl_entry_new(PL_KIND_GOAL, "gone");
	char		*s = NULL, *f;

	/* An entry whose file is not in the portfolio has nothing to edit */
	is_int(pl_entry_edit_begin(&s, pf, e), PL_ENOTFOUND,
	    "no edit of a file that is not there");
	ok(s == NULL, "and no scratch file");
	f = pl_xasprintf("%s/.git/pl/EDIT-goal-gone.md", dir);
	write_text(f, "---\ntitle: t\n---\n");
	is_int(pl_entry_edit_finish(pf, &pl_goal_ops, e, f), PL_ENOTFOUND,
	    "nor an edit finished");
	ok(access(f, F_OK) == 0, "the edit stays");
	unlink(f);
	free(f);
	pl_entry_free(e);

	is_int(run("cd %s && mkdir -p goals && ln -s ../profile.md goals/l.md "
	    "&& git add goals/l.md && git commit -qm link", dir), 0,
	    "a goal that is a symbolic link, committed with git");
	pl_portfolio_free(pf);
	pf = open_at(dir);
	is_int(pl_entry_load(&e, pf, PL_KIND_GOAL, "l"), PL_EUNSAFE,
	    "is not read");
	is_str(pl_error_last(), "unsafe path 'goals/l.md': it is a symbolic "
	    "link", "so said");

	is_int(commit_file(pf, "profile.md", "---\nid: ada\n<<<<<<< ours\n"
	    "name: A\n=======\nname: B\n>>>>>>> theirs\n---\n"), 0,
	    "a profile with conflict markers");
	is_int(pl_entry_load(&e, pf, PL_KIND_PROFILE, NULL), PL_EPARSE,
	    "does not load");
	is_str(pl_error_last(), "profile.md:3: conflict markers left by a "
	    "merge; keep what should stay and take the markers out with: "
	    "pl profile edit", "the way to repair it said");
}

/* Adds a reflection of text on 2026-02-03; its id, or NULL. */
static char *
reflect(const char *text, const char *goal)
{
	struct pl_reflection_spec	 s = { "2026-02-03", text,
					    PL_STRLIST_INIT, PL_STRLIST_INIT };
	char				*id = NULL;

	if (goal != NULL)
		pl_strlist_push(&s.goals, goal);
	if (pl_reflection_add(&id, pf, &s) != 0)
		id = NULL;
	pl_strlist_release(&s.goals);
	return id;
}

static void
test_reflection(void)
{
	struct pl_entry		*e = pl_entry_new(PL_KIND_REFLECTION, "r");
	struct pl_strlist	 l = PL_STRLIST_INIT;
	char			*id;

	ok(reflect(NULL, NULL) == NULL, "no text, no reflection");
	is_str(pl_error_last(), "empty reflection; nothing committed",
	    "so said");
	ok(reflect("I learned.", "nope") == NULL, "an unknown goal refused");
	is_str(pl_error_last(), "unknown goal 'nope'", "so said");

	id = reflect("# Only a heading\n", NULL);
	is_str(id, "2026-02-03-reflection", "no words: the date and the kind");
	is_out("Reflected on 2026-02-03.", "the sentence without words",
	    "git -C %s log -1 --format=%%b | head -1", dir);
	free(id);
	id = reflect("![](photo.png)\n", NULL);
	is_str(id, "2026-02-03-reflection-2", "a paragraph without words");
	is_out("Reflected on 2026-02-03.", "the same sentence",
	    "git -C %s log -1 --format=%%b | head -1", dir);
	free(id);

	pl_doc_set(e->doc, "date", "2026-02-03", PL_SCALAR_PLAIN);
	pl_strlist_push(&l, "a\nb");
	pl_strlist_push(&l, "c");
	pl_doc_set_list(e->doc, "goals", &l);
	pl_strlist_release(&l);
	is_int(pl_reflection_check(e), PL_EINVAL,
	    "a hand edit with two lines in a goal of its list refused");
	is_str(pl_error_last(), "reflections/r.md: 'goals' must be one line",
	    "so said");
	pl_entry_free(e);
}

int
main(void)
{
	pf = begin_shared(&dir);
	test_paths();
	test_new_id();
	test_sort_and_link();
	test_body();
	test_check_lines();
	test_rewrite();
	test_scratch();
	test_edit();
	test_reflection();
	end_shared(pf, dir);
	return done_testing();
}
