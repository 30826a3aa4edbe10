#!/usr/bin/env bash
# The flooder's own HTTP client (flooder/wire.c) against every shape of answer
# a plain-HTTP target may give: a body by length, in chunks, as HTTP/1.0, or
# running to the close all count as answered; something that is not HTTP is
# an error of the "other" kind. It keeps its connections alive, and a request
# that meets a connection the target had let go stale goes again on a new one
# instead of failing. An https:// target is libcurl's, which speaks TLS.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/flooder.sh"

flooder_take_slot
declare -A url log
for shape in length chunked http10 eof garbage; do
	log[$shape]=$TMP/fake-$shape.log
	fake_start -a "$shape" -l "${log[$shape]}" -c
	url[$shape]=http://127.0.0.1:$FAKE_PORT/$shape
done
log[stale]=$TMP/fake-stale.log
fake_start -k 3 -l "${log[stale]}" -c
url[stale]=http://127.0.0.1:$FAKE_PORT/stale
# The fake target listens on 127.0.0.1 only; localhost may name ::1 first.
log[localhost]=$TMP/fake-localhost.log
fake_start -l "${log[localhost]}"
url[localhost]=http://localhost:$FAKE_PORT/localhost
# A plain-HTTP server behind an https:// URL: libcurl's TLS greeting is no
# request to it, so it answers nothing, where the own client would have been
# answered 200.
log[tls]=$TMP/fake-tls.log
fake_start -l "${log[tls]}" -c
url[tls]=https://127.0.0.1:$FAKE_PORT/tls
targets=()
i=100
for k in "${!url[@]}"; do
	targets+=("Flooder.Targets.$i = ${url[$k]}")
	i=$((i + 1))
done
flooder_config "$TMP/plain.hdf" "${targets[@]}" "Flooder.RequestTimeoutMs = 1000"
flooder_start plain "$TMP/plain.hdf"

requests() { grep -c "^GET /$1 HTTP/1.1" "${log[$1]}" || true; }
accepts() { grep -c '^accept$' "${log[$1]}" || true; }

for shape in length chunked http10 eof; do
	t "an answer $shape counts as answered"
	id=$(queue_job 20 2 "${url[$shape]}")
	check "done" wait_job "$id" done 6
	expect_eq "sent, ok, errors" "40 40 0" "$(job "$id" "sent, ok, errors" | tr '\t' ' ')"
	expect_eq "codes" '{"200":40}' "$(job "$id" "codes" | tr -d ' ')"
	expect_eq "requests at the target" 40 "$(requests "$shape")"
done

t "connections are kept alive unless the target ends them"
# One connection carries them all unless requests are in flight at once,
# which a machine busy with other work makes now and then (3 and 7 of 40 in
# full runs): kept alive, they are fewer than half the requests, against one
# each below.
check "a body by length: fewer than 20 connections for 40 requests ($(accepts length))" test "$(accepts length)" -lt 20
check "in chunks: fewer than 20 ($(accepts chunked))" test "$(accepts chunked)" -lt 20
expect_eq "HTTP/1.0 without keep-alive: one each" 40 "$(accepts http10)"
expect_eq "a body that runs to the close: one each" 40 "$(accepts eof)"

t "an answer that is not HTTP is an error of the other kind"
id=$(queue_job 10 2 "${url[garbage]}")
check "done" wait_job "$id" done 6
expect_eq "sent, ok, errors, other" "20 0 20 20" "$(job "$id" "sent, ok, errors, errors_other" | tr '\t' ' ')"
expect_eq "no status codes" "{}" "$(job "$id" codes | tr -d ' ')"

t "a request on a connection gone stale goes again on a new one"
id=$(queue_job 20 2 "${url[stale]}")
check "done" wait_job "$id" done 6
expect_eq "sent, ok, errors" "40 40 0" "$(job "$id" "sent, ok, errors" | tr '\t' ' ')"
n=$(requests stale)
c=$(accepts stale)
# Three answered on a connection at most, and a fourth request on it meets
# the close and goes again: 40 answered on at least 14 connections. (Two
# requests at once, on a busy machine, open a second connection.)
check "at least 14 connections ($c)" test "$c" -ge 14
check "requests at the target: 40 answered, and the first try of some that met a stale connection ($n)" \
	test "$n" -gt 40 -a "$n" -le $((40 + c))

t "a host name is tried at each of its addresses"
id=$(queue_job 10 1 "${url[localhost]}")
check "done" wait_job "$id" done 5
expect_eq "sent, ok, errors" "10 10 0" "$(job "$id" "sent, ok, errors" | tr '\t' ' ')"

t "an https:// target goes by libcurl, in TLS"
id=$(queue_job 5 1 "${url[tls]}")
check "done" wait_job "$id" done 5
expect_eq "sent, ok, errors" "5 0 5" "$(job "$id" "sent, ok, errors" | tr '\t' ' ')"
check "it connected ($(accepts tls))" test "$(accepts tls)" -ge 1
expect_eq "but sent no plain request" 0 "$(grep -c '^GET ' "${log[tls]}" || true)"

flooder_stop plain
expect_eq "exit code" 0 "$FLOODER_EXIT"
done_testing
