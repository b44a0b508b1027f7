/*
 * Who makes a commit and when, by git's rules: --author, GIT_AUTHOR_*,
 * GIT_COMMITTER_*, user.name and user.email; the author time fixed once
 * per portfolio, so that the date of a new entry and its commit's agree.
 * Apart from opening and reading: only writes, and pl init before the
 * repository exists, ask for an identity.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <git2.h>

#include "pl/base/date.h"
#include "pl/base/text.h"
#include "store/git.h"
#include "store/gitdate.h"
#include "store/identity.h"
#include "store/portfolio.h"

/*
 * --global: before "pl init" there is no repository to configure, and a
 * learner's portfolios all want the same identity.
 */
#define SET_NAME "'git config --global user.name \"Your Name\"'"
#define SET_EMAIL "'git config --global user.email you@example.com'"

/* "Name <email>", as git's --author takes an identity. */
static int
parse_author(char **name, char **email, const char *s)
{
	const char	*lt = strchr(s, '<'), *gt;
	size_t		 len = strlen(s);

	*name = *email = NULL;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (lt == NULL || len == 0 || s[len - 1] != '>' ||
	    (gt = strchr(lt + 1, '>')) != s + len - 1 ||
	    memchr(lt + 1, '<', (size_t)(gt - lt - 1)) != NULL)
		goto bad;
	*name = pl_trimmed(s, (size_t)(lt - s));
	*email = pl_trimmed(lt + 1, (size_t)(gt - lt - 1));
	if (**name != '\0' && **email != '\0')
		return 0;
	free(*name);
	free(*email);
	*name = *email = NULL;
bad:
	return pl_error_set(PL_EINVAL, "malformed author '%s': expected "
	    "'Name <email>'", s);
}

int
pl_portfolio_set_author(struct pl_portfolio *p, const char *author)
{
	char	*name = NULL, *email = NULL;
	int	 err;

	if (author != NULL && (err = parse_author(&name, &email, author)) != 0)
		return err;
	free(p->author_name);
	free(p->author_email);
	p->author_name = name;
	p->author_email = email;
	return 0;
}

static int
env_date(git_time_t *t, int *off, const char *var)
{
	const char	*v = getenv(var);
	time_t		 now;

	/* localtime_r() need not look at TZ; tzset() makes sure it does. */
	tzset();
	if (v != NULL && *v != '\0') {
		if (pl_git_date_parse(t, off, v) != 0)
			return pl_error_set(PL_EINVAL, "invalid date in %s: "
			    "'%s'", var, v);
		return 0;
	}
	now = time(NULL);
	*t = now;
	*off = pl_local_offset(now);
	return 0;
}

/* Fixed once, so today's date and the commit's date agree. */
static int
author_time(struct pl_portfolio *p)
{
	int	err;

	if (p->have_when)
		return 0;
	if ((err = env_date(&p->when, &p->off, "GIT_AUTHOR_DATE")) != 0)
		return err;
	p->have_when = 1;
	return 0;
}

int
pl_today(struct pl_date *out)
{
	git_time_t	when;
	int		off, err;

	if ((err = env_date(&when, &off, "GIT_AUTHOR_DATE")) != 0)
		return err;
	*out = pl_date_from_time((time_t)when, off);
	return 0;
}

int
pl_portfolio_today(struct pl_date *out, struct pl_portfolio *p)
{
	int	err;

	if ((err = author_time(p)) != 0)
		return err;
	*out = pl_date_from_time((time_t)p->when, p->off);
	return 0;
}

