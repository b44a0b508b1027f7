/*
 * ICU loaded on demand (icu.h).  The libraries and symbols are the ones
 * pl was built against: ICU renames every function with its major version
 * (u_charType is u_charType_72), and its headers say which.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

#include <unicode/uvernum.h>

#include "base/icu.h"
#include "pl/base/util.h"

#define STR_(x)	#x
#define STR(x)	STR_(x)
#define SONAME(lib)	"lib" lib ".so." STR(U_ICU_VERSION_MAJOR_NUM)

static struct pl_icu	icu;
static const struct pl_icu *loaded;
static pthread_once_t	once = PTHREAD_ONCE_INIT;

/*
 * The libraries stay loaded until exit: a transliterator made from them
 * lives as long as pl does.
 */
static void
load(void)
{
	void	*uc, *i18n;

	uc = dlopen(SONAME("icuuc"), RTLD_NOW | RTLD_LOCAL);
	i18n = dlopen(SONAME("icui18n"), RTLD_NOW | RTLD_LOCAL);
	if (pl_dlsym(uc, STR(u_charType), &icu.char_type) &&
	    pl_dlsym(uc, STR(u_getIntPropertyValue), &icu.int_property) &&
	    pl_dlsym(uc, STR(u_strFromUTF8WithSub), &icu.from_utf8) &&
	    pl_dlsym(uc, STR(u_strToUTF8WithSub), &icu.to_utf8) &&
	    pl_dlsym(i18n, STR(utrans_openU), &icu.trans_open) &&
	    pl_dlsym(i18n, STR(utrans_transUChars), &icu.trans_uchars))
		loaded = &icu;
}

const struct pl_icu *
pl_icu(void)
{
	pthread_once(&once, load);
	return loaded;
}
