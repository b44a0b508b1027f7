/*
 * Evidence, and the files attached to it.  Attached files are copied into
 * evidence/<id>/ so the portfolio holds everything it shows, wherever the
 * originals go.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pl/entries/evidence.h"
#include "pl/entries/showcase.h"
#include "pl/base/slug.h"
#include "pl/base/text.h"

static const char *const kinds[] = { "artifact", "observation", "assessment",
	"project", "other", NULL };

/* The values pl repeats in messages and lists: each must be one line. */
static const char *const lines[] = { "title", "date", "kind", "goals",
	"standards", "files", NULL };

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

const struct pl_kind_ops pl_evidence_ops = {
	.check = pl_evidence_check,
	.also = pl_showcase_leave,
};

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
	struct pl_strlist	 names = PL_STRLIST_INIT;
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
	pl_entry_link(e, &msg, "standards", "Pl-Standard", &s->standards);
	pl_doc_set_list(e->doc, "files", &paths);
	body = pl_entry_body(s->description);
	pl_doc_set_body(e->doc, body);
	free(body);
	msg.action = "add";
	sentence = pl_xasprintf("Added %s evidence from %s: %s.", kind, day,
	    s->title);
	msg.sentence = sentence;
	if ((err = pl_entry_commit(pf, &pl_evidence_ops, e, &msg, &s->files,
	    &paths)) != PL_OK)
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

/* The files of evidence e: its list and its folder's committed files. */
static int
files_of(struct pl_strlist *list, struct pl_strlist *stored,
    struct pl_portfolio *pf, const struct pl_entry *e)
{
	char	*dir = pl_xasprintf("evidence/%s", e->id);
	int	 err;

	if ((err = pl_doc_get_list(e->doc, e->path, "files", list)) ==
	    PL_OK)
		err = pl_portfolio_list_files(stored, pf, dir);
	free(dir);
	return err;
}

/* "Attached a.jpg and b.pdf to "Quiz"." */
static char *
files_sentence(const char *verb, const struct pl_strlist *names,
    const char *to, const struct pl_entry *e)
{
	struct pl_buf	 b = PL_BUF_INIT;
	const char	*t = pl_doc_get(e->doc, "title");
	size_t		 i;

	pl_buf_printf(&b, "%s ", verb);
	for (i = 0; i < names->n; i++)
		pl_buf_printf(&b, "%s%s", i == 0 ? "" : i + 1 == names->n ?
		    " and " : ", ", names->v[i]);
	pl_buf_printf(&b, " %s \"%s\".", to, t != NULL ? t : e->id);
	return pl_buf_detach(&b);
}

int
pl_evidence_attach(struct pl_portfolio *pf, const char *id,
    const struct pl_strlist *files)
{
	struct pl_entry		*e = NULL;
	struct pl_msg		 msg = { 0 };
	struct pl_strlist	 list = PL_STRLIST_INIT, used = PL_STRLIST_INIT;
	struct pl_strlist	 names = PL_STRLIST_INIT, paths = PL_STRLIST_INIT;
	char			*prefix = pl_xasprintf("evidence/%s/", id);
	char			*name, *s = NULL;
	size_t			 i;
	int			 err;

	if ((err = pl_entry_load(&e, pf, PL_KIND_EVIDENCE, id)) != PL_OK ||
	    (err = pl_entry_check_lines(e, lines)) != PL_OK ||
	    (err = files_of(&list, &used, pf, e)) != PL_OK)
		goto done;
	for (i = 0; i < files->n; i++)
		if ((err = check_file(files->v[i])) != PL_OK)
			goto done;
	/* Names taken: what the folder holds, and what the list names */
	for (i = 0; i < used.n; i++)
		memmove(used.v[i], used.v[i] + strlen(prefix),
		    strlen(used.v[i] + strlen(prefix)) + 1);
	for (i = 0; i < list.n; i++)
		if (strncmp(list.v[i], prefix, strlen(prefix)) == 0)
			pl_strlist_push(&used, list.v[i] + strlen(prefix));
	for (i = 0; i < files->n; i++) {
		name = attach_name(files->v[i], &used);
		pl_strlist_push(&used, name);
		pl_strlist_push_owned(&paths, pl_xasprintf("%s%s", prefix,
		    name));
		pl_strlist_push(&list, paths.v[i]);
		pl_strlist_push_owned(&msg.trailers, pl_xasprintf("Pl-File: "
		    "%s", paths.v[i]));
		pl_strlist_push_owned(&names, name);
	}
	pl_doc_set_list(e->doc, "files", &list);
	msg.action = "attach";
	msg.sentence = s = files_sentence("Attached", &names, "to", e);
	err = pl_entry_commit(pf, &pl_evidence_ops, e, &msg, files, &paths);
done:
	pl_strlist_release(&msg.trailers);
	pl_strlist_release(&list);
	pl_strlist_release(&used);
	pl_strlist_release(&names);
	pl_strlist_release(&paths);
	pl_entry_free(e);
	free(prefix);
	free(s);
	return err;
}

int
pl_evidence_detach(struct pl_portfolio *pf, const char *id, const char *name)
{
	struct pl_entry		*e = NULL;
	struct pl_entries	 one = { &e, 1 };
	struct pl_msg		 msg = { 0 };
	struct pl_strlist	 list = PL_STRLIST_INIT, stored = PL_STRLIST_INIT;
	struct pl_strlist	 remove = PL_STRLIST_INIT, names = PL_STRLIST_INIT;
	char			*prefix = pl_xasprintf("evidence/%s/", id);
	char			*path, *s = NULL;
	int			 err, listed;

	path = strncmp(name, prefix, strlen(prefix)) == 0 ? pl_xstrdup(name) :
	    pl_xasprintf("%s%s", prefix, name);
	if ((err = pl_entry_load(&e, pf, PL_KIND_EVIDENCE, id)) != PL_OK ||
	    (err = pl_entry_check_lines(e, lines)) != PL_OK ||
	    (err = files_of(&list, &stored, pf, e)) != PL_OK)
		goto done;
	if ((listed = pl_strlist_find(&list, path)) >= 0) {
		free(list.v[listed]);
		memmove(list.v + listed, list.v + listed + 1,
		    (list.n - (size_t)listed - 1) * sizeof *list.v);
		list.n--;
		pl_doc_set_list(e->doc, "files", &list);
	}
	if (pl_strlist_find(&stored, path) >= 0)
		pl_strlist_push(&remove, path);
	else if (listed < 0) {
		err = pl_error_set(PL_ENOTFOUND, "evidence '%s' has no file "
		    "'%s'", id, name);
		goto done;
	}
	pl_strlist_push(&names, path + strlen(prefix));
	pl_strlist_push_owned(&msg.trailers, pl_xasprintf("Pl-File: %s",
	    path));
	msg.kind = pl_kind_name(PL_KIND_EVIDENCE);
	msg.action = "detach";
	msg.id = e->id;
	msg.sentence = s = files_sentence("Detached", &names, "from", e);
	err = pl_entry_commit_all(pf, &msg, &one, &remove, NULL, NULL, NULL,
	    NULL);
done:
	pl_strlist_release(&msg.trailers);
	pl_strlist_release(&list);
	pl_strlist_release(&stored);
	pl_strlist_release(&remove);
	pl_strlist_release(&names);
	pl_entry_free(e);
	free(prefix);
	free(path);
	free(s);
	return err;
}
