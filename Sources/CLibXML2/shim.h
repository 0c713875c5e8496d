// libxml2 from Debian (libxml2-dev): its HTML parser, forgiving as browsers are, turns an HTML-only mail into a
// tree that LoupeMail reads as text. Nothing of the markup is shown.
//
// Debian builds libxml2 with ICU, whose headers clash with the ICU copy inside Swift's Foundation. Loupe never
// touches libxml2's encoding handlers (the only place ICU types appear), so the ICU part of the headers is left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
