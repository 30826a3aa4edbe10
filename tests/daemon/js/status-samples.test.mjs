// status-samples.test.mjs — the daemon records this host's status into
// status_samples (every Halld.StatusSampleSeconds, 5 by default) for the HP
// history, and prunes samples older than a day.
import assert from 'node:assert/strict';
import os from 'node:os';
import { describe, test } from 'node:test';
import { sleep, sql, sqlQuote, startDaemon } from '../lib/hall.mjs';

const host = sqlQuote(os.hostname());

describe('status samples', { timeout: 60000 }, () => {
  test("the stack's daemon has recorded a sample for this host within the last 5 seconds or so", async () => {
    let age = null;
    for (let i = 0; i < 60 && (age === null || age > 7); i += 1) {
      const v = sql(`SELECT TIMESTAMPDIFF(SECOND, MAX(at), UTC_TIMESTAMP()) FROM status_samples WHERE host = ${host}`);
      age = v === 'NULL' ? null : Number(v);
      if (age === null || age > 7) await sleep(250);
    }
    assert.ok(age !== null && age <= 7, `newest sample is ${age} s old`);
    const row = sql(`SELECT cpuutilization, disk_read_bytes, disk_write_bytes, network_in, network_out FROM status_samples
      WHERE host = ${host} ORDER BY at DESC LIMIT 1`).split('\t').map(Number);
    assert.equal(row.length, 5);
    assert.ok(row.every((v) => Number.isFinite(v) && v >= 0));
    assert.ok(row[0] <= 100);
  });

  test('samples come at the configured interval', async () => {
    const d = await startDaemon(['Halld.StatusSampleSeconds = 1'], 'samples');
    try {
      const since = sql('SELECT UTC_TIMESTAMP()');
      await sleep(4500);
      const n = Number(sql(`SELECT COUNT(*) FROM status_samples WHERE host = ${host} AND at >= '${since}'`));
      assert.ok(n >= 3, `${n} samples in 4.5 s at one a second`);
    } finally {
      await d.stop();
    }
  });

  test('samples older than a day are pruned, younger ones kept', async () => {
    const cols = 'host, at, cpuutilization, disk_read_bytes, disk_write_bytes, network_in, network_out';
    sql(`DELETE FROM status_samples WHERE host = 'prune-test-host';
      INSERT INTO status_samples (${cols}) VALUES
      ('prune-test-host', UTC_TIMESTAMP() - INTERVAL 2 DAY, 50, 0, 0, 0, 0),
      ('prune-test-host', UTC_TIMESTAMP() - INTERVAL 25 HOUR, 50, 0, 0, 0, 0),
      ('prune-test-host', UTC_TIMESTAMP() - INTERVAL 12 HOUR, 50, 0, 0, 0, 0)`);
    const d = await startDaemon([], 'prune');
    try {
      let left;
      for (let i = 0; i < 60; i += 1) {
        left = Number(sql("SELECT COUNT(*) FROM status_samples WHERE host = 'prune-test-host'"));
        if (left === 1) break;
        await sleep(250);
      }
      assert.equal(left, 1, 'only the sample younger than a day is left');
      assert.equal(sql("SELECT COUNT(*) FROM status_samples WHERE host = 'prune-test-host' AND at > UTC_TIMESTAMP() - INTERVAL 1 DAY"), '1');
    } finally {
      await d.stop();
      sql("DELETE FROM status_samples WHERE host = 'prune-test-host'");
    }
  });
});
