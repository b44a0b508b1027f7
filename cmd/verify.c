/*
 * pl verify: which ratings a teacher really made.  Every rating commit is
 * checked against the keys the verifier trusts (its own file, or the
 * chain of .pl/allowed_signers, each change signed by a key the list
 * trusted before), and every other signed commit too, so that a learner's
 * forged rating, a change to the list the learner made, or a commit
 * changed after it was signed shows, and a script can tell from the exit
 * status.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "pl/progress/history.h"
#include "pl/progress/verify.h"

struct tally {
	size_t	ratings, verified, unknown, unsigned_, bad;
	size_t	others, others_bad;
	size_t	untrusted;		/* changes to the list */
};

static const char *
state_word(enum pl_sig_state s)
{
	static const char *const words[] = { "unsigned", "verified",
		"unknown_key", "bad" };

	return words[s];
}

/* The rater's name ("Ms Rivera" of "Ms Rivera <rivera@...>"). */
static char *
rater_name(const struct pl_change *c)
{
	const char	*r = c->rater != NULL ? c->rater : c->author;
	const char	*lt = strstr(r, " <");

	return lt != NULL ? pl_xstrndup(r, (size_t)(lt - r)) :
	    pl_xstrdup(r);
}

static void
sig_json(json_t *j, const struct pl_sig *s)
{
	json_object_set_new(j, "signature", json_string(state_word(s->state)));
	json_object_set_new(j, "format", pl_json_str(s->format));
	json_object_set_new(j, "signer", pl_json_str(s->signer));
	json_object_set_new(j, "key", pl_json_str(s->key));
	json_object_set_new(j, "untrusted_since", pl_json_str(s->untrusted));
	json_object_set_new(j, "listed_for", pl_json_str(s->listed_for));
}

/* Where the keys come from, in one line; nothing without any. */
static void
trust_text(const struct pl_trust_info *i)
{
	if (i->source == PL_KEYS_FILE)
		pl_out_printf("trusting the keys in %s\n", i->file);
	else if (i->source == PL_KEYS_LIST && i->first == NULL)
		pl_out_printf("trusting no %s: several first lists, none "
		    "pinned\n", PL_ALLOWED_SIGNERS);
	else if (i->source == PL_KEYS_LIST)
		pl_out_printf("trusting %s%s, from %s by %s (%s)\n",
		    i->pinned ? "" : "the first ", PL_ALLOWED_SIGNERS,
		    i->first, i->first_by, i->pinned ? "pinned" :
		    i->shallow ? "not pinned, and this shallow clone may "
		    "lack the portfolio's first list: git fetch --unshallow" :
		    "not pinned");
}

static json_t *
trust_json(const struct pl_trust_info *i)
{
	static const char *const words[] = { "none", "file", "list" };

	return json_pack("{s:s,s:o,s:o,s:o,s:b,s:b}", "source",
	    words[i->source], "file", pl_json_str(i->file), "first",
	    pl_json_str(i->first), "first_by", pl_json_str(i->first_by),
	    "pinned", i->pinned, "shallow", i->shallow);
}

/* The changes to the list no trusted key signed, newest first. */
static json_t *
untrusted_out(const struct pl_verifier *v, int json)
{
	const struct pl_untrusted	*u;
	char				 date[PL_DATE_LEN];
	json_t				*list = json ? json_array() : NULL;
	size_t				 i;

	for (i = 0; i < pl_verifier_untrusted(v); i++) {
		u = pl_verifier_untrusted_at(v, i);
		pl_date_format(date, u->date);
		if (!json)
			pl_out_printf("%s  %s  untrusted change to %s  %s  "
			    "%s\n", date, u->author, PL_ALLOWED_SIGNERS,
			    u->short_id, u->why);
		else
			json_array_append_new(list, json_pack("{s:s,s:s,s:s,"
			    "s:s}", "commit", u->commit, "date", date,
			    "author", u->author, "why", u->why));
	}
	return list;
}

