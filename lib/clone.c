/*
 * pl clone: git_clone with the credentials pl knows how to give, a check
 * that what came is a portfolio, and the merge driver registered.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>

#include "pl/clone.h"
#include "pl/driver.h"
#include "pl/portfolio.h"
#include "pl/util.h"
#include "internal.h"

char *
pl_clone_dir(const char *url)
{
	const char	*s, *end, *start;
	size_t		 n;

	end = url + strlen(url);
	while (end > url && (end[-1] == '/' || end[-1] == '\\'))
		end--;
	if (end - url >= 4 && memcmp(end - 4, ".git", 4) == 0)
		end -= 4;
	while (end > url && end[-1] == '/')	/* "x/.git" */
		end--;
	for (start = url, s = url; s < end; s++)
		if (*s == '/' || *s == '\\' || *s == ':')
			start = s + 1;
	n = (size_t)(end - start);
	if (n == 0 || (n == 1 && *start == '.') ||
	    (n == 2 && memcmp(start, "..", 2) == 0))
		return NULL;
	return pl_xstrndup(start, n);
}

static int
unhex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A URL's part, %XX decoded. */
static char *
url_decode(const char *s, size_t n)
{
	struct pl_buf	b = PL_BUF_INIT;
	size_t		i;

	for (i = 0; i < n; i++)
		if (s[i] == '%' && i + 2 < n && unhex(s[i + 1]) >= 0 &&
		    unhex(s[i + 2]) >= 0) {
			pl_buf_putc(&b, (char)(unhex(s[i + 1]) * 16 +
			    unhex(s[i + 2])));
			i += 2;
		} else
			pl_buf_putc(&b, s[i]);
	pl_buf_put(&b, "", 0);
	return pl_buf_detach(&b);
}

char *
pl_url_shown(const char *url)
{
	const char	*s, *at, *colon, *slash;

	if ((s = strstr(url, "://")) == NULL)
		return pl_xstrdup(url);
	s += 3;
	slash = s + strcspn(s, "/");
	if ((at = memchr(s, '@', (size_t)(slash - s))) == NULL ||
	    (colon = memchr(s, ':', (size_t)(at - s))) == NULL)
		return pl_xstrdup(url);
	return pl_xasprintf("%.*s%s", (int)(colon - url), url, at);
}

/* The user and password of "scheme://user:password@host/...", or 0. */
static int
url_userpass(char **user, char **pass, const char *url)
{
	const char	*s, *at, *colon, *slash;

	if ((s = strstr(url, "://")) == NULL)
		return 0;
	s += 3;
	slash = s + strcspn(s, "/");
	if ((at = memchr(s, '@', (size_t)(slash - s))) == NULL ||
	    (colon = memchr(s, ':', (size_t)(at - s))) == NULL)
		return 0;
	*user = url_decode(s, (size_t)(colon - s));
	*pass = url_decode(colon + 1, (size_t)(at - colon - 1));
	return 1;
}

static int
credentials(git_credential **out, const char *url, const char *user,
    unsigned int allowed, void *payload)
{
	struct pl_cred	*c = payload;
	char		*u = NULL, *p = NULL;
	int		 rc;

	if ((allowed & GIT_CREDENTIAL_SSH_KEY) && !c->agent) {
		c->agent = 1;
		return git_credential_ssh_key_from_agent(out,
		    user != NULL ? user : "git");
	}
	if ((allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT) && !c->userpass &&
	    url_userpass(&u, &p, c->url)) {
		c->userpass = 1;
		rc = git_credential_userpass_plaintext_new(out, u, p);
		free(u);
		free(p);
		return rc;
	}
	(void)url;
	c->failed = 1;
	return GIT_EAUTH;
}

void
pl_remote_callbacks(git_remote_callbacks *cb, struct pl_cred *c)
{
	cb->credentials = credentials;
	cb->payload = c;
}

/* 1 when dir exists (an empty folder), 0 when missing, else an error. */
static int
target(const char *dir)
{
	int	err, git, other;

	if ((err = pl_dir_probe(dir, &git, &other)) <= 0)
		return err;
	if (git || other)
		return pl_error_set(PL_EEXISTS, "'%s' exists and is not "
		    "empty", dir);
	return 1;
}

/*
 * A URL that names a folder must name one that is there: libgit2 would
 * make the clone's folder first and then find it ("pl clone x").
 */
static int
source(const char *url)
{
	struct stat	 st;
	size_t		 n = strcspn(url, ":/");

	if (strstr(url, "://") != NULL || (url[n] == ':' && n > 1))
		return 0;	/* a URL, or host:path as scp has it */
	if (stat(url, &st) == -1)
		return errno == ENOENT ? pl_error_set(PL_ENOTFOUND, "'%s' "
		    "does not exist", url) : pl_error_set(PL_ERROR, "cannot "
		    "read '%s': %s", url, strerror(errno));
	return 0;
}

int
pl_clone(char **out_dir, const char *url, const char *dir)
{
	git_clone_options	 opts;
	git_repository		*repo = NULL;
	struct pl_portfolio	*pf = NULL;
	struct pl_cred		 c = { url, 0, 0, 0 };
	const git_error		*ge;
	char			*d = NULL, *shown;
	int			 rc, err, existed;

	*out_dir = NULL;
	shown = pl_url_shown(url);
	if (dir != NULL)
		d = pl_xstrdup(dir);
	else if ((d = pl_clone_dir(url)) == NULL) {
		err = pl_error_set(PL_EUSAGE, "cannot tell a folder from "
		    "'%s'; name one: pl clone URL DIR", shown);
		goto done;
	}
	if ((err = existed = target(d)) < 0 || (err = source(url)) != 0)
		goto done;
	if ((err = pl_lib_hold()) != 0)
		goto done;
	if ((rc = git_clone_options_init(&opts,
	    GIT_CLONE_OPTIONS_VERSION)) < 0) {
		err = pl_error_git(rc, "cannot clone");
		goto release;
	}
	pl_remote_callbacks(&opts.fetch_opts.callbacks, &c);
	/* libgit2 removes what it made when the clone fails */
	if ((rc = git_clone(&repo, url, d, &opts)) < 0) {
		ge = git_error_last();
		if (rc == GIT_EAUTH || c.failed)
			err = pl_error_set(PL_ERROR, "authentication failed "
			    "for '%s'", shown);
		else
			err = pl_error_set(PL_ERROR, "cannot clone '%s': %s",
			    shown, ge != NULL ? ge->message : "unknown error");
		goto release;
	}
	git_repository_free(repo);
	repo = NULL;
	/* no commits, or none with .plconfig: one message says both */
	if ((err = pl_portfolio_open_dir(&pf, d)) == PL_ENOTPORTFOLIO)
		err = pl_error_set(PL_ENOTPORTFOLIO, "'%s' is not a "
		    "portfolio: its HEAD has no %s; the clone is removed",
		    shown, PL_SETTINGS_FILE);
	if (err != 0 || (err = pl_portfolio_register_driver(pf)) != 0) {
		pl_remove_tree(d, existed);
		goto release;
	}
	*out_dir = d;
	d = NULL;
release:
	pl_portfolio_free(pf);
	pl_lib_release();
done:
	free(d);
	free(shown);
	return err;
}
