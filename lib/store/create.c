/*
 * Making a new portfolio, as far as the store goes: the folder looked at
 * (new, empty, or holding nothing but an empty repository or the .git an
 * interrupted init left), the repository made or opened, pl's merge
 * driver registered in its config, and the first commit's transaction
 * with the store's own files, .plconfig and .gitattributes.  What the
 * learner's profile holds, and the first commit's sentence, are the
 * profile's (lib/entries/profile.c, pl_profile_init()).
 */
#define _XOPEN_SOURCE 700	/* nftw(), realpath() */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "pl/store/driver.h"
#include "store/create.h"
#include "store/git.h"
#include "store/identity.h"
#include "store/portfolio.h"
#include "store/tx.h"

static int
any_file(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)path;
	(void)st;
	(void)f;
	return flag != FTW_D && flag != FTW_DP;
}

/*
 * What an init that ran out of room or was killed before git's
 * repository was whole leaves (as pl 0.1 did): a .git with no HEAD that
 * holds no object and no ref, so that nothing in it can be lost.
 */
static int
unfinished(const char *dir)
{
	char		*git = pl_xasprintf("%s/.git", dir);
	char		*head = pl_xasprintf("%s/HEAD", git);
	char		*objects = pl_xasprintf("%s/objects", git);
	char		*refs = pl_xasprintf("%s/refs", git);
	char		*packed = pl_xasprintf("%s/packed-refs", git);
	struct stat	 st;
	int		 yes;

	yes = lstat(git, &st) == 0 && S_ISDIR(st.st_mode) &&
	    lstat(head, &st) == -1 && errno == ENOENT &&
	    lstat(packed, &st) == -1 && errno == ENOENT &&
	    nftw(objects, any_file, 16, FTW_PHYS) != 1 &&
	    nftw(refs, any_file, 16, FTW_PHYS) != 1;
	free(git);
	free(head);
	free(objects);
	free(refs);
	free(packed);
	return yes;
}

/*
 * An existing repository in dir, when it has no commits yet; *out NULL
 * when it is an unfinished one that init may complete.
 */
static int
init_open(git_repository **out, const char *dir)
{
	char	*lock;
	int	 rc, i;

	rc = git_repository_open_ext(out, dir, GIT_REPOSITORY_OPEN_NO_SEARCH,
	    NULL);
	if (rc == GIT_ENOTFOUND && unfinished(dir)) {
		/* no git command works on it: only a dead init's locks */
		for (i = 0; i < 2; i++) {
			lock = pl_xasprintf("%s/.git/%s.lock", dir,
			    i == 0 ? "config" : "HEAD");
			unlink(lock);
			free(lock);
		}
		*out = NULL;
		return 0;
	}
	if (rc == GIT_ENOTFOUND)
		return pl_error_set(PL_EEXISTS, "'%s/.git' exists and is not "
		    "a repository git can open; move it away or repair it",
		    dir);
	if (rc < 0)
		return pl_error_git(rc, "cannot open the repository");
	if ((rc = git_repository_head_unborn(*out)) < 0)
		return pl_error_git(rc, "cannot read HEAD");
	if (rc == 0)
		return pl_error_set(PL_EEXISTS, "'%s' already has commits",
		    dir);
	return 0;
}

/*
 * dir may be missing, empty, or hold nothing but an empty repository's
 * .git; *repo gets that repository.
 */
int
pl_dir_probe(const char *dir, int *git, int *other)
{
	struct stat	 st;
	struct dirent	*de;
	DIR		*d;

	*git = *other = 0;
	if (stat(dir, &st) == -1)
		return errno == ENOENT ? 0 : pl_error_set(PL_ERROR, "cannot "
		    "read '%s': %s", dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return pl_error_set(PL_EEXISTS, "'%s' exists and is not a "
		    "folder", dir);
	if ((d = opendir(dir)) == NULL)
		return pl_error_set(PL_ERROR, "cannot read '%s': %s", dir,
		    strerror(errno));
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		if (strcmp(de->d_name, ".git") == 0)
			*git = 1;
		else
			*other = 1;
	}
	closedir(d);
	return 1;
}

static int
init_target(git_repository **repo, const char *dir)
{
	int	err, git, other;

	*repo = NULL;
	if ((err = pl_dir_probe(dir, &git, &other)) <= 0)
		return err;
	if (git)
		return init_open(repo, dir);
	if (other)
		return pl_error_set(PL_EEXISTS, "'%s' is not empty", dir);
	return 0;
}

/*
 * What init is about to make, removed whole if it fails: dir's .git, or
 * the first folder of dir's path that does not exist; NULL when .git is
 * an unfinished one that was there before.
 */
static char *
init_made(const char *dir)
{
	struct stat	 st;
	char		*top, *slash;

	if (stat(dir, &st) == 0) {
		top = pl_xasprintf("%s/.git", dir);
		if (lstat(top, &st) == 0) {
			free(top);
			return NULL;
		}
		return top;
	}
	/* libgit2 makes every missing folder on the way */
	top = pl_xstrdup(dir);
	while ((slash = strrchr(top, '/')) != NULL && slash != top) {
		*slash = '\0';
		if (stat(top, &st) == 0) {
			*slash = '/';
			break;
		}
	}
	return top;
}

static int
init_repo(git_repository **out, const char *dir)
{
	git_repository_init_options	opts;
	int				rc;

	if ((rc = git_repository_init_options_init(&opts,
	    GIT_REPOSITORY_INIT_OPTIONS_VERSION)) < 0)
		return pl_error_git(rc, "cannot make a repository");
	/* libgit2 makes the folders and honours init.defaultBranch. */
	opts.flags = GIT_REPOSITORY_INIT_MKPATH;
	if ((rc = git_repository_init_ext(out, dir, &opts)) < 0)
		return pl_error_git(rc, "cannot make a repository");
	return 0;
}

