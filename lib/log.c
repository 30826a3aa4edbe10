/* log.c — one-line diagnostics on stderr, prefixed with time, program and pid. */
#include "log.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static const char *log_program = "masakari";

void log_init(const char *program)
{
	if (program)
		log_program = program;
}

__attribute__((format(printf, 2, 0)))
static void log_line(const char *level, const char *fmt, va_list ap)
{
	struct timeval tv;
	struct tm tm;
	char stamp[32];
	char msg[2048];

	gettimeofday(&tv, NULL);
	localtime_r(&tv.tv_sec, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%d %H:%M:%S", &tm);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	/* One fprintf per line so lines from several processes do not interleave. */
	fprintf(stderr, "%s.%03ld %s[%d] %s: %s\n", stamp, (long)(tv.tv_usec / 1000),
		log_program, (int)getpid(), level, msg);
}

int log_to_file(const char *path)
{
	int fd;

	if (!path || !*path)
		return 0;
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
	if (fd < 0) {
		log_error("cannot open log file %s: %s", path, strerror(errno));
		return -1;
	}
	/* O_APPEND: lines from every worker land whole, one after another. */
	dup2(fd, STDERR_FILENO);
	close(fd);
	setvbuf(stderr, NULL, _IOLBF, 0);
	return 0;
}

#define LOG_FN(name, level) \
	void name(const char *fmt, ...) \
	{ \
		va_list ap; \
		va_start(ap, fmt); \
		log_line(level, fmt, ap); \
		va_end(ap); \
	}

LOG_FN(log_error, "error")
LOG_FN(log_warn, "warning")
LOG_FN(log_info, "info")
