/*
 * A tiny TAP producer for the unit tests: ok() records one result with the
 * file and line of a failure, done_testing() prints the plan and returns
 * the exit status.  Just enough for meson's TAP protocol.
 */
#ifndef PL_TAP_H
#define PL_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

/*
 * A line at a time: a test that forks must not hand its child lines
 * still buffered, which the child's exit would print again (valgrind
 * flushes stdio in a child even after _exit()).
 */
static void __attribute__((constructor))
tap_start(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
}

#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define is_str(got, want, ...) tap_is_str((got), (want), __FILE__, __LINE__, \
	__VA_ARGS__)
#define is_int(got, want, ...) tap_is_int((long)(got), (long)(want), \
	__FILE__, __LINE__, __VA_ARGS__)

/*
 * Counts one result and prints its line: "ok N - " or "not ok N - ", the
 * description, and for a failure the file and line; the caller adds what
 * it compared.  Returns pass.
 */
static int __attribute__((unused, format(printf, 4, 0)))
tap_result(int pass, const char *file, int line, const char *fmt,
    va_list ap)
{
	tap_n++;
	printf("%s %d - ", pass ? "ok" : "not ok", tap_n);
	vprintf(fmt, ap);
	printf("\n");
	if (!pass) {
		tap_failed++;
		printf("#   failed at %s:%d\n", file, line);
	}
	return pass;
}

static int __attribute__((unused, format(printf, 4, 5)))
tap_ok(int pass, const char *file, int line, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	tap_result(pass, file, line, fmt, ap);
	va_end(ap);
	return pass;
}

static int __attribute__((unused, format(printf, 5, 6)))
tap_is_str(const char *got, const char *want, const char *file, int line,
    const char *fmt, ...)
{
	va_list	ap;
	int	pass = (got == NULL && want == NULL) ||
		    (got != NULL && want != NULL && strcmp(got, want) == 0);

	va_start(ap, fmt);
	tap_result(pass, file, line, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#   got:  '%s'\n#   want: '%s'\n",
		    got ? got : "(null)", want ? want : "(null)");
	return pass;
}

static int __attribute__((unused, format(printf, 5, 6)))
tap_is_int(long got, long want, const char *file, int line,
    const char *fmt, ...)
{
	va_list	ap;
	int	pass = got == want;

	va_start(ap, fmt);
	tap_result(pass, file, line, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#   got:  %ld\n#   want: %ld\n", got, want);
	return pass;
}

static int __attribute__((unused))
done_testing(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
