/*
 * Allocation that cannot fail (out of memory aborts, as in tmux), the one
 * growable string buffer, and a list of strings.
 */
#ifndef PL_UTIL_H
#define PL_UTIL_H

#include <stdarg.h>
#include <stddef.h>

#include "pl/base/error.h"

void	*pl_xmalloc(size_t);
void	*pl_xcalloc(size_t, size_t);
void	*pl_xrealloc(void *, size_t);
char	*pl_xstrdup(const char *);
char	*pl_xstrndup(const char *, size_t);
/* Like asprintf(3); the caller frees. */
char	*pl_xasprintf(const char *, ...) PL_PRINTF(1, 2);
/* Like vasprintf(3); the caller frees. */
char	*pl_xvasprintf(const char *, va_list) PL_PRINTF(1, 0);

/* A growable NUL-terminated buffer.  Embed it; PL_BUF_INIT or _init(). */
struct pl_buf {
	char	*ptr;	/* always NUL-terminated once anything was added */
	size_t	 len;
	size_t	 cap;
	/* set by the buffer's owner: where pl_buf_drain() hands its lines */
	void	(*drain)(const char *, size_t, void *);
	void	*drain_arg;
};
#define PL_BUF_INIT { NULL, 0, 0, NULL, NULL }

void	 pl_buf_init(struct pl_buf *);
void	 pl_buf_release(struct pl_buf *);
void	 pl_buf_clear(struct pl_buf *);
void	 pl_buf_put(struct pl_buf *, const char *, size_t);
void	 pl_buf_puts(struct pl_buf *, const char *);
void	 pl_buf_putc(struct pl_buf *, char);
void	 pl_buf_printf(struct pl_buf *, const char *, ...) PL_PRINTF(2, 3);
void	 pl_buf_vprintf(struct pl_buf *, const char *, va_list);
/* The contents as a string ("" for an empty buffer).  Borrowed. */
const char *pl_buf_cstr(const struct pl_buf *);
/* Hands the string to the caller (who frees it) and empties the buffer. */
char	*pl_buf_detach(struct pl_buf *);
/*
 * A long output written as it is made: when b has a drain and holds
 * PL_BUF_DRAIN_AT bytes or more, hands the drain its whole lines (up to
 * the last newline, so a chunk never ends inside a character) and keeps
 * the rest (the lines end in a NUL for the call).  A renderer calls it between items, where nothing it holds
 * points into b; without a drain it does nothing.  The owner writes what
 * is left at the end.
 */
#define PL_BUF_DRAIN_AT	65536
void	 pl_buf_drain(struct pl_buf *b);

/* A list of owned strings.  Embed it; PL_STRLIST_INIT or _init(). */
struct pl_strlist {
	char	**v;
	size_t	  n;
	size_t	  cap;
};
#define PL_STRLIST_INIT { NULL, 0, 0 }

void	 pl_strlist_init(struct pl_strlist *);
void	 pl_strlist_release(struct pl_strlist *);
/* Appends a copy of s. */
void	 pl_strlist_push(struct pl_strlist *, const char *s);
/* Appends s itself; the list will free it. */
void	 pl_strlist_push_owned(struct pl_strlist *, char *s);
/* Index of s, or -1. */
int	 pl_strlist_find(const struct pl_strlist *, const char *s);
void	 pl_strlist_sort(struct pl_strlist *);
void	 pl_strlist_copy(struct pl_strlist *dst, const struct pl_strlist *src);
/* Appends the strings to out with sep between them ("" for none). */
void	 pl_strlist_join(struct pl_buf *out, const struct pl_strlist *,
	    const char *sep);

/*
 * The most pl reads of one file into memory: a file of the portfolio,
 * text given with -F or typed in the editor.
 */
#define PL_READ_MAX	(16 * 1024 * 1024)

/*
 * Reads a whole file into out (appending).  PL_ENOTFOUND when it does not
 * exist, PL_EINVAL when it is a directory, PL_ERROR otherwise.  path "-"
 * reads standard input.
 */
int	 pl_read_file(struct pl_buf *out, const char *path) PL_WUR;

/*
 * Reads text pl will keep, as pl_read_file() does, with two more refusals
 * (PL_EINVAL): more than PL_READ_MAX bytes ("'path' is larger than
 * 16 MiB"), and a NUL byte, which binary files and UTF-16 text hold.
 */
int	 pl_read_text(struct pl_buf *out, const char *path) PL_WUR;

/*
 * Reads a whole file as pl_read_file() does, refusing more than
 * PL_READ_MAX bytes (PL_EINVAL), NUL bytes and all: the caller looks.
 */
