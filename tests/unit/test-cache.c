/*
 * The caches in the git folder (lib/store/cache.h, lib/store/logcache.h): a file
 * that is broken in any way is ignored whole and replaced at the next
 * write, one that is right is read back, and what cannot be written is
 * left out rather than written wrong.
 */
#include <sys/stat.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>
#include <zlib.h>

#include "store/cache.h"
#include "store/commitcache.h"
#include "store/logcache.h"
#include "store/portfolio.h"
#include "tap.h"
#include "testrepo.h"

#define HEX_A	"1111111111111111111111111111111111111111"
#define HEX_B	"2222222222222222222222222222222222222222"
#define HEX_Z	"zz11111111111111111111111111111111111111"
#define HEX_T	"3333333333333333333333333333333333333333"
#define LOG	"pl log cache 1\n"
#define TEXT	"pl text cache 1\n"

static git_repository	*repo;
static char		*logpath, *textpath, *sumpath, *commitpath;

/* The file's bytes as a string (NUL bytes shown as "\0"), or "(none)". */
static char *
file_text(const char *path)
{
	struct pl_buf	 b = PL_BUF_INIT, s = PL_BUF_INIT;
	size_t		 i;

	if (pl_read_bytes(&b, path) != 0) {
		pl_buf_release(&b);
		pl_error_clear();
		return pl_xstrdup("(none)");
	}
	for (i = 0; i < b.len; i++)
		if (b.ptr[i] == '\0')
			pl_buf_puts(&s, "\\0");
		else
			pl_buf_putc(&s, b.ptr[i]);
	pl_buf_release(&b);
	pl_buf_put(&s, "", 0);
	return pl_buf_detach(&s);
}

static git_oid
oid(const char *hex)
{
	git_oid	id;

	git_oid_fromstr(&id, hex);
	return id;
}

/*
 * The log cache holding len bytes of text: what it gives for HEX_A
 * ("" when it has nothing), then what it holds after HEX_B is put.
 */
static char *
log_read(const char *text, size_t len, char **after)
{
	struct pl_logcache	*c;
	struct pl_strlist	 got = PL_STRLIST_INIT, files = PL_STRLIST_INIT;
	struct pl_buf		 b = PL_BUF_INIT;
	git_oid			 a = oid(HEX_A), bid = oid(HEX_B);

	write_bytes(logpath, text, len);
	c = pl_logcache_open(repo);
	if (pl_logcache_get(c, &a, &got))
		pl_strlist_join(&b, &got, ",");
	pl_strlist_push(&files, "Mgoals/b.md");
	pl_logcache_put(c, &bid, &files);
	pl_logcache_close(c);
	*after = file_text(logpath);
	pl_strlist_release(&got);
	pl_strlist_release(&files);
	pl_buf_put(&b, "", 0);
	return pl_buf_detach(&b);
}

struct broken {
	const char	*what;
	const char	*text;
	size_t		 len;
};

#define B(what, s)	{ what, s, sizeof s - 1 }

static const struct broken logs[] = {
	B("an empty file", ""),
	B("another version", "pl log cache 2\n" HEX_A " 1\nAgoals/a.md\n"),
	B("a record cut before its line break", LOG HEX_A " 1"),
	B("a record's line too short", LOG "1111 1\nAgoals/a.md\n"),
	B("no space after the id", LOG HEX_A "x1\nAgoals/a.md\n"),
	B("an id that is not hex", LOG HEX_Z " 1\nAgoals/a.md\n"),
	B("a NUL for the count", LOG HEX_A " \0\nAgoals/a.md\n"),
	B("a count with more after it", LOG HEX_A " 1x\nAgoals/a.md\n"),
	B("a count of a million", LOG HEX_A " 1000000\nAgoals/a.md\n"),
	B("fewer changes than counted", LOG HEX_A " 2\nAgoals/a.md\n"),
	B("a change cut before its line break", LOG HEX_A " 1\nAgoals/a.md"),
	B("a change with no path", LOG HEX_A " 1\nA\n"),
	B("a change that starts with NUL", LOG HEX_A " 1\n\0goals/a.md\n"),
	B("a change not A, M or D", LOG HEX_A " 1\nXgoals/a.md\n"),
	B("a commit twice", LOG HEX_A " 1\nAgoals/a.md\n" HEX_A " 1\n"
	    "Agoals/c.md\n"),
	B("a change twice", LOG HEX_A " 3\nAgoals/a.md\nMgoals/c.md\n"
	    "Agoals/a.md\n"),
};

