/* ctl.h — masakarictl's subcommands. Each returns the process exit code. */
#ifndef CTL_CTL_H
#define CTL_CTL_H

#include "settings.h"

int ctl_migrate(const struct settings *settings, int argc, char **argv);
int ctl_doctor(const struct settings *settings, int argc, char **argv);
int ctl_jobs(const struct settings *settings, int argc, char **argv);
int ctl_jw(const struct settings *settings, int argc, char **argv);
int ctl_settings(const struct settings *settings, int argc, char **argv);
int ctl_score(const struct settings *settings, int argc, char **argv);
int ctl_schema(const struct settings *settings, int argc, char **argv);

#endif
