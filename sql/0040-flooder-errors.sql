-- 0040-flooder-errors.sql — the flooder's fourth error kind: a connection that
-- was made but then dropped, an empty reply, a TLS failure. Together with
-- errors_connect, errors_timeout and errors_http it adds up to errors, so a
-- report accounts for every request it sent.

ALTER TABLE attack_jobs
  ADD COLUMN errors_other INT UNSIGNED NOT NULL DEFAULT 0 AFTER errors_http;