static void
test_log_broken(void)
{
	char	*got, *after;
	size_t	 i;

	got = log_read(LOG HEX_A " 2\nAgoals/a.md\nDgoals/c.md\n",
	    strlen(LOG HEX_A " 2\nAgoals/a.md\nDgoals/c.md\n"), &after);
	is_str(got, "Agoals/a.md,Dgoals/c.md", "a log cache read back");
	is_str(after, LOG HEX_A " 2\nAgoals/a.md\nDgoals/c.md\n" HEX_B
	    " 1\nMgoals/b.md\n", "and a record added after it");
	free(got);
	free(after);
	for (i = 0; i < sizeof logs / sizeof logs[0]; i++) {
		got = log_read(logs[i].text, logs[i].len, &after);
		is_str(got, "", "%s: the log cache ignored", logs[i].what);
		is_str(after, LOG HEX_B " 1\nMgoals/b.md\n",
		    "%s: and replaced", logs[i].what);
		free(got);
		free(after);
	}
}

static void
test_log_many(void)
{
	struct pl_logcache	*c;
	struct pl_strlist	 got = PL_STRLIST_INIT;
	struct pl_buf		 b = PL_BUF_INIT;
	git_oid			 last;
	int			 i, found;

	/* more records than the first allocation holds, unsorted */
	pl_buf_puts(&b, LOG);
	for (i = 100; i > 0; i--)
		pl_buf_printf(&b, "%040x 1\nAgoals/g%d.md\n", i, i);
	write_bytes(logpath, b.ptr, b.len);
	pl_buf_release(&b);
	git_oid_fromstr(&last, "0000000000000000000000000000000000000001");
	c = pl_logcache_open(repo);
	found = pl_logcache_get(c, &last, &got);
	pl_logcache_close(c);
	ok(found && got.n == 1 && strcmp(got.v[0], "Agoals/g1.md") == 0,
	    "the last of 100 records found");
	pl_strlist_release(&got);
}

static void
test_log_unwritable(void)
{
	struct pl_logcache	*c;
	struct pl_strlist	 files = PL_STRLIST_INIT;
	git_oid			 a = oid(HEX_A);
	char			*s;

	unlink(logpath);
	c = pl_logcache_open(repo);
	pl_strlist_push(&files, "Agoals/a\nb.md");
	pl_logcache_put(c, &a, &files);
	pl_logcache_close(c);
	s = file_text(logpath);
	is_str(s, "(none)", "a path with a line break is not cached");
	free(s);
	pl_strlist_release(&files);
	pl_logcache_close(NULL);
}

static void
put32(struct pl_buf *b, uint32_t v)
{
	unsigned char	p[4] = { v & 0xff, v >> 8 & 0xff, v >> 16 & 0xff,
			    v >> 24 & 0xff };

	pl_buf_put(b, (const char *)p, sizeof p);
}

/* A text cache of body (len bytes) after the header, its checksum right. */
static void
text_file(const char *body, size_t len)
{
	struct pl_buf	b = PL_BUF_INIT;

	pl_buf_puts(&b, TEXT);
	pl_buf_put(&b, body, len);
	put32(&b, (uint32_t)crc32(crc32(0L, Z_NULL, 0),
	    (const Bytef *)b.ptr, (uInt)b.len));
	write_bytes(textpath, b.ptr, b.len);
	pl_buf_release(&b);
}

/* The text of id in the cache as it is now, or "(none)". */
static char *
text_of(const char *hex)
{
	struct pl_textcache	*c = pl_textcache_open(repo, "goals");
	git_oid			 id = oid(hex);
	const char		*t;
	size_t			 len;
	char			*s;

	t = pl_textcache_get(c, &id, &len);
	s = t != NULL ? pl_xstrndup(t, len) : pl_xstrdup("(none)");
	pl_textcache_readonly(c);
	pl_textcache_close(c);
	return s;
}

/* One record: the raw id (byte c twenty times), a length, text. */
static void
record(struct pl_buf *b, int c, uint32_t len, const char *text)
{
	char	id[20];

	memset(id, c, sizeof id);
	pl_buf_put(b, id, sizeof id);
	put32(b, len);
	pl_buf_puts(b, text);
}

/* The text cache holding b's records is ignored whole: b emptied. */
static void
text_ignored(struct pl_buf *b, const char *what)
{
	char	*s;

	text_file(b->ptr, b->len);
	s = text_of(HEX_A);
	is_str(s, "(none)", "%s: the text cache ignored", what);
	free(s);
	pl_buf_clear(b);
}

