/*
 * Removing and renaming entries where others name them oddly: the same
 * id twice in a list, a map where a list should be, an untitled entry,
 * evidence files outside its folder.  t0160 runs the ordinary cases.
 */
#include "pl/entries/life.h"
#include "pl/entries/reflection.h"
#include "tap.h"
#include "testrepo.h"

static struct pl_portfolio	*pf;
static char			*dir;

/* Commits path with text, or stops: later checks need it. */
static void
put(const char *path, const char *text)
{
	if (commit_file(pf, path, text) != 0) {
		printf("Bail out! cannot commit %s: %s\n", path,
		    pl_error_last());
		exit(2);
	}
}

static void
test_remove(void)
{
	put("goals/g.md", "---\ntitle: ''\nstatus: active\n---\n");
	put("goals/child.md", "---\ntitle: C\nparent: g\n---\n");
	put("evidence/e.md", "---\ntitle: E\ngoals: [g]\n---\n");
	put("reflections/r.md", "---\ndate: 2026-01-01\ngoals: [g]\n---\n");
	put("reflections/odd.md", "---\ndate: 2026-01-01\n"
	    "goals: {g: 1}\n---\n");
	is_int(pl_life_remove(pf, PL_KIND_GOAL, "g", 0), PL_EEXISTS,
	    "a goal named by three others is not removed");
	is_str(pl_error_last(), "goal 'g' is named by goals/child.md (parent), "
	    "evidence/e.md (goals) and reflections/r.md (goals); nothing "
	    "removed (--force removes those references too)",
	    "all three said; a map where a list should be names nothing");
	is_int(pl_life_remove(pf, PL_KIND_GOAL, "g", 1), 0, "forced");
	is_out("Removed the goal g, and its references in goals/child.md "
	    "(parent), evidence/e.md (goals) and reflections/r.md (goals).",
	    "an untitled goal is named by its id",
	    "git -C %s log -1 --format=%%b | head -1", dir);
	is_out("M\tevidence/e.md\nM\tgoals/child.md\nD\tgoals/g.md\n"
	    "M\treflections/r.md", "the one commit",
	    "git -C %s show --format= --name-status HEAD", dir);
	is_out("---\ndate: 2026-01-01\ngoals: {g: 1}\n---",
	    "the map left as it was", "git -C %s show HEAD:reflections/odd.md",
	    dir);
}

static void
test_rename(void)
{
	put("goals/a.md", "---\ntitle: A\n---\n");
	put("reflections/twice.md", "---\ndate: 2026-01-01\n"
	    "goals: [a, x, a]\n---\n");
	is_int(pl_life_rename(pf, PL_KIND_GOAL, "a", "b"), 0,
	    "a goal renamed");
	is_out("---\ndate: 2026-01-01\ngoals: [b, x]\n---",
	    "a list that named it twice names the new id once",
	    "git -C %s show HEAD:reflections/twice.md", dir);

	put("evidence/ev.md", "---\ntitle: Ev\n"
	    "files: [evidence/ev/a.txt, shared/b.txt]\n---\n");
	put("evidence/ev/a.txt", "a\n");
	is_int(pl_life_rename(pf, PL_KIND_EVIDENCE, "ev", "ev2"), 0,
	    "evidence renamed");
	is_out("---\ntitle: Ev\nfiles: [evidence/ev2/a.txt, shared/b.txt]\n"
	    "---", "only the files in its folder are renamed",
	    "git -C %s show HEAD:evidence/ev2.md", dir);
	is_out("a", "its file moved with it",
	    "git -C %s show HEAD:evidence/ev2/a.txt", dir);

	put("evidence/map.md", "---\ntitle: M\nfiles: {a: 1}\n---\n");
	is_int(pl_life_rename(pf, PL_KIND_EVIDENCE, "map", "map2"), 0,
	    "evidence whose files are a map renamed");
	is_out("---\ntitle: M\nfiles: {a: 1}\n---", "the map left as it was",
	    "git -C %s show HEAD:evidence/map2.md", dir);
}

int
main(void)
{
	pf = begin_shared(&dir);
	test_remove();
	test_rename();
	end_shared(pf, dir);
	return done_testing();
}
