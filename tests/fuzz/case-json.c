/*
 * An IMS CASE JSON package (lib/entries/standards.c): as a framework, and as the
 * code replacements pl align migrate reads from it.
 */
#include "standards.h"

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	struct pl_code_map	m;
	size_t			i = 0;

	while (i < n && strchr(" \t\r\n", d[i]) != NULL && d[i] != '\0')
		i++;
	if (i == n || d[i] != '{')
		return 0;	/* the CSV targets read the rest */
	fuzz_standards("fw.json", (const char *)d, n);
	if (pl_code_map_read(&m, "map.json", (const char *)d, n) == PL_OK)
		FUZZ_CHECK(m.old.n == m.new.n && m.old.n == m.where.n,
		    "%zu old codes, %zu new", m.old.n, m.new.n);
	pl_code_map_release(&m);
	return 0;
}
