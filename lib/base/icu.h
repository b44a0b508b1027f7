/*
 * Internal: the few ICU functions pl uses (a character's width on a
 * terminal, transliterating a title to make an id), loaded the first time
 * one is needed.  Linking ICU made every run of pl map ICU and the C++
 * library and relocate them, about a quarter of the start-up of a command
 * that never meets a character outside ASCII.
 */
#ifndef PL_ICU_H
#define PL_ICU_H

#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

struct pl_icu {
	int8_t		 (*char_type)(UChar32);
	int32_t		 (*int_property)(UChar32, UProperty);
	UChar		*(*from_utf8)(UChar *, int32_t, int32_t *,
			    const char *, int32_t, UChar32, int32_t *,
			    UErrorCode *);
	char		*(*to_utf8)(char *, int32_t, int32_t *,
			    const UChar *, int32_t, UChar32, int32_t *,
			    UErrorCode *);
	UTransliterator	*(*trans_open)(const UChar *, int32_t,
			    UTransDirection, const UChar *, int32_t,
			    UParseError *, UErrorCode *);
	void		 (*trans_uchars)(const UTransliterator *, UChar *,
			    int32_t *, int32_t, int32_t, int32_t *,
			    UErrorCode *);
};

/*
 * ICU's functions, loaded once (thread-safe); NULL when this machine's
 * ICU cannot be loaded, and each caller then does without it as it
 * already does without ICU's data.
 */
const struct pl_icu	*pl_icu(void);

#endif
