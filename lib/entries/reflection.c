/*
 * Reflections.  They have no title, so their id is made from their date
 * and first words; the editor opens on prompts so a learner facing an
 * empty page has somewhere to start.
 */
#include <stdlib.h>
#include <string.h>

#include "pl/base/md.h"
#include "pl/entries/reflection.h"
#include "pl/entries/showcase.h"

const char pl_reflection_template[] =
    "## What I learned\n\n\n"
    "## What was hard\n\n\n"
    "## What I will try next\n\n";

int
pl_reflection_is_empty(const char *text)
{
	const char	*p = text;

	/* Blank once the prompt headings are taken out */
	while (*p != '\0') {
		const char	*eol = strchr(p, '\n');
		size_t		 n = eol != NULL ? (size_t)(eol - p) : strlen(p);
		const char	*t = strstr(pl_reflection_template, "## ");

		if (n > 0 && strspn(p, " \t\r") < n) {
			for (; t != NULL; t = strstr(t + 3, "## ")) {
				size_t tn = strcspn(t, "\n");

				if (tn == n && strncmp(t, p, n) == 0)
					break;
			}
			if (t == NULL)
				return 0;
		}
		p += n + (eol != NULL);
	}
	return 1;
}

char *
pl_reflection_summary(const char *body)
{
	return pl_md_first_words(body);
}

char *
pl_reflection_summary_of(const struct pl_entry *e)
{
	const struct pl_doc_memo	*m = &e->doc->memo;

	if (!m->words)
		return pl_reflection_summary(e->doc->body);
	return m->first_words != NULL ? pl_xstrdup(m->first_words) : NULL;
}

int
pl_reflection_check(const struct pl_entry *e)
{
	static const char *const lists[] = { "goals", "evidence" };
	static const char *const lines[] = { "date", "goals", "evidence",
		NULL };
	struct pl_strlist	 l = PL_STRLIST_INIT;
	size_t			 i;
	int			 err;

	if ((err = pl_entry_check_lines(e, lines)) != PL_OK ||
	    (err = pl_entry_check_date(e, "date", 1)) != PL_OK)
		return err;
	for (i = 0; i < 2 && err == PL_OK; i++) {
		err = pl_doc_get_list(e->doc, e->path, lists[i], &l);
		pl_strlist_release(&l);
	}
	return err;
}

const struct pl_kind_ops pl_reflection_ops = {
	.check = pl_reflection_check,
	.also = pl_showcase_leave,
};

/* The spec checked, all but its text, and its date. */
static int
prepare(struct pl_date *date, struct pl_portfolio *pf,
    const struct pl_reflection_spec *s)
{
	int	err;

	if ((err = pl_entry_date(date, pf, s->date)) != PL_OK ||
	    (err = pl_entry_check_ids(pf, PL_KIND_GOAL, &s->goals)) !=
	    PL_OK)
		return err;
	return pl_entry_check_ids(pf, PL_KIND_EVIDENCE, &s->evidence);
}

int
pl_reflection_check_spec(struct pl_portfolio *pf,
    const struct pl_reflection_spec *s)
{
	struct pl_date	date;

	return prepare(&date, pf, s);
}

int
pl_reflection_add(char **out_id, struct pl_portfolio *pf,
    const struct pl_reflection_spec *s)
{
	struct pl_entry	*e = NULL;
	struct pl_msg	 msg = { 0 };
	struct pl_date	 date;
	char		 day[PL_DATE_LEN];
	char		*id = NULL, *body = NULL, *first = NULL;
	char		*sentence = NULL;
	int		 err;

	*out_id = NULL;
	if (s->text == NULL || pl_reflection_is_empty(s->text))
		return pl_error_set(PL_EINVAL, "empty reflection; nothing "
		    "committed");
	if ((err = prepare(&date, pf, s)) != PL_OK)
		return err;
	first = pl_reflection_summary(s->text);
	if (first != NULL && *first == '\0') {
		/* A paragraph of an image alone: no words for the sentence */
		free(first);
		first = NULL;
	}
	if ((err = pl_entry_new_id(&id, pf, PL_KIND_REFLECTION, first,
	    &date)) != PL_OK)
		goto done;
	pl_date_format(day, date);
	e = pl_entry_new(PL_KIND_REFLECTION, id);
	pl_doc_set(e->doc, "date", day, PL_SCALAR_PLAIN);
	pl_entry_link(e, &msg, "goals", "Pl-Goal", &s->goals);
	pl_entry_link(e, &msg, "evidence", "Pl-Evidence", &s->evidence);
	body = pl_entry_body(s->text);
	pl_doc_set_body(e->doc, body);
	msg.action = "add";
	/* "...: I learned a lot." takes no second full stop */
	sentence = pl_xasprintf("Reflected on %s%s%s%s", day,
	    first != NULL ? ": " : "", first != NULL ? first : "",
	    first != NULL &&
	    strchr(".!?", first[strlen(first) - 1]) != NULL ? "" : ".");
	msg.sentence = sentence;
	if ((err = pl_entry_commit(pf, &pl_reflection_ops, e, &msg, NULL,
	    NULL)) != PL_OK)
		goto done;
	*out_id = id;
	id = NULL;
done:
	pl_strlist_release(&msg.trailers);
	pl_entry_free(e);
	free(sentence);
	free(first);
	free(body);
	free(id);
	return err;
}
