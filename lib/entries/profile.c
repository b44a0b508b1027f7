/*
 * The learner profile.  Its lists are Markdown bullet lists under fixed
 * headings, so a person can keep them in any editor.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "pl/base/date.h"
#include "pl/base/doc.h"
#include "pl/base/md.h"
#include "pl/entries/profile.h"
#include "pl/base/slug.h"
#include "pl/base/text.h"
#include "pl/store/tx.h"
#include "store/create.h"

static const struct {
	const char	*word;
	const char	*section;
} words[] = {
	{ "strength", "Strengths" },
	{ "strengths", "Strengths" },
	{ "need", "Needs" },
	{ "needs", "Needs" },
	{ "interest", "Interests" },
	{ "interests", "Interests" },
	{ "preference", "How I learn best" },
	{ "preferences", "How I learn best" },
};

const char *
pl_profile_section(const char *word)
{
	size_t	i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(word, words[i].word) == 0)
			return words[i].section;
	return NULL;
}

/* The word for section in a subject: "strength" for Strengths. */
static const char *
singular(const char *section)
{
	size_t	i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(section, words[i].section) == 0)
			break;
	return words[i].word;
}

static int
one_line(const char *what, const char *s)
{
	if (s[strspn(s, " \t")] == '\0')
		return pl_error_set(PL_EINVAL, "empty %s", what);
	return pl_text_check_line(what, s);
}

/* What pl puts in messages and rows: each one line, printable. */
static int
check_lines(const struct pl_entry *e)
{
	static const char *const keys[] = { "name", "id", "grade", "started",
		NULL };
	struct pl_strlist	 l = PL_STRLIST_INIT;
	char			*name;
	size_t			 i, k;
	int			 err;

	if ((err = pl_entry_check_lines(e, keys)) != PL_OK)
		return err;
	for (i = 0; i < sizeof words / sizeof words[0] && err == PL_OK; i++) {
		if (i > 0 && words[i].section == words[i - 1].section)
			continue;
		pl_md_items(&l, e->doc->body, words[i].section);
		name = pl_xasprintf("an item of '%s'", words[i].section);
		for (k = 0; k < l.n && err == PL_OK; k++)
			err = pl_entry_check_line(e, name, l.v[k]);
		free(name);
		pl_strlist_release(&l);
	}
	return err;
}

static int
check_value(const char *key, const char *value)
{
	size_t	i;
	int	err;

	if (!isalpha((unsigned char)key[0]))
		return pl_error_set(PL_EINVAL, "invalid profile key '%s'", key);
	for (i = 1; key[i] != '\0'; i++)
		if (!isalnum((unsigned char)key[i]) && key[i] != '_' &&
		    key[i] != '-')
			return pl_error_set(PL_EINVAL, "invalid profile key "
			    "'%s'", key);
	if ((err = one_line("value", value)) != PL_OK)
		return err;
	if (strcmp(key, "started") == 0 && !pl_date_valid(value))
		return pl_error_set(PL_EINVAL, "invalid date '%s' (expected "
		    "YYYY-MM-DD)", value);
	if (strcmp(key, "id") == 0)
		return pl_id_check("learner", value);
	return PL_OK;
}

int
pl_profile_check(const struct pl_entry *e)
{
	const char	*name = pl_doc_get(e->doc, "name");
	const char	*id = pl_doc_get(e->doc, "id");
	int		 err;

	if (name == NULL || *name == '\0')
		return pl_error_set(PL_EINVAL, "%s: 'name' is missing",
		    e->path);
	if (id == NULL)
		return pl_error_set(PL_EINVAL, "%s: 'id' is missing", e->path);
	if ((err = check_lines(e)) != PL_OK ||
	    (err = pl_id_check("learner", id)) != PL_OK)
		return err;
	return pl_entry_check_date(e, "started", 0);
}

const struct pl_kind_ops pl_profile_ops = {
	.check = pl_profile_check,
};

/*
 * Commits the profile with action, a subject saying what changed and a
 * sentence (both freed here), and key as the Pl-Key trailer.
 */
static int
save(struct pl_portfolio *pf, struct pl_entry *e, const char *action,
    char *subject, char *sentence, const char *key)
{
	struct pl_msg	msg = { 0 };
	int		err;

	msg.action = action;
	msg.subject = subject;
	msg.sentence = sentence;
	pl_strlist_push_owned(&msg.trailers, pl_xasprintf("Pl-Key: %s", key));
	/* The file may have been committed by hand: check what pl repeats */
	if ((err = check_lines(e)) == PL_OK)
		err = pl_entry_commit(pf, &pl_profile_ops, e, &msg, NULL, NULL);
	pl_strlist_release(&msg.trailers);
	free(subject);
	free(sentence);
	return err;
}