static void
test_text_broken(void)
{
	struct pl_buf	b = PL_BUF_INIT;
	char		*s;

	record(&b, 0x11, 3, "one");
	text_file(b.ptr, b.len);
	s = text_of(HEX_A);
	is_str(s, "one", "a text cache read back");
	free(s);
	pl_buf_put(&b, "\x22\x22\x22", 3);
	text_ignored(&b, "a record cut short");
	record(&b, 0x11, 3, "one");
	record(&b, 0x22, PL_READ_MAX + 1, "two");
	text_ignored(&b, "a length over 16 MiB");
	record(&b, 0x11, 3, "one");
	record(&b, 0x22, 4, "two");
	text_ignored(&b, "a length past the end");
	record(&b, 0x22, 3, "two");
	record(&b, 0x11, 3, "one");
	text_ignored(&b, "records out of order");
	pl_buf_release(&b);
}

static void
test_text_put(void)
{
	struct pl_textcache	*c;
	git_oid			 a = oid(HEX_A), bid = oid(HEX_B);
	char			*s, *before;

	unlink(textpath);
	c = pl_textcache_open(repo, "goals");
	pl_textcache_put(c, &a, NULL, 0);
	/* never read: its length alone keeps it out */
	pl_textcache_put(c, &bid, NULL, (size_t)PL_READ_MAX + 1);
	pl_textcache_close(c);
	s = text_of(HEX_A);
	is_str(s, "", "an empty text cached");
	free(s);
	s = text_of(HEX_B);
	is_str(s, "(none)", "a text over 16 MiB is not");
	free(s);

	before = file_text(textpath);
	c = pl_textcache_open(repo, "goals");
	pl_textcache_put(c, &bid, "new", 3);
	pl_textcache_readonly(c);
	pl_textcache_close(c);
	s = file_text(textpath);
	is_str(s, before, "a read-only text cache is not written");
	free(s);
	free(before);
	pl_textcache_readonly(NULL);
	pl_textcache_close(NULL);
}

#define STAMP	"test stamp 1"

/* The summary of hex in the summary cache as it is now, or "(none)". */
static char *
sum_of(const char *hex, const char *stamp, uint64_t seal)
{
	struct pl_sumcache	*c = pl_sumcache_open(repo, "goals", stamp,
				    seal);
	git_oid			 id = oid(hex);
	const char		*t;
	size_t			 len;
	char			*s;

	t = pl_sumcache_get(c, &id, &len);
	s = t != NULL ? pl_xstrndup(t, len) : pl_xstrdup("(none)");
	pl_sumcache_readonly(c);
	pl_sumcache_close(c, seal);
	return s;
}

/* Writes summaries "sum A" and "sum B" for seal 7. */
static void
sum_write(void)
{
	struct pl_sumcache	*c;
	git_oid			 a = oid(HEX_A), bid = oid(HEX_B);

	unlink(sumpath);
	c = pl_sumcache_open(repo, "goals", STAMP, 7);
	pl_sumcache_put(c, &bid, "sum B", 5);
	pl_sumcache_put(c, &a, "sum A", 5);
	pl_sumcache_close(c, 7);
}

/* Is the summary of HEX_A, and one of its cases, read back? */
static void
sum_is(const char *want, const char *stamp, uint64_t seal, const char *what)
{
	char	*s = sum_of(HEX_A, stamp, seal);

	is_str(s, want, "%s", what);
	free(s);
}

/* The file changed by f at offset at (from the end when negative). */
static void
sum_spoiled(long at, int flip, size_t cut, const char *what)
{
	struct pl_buf	b = PL_BUF_INIT;

	sum_write();
	if (pl_read_bytes(&b, sumpath) != 0)
		return;
	if (flip)
		b.ptr[at < 0 ? (long)b.len + at : at] ^= 0x20;
	write_bytes(sumpath, b.ptr, cut != 0 ? cut : b.len);
	sum_is("(none)", STAMP, 7, what);
	pl_buf_release(&b);
}

