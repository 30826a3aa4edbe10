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

/* moderate.c: the operators' acts from the shell. */
int ctl_ban(const struct settings *settings, int argc, char **argv);
int ctl_unban(const struct settings *settings, int argc, char **argv);
int ctl_ban_address(const struct settings *settings, int argc, char **argv);
int ctl_unban_address(const struct settings *settings, int argc, char **argv);
int ctl_mute(const struct settings *settings, int argc, char **argv);
int ctl_unmute(const struct settings *settings, int argc, char **argv);
int ctl_kick(const struct settings *settings, int argc, char **argv);
int ctl_chat_delete(const struct settings *settings, int argc, char **argv);
int ctl_announce(const struct settings *settings, int argc, char **argv);
int ctl_operator_link(const struct settings *settings, int argc, char **argv);
int ctl_moderation_log(const struct settings *settings, int argc, char **argv);
/* team.c */
int ctl_team_add(const struct settings *settings, int argc, char **argv);

#endif