/* Sets key to value in cfg (the repository's own file) unless set there. */
static int
config_default(git_config *cfg, const char *key, const char *value)
{
	git_config_entry	*e = NULL;
	int			 rc;

	if ((rc = git_config_get_entry(&e, cfg, key)) == 0) {
		git_config_entry_free(e);
		return 0;
	}
	if (rc != GIT_ENOTFOUND)
		return pl_error_git(rc, "cannot read git config");
	if ((rc = git_config_set_string(cfg, key, value)) < 0)
		return pl_error_git(rc, "cannot write git config");
	return 0;
}

int
pl_portfolio_register_driver(struct pl_portfolio *pf)
{
	git_config		*all = NULL, *local = NULL;
	git_config_entry	*e = NULL;
	int			 rc, err = 0;

	if ((rc = git_repository_config(&all, pl_portfolio_repo(pf))) < 0 ||
	    (rc = git_config_open_level(&local, all,
	    GIT_CONFIG_LEVEL_LOCAL)) < 0) {
		err = pl_error_git(rc, "cannot read git config");
		goto done;
	}
	if ((err = config_default(local, "merge.pl.name",
	    PL_DRIVER_NAME)) != 0 || (err = config_default(local,
	    "merge.pl.driver", PL_DRIVER_COMMAND)) != 0)
		goto done;
	/*
	 * git 2.27 and later stop a plain "git pull" of diverged branches
	 * until pull.rebase says how; false makes it merge, through the
	 * driver.  A choice made at any level stays.
	 */
	if ((rc = git_config_get_entry(&e, all, "pull.rebase")) == 0)
		git_config_entry_free(e);
	else if (rc != GIT_ENOTFOUND)
		err = pl_error_git(rc, "cannot read git config");
	else
		err = config_default(local, "pull.rebase", "false");
done:
	git_config_free(local);
	git_config_free(all);
	return err;
}

char *
pl_portfolio_outer(const char *dir)
{
	git_buf		 found = { 0 };
	git_repository	*repo = NULL;
	git_object	*o = NULL;
	char		*abs, *slash, *out = NULL;

	/* libgit2 held: its error state lives as long as it does */
	if (pl_lib_init() != 0) {
		pl_error_clear();
		return NULL;
	}
	abs = realpath(dir, NULL);
	if (abs == NULL || (slash = strrchr(abs, '/')) == NULL)
		goto done;
	slash[slash == abs] = '\0';	/* its parent, "/" for "/x" */
	if (git_repository_discover(&found, abs, 0, NULL) == 0 &&
	    git_repository_open(&repo, found.ptr) == 0 &&
	    !git_repository_is_bare(repo) && git_revparse_single(&o, repo,
	    "HEAD:" PL_SETTINGS_FILE) == 0)
		out = pl_xstrdup(git_repository_workdir(repo));
	if (out != NULL && strlen(out) > 1 && out[strlen(out) - 1] == '/')
		out[strlen(out) - 1] = '\0';
done:
	git_object_free(o);
	git_repository_free(repo);
	git_buf_dispose(&found);
	free(abs);
	git_error_clear();
	git_libgit2_shutdown();
	return out;
}

/* The settings file, as "git config -f .plconfig" writes it. */
static void
settings_text(struct pl_buf *out)
{
	pl_buf_printf(out, "[portfolio]\n\tversion = %d\n", PL_FORMAT_VERSION);
}

int
pl_portfolio_create(struct pl_portfolio **out, const char *dir,
    const char *author)
{
	struct pl_portfolio	*p;
	git_signature		*a = NULL, *c = NULL;
	int			 err;

	*out = NULL;
	if ((err = pl_lib_init()) != 0)
		return err;
	p = pl_portfolio_new();
	if (dir == NULL)
		dir = ".";
	if ((err = pl_portfolio_set_author(p, author)) != 0 ||
	    (err = init_target(&p->repo, dir)) != 0)
		goto done;
	/* Ask for an identity before making anything that would stay. */
	if ((err = pl_portfolio_signatures(&a, &c, p)) != 0)
		goto done;
	/* A full disk leaves no half repository to trip on. */
	if (p->repo == NULL) {
		p->made = init_made(dir);
		if ((err = init_repo(&p->repo, dir)) != 0)
			goto done;
	}
	err = pl_portfolio_register_driver(p);
done:
	git_signature_free(a);
	git_signature_free(c);
	if (err != 0)
		pl_portfolio_create_end(p, err);
	else
		*out = p;
	return err;
}

int
pl_portfolio_create_tx(struct pl_tx **out, struct pl_portfolio *p)
{
	struct pl_buf	 settings = PL_BUF_INIT, attrs = PL_BUF_INIT;
	int		 err;

	settings_text(&settings);
	/* committed, so that every clone merges the files as pl does */
	(void)pl_driver_attributes(&attrs, "");
	if ((err = pl_tx_begin_init(out, p)) != 0 ||
	    (err = pl_tx_put(*out, PL_ATTRIBUTES_FILE, attrs.ptr,
	    attrs.len)) != 0 ||
	    (err = pl_tx_put(*out, PL_SETTINGS_FILE, settings.ptr,
	    settings.len)) != 0) {
		pl_tx_free(*out);
		*out = NULL;
	}
	pl_buf_release(&settings);
	pl_buf_release(&attrs);
	return err;
}

void
pl_portfolio_create_end(struct pl_portfolio *p, int err)
{
	char	*made;

	if (p == NULL)
		return;
	made = p->made;
	p->made = NULL;
	pl_portfolio_free(p);
	if (err != 0 && made != NULL)
		pl_remove_tree(made, 0);
	free(made);
}