static void
test_sum_trust(void)
{
	char	*s;

	sum_write();
	sum_is("sum A", STAMP, 7, "a summary read back");
	s = sum_of(HEX_B, STAMP, 7);
	is_str(s, "sum B", "and the other");
	free(s);
	s = sum_of(HEX_Z + 2, STAMP, 7);
	is_str(s, "(none)", "one never put: none");
	free(s);
	sum_is("(none)", "test stamp 2", 7, "another writer's stamp: none");
	sum_is("(none)", STAMP, 8, "another text cache's seal: none");
	sum_spoiled(0, 1, 0, "another header: none");
	sum_spoiled(-12, 1, 0, "a flipped byte in a summary: none");
	sum_spoiled(50, 1, 0, "a flipped byte in the index: none");
	sum_spoiled(-1, 1, 0, "a flipped checksum: none");
	sum_spoiled(0, 0, 30, "a file cut short: none");
	sum_spoiled(0, 0, 3, "a file of three bytes: none");
	write_bytes(sumpath, "", 0);
	sum_is("(none)", STAMP, 7, "an empty file: none");
}

static void
test_sum_put(void)
{
	struct pl_sumcache	*c;
	git_oid			 a = oid(HEX_A), bid = oid(HEX_B);
	char			*before, *s;
	struct stat		 st;
	ino_t			 ino;

	sum_write();
	stat(sumpath, &st);
	ino = st.st_ino;
	c = pl_sumcache_open(repo, "goals", STAMP, 7);
	pl_sumcache_put(c, &a, NULL, 0);
	pl_sumcache_put(c, &bid, "sum B", 5);
	ok(pl_sumcache_whole(c), "every record put: whole");
	pl_sumcache_close(c, 7);
	stat(sumpath, &st);
	ok(st.st_ino == ino, "nothing changed: not written again");

	c = pl_sumcache_open(repo, "goals", STAMP, 7);
	pl_sumcache_put(c, &a, NULL, 0);
	ok(!pl_sumcache_whole(c), "a record not put: not whole");
	pl_sumcache_close(c, 7);
	s = file_text(sumpath);
	ok(strstr(s, "sum B") == NULL && strstr(s, "sum A") != NULL, "a file "
	    "gone from the folder: its summary leaves the cache");
	free(s);
	sum_is("sum A", STAMP, 7, "the one still there stays");

	c = pl_sumcache_open(repo, "goals", STAMP, 7);
	pl_sumcache_put(c, &a, "new A", 5);
	pl_sumcache_close(c, 7);
	sum_is("new A", STAMP, 7, "a summary put anew replaces the file's");

	c = pl_sumcache_open(repo, "goals", STAMP, 7);
	pl_sumcache_put(c, &a, NULL, 0);
	pl_sumcache_close(c, 9);
	sum_is("new A", STAMP, 9, "the text cache rewritten: kept for its "
	    "new seal");
	sum_is("(none)", STAMP, 7, "and no longer for the old one");

	before = file_text(sumpath);
	c = pl_sumcache_open(repo, "goals", STAMP, 9);
	pl_sumcache_put(c, &bid, "sum B", 5);
	pl_sumcache_readonly(c);
	pl_sumcache_close(c, 9);
	s = file_text(sumpath);
	is_str(s, before, "a read-only summary cache is not written");
	free(s);
	free(before);
	pl_sumcache_readonly(NULL);
	pl_sumcache_close(NULL, 0);
}

/* A summary cache holding a listing of two files of tree HEX_T. */
static void
folder_write(void)
{
	struct pl_folder_file	 v[2] = {
		{ "a", { { 0 } }, GIT_FILEMODE_BLOB },
		{ "a-b", { { 0 } }, GIT_FILEMODE_LINK },
	};
	struct pl_folder	 f = { v, 2, NULL };
	struct pl_sumcache	*c;
	git_oid			 tree = oid(HEX_T);

	v[0].id = oid(HEX_A);
	v[1].id = oid(HEX_B);
	unlink(sumpath);
	c = pl_sumcache_open(repo, "goals", STAMP, 7);
	pl_sumcache_put(c, &v[0].id, "sum A", 5);
	pl_sumcache_put_folder(c, &tree, ".md", &f);
	pl_sumcache_close(c, 7);
}

/* How many files the listing of tree hex with suffix read back has. */
static int
folder_count(const char *hex, const char *suffix)
{
	struct pl_sumcache	*c = pl_sumcache_open(repo, "goals", STAMP, 7);
	struct pl_folder	 f;
	git_oid			 tree = oid(hex);
	int			 n = -1;

	if (pl_sumcache_folder(&f, c, &tree, suffix))
		n = (int)f.n;
	pl_folder_release(&f);
	pl_sumcache_readonly(c);
	pl_sumcache_close(c, 7);
	return n;
}