/* The first of: given, $env, config key, $last; NULL when all are empty. */
static char *
ident_part(const char *given, const char *env, git_config *cfg,
    const char *key, const char *last)
{
	const char	*v = given;
	char		*s;

	if (v == NULL || *v == '\0')
		v = getenv(env);
	if ((v == NULL || *v == '\0') && cfg != NULL &&
	    git_config_get_string(&v, cfg, key) < 0)
		v = NULL;
	if ((v == NULL || *v == '\0') && last != NULL)
		v = getenv(last);
	if (v == NULL)
		return NULL;
	s = pl_trimmed(v, strlen(v));
	if (*s == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

static int
ident_config(git_config **out, struct pl_portfolio *p)
{
	git_config	*cfg = NULL;
	int		 rc;

	/* Before pl_portfolio_init() has a repository: the user's files. */
	if (p->repo != NULL)
		rc = git_repository_config_snapshot(out, p->repo);
	else if ((rc = git_config_open_default(&cfg)) == 0)
		rc = git_config_snapshot(out, cfg);
	git_config_free(cfg);
	if (rc < 0)
		return pl_error_git(rc, "cannot read git config");
	return 0;
}

static int
signature(git_signature **out, const char *name, const char *email,
    git_time_t t, int off)
{
	char	*why;
	int	 rc;

	/* A line break in a name would forge the commit's header. */
	if (pl_text_check_line("the name", name) != 0 ||
	    pl_text_check_line("the email", email) != 0) {
		why = pl_xstrdup(pl_error_last());
		rc = pl_error_set(PL_EINVAL, "invalid identity '%s <%s>': %s",
		    name, email, why);
		free(why);
		return rc;
	}
	if ((rc = git_signature_new(out, name, email, t, off)) < 0)
		return pl_error_set(PL_EINVAL, "invalid identity '%s <%s>': %s",
		    name, email, git_error_last() != NULL ?
		    git_error_last()->message : "refused");
	return 0;
}

/* PL_EIDENTITY, saying what who (author or committer) lacks. */
static int
no_identity(const char *who, const char *name, const char *email)
{
	if (name == NULL && email == NULL)
		return pl_error_set(PL_EIDENTITY, "no identity: the %s has "
		    "no name nor email; tell git who you are with "
		    SET_NAME " and " SET_EMAIL, who);
	if (name == NULL)
		return pl_error_set(PL_EIDENTITY, "no identity: the %s has "
		    "no name; tell git with " SET_NAME, who);
	return pl_error_set(PL_EIDENTITY, "no identity: the %s has no "
	    "email; tell git with " SET_EMAIL, who);
}

int
pl_portfolio_signatures(git_signature **author, git_signature **committer,
    struct pl_portfolio *p)
{
	git_config	*cfg = NULL;
	char		*an = NULL, *ae = NULL, *cn = NULL, *ce = NULL;
	git_time_t	 ct;
	int		 coff, err;

	*author = *committer = NULL;
	if ((err = author_time(p)) != 0 ||
	    (err = env_date(&ct, &coff, "GIT_COMMITTER_DATE")) != 0 ||
	    (err = ident_config(&cfg, p)) != 0)
		goto done;
	/* The committer is never --author's, as in git. */
	an = ident_part(p->author_name, "GIT_AUTHOR_NAME", cfg, "user.name",
	    NULL);
	ae = ident_part(p->author_email, "GIT_AUTHOR_EMAIL", cfg,
	    "user.email", "EMAIL");
	cn = ident_part(NULL, "GIT_COMMITTER_NAME", cfg, "user.name", NULL);
	ce = ident_part(NULL, "GIT_COMMITTER_EMAIL", cfg, "user.email",
	    "EMAIL");
	if (an == NULL || ae == NULL) {
		err = no_identity("author", an, ae);
		goto done;
	}
	/*
	 * Unlike git, which would guess from the host: with no committer
	 * configured at all (a school's script under a service account,
	 * with GIT_AUTHOR_* or --author), the author commits.
	 */
	if (cn == NULL && ce == NULL) {
		cn = pl_xstrdup(an);
		ce = pl_xstrdup(ae);
	}
	if (cn == NULL || ce == NULL) {
		err = no_identity("committer", cn, ce);
		goto done;
	}
	if ((err = signature(author, an, ae, p->when, p->off)) == 0)
		err = signature(committer, cn, ce, ct, coff);
done:
	if (err != 0) {
		git_signature_free(*author);
		*author = NULL;
	}
	git_config_free(cfg);
	free(an);
	free(ae);
	free(cn);
	free(ce);
	return err;
}
