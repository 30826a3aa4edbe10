/* worker_status.c — host status samples on the database worker
 * (worker_thread.h): the sampler's latest values written to status_samples,
 * which /api/status reads, and a day of them kept. */
#include "worker_thread.h"

#include "status.h"

void worker_status_record(struct worker *w)
{
	struct status_values v;

	if (!w->record_status || status_sampler_latest(&v) != 0)
		return;
	/* Two daemons on one host share a row per second rather than fail. */
	if (db_exec(w->db,
		    "INSERT INTO status_samples (host, at, cpuutilization, disk_read_bytes,"
		    " disk_write_bytes, network_in, network_out) VALUES (?, NOW(), ?, ?, ?, ?, ?)"
		    " ON DUPLICATE KEY UPDATE cpuutilization = VALUES(cpuutilization),"
		    " disk_read_bytes = VALUES(disk_read_bytes),"
		    " disk_write_bytes = VALUES(disk_write_bytes),"
		    " network_in = VALUES(network_in), network_out = VALUES(network_out)",
		    DB_TEXT(w->host), DB_DOUBLE(v.cpuutilization), DB_DOUBLE(v.disk_read_bytes),
		    DB_DOUBLE(v.disk_write_bytes), DB_DOUBLE(v.network_in),
		    DB_DOUBLE(v.network_out)) < 0) {
		worker_db_failed(w, "recording a status sample");
		return;
	}
	worker_db_ok(w);
}

void worker_status_prune(struct worker *w)
{
	if (db_exec(w->db, "DELETE FROM status_samples WHERE at < NOW() - INTERVAL 1 DAY") < 0) {
		worker_db_failed(w, "pruning");
		return;
	}
	worker_db_ok(w);
}
