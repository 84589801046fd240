// `npm start`'s last line of defence, in a process of its own (the test runner would report a stray
// rejection itself): a handler that leaves a rejected promise or throws from a timer is logged, and the
// course keeps serving pages and sessions.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const serverScript = join(import.meta.dirname, 'fixtures', 'stray-errors-server.ts');

describe('a course server with a handler that leaves stray errors', () => {
  it('logs an unhandled rejection and an uncaught exception, and keeps serving', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, [serverScript], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (log += text));
    try {
      const [line] = (await once(child.stdout.setEncoding('utf8'), 'data')) as [string];
      const base = line.trim();
      assert.match(base, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      for (const path of ['api/stray/rejection', 'api/stray/exception']) {
        assert.equal((await fetch(base + path)).status, 200);
        // The stray error surfaces after the answer: wait until it is logged.
        while (!log.includes(path.endsWith('rejection') ? 'a stray rejection' : 'a stray exception')) await new Promise((r) => setTimeout(r, 50));
      }
      assert.match(log, /An unhandled rejection \(the course keeps serving\)[\s\S]*a stray rejection/);
      assert.match(log, /An uncaught exception \(the course keeps serving\)[\s\S]*a stray exception/);
      assert.equal(child.exitCode, null, 'the process is alive');
      assert.equal((await fetch(base)).status, 200);
      assert.equal((await fetch(`${base}api/labs/session`, { method: 'POST' })).status, 200);
    } finally {
      child.kill();
    }
  });
});
