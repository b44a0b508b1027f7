/*
 * Moodle's competency framework CSV (lib/entries/standards.c): the input is the
 * rows after Moodle's own header, so every input is read as Moodle's.
 */
#include "standards.h"

static const char head[] = "\"Parent id number\",\"Id number\",Shortname,"
    "Description,\"Description format\",\"Scale values\",\"Scale "
    "configuration\",\"Rule type (optional)\",\"Rule outcome (optional)\","
    "\"Rule config (optional)\",\"Cross referenced competency id "
    "numbers\",\"Exported id (optional)\",\"Is framework\",Taxonomy\n";

int
LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	struct pl_buf	b = PL_BUF_INIT;

	pl_buf_puts(&b, head);
	pl_buf_put(&b, (const char *)d, n);
	fuzz_standards("moodle.csv", b.ptr, b.len);
	pl_buf_release(&b);
	return 0;
}
