// The bounds on what learners can ask of a real course server, none of which needs a cluster: how often
// one address gets sessions, how many tokens live, when they expire (the terminal refusing them too), and
// how much of a learner's checking is kept on disk.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ClusterPool } from '../../sandbox/cluster/cluster-pool.ts';
import { HostProcessRunner } from '../../sandbox/runner/host-process-runner.ts';
import { CourseServer, type CourseServerOptions } from '../../sandbox/server/course-server.ts';
import { mountLabApi } from '../../sandbox/server/lab-api.ts';
import { LearnerSessions, type SessionLimits } from '../../sandbox/server/learner-sessions.ts';
import type { ErrorBody } from '../../sandbox/server/refusals.ts';
import { FileAttemptLog, type ExerciseAttempt } from '../../sandbox/terminal/attempt-log.ts';
import { mountTerminal } from '../../sandbox/terminal/mount-terminal.ts';

const siteDir = mkdtempSync(join(tmpdir(), 'limits-site-'));
const attemptsDir = mkdtempSync(join(tmpdir(), 'limits-attempts-'));
const servers: Array<() => Promise<void>> = [];
after(async () => {
  for (const close of servers) await close();
  rmSync(siteDir, { recursive: true, force: true });
  rmSync(attemptsDir, { recursive: true, force: true });
});

