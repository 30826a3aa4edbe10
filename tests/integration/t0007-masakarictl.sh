#!/usr/bin/env bash
# masakarictl migrate and doctor.
. "$(dirname "$0")/../lib.sh"
ctl=$ROOT/bin/masakarictl

t "migrate is idempotent: a second run applies nothing"
out=$("$ctl" migrate)
check "exit 0" test $? -eq 0
check "nothing applied ($out)" grep -q "^0 migrations applied" <<<"$out"
expect_eq "every file recorded" "$(ls "$ROOT"/sql/[0-9][0-9][0-9][0-9]-*.sql | wc -l)" "$(sql 'SELECT COUNT(*) FROM schema_migrations')"

t "migrate applies a new file once, in order"
mkdir -p "$TMP/sql"
cp "$ROOT"/sql/*.sql "$TMP/sql/"
printf 'CREATE TABLE t_migrate_probe (id INT);\n' >"$TMP/sql/9998-probe.sql"
printf 'INSERT INTO t_migrate_probe VALUES (1);\n' >"$TMP/sql/9999-probe-data.sql"
sed "s|Sql = .*|Sql = $TMP/sql|" "$MASAKARI_CONFIG" >"$TMP/migrate.hdf"
out=$(MASAKARI_CONFIG=$TMP/migrate.hdf "$ctl" migrate)
check "two applied" grep -q "^2 migrations applied" <<<"$out"
out=$(MASAKARI_CONFIG=$TMP/migrate.hdf "$ctl" migrate)
check "then none" grep -q "^0 migrations applied" <<<"$out"
expect_eq "data inserted once" 1 "$(sql 'SELECT COUNT(*) FROM t_migrate_probe')"

t "a failing migration stops with the server's message and is not recorded"
printf 'CREATE TABLE broken (;\n' >"$TMP/sql/9999-zz-broken.sql"
MASAKARI_CONFIG=$TMP/migrate.hdf "$ctl" migrate >"$TMP/out" 2>&1
check "non-zero exit" test $? -ne 0
check "names the file" grep -q "9999-zz-broken.sql failed" "$TMP/out"
expect_eq "not recorded" 0 "$(sql "SELECT COUNT(*) FROM schema_migrations WHERE version='9999-zz-broken.sql'")"
sql "DROP TABLE t_migrate_probe; DELETE FROM schema_migrations WHERE version LIKE '999%'"

t "doctor passes on the running stack"
"$ctl" doctor >"$TMP/out" 2>&1
check "exit 0" test $? -eq 0 || cat "$TMP/out"
check "says so" grep -q "everything checks out" "$TMP/out"

t "doctor names a missing config file"
doctor_fails "$TMP/nope.hdf" "names the path" "$TMP/nope.hdf"

t "doctor names a syntax error"
printf 'DB {\n Name = x\n' >"$TMP/broken.hdf"
doctor_fails "$TMP/broken.hdf" "FAIL line" "FAIL config"

t "doctor names a wrong database password"
sed "s|Password = .*|Password = wrong|" "$MASAKARI_CONFIG" >"$TMP/badpw.hdf"
doctor_fails "$TMP/badpw.hdf" "access denied reported" "FAIL database: cannot connect.*Access denied"

t "doctor names a template that does not parse"
cp -r "$ROOT/templates" "$TMP/templates"
printf '<?cs if:x ?>unclosed\n' >"$TMP/templates/broken.cs"
sed "s|Templates = .*|Templates = $TMP/templates|" "$MASAKARI_CONFIG" >"$TMP/badtpl.hdf"
doctor_fails "$TMP/badtpl.hdf" "names the template" "FAIL templates: broken.cs"

t "doctor names an unreachable target"
sed "s|0 = http://127.0.0.1:.*/legacy/random|0 = http://127.0.0.1:1/legacy/random|" "$MASAKARI_CONFIG" >"$TMP/badtarget.hdf"
doctor_fails "$TMP/badtarget.hdf" "names the target" "FAIL target: http://127.0.0.1:1/legacy/random cannot be reached"

t "doctor names a bad number"
sed "s|CostMs = .*|CostMs = lots|" "$MASAKARI_CONFIG" >"$TMP/badnum.hdf"
doctor_fails "$TMP/badnum.hdf" "names the value" "FAIL config: Legacy.CostMs"

t "masakarictl without a command prints usage and exits 2"
"$ctl" >"$TMP/out" 2>&1
expect_eq "exit" 2 "$?"
check "usage" grep -q "usage: masakarictl" "$TMP/out"

done_testing