static void
test_sum_folder(void)
{
	struct pl_sumcache	*c;
	struct pl_folder	 f;
	struct pl_buf		 b = PL_BUF_INIT;
	git_oid			 tree = oid(HEX_T), a = oid(HEX_A);
	struct stat		 st;
	ino_t			 ino;
	size_t			 len;

	folder_write();
	c = pl_sumcache_open(repo, "goals", STAMP, 7);
	ok(pl_sumcache_folder(&f, c, &tree, ".md") && f.n == 2 &&
	    strcmp(f.v[0].name, "a") == 0 && strcmp(f.v[1].name, "a-b") == 0 &&
	    git_oid_equal(&f.v[0].id, &a) && f.v[0].mode == GIT_FILEMODE_BLOB &&
	    f.v[1].mode == GIT_FILEMODE_LINK, "a listing read back by its "
	    "tree id: names, ids and modes in its order");
	pl_folder_release(&f);
	ok(pl_sumcache_take(c, &a, &len) != NULL && len == 5, "the summaries "
	    "beside it");
	stat(sumpath, &st);
	ino = st.st_ino;
	pl_sumcache_close(c, 7);
	stat(sumpath, &st);
	ok(st.st_ino == ino, "a listing read back and nothing new: not "
	    "written again");
	is_int(folder_count(HEX_B, ".md"), -1, "another tree: none");
	is_int(folder_count(HEX_T, ".csv"), -1, "another suffix: none");
	if (pl_read_bytes(&b, sumpath) == 0) {
		b.ptr[strlen("pl summary cache 2\n") + 4 + strlen(STAMP) + 8 +
		    GIT_OID_RAWSZ + 4 + 3 + 8 + 2] ^= 0x20;
		write_bytes(sumpath, b.ptr, b.len);
	}
	is_int(folder_count(HEX_T, ".md"), -1, "a flipped byte in the "
	    "listing: none");
	pl_buf_release(&b);
	c = pl_sumcache_open(repo, "goals", STAMP, 7);
	pl_sumcache_put(c, &a, "sum A", 5);
	pl_sumcache_close(c, 7);
	is_int(folder_count(HEX_T, ".md"), -1, "a file written again "
	    "without a listing: none");
}

/* The text cache's seal: its checksum, read whole or from its end. */
static void
test_seal(void)
{
	struct pl_textcache	*c;
	git_oid			 a = oid(HEX_A);
	uint64_t		 seal;

	unlink(textpath);
	is_int(pl_textcache_seal_of(repo, "goals"), 0, "no text cache: "
	    "no seal");
	c = pl_textcache_open(repo, "goals");
	is_int(pl_textcache_seal(c), 0, "nor open");
	pl_textcache_put(c, &a, "one", 3);
	seal = pl_textcache_close(c);
	ok(seal != 0, "a text cache written: its seal");
	ok(pl_textcache_seal_of(repo, "goals") == seal, "read from its end "
	    "alike");
	c = pl_textcache_open(repo, "goals");
	ok(pl_textcache_seal(c) == seal, "and open");
	pl_textcache_put(c, &a, "one", 3);
	ok(pl_textcache_close(c) == seal, "closed unchanged: the same");
	c = pl_textcache_open(repo, "goals");
	pl_textcache_put(c, &a, "two", 3);
	pl_textcache_put(c, &a, "two", 3);
	(void)pl_textcache_close(c);
	c = pl_textcache_open(repo, "goals");
	ok(pl_textcache_close(c) != seal, "written again: another seal");
}

static void
test_read_save(void)
{
	struct pl_buf	 b = PL_BUF_INIT;
	char		*dir, *s;

	write_bytes(textpath, "0123456789", 10);
	pl_buf_puts(&b, "kept");
	is_int(pl_cache_read(&b, textpath, 9), -1, "a cache file over its "
	    "size: not read");
	is_int(b.len, 0, "and out left empty");
	is_int(pl_cache_read(&b, textpath, 10), 0, "one of its size: read");
	is_int(b.len, 10, "whole");
	pl_buf_release(&b);
	dir = pl_xasprintf("%spl", git_repository_path(repo));
	is_int(pl_cache_read(&b, dir, 100), -1, "a folder: not read");
	free(dir);

	(void)!pl_error_set(PL_EINVAL, "the command's own error");
	pl_cache_save("no-folder-cache", "x", 1);
	ok(access("no-folder-cache", F_OK) != 0, "a path with no folder: "
	    "nothing written");
	pl_cache_save(textpath, "saved", 5);
	s = file_text(textpath);
	is_str(s, "saved", "a cache saved");
	free(s);
	is_str(pl_error_last(), "the command's own error", "the last error "
	    "kept");
	is_int(pl_error_code(), PL_EINVAL, "and its code");
	pl_error_clear();
}

