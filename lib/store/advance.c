/*
 * Moving a portfolio to the commit a transaction just made: what the move
 * needs is read first (the new tree, and the settings when the commit
 * changed them), so that the move itself, after the branch moved, cannot
 * fail.
 */
#include <string.h>

#include <git2.h>

#include "store/advance.h"
#include "store/git.h"
#include "store/portfolio.h"

int
pl_portfolio_advance_prepare(struct pl_advance *a, struct pl_portfolio *p,
    const git_oid *id)
{
	git_commit	*c = NULL;
	int		 rc, err = 0;

	memset(a, 0, sizeof *a);
	git_oid_cpy(&a->id, id);
	if ((rc = git_commit_lookup(&c, p->repo, id)) < 0 ||
	    (rc = git_commit_tree(&a->tree, c)) < 0)
		err = pl_error_git(rc, "cannot read the new commit");
	/* A commit that changed the settings changes what we read. */
	else
		err = pl_portfolio_settings_read(&a->settings,
		    &a->settings_id, p, a->tree);
	git_commit_free(c);
	if (err != 0)
		pl_advance_release(a);
	return err;
}

void
pl_advance_release(struct pl_advance *a)
{
	git_tree_free(a->tree);
	git_config_free(a->settings);
	memset(a, 0, sizeof *a);
}

void
pl_portfolio_advance(struct pl_portfolio *p, struct pl_advance *a)
{
	git_tree_free(p->tree);
	p->tree = a->tree;
	git_oid_cpy(&p->head, &a->id);
	p->born = p->at_head = 1;
	if (a->settings != NULL) {
		git_config_free(p->settings);
		p->settings = a->settings;
		git_oid_cpy(&p->settings_id, &a->settings_id);
	}
	memset(a, 0, sizeof *a);
}
