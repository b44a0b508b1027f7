/*
 * The kinds' operations by enum, for code above the kinds that holds an
 * enum pl_kind and must commit or check an entry of any kind (a command's
 * edit by hand, align).  Entry never looks here: the kinds hand it their
 * tables (see entry.h), and this registry sits above both.
 */
#ifndef PL_KINDS_H
#define PL_KINDS_H

#include "pl/entries/entry.h"

/* The operations of kind k: pl_goal_ops for PL_KIND_GOAL... */
const struct pl_kind_ops *pl_kinds_get(enum pl_kind k);

#endif