/*
 * A record of commit hex: its sentence "message of <c>", its trailers
 * Pl-Kind goal and Pl-Id <c>, c hex[0].
 */
static void
commit_put(struct pl_commitcache *c, const char *hex)
{
	git_oid			 id = oid(hex);
	unsigned char		 parents[2 * GIT_OID_RAWSZ];
	char			 msg[32], tr[32];
	struct pl_commitrec	 r = { .nparents = 2, .parents = parents,
				    .author_time = -5, .author_offset = -90,
				    .commit_time = (int64_t)1 << 40,
				    .commit_offset = 330, .author = "A. Name",
				    .email = "a@example", .summary = "sum",
				    .sentence = msg, .trailers = tr };

	memset(r.tree.id, 0x33, GIT_OID_RAWSZ);
	memset(parents, 0x44, GIT_OID_RAWSZ);
	memset(parents + GIT_OID_RAWSZ, 0x55, GIT_OID_RAWSZ);
	snprintf(msg, sizeof msg, "message of %c", hex[0]);
	memcpy(tr, "Pl-Kind\0goal\0Pl-Id\0", 19);
	tr[19] = hex[0];
	tr[20] = '\0';
	r.trailers_len = 21;
	pl_commitcache_put(c, &id, &r);
}

/* Writes records for HEX_A and HEX_B in a new file. */
static void
commit_write(void)
{
	struct pl_commitcache	*c;

	unlink(commitpath);
	c = pl_commitcache_open(repo);
	commit_put(c, HEX_B);
	commit_put(c, HEX_A);
	pl_commitcache_close(c);
}

/* Appends rec's trailers to *s, " key=value" each. */
static void
trailers_of(char **s, const struct pl_commitrec *rec)
{
	const char	*k, *v;
	char		*t;
	size_t		 at = 0;

	while (pl_commitrec_trailer(rec, &at, &k, &v)) {
		t = pl_xasprintf("%s %s=%s", *s, k, v);
		free(*s);
		*s = t;
	}
}

/* What the cache gives for hex, as one line, or "(none)". */
static char *
commit_of(const char *hex)
{
	struct pl_commitcache	*c = pl_commitcache_open(repo);
	struct pl_commitrec	 r;
	git_oid			 id = oid(hex);
	char			 tree[GIT_OID_HEXSZ + 1], p1[GIT_OID_HEXSZ + 1];
	char			 p2[GIT_OID_HEXSZ + 1];
	char			*s;

	if (!pl_commitcache_get(c, &id, &r)) {
		pl_commitcache_close(c);
		return pl_xstrdup("(none)");
	}
	git_oid_tostr(tree, sizeof tree, &r.tree);
	git_oid_tostr(p1, sizeof p1, (const git_oid *)(const void *)r.parents);
	git_oid_tostr(p2, sizeof p2, (const git_oid *)(const void *)
	    (r.parents + GIT_OID_RAWSZ));
	s = pl_xasprintf("%.4s %zu %.4s %.4s %lld %d %lld %d %s <%s> %s|%s",
	    tree, r.nparents, p1, p2, (long long)r.author_time,
	    r.author_offset, (long long)r.commit_time, r.commit_offset,
	    r.author, r.email, r.summary, r.sentence);
	trailers_of(&s, &r);
	pl_commitcache_close(c);
	return s;
}

#define REC_A	"3333 2 4444 5555 -5 -90 1099511627776 330 A. Name " \
		"<a@example> sum|message of 1 Pl-Kind=goal Pl-Id=1"
/* Where the file of commit_write() has A's record, and its end. */
#define REC_A_AT	(18 + 4 + 2 * 28)
#define REC_A_END	(REC_A_AT + 92 + 8 + 10 + 4 + 13 + 21)

/* The file as commit_write() makes it, changed; is HEX_A read then? */
static void
commit_spoiled(long at, size_t cut, const char *want, const char *what)
{
	struct pl_buf	 b = PL_BUF_INIT;
	char		*s;

	commit_write();
	if (pl_read_bytes(&b, commitpath) != 0)
		return;
	if (at != 0)
		b.ptr[at < 0 ? (long)b.len + at : at] ^= 0x20;
	write_bytes(commitpath, b.ptr, cut != 0 ? cut : b.len);
	s = commit_of(HEX_A);
	is_str(s, want, "%s", what);
	free(s);
	pl_buf_release(&b);
}