/** A course server with the lab API and the terminal, as `npm start` mounts them. */
async function startServer(options: { limits?: Partial<SessionLimits>; rateLimits?: CourseServerOptions['rateLimits'] }) {
  const server = new CourseServer({ siteDir, port: 0, rateLimits: options.rateLimits });
  const pool = new ClusterPool();
  const learners = mountLabApi(server, new LearnerSessions({ runner: new HostProcessRunner(), pool, limits: options.limits }));
  const terminals = mountTerminal(server, { pool, attemptsDir, verifyToken: learners.learnerId });
  const base = await server.listen();
  servers.push(async () => {
    await server.close();
    await terminals.dispose();
    await learners.dispose();
  });
  const newSession = () => fetch(`${base}api/labs/session`, { method: 'POST' });
  const tokenOf = async (response: Response) => ((await response.json()) as { token: string }).token;
  const run = (token: string) => fetch(`${base}api/labs/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, labId: 'no-such-lab', source: '' }),
  });
  /** The status a WebSocket upgrade to the terminal gets. */
  const terminalStatus = (token: string) => new Promise<number>((resolve, reject) => {
    const url = new URL(`api/terminal?exercise=kafka-topics&token=${token}`, base);
    request(url, { headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' } })
      .on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
      .on('upgrade', (_response, socket) => {
        socket.destroy();
        resolve(101);
      })
      .on('error', reject)
      .end();
  });
  return { learners, newSession, tokenOf, run, terminalStatus };
}

describe('learner sessions', () => {
  it('limits how often one address asks for sessions: 429, Retry-After, both languages', async () => {
    const server = await startServer({ rateLimits: { session: { perAddress: { points: 3, seconds: 600 } } } });
    for (let i = 0; i < 3; i++) assert.equal((await server.newSession()).status, 200);
    const refused = await server.newSession();
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) > 500, `Retry-After: ${refused.headers.get('retry-after')}`);
    const body = (await refused.json()) as ErrorBody;
    assert.match(body.message.en, /Too many new sessions.*try again in \d+ s/);
    assert.match(body.message.ko, /새 학습 세션을 너무 자주.*\d+초 뒤에/);
  });

  it('holds a bounded number of tokens: a new learner is told the server is full, no one is evicted', async () => {
    const server = await startServer({ limits: { maxSessions: 2 } });
    const first = await server.tokenOf(await server.newSession());
    const second = await server.tokenOf(await server.newSession());
    const refused = await server.newSession();
    assert.equal(refused.status, 503);
    const body = (await refused.json()) as ErrorBody;
    assert.match(body.message.en, /as many learners as it can hold/);
    assert.match(body.message.ko, /학습자 수가 다 찼습니다/);
    assert.ok(server.learners.has(first) && server.learners.has(second), 'the learners already there keep their sessions');
  });

  it('lets one address\'s new token replace only that address\'s least recently used one', async () => {
    const server = await startServer({ limits: { maxSessionsPerAddress: 2 } });
    const oldest = await server.tokenOf(await server.newSession());
    const used = await server.tokenOf(await server.newSession());
    server.learners.learnerId(used); // the terminal connecting counts as use
    server.learners.learnerId(oldest);
    server.learners.learnerId(used);
    const newest = await server.tokenOf(await server.newSession());
    assert.deepEqual([oldest, used, newest].map((token) => server.learners.has(token)), [false, true, true]);
  });

  it('expires tokens left unused, for the lab API and the terminal alike', async () => {
    const server = await startServer({ limits: { idleExpiryMs: 300 } });
    const token = await server.tokenOf(await server.newSession());
    assert.equal((await server.run(token)).status, 404, 'a live token gets as far as the lab');
    await new Promise((resolve) => setTimeout(resolve, 600));
    const expired = await server.run(token);
    assert.equal(expired.status, 401);
    assert.match(((await expired.json()) as ErrorBody).message.en, /expired session/);
    assert.equal(await server.terminalStatus(token), 401);
    assert.equal(server.learners.learnerId(token), undefined);
  });

  it('expires tokens a while after they were issued, even in use', async () => {
    const server = await startServer({ limits: { absoluteExpiryMs: 400 } });
    const token = await server.tokenOf(await server.newSession());
    for (let i = 0; i < 3; i++) {
      assert.ok(server.learners.learnerId(token));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(await server.terminalStatus(token), 401);
  });
});

describe('attempt records', () => {
  const attempt = (exerciseId: string, at: string, transcript = 'kafka-topics --list\n'): ExerciseAttempt => ({
    learnerId: 'learner-a', exerciseId, at, answers: { count: '3' }, results: [], transcript,
  });
  const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json')).sort();

  it('keeps a bounded number of a learner\'s attempts, over all exercises: the oldest go', async () => {
    const dir = mkdtempSync(join(attemptsDir, 'count-'));
    const log = new FileAttemptLog(dir, { maxAttempts: 3 });
    for (let i = 0; i < 5; i++) await log.record(attempt(i % 2 ? 'kafka-topics' : 'dump-log', `2026-01-01T00:00:0${i}.000Z`));
    const kept = files(join(dir, 'learner-a'));
    assert.equal(kept.length, 3);
    assert.deepEqual(kept.map((name) => name.split('/').pop()!.slice(0, 19)).sort(), ['2026-01-01T00-00-02', '2026-01-01T00-00-03', '2026-01-01T00-00-04']);
  });

  it('keeps a bounded number of bytes per learner, and only the end of a long transcript', async () => {
    const dir = mkdtempSync(join(attemptsDir, 'bytes-'));
    const log = new FileAttemptLog(dir, { maxBytes: 25_000, maxTranscriptChars: 10_000 });
    const transcript = `${'early line\n'.repeat(5000)}the last command\n`;
    for (let i = 0; i < 4; i++) await log.record(attempt('kafka-topics', `2026-01-01T00:00:0${i}.000Z`, transcript));
    const learnerDir = join(dir, 'learner-a');
    const kept = files(learnerDir);
    const bytes = kept.reduce((sum, name) => sum + statSync(join(learnerDir, name)).size, 0);
    assert.ok(bytes <= 25_000, `${bytes} bytes kept`);
    assert.ok(kept.length >= 1);
    const saved = JSON.parse(readFileSync(join(learnerDir, kept.at(-1)!), 'utf8')) as ExerciseAttempt;
    assert.ok(saved.transcript.length <= 10_100);
    assert.match(saved.transcript, /^\[… earlier output cut\]\n[\s\S]*the last command\n$/);
  });
});
