import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { createLogger } from '../../../server/log.ts';

function capture(level: Parameters<typeof createLogger>[0]) {
  const lines: string[] = [];
  return { lines, log: createLogger(level, (line) => lines.push(line)), parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('logger', () => {
  it('writes one JSON object per line: at, level as a word, msg and the fields; below LOG_LEVEL nothing', () => {
    const { lines, log, parsed } = capture('info');
    log.debug('not written', { n: 1 });
    log.info('job started', { job_id: 'job_1', total: 3 });
    log.error('job failed', { job_id: 'job_1' });
    assert.equal(lines.length, 2);
    assert.ok(lines.every((l) => !l.includes('\n')));
    const [first, second] = parsed();
    assert.deepEqual({ ...first, at: undefined }, { at: undefined, level: 'info', msg: 'job started', job_id: 'job_1', total: 3 });
    assert.match(String(first!.at), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(second!.level, 'error');
    const silent = capture('silent');
    silent.log.error('nothing', {});
    assert.equal(silent.lines.length, 0);
  });

  it('redacts personal data and secrets, and strips SQL bound values from errors, also through the pino logger underneath', () => {
    const { lines, log, parsed } = capture('debug');
    const dbError = Object.assign(new Error("update `orders` set `recipient_phone` = '010-1234-5678' - SQLITE_BUSY: database is locked"), {
      code: 'SQLITE_BUSY',
    });
    log.warn('write failed', { recipient_phone: '010-1234-5678', order_id: 'ord_1', error: dbError });
    log.pino.child({ request_id: 'r1' }).info({ orderer_name: '김민준', token: 'tok_secret', line_count: 2 }, 'child');
    const all = lines.join('\n');
    for (const secret of ['010-1234-5678', '김민준', 'tok_secret']) assert.ok(!all.includes(secret), `log contains ${secret}`);
    const [warned, child] = parsed();
    assert.equal(warned!.recipient_phone, '[redacted]');
    assert.equal(warned!.order_id, 'ord_1');
    assert.deepEqual(
      { ...(warned!.error as object), stack: undefined },
      { name: 'Error', message: 'SQLITE_BUSY: database is locked', code: 'SQLITE_BUSY', stack: undefined },
    );
    assert.equal(child!.request_id, 'r1');
    assert.equal(child!.line_count, 2);
    assert.equal(child!.orderer_name, '[redacted]');
  });
});