static void
rating_out(json_t *list, const struct pl_change *c, const struct pl_sig *s)
{
	char	 date[PL_DATE_LEN], *name = rater_name(c), *what;
	json_t	*j;

	pl_date_format(date, c->date);
	if (list == NULL) {
		what = pl_sig_describe(s);
		pl_out_printf("%s  %s  %s  %s  %s  %s\n", date, name,
		    c->standards.n > 0 ? c->standards.v[0] : "-",
		    c->level != NULL ? c->level : "-", c->id, what);
		free(what);
	} else {
		j = json_object();
		json_object_set_new(j, "commit", json_string(c->commit));
		json_object_set_new(j, "date", json_string(date));
		json_object_set_new(j, "rater", pl_json_str(c->rater != NULL ?
		    c->rater : c->author));
		json_object_set_new(j, "standard", pl_json_str(
		    c->standards.n > 0 ? c->standards.v[0] : NULL));
		json_object_set_new(j, "level", pl_json_str(c->level));
		json_object_set_new(j, "evidence", pl_json_str(c->id));
		sig_json(j, s);
		json_array_append_new(list, j);
	}
	free(name);
}

/* Another signed commit: in text, only when its signature is bad. */
static void
other_out(json_t *list, const struct pl_change *c, const struct pl_sig *s)
{
	char	 date[PL_DATE_LEN], *what;
	json_t	*j;

	pl_date_format(date, c->date);
	if (list == NULL) {
		if (s->state != PL_SIG_BAD)
			return;
		what = pl_sig_describe(s);
		pl_out_printf("%s  %s  %s %s %s  %s\n", date, c->author,
		    c->kind, c->action, *c->id != '\0' ? c->id : "-", what);
		free(what);
		return;
	}
	j = json_object();
	json_object_set_new(j, "commit", json_string(c->commit));
	json_object_set_new(j, "date", json_string(date));
	json_object_set_new(j, "author", pl_json_str(c->author));
	json_object_set_new(j, "kind", pl_json_str(c->kind));
	json_object_set_new(j, "action", pl_json_str(c->action));
	json_object_set_new(j, "id", pl_json_str(c->id));
	sig_json(j, s);
	json_array_append_new(list, j);
}

static void
count(struct tally *t, int rating, enum pl_sig_state s)
{
	if (!rating) {
		t->others++;
		t->others_bad += s == PL_SIG_BAD;
		return;
	}
	t->ratings++;
	t->verified += s == PL_SIG_GOOD;
	t->unknown += s == PL_SIG_UNKNOWN;
	t->unsigned_ += s == PL_SIG_NONE;
	t->bad += s == PL_SIG_BAD;
}

static void
summary_out(const struct tally *t, const struct pl_verifier *v,
    json_t *ratings, json_t *others)
{
	size_t	 n = t->untrusted;
	json_t	*j;

	if (ratings == NULL) {
		pl_out_printf("%zu rating%s: %zu verified, %zu signed with an "
		    "unknown key, %zu unsigned, %zu bad\n", t->ratings,
		    t->ratings == 1 ? "" : "s", t->verified, t->unknown,
		    t->unsigned_, t->bad);
		if (t->others > 0)
			pl_out_printf("%zu other signed commit%s: %zu bad\n",
			    t->others, t->others == 1 ? "" : "s",
			    t->others_bad);
		if (n > 0)
			pl_out_printf("%zu untrusted change%s to %s\n", n,
			    n == 1 ? "" : "s", PL_ALLOWED_SIGNERS);
		return;
	}
	j = json_object();
	json_object_set_new(j, "trust", trust_json(pl_verifier_info(v)));
	json_object_set_new(j, "untrusted", untrusted_out(v, 1));
	json_object_set_new(j, "ratings", ratings);
	json_object_set_new(j, "others", others);
	json_object_set_new(j, "summary", json_pack("{s:I,s:I,s:I,s:I,s:I,"
	    "s:I,s:I,s:I}", "ratings", (json_int_t)t->ratings, "verified",
	    (json_int_t)t->verified, "unknown_key", (json_int_t)t->unknown,
	    "unsigned", (json_int_t)t->unsigned_, "bad", (json_int_t)t->bad,
	    "others", (json_int_t)t->others, "others_bad",
	    (json_int_t)t->others_bad, "untrusted", (json_int_t)n));
	pl_json_print(j);
}

