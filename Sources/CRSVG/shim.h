#ifndef COURSE_TOOLKIT_CRSVG_SHIM_H
#define COURSE_TOOLKIT_CRSVG_SHIM_H
// librsvg draws SVG through cairo; the toolkit uses it only to turn badge art into PNG.
#include <librsvg/rsvg.h>
#include <cairo.h>

#endif
