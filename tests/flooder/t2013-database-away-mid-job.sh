#!/usr/bin/env bash
# A flooder that loses the database mid-job cannot renew its lease, so it stops
# sending before the lease runs out: when another run takes the job over, the
# two never send it at once. When the database answers again, the first finds
# the job taken and leaves the other's report alone.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/flooder.sh"

flooder_take_slot
# Flooder A connects as a database user of its own, so that its database can be
# taken away (the account locked, its connections killed) while B's stays.
a_password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
stack_mysql <<-SQL
	DROP USER IF EXISTS 'flooder_a'@'localhost';
	CREATE USER 'flooder_a'@'localhost' IDENTIFIED BY '$a_password';
	GRANT ALL PRIVILEGES ON masakari.* TO 'flooder_a'@'localhost';
SQL
drop_user_a() { stack_mysql -e "DROP USER IF EXISTS 'flooder_a'@'localhost'"; flooder_cleanup; }
trap drop_user_a EXIT
flooder_config "$TMP/b.hdf" "Flooder.LeaseSeconds = 2" "Flooder.Targets.100 = $CHEAP"
flooder_config "$TMP/a.hdf" "Flooder.LeaseSeconds = 2" "Flooder.Targets.100 = $CHEAP" \
	"DB.FlooderUser = flooder_a" "DB.FlooderPassword = $a_password"

# a_logs TEXT: A's log says TEXT within 4 s.
a_logs() {
	for _ in $(seq 40); do
		grep -qF "$1" "$TMP/flooder-a.log" && return 0
		sleep 0.1
	done
	return 1
}

id=$(queue_job 10 15 "$CHEAP")
flooder_start a "$TMP/a.hdf"
for _ in $(seq 50); do
	[ "$(job "$id" "status = 'running' AND sent >= 10")" = 1 ] && break
	sleep 0.1
done

t "A runs the job until its database goes away"
expect_eq "running under A's lease" "running $(flooder_owner a)" "$(job "$id" "status, lease_owner" | tr '\t' ' ')"
stack_mysql -N -B <<-SQL >"$TMP/kill.sql"
	ALTER USER 'flooder_a'@'localhost' ACCOUNT LOCK;
	SELECT CONCAT('KILL ', id, ';') FROM information_schema.processlist WHERE user = 'flooder_a';
SQL
stack_mysql <"$TMP/kill.sql"
check "A stops sending the job within its lease (2 s)" a_logs "job $id: its lease could not be renewed"
sleep 0.3
a_hits=$(target_hits "$id")
check "A had sent part of it ($a_hits)" test "$a_hits" -ge 10 -a "$a_hits" -lt 150

t "B takes the job over once the lease has expired, and A sends nothing meanwhile"
flooder_start b "$TMP/b.hdf"
check "done" wait_job "$id" done 25
expect_eq "attempt 2, B's" "2 $(flooder_owner b)" "$(job "$id" "attempts, lease_owner" | tr '\t' ' ')"
expect_eq "B's report counts one full run" "150 150 0" "$(job "$id" "sent, ok, errors" | tr '\t' ' ')"
expect_eq "requests at the target: A's part and B's whole run, nothing more" \
	$((a_hits + 150)) "$(target_hits "$id")"

t "when the database answers A again, A finds the job taken and changes nothing"
stack_mysql -e "ALTER USER 'flooder_a'@'localhost' ACCOUNT UNLOCK"
check "A says another run owns it" a_logs "job $id: lease lost"
expect_eq "B's report stands" "done 2 150 150 0" "$(job "$id" "status, attempts, sent, ok, errors" | tr '\t' ' ')"
expect_eq "still nothing more at the target" $((a_hits + 150)) "$(target_hits "$id")"
flooder_stop a
flooder_stop b

done_testing
