/*
 * Evidence, and the files attached to it.  Attached files are copied into
 * evidence/<id>/ so the portfolio holds everything it shows, wherever the
 * originals go.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pl/evidence.h"
#include "pl/slug.h"
#include "pl/text.h"

static const char *const kinds[] = { "artifact", "observation", "assessment",
	"project", "other", NULL };

int
pl_evidence_kind_valid(const char *s)
{
	size_t	i;

	for (i = 0; s != NULL && kinds[i] != NULL; i++)
		if (strcmp(s, kinds[i]) == 0)
			return 1;
	return 0;
}

void
pl_evidence_get(struct pl_evidence *ev, const struct pl_entry *e)
{
	ev->title = pl_doc_get(e->doc, "title");
	ev->date = pl_doc_get(e->doc, "date");
	ev->kind = pl_doc_get(e->doc, "kind");
}

int
pl_evidence_check(const struct pl_entry *e)
{
	static const char *const lists[] = { "goals", "standards", "files" };
	static const char *const lines[] = { "title", "date", "kind",
		"goals", "standards", "files", NULL };
	struct pl_strlist	 l = PL_STRLIST_INIT;
	struct pl_evidence	 ev;
	size_t			 i;
	int			 err;

	pl_evidence_get(&ev, e);
	if (ev.title == NULL || *ev.title == '\0')
		return pl_error_set(PL_EINVAL, "%s: 'title' is missing",
		    e->path);
	if ((err = pl_entry_check_lines(e, lines)) != PL_OK)
		return err;
	if (!pl_evidence_kind_valid(ev.kind))
		return pl_error_set(PL_EINVAL, "%s: 'kind' must be artifact, "
		    "observation, assessment, project or other", e->path);
	if ((err = pl_entry_check_date(e, "date", 1)) != PL_OK)
		return err;
	for (i = 0; i < 3 && err == PL_OK; i++) {
		err = pl_doc_get_list(e->doc, e->path, lists[i], &l);
		pl_strlist_release(&l);
	}
	return err;
}

/*
 * The name an attached file gets in evidence/<id>/: its own base name,
 * with characters that would make an unsafe or awkward path replaced,
 * and "-2" before the extension when two files share a name.
 */
static char *
attach_name(const char *src, const struct pl_strlist *used)
{
	const char	*base = strrchr(src, '/');
	char		*name, *dot, *try;
	size_t		 i;
	int		 n;

	base = base != NULL ? base + 1 : src;
	name = pl_xstrdup(*base != '\0' ? base : "file");
	for (i = 0; name[i] != '\0'; i++)
		if ((unsigned char)name[i] < 0x20 || name[i] == '\\' ||
		    name[i] == ':')
			name[i] = '-';
	if (name[0] == '.')
		name[0] = '_';
	try = pl_xstrdup(name);
	for (n = 2; pl_strlist_find(used, try) >= 0; n++) {
		free(try);
		dot = strrchr(name, '.');
		if (dot != NULL && dot != name)
			try = pl_xasprintf("%.*s-%d%s", (int)(dot - name), name,
			    n, dot);
		else
			try = pl_xasprintf("%s-%d", name, n);
	}
	free(name);
	return try;
}

static int
check_file(const char *src)
{
	struct stat	st;

	if (stat(src, &st) == -1)
		return pl_error_set(PL_ENOTFOUND, "'%s' does not exist", src);
	if (S_ISDIR(st.st_mode))
		return pl_error_set(PL_EINVAL, "'%s' is a directory; attach "
		    "files one by one", src);
	if (!S_ISREG(st.st_mode))
		return pl_error_set(PL_EINVAL, "'%s' is not a regular file",
		    src);
	return PL_OK;
}

