#ifndef COURSE_TOOLKIT_CLIBXML2_SHIM_H
#define COURSE_TOOLKIT_CLIBXML2_SHIM_H
// xmlversion.h first, then switch ICU off: Debian's libxml2 is built with ICU, and its ICU
// types clash with the ICU headers Foundation carries on a clean build (see BUILD-NOTES).
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlsave.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlstring.h>
#include <libxml/catalog.h>

/// xmlFree is a global function pointer; Swift 6 concurrency checking rejects touching it directly.
static inline void courseToolkitXMLFree(void *pointer) { xmlFree(pointer); }

#endif
