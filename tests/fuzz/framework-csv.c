/* A framework in pl's own CSV, header and all (lib/entries/standards.c). */
#include "standards.h"

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	fuzz_standards("fw.csv", (const char *)d, n);
	return 0;
}
