/* migrate.h — the migrations in sql/, shared by migrate and doctor. */
#ifndef CTL_MIGRATE_H
#define CTL_MIGRATE_H

#include <stddef.h>

#include "db.h"

/* The NNNN-name.sql files in dir, sorted. Returns 0, or -1 when dir cannot be read. */
int migrate_list(const char *dir, char ***out, size_t *count);
void migrate_list_free(char **names, size_t count);

/* 1 when name is recorded as applied, 0 when not, -1 on a database error. */
int migrate_is_applied(db_t *db, const char *name);

#endif