/* Exit 14 for a bad signature or an untrusted change to the list. */
static int
verdict(const struct tally *t)
{
	size_t	 bad = t->bad + t->others_bad, n = t->untrusted;
	char	*why = NULL, *more = NULL;
	int	 err;

	if (bad == 0 && n == 0)
		return PL_OK;
	if (bad > 0)
		why = pl_xasprintf("%zu commit%s a bad signature", bad,
		    bad == 1 ? " has" : "s have");
	if (n > 0)
		more = pl_xasprintf("%s%s%zu untrusted change%s to %s",
		    why != NULL ? why : "", why != NULL ? "; " : "", n,
		    n == 1 ? "" : "s", PL_ALLOWED_SIGNERS);
	err = pl_error_set(PL_EBADSIG, "%s", more != NULL ? more : why);
	free(why);
	free(more);
	return err;
}

static int
verify_run(struct pl_ctx *ctx, struct pl_args *a)
{
	struct pl_verifier	*v = NULL;
	struct pl_history	*h = NULL;
	const struct pl_change	*c;
	const struct pl_sig	*s;
	struct tally		 t = { 0, 0, 0, 0, 0, 0, 0, 0 };
	json_t			*ratings = NULL, *others = NULL;
	struct pl_verify_opts	 o = { a->argc > 0 ? a->argv[0] : NULL,
				    pl_arg(a, "allowed-signers"),
				    pl_arg(a, "trust-from") };
	char			 last[41] = "";
	int			 err, rating;

	if (ctx->json) {
		ratings = json_array();
		others = json_array();
	}
	if ((err = pl_history_new(&h, ctx->pf, o.rev)) != PL_OK ||
	    (err = pl_verifier_new(&v, ctx->pf, &o)) != PL_OK)
		goto done;
	if (!ctx->json) {
		trust_text(pl_verifier_info(v));
		untrusted_out(v, 0);
	}
	while ((err = pl_history_next(&c, h)) == PL_OK && c != NULL) {
		/* a hand commit is a change per file: checked once */
		if (strcmp(c->commit, last) == 0)
			continue;
		memcpy(last, c->commit, sizeof last);
		rating = pl_change_is_rating(c);
		if ((err = pl_verify_commit(&s, v, c->commit)) != PL_OK)
			goto done;
		if (!rating && s->state == PL_SIG_NONE)
			continue;
		count(&t, rating, s->state);
		if (rating)
			rating_out(ratings, c, s);
		else
			other_out(others, c, s);
	}
	if (err != PL_OK)
		goto done;
	t.untrusted = pl_verifier_untrusted(v);
	summary_out(&t, v, ratings, others);
	ratings = others = NULL;
done:
	json_decref(ratings);
	json_decref(others);
	pl_history_free(h);
	/* Last: writing the cache may clear the error set before. */
	pl_verifier_free(v);
	return err == PL_OK ? verdict(&t) : err;
}

static const struct pl_opt verify_opts[] = {
	PL_OPT_ALLOWED_SIGNERS,
	PL_OPT_TRUST_FROM,
	PL_OPT_FORMAT,
	{ NULL, 0, NULL, NULL, NULL }
};

const struct pl_cmd pl_cmd_verify = {
	.name = "verify",
	.summary = "check the signatures of ratings and signed commits",
	.usage = "verify [--allowed-signers FILE] [--trust-from COMMIT] "
	    "[--format FMT] [REV]",
	.description = "Walks the history from REV (default HEAD) and checks "
	    "the signature of every\nrating commit and every other signed "
	    "commit against the trusted keys:\nFILE's, or gpg.ssh."
	    "allowedSignersFile's; else .pl/allowed_signers, the\nfirst list "
	    "(or the one at COMMIT) and each change to it signed by a key\n"
	    "it trusted before.  A commit is judged by the list at its parent "
	    "(ssh-keygen\n-Y verify as the committer's email; gpg's keyring "
	    "for openpgp signatures).\nFirst a line says where the keys come "
	    "from, one line per untrusted change\nto the list follows; then "
	    "one line per rating: date, rater, standard,\nlevel, evidence and "
	    "\"verified (SIGNER)\", \"signed, unknown key\"\n(or \"signed "
	    "by a key listed for PRINCIPAL, committed as EMAIL\"), \"bad\n"
	    "signature\" or \"not signed\"; other commits only when their "
	    "signature is\nbad; then a summary.  Exit status 14 when any "
	    "signature is bad or any\nchange to the list is untrusted.",
	.opts = verify_opts,
	.arg_words = "@rev",
	.min_args = 0, .max_args = 1,
	.flags = PL_CMD_PORTFOLIO,
	.run = verify_run,
};
