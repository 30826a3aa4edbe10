/* log.h — one-line diagnostics on stderr, prefixed with time, program and pid. */
#ifndef MASAKARI_LOG_H
#define MASAKARI_LOG_H

/* Sets the program name used as prefix; never fails. */
void log_init(const char *program);

/* Sends the log to path (appending) instead of stderr — for programs whose
 * starter points stderr at /dev/null, as spawn-fcgi does. NULL or "" keeps
 * stderr. Returns 0, or -1 (and keeps stderr) when the file cannot be opened. */
int log_to_file(const char *path);

void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
