/*
 * The framework index file, in the machine's byte order (it never
 * leaves the machine that wrote it):
 *
 *	"PLSTDIX1"	magic
 *	u64 n		standards
 *	u64 size	of the whole file
 *	records		per standard, in file order: u32 line, then code,
 *			parent, grade, subject, description, each ending
 *			in NUL
 *	u64 at[n]	each record's offset
 *	u32 by[n]	row numbers, by code case folded and reversed
 *
 * Every offset and string is checked where it is used, so a broken file
 * can only make a lookup miss, never read outside the map.
 */
#include <ctype.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/cache.h"
#include "entries/stdindex.h"

#define MAGIC		"PLSTDIX1"
#define HEAD		24
#define NFIELDS		5

struct pl_stdix {
	const char	*map;
	size_t		 size;
	size_t		 n;
	const uint64_t	*at;
	const uint32_t	*by;
	size_t		 end;		/* of the records */
	int		 mapped;
	struct pl_buf	 mem;		/* when it could not be saved */
};

static _Thread_local const struct pl_standards *sort_list;

/* Compares a with b case folded, from their last bytes. */
static int
cmp_reversed(const char *a, const char *b)
{
	size_t	la = strlen(a), lb = strlen(b), i;
	int	x, y;

	for (i = 0; i < la && i < lb; i++) {
		x = tolower((unsigned char)a[la - 1 - i]);
		y = tolower((unsigned char)b[lb - 1 - i]);
		if (x != y)
			return x - y;
	}
	return (la > lb) - (la < lb);
}

static int
by_reversed(const void *a, const void *b)
{
	uint32_t	i = *(const uint32_t *)a, j = *(const uint32_t *)b;
	int		c = cmp_reversed(sort_list->v[i].code,
			    sort_list->v[j].code);

	return c != 0 ? c : (i > j) - (i < j);
}

static void
put64(struct pl_buf *b, uint64_t v)
{
	pl_buf_put(b, (const char *)&v, sizeof v);
}

/* The index file of the parsed framework l. */
static void
build(struct pl_buf *b, const struct pl_standards *l)
{
	const struct pl_standard	*s;
	uint64_t			*at = pl_xcalloc(l->n + 1, sizeof *at);
	uint32_t			*by = pl_xcalloc(l->n + 1, sizeof *by);
	uint32_t			 line;
	size_t				 i;

	pl_buf_put(b, MAGIC, 8);
	put64(b, l->n);
	put64(b, 0);
	for (i = 0; i < l->n; i++) {
		s = &l->v[i];
		at[i] = b->len;
		by[i] = (uint32_t)i;
		line = (uint32_t)l->line[i];
		pl_buf_put(b, (const char *)&line, sizeof line);
		pl_buf_put(b, s->code, strlen(s->code) + 1);
		pl_buf_put(b, s->parent, strlen(s->parent) + 1);
		pl_buf_put(b, s->grade, strlen(s->grade) + 1);
		pl_buf_put(b, s->subject, strlen(s->subject) + 1);
		pl_buf_put(b, s->description, strlen(s->description) + 1);
	}
	while (b->len % 8 != 0)
		pl_buf_putc(b, '\0');
	sort_list = l;
	qsort(by, l->n, sizeof *by, by_reversed);
	sort_list = NULL;
	pl_buf_put(b, (const char *)at, l->n * sizeof *at);
	pl_buf_put(b, (const char *)by, l->n * sizeof *by);
	i = b->len;
	memcpy(b->ptr + 16, &(uint64_t){ i }, 8);
	free(at);
	free(by);
}

/* Points ix at its bytes; -1 when they are not an index. */
static int
attach(struct pl_stdix *ix, const char *map, size_t size)
{
	uint64_t	n, whole;

	if (size < HEAD || memcmp(map, MAGIC, 8) != 0)
		return -1;
	memcpy(&n, map + 8, 8);
	memcpy(&whole, map + 16, 8);
	if (whole != size || n > size / 12 || HEAD + n * 12 > size)
		return -1;
	ix->map = map;
	ix->size = size;
	ix->n = (size_t)n;
	ix->end = size - (size_t)n * 12;
	if (ix->end % 8 != 0 || (ix->end > HEAD && map[ix->end - 1] != '\0'))
		return -1;
	ix->at = (const uint64_t *)(const void *)(map + ix->end);
	ix->by = (const uint32_t *)(const void *)(map + ix->end + n * 8);
	return 0;
}

static int
map_file(struct pl_stdix *ix, const char *path)
{
	struct stat	 st;
	void		*map;
	int		 fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size == 0) {
		close(fd);
		return -1;
	}
	map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return -1;
	if (attach(ix, map, (size_t)st.st_size) < 0) {
		munmap(map, (size_t)st.st_size);
		return -1;
	}
	ix->mapped = 1;
	return 0;
}

/* <gitdir>/pl/standards-<blob id>, where the index of blob id is kept. */
static char *
index_file(git_repository *repo, const git_oid *id)
{
	char	hex[GIT_OID_HEXSZ + 1];

	git_oid_tostr(hex, sizeof hex, id);
	return pl_xasprintf("%spl/standards-%s", git_repository_path(repo),
	    hex);
}

int
pl_stdix_open(struct pl_stdix **out, git_repository *repo, const git_oid *id)
{
	struct pl_stdix	*ix = pl_xcalloc(1, sizeof *ix);
	char		*file = index_file(repo, id);
	int		 found = map_file(ix, file) == 0;

	free(file);
	if (!found) {
		pl_stdix_close(ix);
		ix = NULL;
	}
	*out = ix;
	return found;
}

