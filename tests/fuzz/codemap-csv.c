/* A CSV of code replacements for pl align migrate (lib/entries/standards.c). */
#include "fuzz.h"
#include "pl/entries/standards.h"

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	struct pl_code_map	m;
	size_t			i, j;

	if (pl_code_map_read(&m, "map.csv", (const char *)d, n) == PL_OK) {
		FUZZ_CHECK(m.old.n == m.new.n && m.old.n == m.where.n,
		    "%zu old codes, %zu new", m.old.n, m.new.n);
		for (i = 0; i < m.old.n && i < 64; i++)
			for (j = i + 1; j < m.old.n && j < 64; j++)
				FUZZ_CHECK(strcmp(m.old.v[i], m.old.v[j]) != 0,
				    "old code '%s' twice", m.old.v[i]);
	}
	pl_code_map_release(&m);
	return 0;
}
