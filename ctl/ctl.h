/* ctl.h — masakarictl's subcommands. Each returns the process exit code. */
#ifndef CTL_CTL_H
#define CTL_CTL_H

#include <ClearSilver.h>

int ctl_migrate(HDF *config, int argc, char **argv);
int ctl_doctor(HDF *config, int argc, char **argv);
int ctl_jobs(HDF *config, int argc, char **argv);
int ctl_jw(HDF *config, int argc, char **argv);
int ctl_score(HDF *config, int argc, char **argv);

#endif