int
pl_stdix_make(struct pl_stdix **out, git_repository *repo, const git_oid *id,
    const struct pl_standards *l, const char *path)
{
	struct pl_stdix	*ix = pl_xcalloc(1, sizeof *ix);
	char		*file = index_file(repo, id);
	int		 err = PL_OK;

	*out = NULL;
	build(&ix->mem, l);
	pl_cache_save(file, ix->mem.ptr, ix->mem.len);
	if (map_file(ix, file) == 0)
		pl_buf_release(&ix->mem);
	else if (attach(ix, ix->mem.ptr, ix->mem.len) < 0)
		err = pl_error_set(PL_ERROR, "%s: cannot index", path);
	free(file);
	if (err != PL_OK)
		pl_stdix_close(ix);
	else
		*out = ix;
	return err;
}

void
pl_stdix_close(struct pl_stdix *ix)
{
	if (ix == NULL)
		return;
	if (ix->mapped)
		munmap((void *)ix->map, ix->size);
	pl_buf_release(&ix->mem);
	free(ix);
}

size_t
pl_stdix_count(const struct pl_stdix *ix)
{
	return ix->n;
}

/* The next string at *off of the records, or NULL. */
static const char *
field(const struct pl_stdix *ix, size_t *off)
{
	const char	*s = ix->map + *off;
	const char	*nul;

	if (*off >= ix->end ||
	    (nul = memchr(s, '\0', ix->end - *off)) == NULL)
		return NULL;
	*off += (size_t)(nul - s) + 1;
	return s;
}

int
pl_stdix_row(const struct pl_stdix *ix, size_t k, struct pl_standard *out,
    int *line)
{
	const char	**f[NFIELDS] = { (const char **)&out->code,
			    (const char **)&out->parent,
			    (const char **)&out->grade,
			    (const char **)&out->subject,
			    (const char **)&out->description };
	uint32_t	  ln;
	size_t		  off, i;

	memset(out, 0, sizeof *out);
	if (k >= ix->n || (off = (size_t)ix->at[k]) < HEAD ||
	    off + 4 > ix->end)
		return -1;
	memcpy(&ln, ix->map + off, 4);
	*line = (int)ln;
	off += 4;
	for (i = 0; i < NFIELDS; i++)
		if ((*f[i] = field(ix, &off)) == NULL)
			return -1;
	return 0;
}

/* The code of row k, or "" when the index is broken there. */
static const char *
code_of_row(const struct pl_stdix *ix, size_t k)
{
	const char	*code;
	size_t		 off;

	if (k >= ix->n || (off = (size_t)ix->at[k]) < HEAD ||
	    off + 4 > ix->end)
		return "";
	off += 4;
	return (code = field(ix, &off)) != NULL ? code : "";
}

static const char *
code_at(const struct pl_stdix *ix, size_t i)
{
	return code_of_row(ix, ix->by[i]);
}

/*
 * Compares code, reversed and folded, with key (typed reversed and
 * folded) over key's length: 0 when code ends in typed, case aside.
 */
static int
cmp_end(const char *code, const char *key, size_t klen)
{
	size_t	lc = strlen(code), i;
	int	x;

	for (i = 0; i < klen; i++) {
		if (i == lc)
			return -1;
		x = tolower((unsigned char)code[lc - 1 - i]);
		if (x != (unsigned char)key[i])
			return x - (unsigned char)key[i];
	}
	return 0;
}

/* The first sorted position whose code does not come before key. */
static size_t
lower(const struct pl_stdix *ix, const char *key, size_t klen)
{
	size_t	lo = 0, hi = ix->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cmp_end(code_at(ix, mid), key, klen) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void
pl_stdix_match(const struct pl_stdix *ix, const char *typed, size_t **pos,
    size_t *n)
{
	size_t		 tlen = strlen(typed), i, klen = tlen + 1;
	char		*key = pl_xcalloc(klen + 1, 1);
	const char	*code;

	for (i = 0; i < tlen; i++)
		key[i] = (char)tolower((unsigned char)typed[tlen - 1 - i]);
	key[tlen] = '.';
	/* the codes that end in typed: typed itself, then ".typed" */
	for (i = lower(ix, key, tlen); i < ix->n; i++) {
		code = code_at(ix, i);
		if (cmp_end(code, key, tlen) != 0)
			break;
		if (strlen(code) == tlen ||
		    (strlen(code) > tlen && code[strlen(code) - klen] == '.')) {
			*pos = pl_xrealloc(*pos, (*n + 1) * sizeof **pos);
			(*pos)[(*n)++] = ix->by[i];
		}
	}
	free(key);
}

int
pl_stdix_has(const struct pl_stdix *ix, const char *code)
{
	size_t	*pos = NULL, n = 0, i;
	int	 has = 0;

	pl_stdix_match(ix, code, &pos, &n);
	for (i = 0; i < n && !has; i++)
		has = strcmp(code_of_row(ix, pos[i]), code) == 0;
	free(pos);
	return has;
}

void
pl_stdix_each(const struct pl_stdix *ix, void (*fn)(void *, const char *),
    void *arg)
{
	struct pl_standard	s;
	size_t			k;
	int			line;

	for (k = 0; k < ix->n; k++)
		if (pl_stdix_row(ix, k, &s, &line) == 0)
			fn(arg, s.code);
}
