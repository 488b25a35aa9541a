#ifndef KLEROTERION_CGLPK_SHIM_H
#define KLEROTERION_CGLPK_SHIM_H
#include <glpk.h>
#endif