static void
test_commit_trust(void)
{
	char	*s;

	commit_write();
	s = commit_of(HEX_A);
	is_str(s, REC_A, "a commit's record read back");
	free(s);
	s = commit_of(HEX_B);
	ok(strstr(s, "message of 2") != NULL, "and the other's");
	free(s);
	s = commit_of(HEX_Z + 2);
	is_str(s, "(none)", "a commit never put: none");
	free(s);
	commit_spoiled(1, 0, "(none)", "another header: none");
	commit_spoiled(15, 0, "(none)", "another version: none");
	/* B's record is last, A's first: a flip in B's leaves A's sound */
	commit_spoiled(-3, 0, REC_A, "a flipped byte in another record: "
	    "this one read");
	/* header 18, count 4, index 2 x 28, fixed 92, name and email 18 */
	commit_spoiled(190, 0, "(none)", "a flipped byte in its own summary: "
	    "none");
	commit_spoiled(195, 0, "(none)", "a flipped byte in its own sentence: "
	    "none");
	commit_spoiled(REC_A_END - 2, 0, "(none)", "a flipped byte in its own "
	    "trailers: none");
	commit_spoiled(80, 0, "(none)", "a flipped byte in its checksum: "
	    "none");
	commit_spoiled(22 + 21, 0, "(none)", "a flipped byte in its index "
	    "entry: none");
	commit_spoiled(-3, 0, REC_A, "a flipped byte in another record: "
	    "this one read");
	commit_spoiled(0, 0, REC_A, "unchanged: read");
	commit_spoiled(0, 40, "(none)", "a file cut in its index: none");
	commit_spoiled(0, 200, "(none)", "a file cut in its records: none");
	commit_spoiled(0, 3, "(none)", "a file of three bytes: none");
	write_bytes(commitpath, "", 0);
	s = commit_of(HEX_A);
	is_str(s, "(none)", "an empty file: none");
	free(s);
}

/*
 * Each byte of the file flipped in turn, then the file cut at each
 * length: A's record is read whole or not at all, never wrong; not at
 * all when the byte is in the header, A's index entry or A's record, or
 * when the cut leaves A's record short.
 */
static void
test_commit_every_byte(void)
{
	struct pl_buf	 b = PL_BUF_INIT;
	size_t		 i;
	long		 bad_flip = -1, bad_cut = -1;
	char		*s, tmp[28];
	int		 none, a_part;

	commit_write();
	if (pl_read_bytes(&b, commitpath) != 0)
		return;
	for (i = 0; i < b.len && bad_flip < 0; i++) {
		b.ptr[i] ^= 0x20;
		write_bytes(commitpath, b.ptr, b.len);
		b.ptr[i] ^= 0x20;
		s = commit_of(HEX_A);
		none = strcmp(s, "(none)") == 0;
		/* B's index entry is 50-77: A is then found or not */
		a_part = i < 50 || (i >= REC_A_AT && i < REC_A_END);
		if ((!none && strcmp(s, REC_A) != 0) || (a_part && !none) ||
		    (i >= REC_A_END && none))
			bad_flip = (long)i;
		free(s);
	}
	for (i = 0; i < b.len && bad_cut < 0; i++) {
		write_bytes(commitpath, b.ptr, i);
		s = commit_of(HEX_A);
		if (strcmp(s, i < REC_A_END ? "(none)" : REC_A) != 0)
			bad_cut = (long)i;
		free(s);
	}
	/* the index entries swapped: B's before A's */
	memcpy(tmp, b.ptr + 22, 28);
	memcpy(b.ptr + 22, b.ptr + 50, 28);
	memcpy(b.ptr + 50, tmp, 28);
	write_bytes(commitpath, b.ptr, b.len);
	s = commit_of(HEX_A);
	is_str(s, "(none)", "an index out of order: none");
	free(s);
	is_int(bad_flip, -1, "every byte flipped: A's record whole or none "
	    "(the first wrong byte)");
	is_int(bad_cut, -1, "every cut: A's record whole or none (the first "
	    "wrong length)");
	pl_buf_release(&b);
}

/* What the cache gives for HEX_A from a file of r alone. */
static char *
commit_alone(const struct pl_commitrec *r)
{
	struct pl_commitcache	*c;
	git_oid			 id = oid(HEX_A);

	unlink(commitpath);
	c = pl_commitcache_open(repo);
	pl_commitcache_put(c, &id, r);
	pl_commitcache_close(c);
	return commit_of(HEX_A);
}

/*
 * Trailers that are not whole pairs, however they came to be written,
 * and none at all.
 */
