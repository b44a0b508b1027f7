/*
 * pl clone: git_clone with the credentials pl knows how to give, a check
 * that what came is a portfolio, and the merge driver registered.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>

#include <git2.h>

#include "pl/sync/clone.h"
#include "pl/store/driver.h"
#include "pl/store/portfolio.h"
#include "pl/base/util.h"
#include "store/create.h"
#include "sync/clone.h"
#include "store/git.h"
#include "store/netinit.h"

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

char *
pl_url_decode(const char *s, size_t n)
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
	*user = pl_url_decode(s, (size_t)(colon - s));
	*pass = pl_url_decode(colon + 1, (size_t)(at - colon - 1));
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

/* A file:// URL's path, as libgit2 reads it; NULL for another host. */
static char *
file_url_path(const char *url)
{
	const char	*p = url + 7;

	if (strncmp(p, "localhost/", 10) == 0)
		p += 9;
	if (*p != '/' || p[1] == '\0' || p[1] == '/')
		return NULL;
	return pl_url_decode(p, strlen(p));
}

char *
pl_url_local_path(const char *url)
{
	struct stat	st;

	if (strncasecmp(url, "file://", 7) == 0)
		return file_url_path(url);
	/* libgit2 takes anything else with a ':' for ssh */
	if (strchr(url, ':') == NULL && strstr(url, "://") == NULL &&
	    stat(url, &st) == 0 && S_ISDIR(st.st_mode))
		return pl_xstrdup(url);
	return NULL;
}

/*
 * Every clone, fetch and push sets its callbacks here: the one place that
 * knows a connection may follow, so that what libgit2's start-up left
 * (the TLS certificates, libssh2: store/netinit.c) is done now, and only
 * for a remote that is not a folder on this machine (an http URL can
 * redirect to https).
 */
void
pl_remote_callbacks(git_remote_callbacks *cb, struct pl_cred *c)
{
	char	*local = c->url != NULL ? pl_url_local_path(c->url) : NULL;

	if (local == NULL)
		pl_netinit_ready();
	free(local);
	cb->credentials = credentials;
	cb->payload = c;
}

/* Makes the folders above path, as mkdir -p would. */
static int
parents_make(const char *path)
{
	char	*p = pl_xstrdup(path), *s;
	int	 err = PL_OK;

	for (s = strchr(p + 1, '/'); s != NULL && err == PL_OK;
	    s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			err = pl_error_set(PL_ERROR, "cannot make the folder "
			    "'%s': %s", p, strerror(errno));
		*s = '/';
	}
	free(p);
	return err;
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

int
pl_leftover_hold(const char *path)
{
	int	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);

	if (fd != -1 && flock(fd, LOCK_EX | LOCK_NB) == -1) {
		close(fd);
		fd = -1;
	}
	return fd;
}

/*
 * A clone is made in "<dir>.pl-tmp-<tag>" (pl_tmp_tag()) beside dir and renamed to dir
 * once whole, so dir is never half a clone.  A pl killed while cloning
 * leaves that folder: the next clone into dir removes it, and only
 * such folders of pl that are gone (pl_tmp_gone()), never anything else of dir's
 * parent.  The caller frees.
 */
static char *
temps_sweep(const char *dir)
{
	const char	*slash = strrchr(dir, '/');
	char		*parent, *prefix, *path, *tag;
	struct dirent	*de;
	struct stat	 st;
	size_t		 n;
	DIR		*d;

	parent = slash == NULL ? pl_xstrdup(".") : slash == dir ?
	    pl_xstrdup("/") : pl_xstrndup(dir, (size_t)(slash - dir));
	prefix = pl_xasprintf("%s.pl-tmp-", slash == NULL ? dir : slash + 1);
	n = strlen(prefix);
	if ((d = opendir(parent)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (strncmp(de->d_name, prefix, n) != 0 ||
			    !isdigit((unsigned char)de->d_name[n]))
				continue;
			path = pl_xasprintf("%s/%s", parent, de->d_name);
			if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode) &&
			    pl_tmp_gone(path, de->d_name + n))
				pl_remove_tree(path, 0);
			free(path);
		}
		closedir(d);
	}
	free(prefix);
	free(parent);
	tag = pl_tmp_tag();
	path = pl_xasprintf("%s.pl-tmp-%s", dir, tag);
	free(tag);
	return path;
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

/* Clones url into tmp, checked to be a portfolio, the driver set up. */
static int
clone_into(const char *tmp, const char *url, const char *shown)
{
	git_clone_options	 opts;
	git_repository		*repo = NULL;
	struct pl_portfolio	*pf = NULL;
	struct pl_cred		 c = { url, 0, 0, 0 };
	const git_error		*ge;
	int			 rc, err;

	/* fails only for a version other than the header's own */
	(void)git_clone_options_init(&opts, GIT_CLONE_OPTIONS_VERSION);
	pl_remote_callbacks(&opts.fetch_opts.callbacks, &c);
	if ((rc = git_clone(&repo, url, tmp, &opts)) < 0) {
		ge = git_error_last();
		if (rc == GIT_EAUTH || c.failed)
			return pl_error_set(PL_ERROR, "authentication failed "
			    "for '%s'", shown);
		return pl_error_set(PL_ERROR, "cannot clone '%s': %s", shown,
		    ge != NULL ? ge->message : "unknown error");
	}
	git_repository_free(repo);
	/* no commits, or none with .plconfig: one message says both */
	if ((err = pl_portfolio_open_dir(&pf, tmp)) == PL_ENOTPORTFOLIO)
		err = pl_error_set(PL_ENOTPORTFOLIO, "'%s' is not a "
		    "portfolio: its HEAD has no %s; the clone is removed",
		    shown, PL_SETTINGS_FILE);
	if (err == 0)
		err = pl_portfolio_register_driver(pf);
	pl_portfolio_free(pf);
	return err;
}

int
pl_clone(char **out_dir, const char *url, const char *dir)
{
	char	*d = NULL, *shown, *tmp = NULL;
	size_t	 n;
	int	 err, held = -1;

	*out_dir = NULL;
	shown = pl_url_shown(url);
	if (dir != NULL)
		d = pl_xstrdup(dir);
	else if ((d = pl_clone_dir(url)) == NULL) {
		err = pl_error_set(PL_EUSAGE, "cannot tell a folder from "
		    "'%s'; name one: pl clone URL DIR", shown);
		goto done;
	}
	for (n = strlen(d); n > 1 && d[n - 1] == '/'; n--)
		d[n - 1] = '\0';
	if ((err = target(d)) < 0 || (err = source(url)) != 0)
		goto done;
	if ((err = pl_lib_hold()) != 0)
		goto done;
	tmp = temps_sweep(d);
	if ((err = parents_make(tmp)) != 0)
		goto release;
	if (mkdir(tmp, 0777) == -1) {
		err = pl_error_set(PL_ERROR, "cannot make '%s': %s", tmp,
		    strerror(errno));
		goto release;
	}
	/* held while cloning: no other pl takes it for a dead one's */
	held = pl_leftover_hold(tmp);
	/* onto dir, or onto the empty folder that was there */
	if ((err = clone_into(tmp, url, shown)) == 0 && rename(tmp, d) == -1)
		err = pl_error_set(PL_ERROR, "cannot make '%s': %s", d,
		    strerror(errno));
	if (err != 0)
		pl_remove_tree(tmp, 0);
	if (held != -1)
		close(held);
release:
	pl_lib_release();
	if (err == 0) {
		*out_dir = d;
		d = NULL;
	}
done:
	free(tmp);
	free(d);
	free(shown);
	return err;
}