int
pl_profile_set(struct pl_portfolio *pf, const char *key, const char *value)
{
	struct pl_entry	*e = NULL;
	const char	*old;
	int		 err;

	if ((err = check_value(key, value)) != PL_OK ||
	    (err = pl_entry_load(&e, pf, PL_KIND_PROFILE, NULL)) != PL_OK)
		return err;
	old = pl_doc_get(e->doc, key);
	if (old != NULL && strcmp(old, value) == 0) {
		err = pl_error_set(PL_ENOCHANGE, "'%s' is already '%s'", key,
		    value);
		goto done;
	}
	pl_doc_set(e->doc, key, value, strcmp(key, "started") == 0 ?
	    PL_SCALAR_PLAIN : PL_SCALAR_STR);
	if (strcmp(key, "id") == 0) {
		free(e->id);
		e->id = pl_xstrdup(value);
	}
	err = save(pf, e, "set", pl_xasprintf("set %s \"%s\"", key, value),
	    pl_xasprintf("Set %s to \"%s\".", key, value), key);
done:
	pl_entry_free(e);
	return err;
}

int
pl_profile_add(struct pl_portfolio *pf, const char *word, const char *text)
{
	const char	*section = pl_profile_section(word);
	struct pl_entry	*e = NULL;
	char		*line, *body;
	int		 err;

	if (section == NULL)
		return pl_error_set(PL_EINVAL, "unknown profile list '%s' (use "
		    "strength, need, interest or preference)", word);
	if ((err = one_line("text", text)) != PL_OK ||
	    (err = pl_entry_load(&e, pf, PL_KIND_PROFILE, NULL)) != PL_OK)
		return err;
	line = pl_xasprintf("- %s", text);
	body = pl_md_append_item(e->doc->body, section, line);
	pl_doc_set_body(e->doc, body);
	err = save(pf, e, "add", pl_xasprintf("add %s \"%s\"",
	    singular(section), text), pl_xasprintf("Added to %s: %s.",
	    section, text), section);
	free(body);
	free(line);
	pl_entry_free(e);
	return err;
}

static int
init_names(char **name, char **id, const char *given_name,
    const char *given_id)
{
	int	err;

	*id = NULL;
	*name = pl_trimmed(given_name != NULL ? given_name : "",
	    given_name != NULL ? strlen(given_name) : 0);
	if (**name == '\0')
		return pl_error_set(PL_EINVAL, "empty name");
	/* The name is the profile's heading and in the first commit */
	if ((err = pl_text_check_line("the name", *name)) != 0)
		return err;
	if (given_id != NULL) {
		*id = pl_xstrdup(given_id);
		return pl_id_check("learner", given_id);
	}
	*id = pl_slug_make(*name);
	if (**id == '\0')
		return pl_error_set(PL_EINVAL, "cannot make an id from the "
		    "name '%s'; give one with --id", *name);
	return 0;
}

static void
profile_text(struct pl_buf *out, const char *name, const char *id,
    const char *grade, struct pl_date today)
{
	struct pl_doc	*doc = pl_doc_new();
	char		 date[PL_DATE_LEN];
	char		*body;

	pl_date_format(date, today);
	pl_doc_set(doc, "name", name, PL_SCALAR_STR);
	pl_doc_set(doc, "id", id, PL_SCALAR_STR);
	if (grade != NULL && *grade != '\0')
		pl_doc_set(doc, "grade", grade, PL_SCALAR_STR);
	pl_doc_set(doc, "started", date, PL_SCALAR_PLAIN);
	body = pl_xasprintf("\n# %s\n\n## Strengths\n\n## Needs\n\n"
	    "## Interests\n\n## How I learn best\n", name);
	pl_doc_set_body(doc, body);
	pl_doc_serialize(doc, out);
	free(body);
	pl_doc_free(doc);
}

/* The first commit, through the one write path every change takes. */
static int
init_commit(struct pl_portfolio *p, const char *name, const char *id,
    const char *grade)
{
	struct pl_buf	 profile = PL_BUF_INIT;
	struct pl_msg	 msg = { "portfolio", "init", id, NULL, NULL,
			    PL_STRLIST_INIT };
	struct pl_tx	*tx = NULL;
	struct pl_date	 today;
	char		*sentence;
	int		 err;

	sentence = pl_xasprintf("Started the portfolio of %s.", name);
	msg.sentence = sentence;
	if ((err = pl_portfolio_today(&today, p)) != 0)
		goto done;
	profile_text(&profile, name, id, grade, today);
	if ((err = pl_portfolio_create_tx(&tx, p)) != 0 ||
	    (err = pl_tx_put(tx, "profile.md", profile.ptr, profile.len)) != 0)
		goto done;
	err = pl_tx_commit(tx, &msg);
done:
	pl_tx_free(tx);
	pl_buf_release(&profile);
	free(sentence);
	return err;
}

int
pl_profile_init(char **out_id, const char *dir, const char *name,
    const char *id, const char *grade, const char *author)
{
	struct pl_portfolio	*p = NULL;
	char			*nm = NULL, *lid = NULL;
	int			 err;

	if (out_id != NULL)
		*out_id = NULL;
	if ((err = init_names(&nm, &lid, name, id)) != 0 ||
	    (grade != NULL &&
	    (err = pl_text_check_line("the grade", grade)) != 0) ||
	    (err = pl_portfolio_create(&p, dir, author)) != 0 ||
	    (err = init_commit(p, nm, lid, grade)) != 0)
		goto done;
	if (out_id != NULL) {
		*out_id = lid;
		lid = NULL;
	}
done:
	pl_portfolio_create_end(p, err);
	free(nm);
	free(lid);
	return err;
}