static void
test_commit_trailers(void)
{
	unsigned char		 parents[2 * GIT_OID_RAWSZ] = { 0 };
	struct pl_commitrec	 r = { .nparents = 2, .parents = parents,
				    .author = "a", .email = "e",
				    .summary = "s", .sentence = "",
				    .trailers = "Pl-Kind\0goal\0Pl-Id\0",
				    .trailers_len = 19 };
	char			*s;

	s = commit_alone(&r);
	is_str(s, "(none)", "a key without its value: none");
	free(s);
	r.trailers_len = 18;
	s = commit_alone(&r);
	is_str(s, "(none)", "trailers not ended by a NUL: none");
	free(s);
	r.trailers_len = 0;
	s = commit_alone(&r);
	ok(strstr(s, "s|") != NULL && strchr(s, '=') == NULL, "no trailers: "
	    "read back with none (%s)", s);
	free(s);
}

/* 1 when the file holds text. */
static int
commit_file_has(const char *text)
{
	char	*s = file_text(commitpath);
	int	 has = strstr(s, text) != NULL;

	free(s);
	return has;
}

static void
test_commit_whole(void)
{
	struct pl_commitcache	*c;
	struct pl_commitrec	 r;
	git_oid			 a = oid(HEX_A), bid = oid(HEX_B);
	struct stat		 st;
	ino_t			 ino;
	char			*s;

	commit_write();
	stat(commitpath, &st);
	ino = st.st_ino;
	c = pl_commitcache_open(repo);
	ok(pl_commitcache_get(c, &a, &r), "a record got");
	pl_commitcache_close(c);
	stat(commitpath, &st);
	ok(st.st_ino == ino, "a walk that stops early, nothing put: the "
	    "file not written");

	c = pl_commitcache_open(repo);
	ok(pl_commitcache_get(c, &a, &r) && pl_commitcache_get(c, &bid, &r),
	    "both records got");
	pl_commitcache_whole(c);
	pl_commitcache_close(c);
	stat(commitpath, &st);
	ok(st.st_ino == ino, "a whole walk that used every record: not "
	    "written");

	c = pl_commitcache_open(repo);
	ok(pl_commitcache_get(c, &a, &r), "one record got");
	pl_commitcache_whole(c);
	pl_commitcache_close(c);
	ok(commit_file_has("message of 1") && !commit_file_has("message of 2"),
	    "a whole walk that did not reach a commit: its message leaves "
	    "the file");
	s = commit_of(HEX_A);
	is_str(s, REC_A, "the other record read back");
	free(s);

	commit_write();
	c = pl_commitcache_open(repo);
	commit_put(c, HEX_Z + 2);
	pl_commitcache_close(c);
	s = commit_of(HEX_Z + 2);
	ok(strstr(s, "message of 1") != NULL, "a record put is read back");
	free(s);
	s = commit_of(HEX_A);
	is_str(s, REC_A, "and the file's records kept beside it");
	free(s);
	ok(commit_file_has("message of 2"), "every one of them");
	pl_commitcache_put(NULL, &a, &r);
	pl_commitcache_whole(NULL);
	pl_commitcache_close(NULL);
	ok(!pl_commitcache_get(NULL, &a, &r), "no cache: nothing got");
}

int
main(void)
{
	char	*tmp = tmpdir();

	if (chdir(tmp) != 0) {
		perror(tmp);
		return 2;
	}
	git_libgit2_init();
	if (git_repository_init(&repo, tmp, 0) < 0) {
		printf("Bail out! git init failed\n");
		return 2;
	}
	mkdir(".git/pl", 0777);
	logpath = pl_xasprintf("%spl/log-cache", git_repository_path(repo));
	textpath = pl_xasprintf("%spl/goals-cache", git_repository_path(repo));
	sumpath = pl_xasprintf("%spl/goals-summary", git_repository_path(repo));
	commitpath = pl_xasprintf("%spl/commit-cache",
	    git_repository_path(repo));
	test_log_broken();
	test_log_many();
	test_log_unwritable();
	test_text_broken();
	test_text_put();
	test_sum_trust();
	test_sum_put();
	test_sum_folder();
	test_seal();
	test_read_save();
	test_commit_trust();
	test_commit_every_byte();
	test_commit_trailers();
	test_commit_whole();
	git_repository_free(repo);
	git_libgit2_shutdown();
	free(logpath);
	free(textpath);
	free(sumpath);
	free(commitpath);
	is_int(run("rm -rf %s", tmp), 0, "the test's folder removed");
	free(tmp);
	return done_testing();
}
