/*
 * The one list of the kinds' tables, above entry and the kinds so that
 * neither has to know the others.
 */
#include "pl/entries/evidence.h"
#include "pl/entries/goal.h"
#include "pl/entries/kinds.h"
#include "pl/entries/profile.h"
#include "pl/entries/reflection.h"

static const struct pl_kind_ops *const ops[] = {
	[PL_KIND_PROFILE] = &pl_profile_ops,
	[PL_KIND_GOAL] = &pl_goal_ops,
	[PL_KIND_EVIDENCE] = &pl_evidence_ops,
	[PL_KIND_REFLECTION] = &pl_reflection_ops,
};

const struct pl_kind_ops *
pl_kinds_get(enum pl_kind k)
{
	return ops[k];
}
