/* config.h — the one HDF configuration file (MASAKARI_CONFIG or /etc/masakari/masakari.hdf). */
#ifndef MASAKARI_CONFIG_H
#define MASAKARI_CONFIG_H

#include <ClearSilver.h>

#define CONFIG_DEFAULT_PATH "/etc/masakari/masakari.hdf"

/* The path that config_load reads: $MASAKARI_CONFIG if set, else the default. */
const char *config_path(void);

/* Reads and parses the configuration into a new HDF tree in *out.
 * On failure logs why (missing file, syntax error with line) and returns -1. */
int config_load(HDF **out);

/* Parses s whole as a base-10 integer / a number in [min,max] (NaN is not
 * one). Returns 0 with *out set, or -1 when it is not one. */
int config_parse_int(const char *s, long min, long max, long *out);
int config_parse_double(const char *s, double min, double max, double *out);

/* Integer value at name, or def when missing; values outside [min,max] are
 * logged and replaced by def, so a bad config value never reaches the code. */
long config_int(HDF *cfg, const char *name, long def, long min, long max);

/* Decimal value at name, or def when missing; a value that is not a number
 * in [min,max] is logged and replaced by def, as config_int does. */
double config_double(HDF *cfg, const char *name, double def, double min, double max);

/* String value at name, or def when missing or empty. */
const char *config_str(HDF *cfg, const char *name, const char *def);

#endif
