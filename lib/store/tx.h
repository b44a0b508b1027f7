/*
 * What of the write path (lib/store/tx.c) only the store uses: the
 * transaction of a new portfolio's first commit.
 */
#ifndef PL_STORE_TX_PRIVATE_H
#define PL_STORE_TX_PRIVATE_H

#include "pl/store/tx.h"

/*
 * pl_tx_begin() for a new portfolio's first commit
 * (pl_portfolio_create_tx()): HEAD must be an unborn branch, which the
 * commit creates.
 */
int	 pl_tx_begin_init(struct pl_tx **out, struct pl_portfolio *) PL_WUR;

#endif
