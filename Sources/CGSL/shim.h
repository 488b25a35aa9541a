#ifndef KLEROTERION_CGSL_SHIM_H
#define KLEROTERION_CGSL_SHIM_H
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_histogram.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sort_double.h>

/* Swift 6 rejects mutable C globals such as gsl_rng_mt19937 as not concurrency-safe,
   so the generator type is handed out by a function instead. */
static inline const gsl_rng_type *kleroterion_gsl_mt19937(void) { return gsl_rng_mt19937; }
#endif
