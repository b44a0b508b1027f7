/*
 * A push to a repository on this machine (push-local.h), done here rather
 * than by libgit2's local transport, which moves the remote's branch to
 * the new commit whatever it holds by then: a clone that pushed between
 * libgit2's listing of the remote's refs and its update would lose its
 * commits.  Here the objects go first, in a pack (unreachable until the
 * branch moves, as a pack git receives is), then the branch moves with a
 * compare-and-swap under the remote's lock on it.  No hook of the remote
 * runs, as none ran through libgit2's transport.
 */
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "sync/clone.h"
#include "sync/push-local.h"

struct hide {
	git_repository	*remote;
	git_odb		*odb;		/* this clone's */
	git_revwalk	*walk;
};

/* What a ref of the remote has that this clone has too is not sent. */
static int
hide_ref(const char *name, void *payload)
{
	struct hide	*h = payload;
	git_oid		 id;

	if (git_reference_name_to_id(&id, h->remote, name) == 0 &&
	    git_odb_exists(h->odb, &id) && git_revwalk_hide(h->walk, &id) < 0)
		git_error_clear();	/* not a commit: a tag, a tree */
	return 0;
}

/* Writes the objects of tip the remote lacks into its pack folder. */
static int
send_objects(git_repository *repo, git_repository *remote, const git_oid *tip)
{
	git_packbuilder	*pb = NULL;
	struct hide	 h = { remote, NULL, NULL };
	git_buf		 dir = GIT_BUF_INIT;
	char		*packs = NULL;
	int		 rc;

	if ((rc = git_repository_odb(&h.odb, repo)) < 0 ||
	    (rc = git_revwalk_new(&h.walk, repo)) < 0 ||
	    (rc = git_revwalk_push(h.walk, tip)) < 0 ||
	    (rc = git_reference_foreach_name(remote, hide_ref, &h)) < 0 ||
	    (rc = git_packbuilder_new(&pb, repo)) < 0 ||
	    (rc = git_packbuilder_insert_walk(pb, h.walk)) < 0 ||
	    (rc = git_repository_item_path(&dir, remote,
	    GIT_REPOSITORY_ITEM_OBJECTS)) < 0)
		goto done;
	if (git_packbuilder_object_count(pb) == 0)
		goto done;
	packs = pl_xasprintf("%s%spack", dir.ptr, dir.size > 0 &&
	    dir.ptr[dir.size - 1] == '/' ? "" : "/");
	rc = git_packbuilder_write(pb, packs, 0, NULL, NULL);
done:
	free(packs);
	git_buf_dispose(&dir);
	git_packbuilder_free(pb);
	git_revwalk_free(h.walk);
	git_odb_free(h.odb);
	return rc;
}

int
pl_push_local(git_repository *repo, const char *path, const char *ref,
    const git_oid *tip, const git_oid *old)
{
	git_repository	*remote = NULL;
	git_reference	*r = NULL;
	int		 rc;

	if ((rc = git_repository_open_ext(&remote, path,
	    GIT_REPOSITORY_OPEN_NO_SEARCH, NULL)) < 0)
		goto done;
	/* git refuses a push to a checked-out branch, libgit2 any */
	if (!git_repository_is_bare(remote)) {
		rc = GIT_EBAREREPO;
		git_error_set_str(GIT_ERROR_INVALID, "not a bare repository");
		goto done;
	}
	if ((rc = send_objects(repo, remote, tip)) < 0)
		goto done;
	/* "push", the message of git receive-pack in the remote's reflog */
	if (old != NULL)
		rc = git_reference_create_matching(&r, remote, ref, tip, 1,
		    old, "push");
	else
		rc = git_reference_create(&r, remote, ref, tip, 0, "push");
	/* moved, made or taken out since the fetch */
	if (rc == GIT_EMODIFIED || rc == GIT_EEXISTS || (rc == GIT_ENOTFOUND &&
	    old != NULL)) {
		git_error_clear();
		rc = 1;
	}
done:
	git_reference_free(r);
	git_repository_free(remote);
	return rc;
}
