/*
 * The one place error messages live.  Kept per thread: pl_entry_list()
 * reads files on several threads, each failing on its own.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "pl/base/error.h"

static _Thread_local char	last[1024];
static _Thread_local int	last_code;

/*
 * Formatted apart, then copied: a caller may pass pl_error_last() (or a
 * pointer into it) as an argument, to put a prefix before the message
 * it holds, and vsnprintf into the buffer it reads from is undefined.
 */
int
pl_error_set(int code, const char *fmt, ...)
{
	char	msg[sizeof last];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	memcpy(last, msg, strlen(msg) + 1);
	last_code = code;
	return code;
}

const char *
pl_error_last(void)
{
	return last;
}

int
pl_error_code(void)
{
	return last_code;
}

void
pl_error_clear(void)
{
	last[0] = '\0';
	last_code = PL_OK;
}
