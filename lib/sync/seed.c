/*
 * A clone from a file:// URL made from copies of the source's own object
 * files (seed.h).  libgit2's local transport builds a new pack of every
 * object instead, searching deltas and compressing again on its own
 * threads, and its indexer maps and unmaps the pack for each object it
 * takes in, under the one memory-map lock of the process: cloning took
 * 1.45x a loop of git clone, and two clones at once were no faster than
 * one.  git clone --local copies the files; so does this, and then
 * hashes every object, as a transport's indexer does with what it
 * receives, so that an object whose id is not its hash never gets into
 * the clone (a pinned commit of the chain of trust is named by its id).
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>
#include <git2/sys/odb_backend.h>

#include "pl/base/error.h"
#include "pl/base/util.h"
#include "sync/seed.h"

/* 1 when the n bytes at s are lowercase hex digits, and all there is. */
static int
hex_name(const char *s, size_t n)
{
	return strlen(s) == n && strspn(s, "0123456789abcdef") == n;
}

/* 1 when s ends with suffix. */
static int
ends_with(const char *s, const char *suffix)
{
	size_t	n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Copies the regular file from into the new file to, read-only as git's. */
static int
copy_file(const char *from, const char *to)
{
	char		buf[65536];
	struct stat	st;
	ssize_t		n;
	int		in, out, ok;

	if ((in = open(from, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) == -1)
		return 0;
	if (fstat(in, &st) != 0 || !S_ISREG(st.st_mode) || (out = open(to,
	    O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0444)) == -1) {
		close(in);
		return 0;
	}
	while ((n = read(in, buf, sizeof buf)) != 0)
		if ((n == -1 && errno != EINTR) || (n > 0 &&
		    pl_write_all(out, buf, (size_t)n, to, NULL) != 0))
			break;
	ok = n == 0;
	close(in);
	if (close(out) != 0)
		ok = 0;
	pl_error_clear();
	return ok;
}

/* Copies the file name of folder from into folder to. */
static int
copy_named(const char *from, const char *to, const char *name)
{
	char	*f = pl_xasprintf("%s/%s", from, name);
	char	*t = pl_xasprintf("%s/%s", to, name);
	int	 ok = copy_file(f, t);

	free(f);
	free(t);
	return ok;
}

/*
 * Copies each pack with its index (the index last, as git writes them);
 * a partial clone's packs (.promisor) lack objects: none is copied.
 */
static int
packs_copy(const char *from, const char *to)
{
	char		*f = pl_xasprintf("%s/pack", from);
	char		*t = pl_xasprintf("%s/pack", to);
	char		*pack;
	struct dirent	*de;
	DIR		*d;
	int		 ok;

	if ((ok = (d = opendir(f)) != NULL)) {
		while (ok && (de = readdir(d)) != NULL) {
			if (ends_with(de->d_name, ".promisor"))
				ok = 0;
			if (!ok || strncmp(de->d_name, "pack-", 5) != 0 ||
			    !ends_with(de->d_name, ".idx"))
				continue;
			pack = pl_xasprintf("%.*s.pack",
			    (int)(strlen(de->d_name) - 4), de->d_name);
			ok = copy_named(f, t, pack) &&
			    copy_named(f, t, de->d_name);
			free(pack);
		}
		closedir(d);
	}
	free(f);
	free(t);
	return ok;
}

/* Copies the loose objects of the folder objects/xx named name. */
static int
loose_dir_copy(const char *from, const char *to, const char *name)
{
	char		*f = pl_xasprintf("%s/%s", from, name);
	char		*t = pl_xasprintf("%s/%s", to, name);
	struct dirent	*de;
	DIR		*d;
	int		 ok;

	ok = (d = opendir(f)) != NULL && (mkdir(t, 0777) == 0 ||
	    errno == EEXIST);
	while (ok && (de = readdir(d)) != NULL)
		if (hex_name(de->d_name, GIT_OID_HEXSZ - 2))
			ok = copy_named(f, t, de->d_name);
	if (d != NULL)
		closedir(d);
	free(f);
	free(t);
	return ok;
}

static int
loose_copy(const char *from, const char *to)
{
	struct dirent	*de;
	DIR		*d;
	int		 ok;

	if ((d = opendir(from)) == NULL)
		return 0;
	ok = 1;
	while (ok && (de = readdir(d)) != NULL)
		if (hex_name(de->d_name, 2))
			ok = loose_dir_copy(from, to, de->d_name);
	closedir(d);
	return ok;
}

/* Nonzero (stopping the walk) when the object id is not what it holds. */
static int
check_one(const git_oid *id, void *payload)
{
	git_odb_object	*o;
	git_oid		 h;
	int		 rc;

	if (git_odb_read(&o, payload, id) < 0)
		return 1;
	rc = git_odb_hash(&h, git_odb_object_data(o), git_odb_object_size(o),
	    git_odb_object_type(o));
	git_odb_object_free(o);
	return rc < 0 || !git_oid_equal(&h, id);
}

/*
 * Every object in the folder dir hashes to its id: the packs' and the
 * loose ones each through an object database of their own, so that a
 * copy found first in the other cannot hide one.
 */
static int
checked(const char *dir)
{
	git_odb_backend	*b[2] = { NULL, NULL };
	git_odb		*odb;
	int		 i, ok = 1;

	if (git_odb_backend_pack(&b[0], dir) < 0 ||
	    git_odb_backend_loose(&b[1], dir, -1, 0, 0, 0) < 0) {
		for (i = 0; i < 2; i++)
			if (b[i] != NULL)
				b[i]->free(b[i]);
		return 0;
	}
	for (i = 0; i < 2; i++) {
		if (git_odb_new(&odb) < 0) {
			b[i]->free(b[i]);
			ok = 0;
			continue;
		}
		/* the database owns the backend once added */
		if (git_odb_add_backend(odb, b[i], 1) < 0) {
			b[i]->free(b[i]);
			ok = 0;
		} else if (ok && git_odb_foreach(odb, check_one, odb) != 0)
			ok = 0;
		git_odb_free(odb);
	}
	return ok;
}

/* Removes what packs_copy() and loose_copy() made in the folder dir. */
static void
clear(const char *dir)
{
	struct dirent	*de;
	DIR		*d;
	char		*p;

	p = pl_xasprintf("%s/pack", dir);
	pl_remove_tree(p, 1);
	free(p);
	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL)
		if (hex_name(de->d_name, 2)) {
			p = pl_xasprintf("%s/%s", dir, de->d_name);
			pl_remove_tree(p, 0);
			free(p);
		}
	closedir(d);
}

/* The objects folder of repo, without the '/' libgit2 ends it with. */
static char *
objects_dir(git_repository *repo)
{
	git_buf	 b = GIT_BUF_INIT;
	char	*s = NULL;
	size_t	 n;

	if (git_repository_item_path(&b, repo, GIT_REPOSITORY_ITEM_OBJECTS) ==
	    0) {
		for (n = b.size; n > 1 && b.ptr[n - 1] == '/'; n--)
			;
		s = pl_xstrndup(b.ptr, n);
	}
	git_buf_dispose(&b);
	return s;
}

/* 1 when objects borrowed from elsewhere would be missing from a copy. */
static int
borrows(git_repository *src, const char *objects)
{
	char		*p = pl_xasprintf("%s/info/alternates", objects);
	struct stat	 st;
	int		 yes;

	yes = git_repository_is_shallow(src) != 0 || lstat(p, &st) == 0 ||
	    errno != ENOENT;
	free(p);
	return yes;
}

int
pl_seed_objects(git_repository *repo, const char *path)
{
	git_repository	*src = NULL;
	char		*from = NULL, *to = NULL;
	int		 seeded = 0;

	if (git_repository_open_ext(&src, path, GIT_REPOSITORY_OPEN_NO_SEARCH,
	    NULL) < 0 || (from = objects_dir(src)) == NULL ||
	    (to = objects_dir(repo)) == NULL || borrows(src, from))
		goto done;
	seeded = packs_copy(from, to) && loose_copy(from, to) && checked(to);
	if (!seeded)
		clear(to);
done:
	git_error_clear();
	git_repository_free(src);
	free(from);
	free(to);
	return seeded;
}