static int
check_spec(struct pl_portfolio *pf, const struct pl_evidence_spec *s,
    const char *kind)
{
	size_t	i;
	int	err;

	if (s->title == NULL || s->title[strspn(s->title, " \t\n")] == '\0')
		return pl_error_set(PL_EINVAL, "empty evidence title");
	if ((err = pl_text_check_line("a title", s->title)) != PL_OK)
		return err;
	if (!pl_evidence_kind_valid(kind))
		return pl_error_set(PL_EINVAL, "invalid kind '%s' (use "
		    "artifact, observation, assessment, project or other)",
		    kind);
	for (i = 0; i < s->files.n; i++)
		if ((err = check_file(s->files.v[i])) != PL_OK)
			return err;
	if ((err = pl_entry_check_ids(pf, PL_KIND_GOAL, &s->goals)) != PL_OK)
		return err;
	if (s->id != NULL)
		return pl_entry_check_new_id(pf, PL_KIND_EVIDENCE, s->id);
	return PL_OK;
}

/* The spec checked, and its date (today when none is given). */
static int
prepare(struct pl_date *date, struct pl_portfolio *pf,
    const struct pl_evidence_spec *s)
{
	int	err;

	if ((err = pl_entry_date(date, pf, s->date)) != PL_OK)
		return err;
	return check_spec(pf, s, s->kind != NULL ? s->kind : "artifact");
}

int
pl_evidence_check_spec(struct pl_portfolio *pf,
    const struct pl_evidence_spec *s)
{
	struct pl_date	date;

	return prepare(&date, pf, s);
}

int
pl_evidence_add(char **out_id, struct pl_portfolio *pf,
    const struct pl_evidence_spec *s)
{
	struct pl_entry		*e = NULL;
	struct pl_msg		 msg = { 0 };
	struct pl_strlist	 none = PL_STRLIST_INIT, names = PL_STRLIST_INIT;
	struct pl_strlist	 paths = PL_STRLIST_INIT;
	struct pl_date		 date;
	const char		*kind = s->kind != NULL ? s->kind : "artifact";
	char			 day[PL_DATE_LEN];
	char			*id = NULL, *sentence = NULL, *name, *body;
	size_t			 i;
	int			 err;

	*out_id = NULL;
	if ((err = prepare(&date, pf, s)) != PL_OK)
		goto done;
	if (s->id != NULL)
		id = pl_xstrdup(s->id);
	else if ((err = pl_entry_new_id(&id, pf, PL_KIND_EVIDENCE, s->title,
	    &date)) != PL_OK)
		goto done;
	for (i = 0; i < s->files.n; i++) {
		name = attach_name(s->files.v[i], &names);
		pl_strlist_push_owned(&paths, pl_xasprintf("evidence/%s/%s",
		    id, name));
		pl_strlist_push_owned(&names, name);
	}
	pl_date_format(day, date);
	e = pl_entry_new(PL_KIND_EVIDENCE, id);
	pl_doc_set(e->doc, "title", s->title, PL_SCALAR_STR);
	pl_doc_set(e->doc, "date", day, PL_SCALAR_PLAIN);
	pl_doc_set(e->doc, "kind", kind, PL_SCALAR_PLAIN);
	pl_entry_link(e, &msg, "goals", "Pl-Goal", &s->goals);
	pl_doc_set_list(e->doc, "standards", &none);
	pl_doc_set_list(e->doc, "files", &paths);
	body = pl_entry_body(s->description);
	pl_doc_set_body(e->doc, body);
	free(body);
	msg.action = "add";
	sentence = pl_xasprintf("Added %s evidence from %s: %s.", kind, day,
	    s->title);
	msg.sentence = sentence;
	if ((err = pl_entry_commit(pf, e, &msg, &s->files, &paths)) != PL_OK)
		goto done;
	*out_id = id;
	id = NULL;
done:
	pl_strlist_release(&msg.trailers);
	pl_strlist_release(&names);
	pl_strlist_release(&paths);
	pl_entry_free(e);
	free(sentence);
	free(id);
	return err;
}
