/* web_workers.c — the pre-forked workers of a FastCGI program.
 *
 * The process started on the listening socket (fd 0, from spawn-fcgi or a
 * systemd socket unit) forks Web.Workers.<program> workers that all accept on
 * it, and starts a new one whenever one dies, so a crash costs one request and
 * not the program. SIGTERM stops the workers, then the supervisor. */
#include "web_internal.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

#define WEB_MAX_WORKERS 64

static volatile sig_atomic_t web_stopping;

static void web_on_stop(int sig)
{
	(void)sig;
	web_stopping = 1;
}

static pid_t web_spawn_worker(const struct web_app *app, int (*serve)(const struct web_app *app))
{
	pid_t pid = fork();

	if (pid == 0) {
		signal(SIGTERM, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		_exit(serve(app));
	}
	if (pid < 0)
		log_error("cannot fork a worker: %s", strerror(errno));
	return pid;
}

int web_workers_supervise(const struct web_app *app, int workers,
			  int (*serve)(const struct web_app *app))
{
	pid_t pids[WEB_MAX_WORKERS];
	struct sigaction sa = { .sa_handler = web_on_stop };
	time_t last_death = 0;

	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	for (int i = 0; i < workers; i++)
		pids[i] = web_spawn_worker(app, serve);
	while (!web_stopping) {
		int status;
		pid_t dead = waitpid(-1, &status, 0);

		if (dead < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < workers; i++) {
			if (pids[i] != dead)
				continue;
			if (WIFSIGNALED(status))
				log_error("worker %d died of signal %d; starting another", (int)dead,
					  WTERMSIG(status));
			else
				log_error("worker %d exited with %d; starting another", (int)dead,
					  WEXITSTATUS(status));
			/* A worker that cannot start at all must not spin the CPU. */
			if (time(NULL) - last_death < 1)
				sleep(1);
			last_death = time(NULL);
			pids[i] = web_stopping ? -1 : web_spawn_worker(app, serve);
		}
	}
	for (int i = 0; i < workers; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	while (waitpid(-1, NULL, 0) > 0 || errno == EINTR)
		;
	return 0;
}