int	 pl_read_bytes(struct pl_buf *out, const char *path) PL_WUR;

/* A copy of s[0..n) without surrounding white space.  The caller frees. */
char	*pl_trimmed(const char *s, size_t n);

/*
 * Writes n bytes to fd (named name in messages), going on after EINTR
 * unless stop (NULL: never) says to stop, and then failing with its
 * error: the store passes pl_lock_check(), so that a signal caught while
 * a lock is held ends the write.
 */
int	 pl_write_all(int fd, const char *p, size_t n, const char *name,
	    int (*stop)(void)) PL_WUR;

/* Sets "'what' is larger than 16 MiB" (PL_READ_MAX) and returns code. */
int	 pl_error_too_large(int code, const char *what);

/*
 * A part for a temporary file's name that no other writer uses:
 * "PID-NONCE-N", this process's pid, a random number drawn once per
 * process (pids are reused: the first process of every container or PID
 * namespace is 1), and a count of the calls.  The caller frees.
 */
char	*pl_tmp_tag(void);

/* This process's random number in pl_tmp_tag(). */
unsigned long pl_process_nonce(void);

/*
 * 1 when the writer that named the file at path with tag (pl_tmp_tag(),
 * or an older pl's bare pid) is gone, so the file may be removed: it is
 * not this process, no process has its pid here (or the pid is this
 * process's, which is not it), and no one holds flock(2) on the file (a
 * live writer holds it while the file exists, seen from any namespace).
 */
int	 pl_tmp_gone(const char *path, const char *tag);

/*
 * Removes the files "NAME.pl-tmp-TAG" in dir that pl writers killed
 * before their rename left (pl_tmp_gone()); a live writer's stay.
 */
void	 pl_tmp_sweep(const char *dir);

/*
 * Writes data to path through a temporary file beside it and rename(2),
 * so a crash never leaves half a file; first removes what killed
 * writers left in that folder (pl_tmp_sweep()), as path's folder is
 * pl's own (.git/pl, a temporary folder).  mode as for open(2).
 */
int	 pl_write_file(const char *path, const char *data, size_t len,
	    unsigned mode) PL_WUR;

/*
 * Removes the folder dir and all it holds, without following links, or
 * only what it holds when keep_dir: what a failed clone or init made.
 */
void	 pl_remove_tree(const char *dir, int keep_dir);

/*
 * Puts in *fn (the address of a function pointer) the function name of
 * lib, a library dlopen(3) gave (NULL: none): 1 when it has it.  For
 * the libraries pl loads only when a command needs them (ICU, libpng).
 */
int	 pl_dlsym(void *lib, const char *name, void *fn);

/*
 * Writes an output file the user named (pl report -o, --out-dir): the
 * one rule for every file a command writes for its user.  A regular file
 * is replaced as pl_write_file() does, keeping its mode, and its owner
 * and group where the user may set them; a new file gets 0666 less the
 * umask.  A symbolic link is written through: its target is replaced and
 * the link stays.  A file that is not a regular one (a terminal, a pipe,
 * /dev/null) is written to as it is.  PL_ENOTFOUND for a link whose
 * target does not exist; PL_ERROR when path may not be written (as the
 * shell's > would refuse), is a folder, or its folder takes no new file.
 */
int	 pl_write_output(const char *path, const char *data, size_t len)
	    PL_WUR;

/*
 * The same written as it is made (pl report -o of a long report):
 * _open checks path as pl_write_output() does and opens where the
 * output goes; _write adds data, an error kept for _close; _close with
 * keep puts the file in place (a regular file: renamed over path, so a
 * reader never sees half of it) and returns the first error, or without
 * keep drops what was written.  Each frees o.
 */
struct pl_outfile;
int	 pl_outfile_open(struct pl_outfile **o, const char *path) PL_WUR;
void	 pl_outfile_write(struct pl_outfile *o, const char *data, size_t len);
int	 pl_outfile_close(struct pl_outfile *o, int keep);

/*
 * Replaces the file at path with data as pl_write_output() does.
 * PL_ENOTFOUND when path does not exist, PL_EINVAL when it is not a
 * regular file.
 */
int	 pl_replace_file(const char *path, const char *data, size_t len)
	    PL_WUR;

/*
 * Makes the folder dir of an output the user named, or finds it there:
 * PL_EEXISTS when a file that is no folder is in the way, PL_ERROR when
 * it cannot be made.
 */
int	 pl_make_dir(const char *dir) PL_WUR;

/*
 * Makes the folders of path below top (path begins with top and '/'),
 * as mkdir -p would.  PL_ERROR when one cannot be made.
 */
int	 pl_make_parents(const char *top, const char *path) PL_WUR;

#endif
