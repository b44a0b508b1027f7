/*
 * Curriculum standards: the frameworks a portfolio keeps as
 * standards/<name>.csv (header code,parent,grade,subject,description,
 * then any extra columns), which goals and evidence name by code in
 * their front matter "standards" list.
 */
#ifndef PL_STANDARDS_H
#define PL_STANDARDS_H

#include <stddef.h>

#include "pl/base/error.h"
#include "pl/entries/stdlist.h"
#include "pl/store/portfolio.h"
#include "pl/base/util.h"

/*
 * The most standards a framework may have, and the longest field of
 * one (code, parent, grade, subject or description), in bytes: a file
 * over either is refused (PL_EPARSE, exit 6) when imported.
 */
#define PL_STANDARDS_MAX	1000000
#define PL_STANDARD_FIELD_MAX	65536

/* The folder of the portfolio that holds the frameworks. */
#define PL_STANDARDS_DIR "standards"

void	 pl_code_map_release(struct pl_code_map *);

/*
 * Framework order of x, a row of a, and y, a row of b (two reads of one
 * portfolio, perhaps at two commits, perhaps of only the codes they
 * name): the framework files as git lists them, then the line each row
 * was read at.  <0, 0 or >0, as strcmp().
 */
int	 pl_standards_order(const struct pl_standards *a,
	    const struct pl_standard *x, const struct pl_standards *b,
	    const struct pl_standard *y);

/*
 * Reads every committed standards/<name>.csv of the portfolio (at its
 * revision); a file that cannot be read is a warning, not an error.
 * Release with pl_standards_release().
 */
int	 pl_standards_load(struct pl_standards *out, struct pl_portfolio *,
	    struct pl_strlist *warnings) PL_WUR;

/*
 * As pl_standards_load(), but reads only the standards that one of
 * codes may name (as pl_standards_find() finds them), through an index
 * of each framework kept in <gitdir>/pl/ (made the first time): a
 * command pays for the codes it names, not for every row.  Finding a
 * code the list does not hold still says which codes of every
 * framework are near.
 */
int	 pl_standards_load_codes(struct pl_standards *out,
	    struct pl_portfolio *, const struct pl_strlist *codes,
	    struct pl_strlist *warnings) PL_WUR;

/* The number of standards in every framework read. */
size_t	 pl_standards_total(const struct pl_standards *);

/*
 * The number of codes of every framework read, a code two frameworks
 * share counted once.
 */
size_t	 pl_standards_distinct(const struct pl_standards *);

/*
 * The number of codes of every framework read whose grade takes in
 * grade (pl_grade_has()), a code two frameworks share counted once.
 */
size_t	 pl_standards_of_grade(const struct pl_standards *,
	    const char *grade);

/*
 * 1 when a standard's grade (one, "7", or a span, "6-8", "K-12") takes
 * in the grade asked for: the same text, case aside, or the same number
 * ("07" is 7, "K" and "KG" 0, "PK" -1).
 */
int	 pl_grade_has(const char *grade, const char *asked);

void	 pl_standards_release(struct pl_standards *);

/*
 * The standard code names: exact, else case-insensitively, else the
 * unambiguous short form ("6.RP.A.1" for "CCSS.Math.Content.6.RP.A.1": a
 * suffix after a '.').  PL_ENOTFOUND "unknown standard 'x' (did you mean
 * 'a', 'b'?)" with the nearest codes by edit distance; PL_EINVAL
 * "standard 'x' is ambiguous: 'a', 'b'".  *out is borrowed from the
 * list.
 */
int	 pl_standards_find(const struct pl_standard **out,
	    const struct pl_standards *, const char *code) PL_WUR;

/*
 * Parses the framework file name (text, len bytes) into out, each
 * standard's framework set to framework: pl's own CSV (a header naming
 * at least code and description, in any order; extra columns kept),
 * Moodle's competency framework CSV, or an IMS CASE JSON package.  A
 * byte-order mark, CR LF, blank lines and runs of white space are
 * forgiven.  PL_EPARSE "name:LINE: what" for a file none of these, more
 * than PL_STANDARDS_MAX rows, a field over PL_STANDARD_FIELD_MAX bytes, a
 * row without a code, or a code twice ("duplicate code 'x' (also on
 * line N)"); a parent not in the file is a warning.  Release with
 * pl_standards_release().
 */
int	 pl_standards_parse(struct pl_standards *out, const char *framework,
	    const char *name, const char *text, size_t len,
	    struct pl_strlist *warnings) PL_WUR;

/*
 * Reads the code replacements of file name (text, len bytes) into out:
 * a CSV of two columns, the old code then the new (a first row
 * "old,new" is a header), or an IMS CASE package's isReplacedBy and
 * replacedBy associations (an end not in the package named by its
 * NodeURI's title, where OpenSALT writes the code).  Byte-order mark,
 * CR LF, blank lines and spaces as pl_standards_parse() forgives them.
 * PL_EPARSE "name:LINE: what" for a row that is not two codes or an old
 * code given twice.  Release with pl_code_map_release().
 */
int	 pl_code_map_read(struct pl_code_map *out, const char *name,
	    const char *text, size_t len) PL_WUR;

/*
 * Appends to out the framework list holds as pl keeps it in
 * standards/<name>.csv: the header, then a row per standard, fields
 * quoted only when they must be.
 */
void	 pl_standards_write(const struct pl_standards *, struct pl_buf *out);

/*
 * The index of the standard whose code is code exactly, case aside,
 * or -1.
 */
long	 pl_standards_index(const struct pl_standards *, const char *code);

#endif
