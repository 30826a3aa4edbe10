#!/usr/bin/env bash
# For a 10 s job the legacy target receives power × 10 requests (± 1 %),
# counted in nginx's access log, and the report says the same.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/flooder.sh"

flooder_take_slot
flooder_start cron "$MASAKARI_CONFIG"
power=37
id=$(queue_job $power 10 "$TARGET")

t "the target receives power × 10 requests"
check "done" wait_job "$id" done 20
hits=$(target_hits "$id")
check "$hits requests within 1% of $((power * 10))" within 1 $((power * 10)) "$hits"

t "the report counts every one of them"
expect_eq "sent" $((power * 10)) "$(job "$id" sent)"
expect_eq "ok + errors = sent" $((power * 10)) "$(job "$id" "ok + errors")"
expect_eq "answered with 200 (as nginx logged them)" "$(grep -c "\" 200 [0-9]* \"-\" \"masakari-flooder (job $id)\"" "$STACK_VAR/log/nginx-access.log")" \
	"$(job "$id" "JSON_VALUE(codes, '\$.\"200\"')")"
achieved=$(job "$id" achieved_rate)
check "achieved rate within 1% of $power ($achieved)" within 1 $power "$achieved"

flooder_stop cron
done_testing
