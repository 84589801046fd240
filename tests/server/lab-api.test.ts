// The lab API on a real course server and real clusters: sessions, streamed runs, a second run cancelling
// the first, hidden checks kept out of the page, and one learner's hostile program not stopping another's.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CourseServer } from '../../sandbox/server/course-server.ts';
import { mountLabApi, type LabStreamEvent } from '../../sandbox/server/lab-api.ts';
import type { LearnerSessions } from '../../sandbox/server/learner-sessions.ts';
import type { LabRunEvent } from '../../sandbox/lab/lab-run.ts';
import { loadLab } from '../../sandbox/lab/lab-catalog.ts';
import type { ErrorBody } from '../../sandbox/server/refusals.ts';

describe('lab API', () => {
  const siteDir = mkdtempSync(join(tmpdir(), 'lab-api-site-'));
  const RUNS_PER_LEARNER = 4;
  const server = new CourseServer({
    siteDir,
    port: 0,
    rateLimits: { run: { perToken: { points: RUNS_PER_LEARNER, seconds: 600 }, perAddress: { points: 100, seconds: 600 } } },
  });
  let sessions: LearnerSessions;
  let base: string;
  before(async () => {
    sessions = mountLabApi(server);
    base = await server.listen();
  });
  after(async () => {
    await server.close();
    await sessions.dispose();
    rmSync(siteDir, { recursive: true, force: true });
  });

  const newSession = async () => ((await (await fetch(`${base}api/labs/session`, { method: 'POST' })).json()) as { token: string }).token;
  const postRun = (body: object) =>
    fetch(`${base}api/labs/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  async function run(token: string, source: string, labId = 'keyed-producer'): Promise<LabStreamEvent[]> {
    const response = await postRun({ token, labId, source });
    assert.equal(response.status, 200, await response.clone().text());
    const text = await response.text();
    return text.trim().split('\n').map((line) => JSON.parse(line) as LabStreamEvent);
  }
  const exitOf = (events: LabStreamEvent[]) => events.find((e): e is Extract<LabRunEvent, { type: 'exit' }> => e.type === 'exit');
  const compileErrorOf = (events: LabStreamEvent[]) => events.find((e) => e.type === 'compile-error');
  const checksOf = (events: LabStreamEvent[]) => events.find((e): e is Extract<LabRunEvent, { type: 'checks' }> => e.type === 'checks');

  it('streams a run\'s output then the visible checks, and only then offers the solution', async () => {
    const token = await newSession();
    const lab = await loadLab('keyed-producer');
    assert.equal((await fetch(`${base}api/labs/solution?lab=keyed-producer&token=${token}`)).status, 403);
    const events = await run(token, lab.solution);
    assert.deepEqual(events.filter((e) => e.type === 'phase').map((e) => e.phase), ['compiling', 'preparing', 'running', 'checking']);
    assert.match(events.filter((e) => e.type === 'output').map((e) => e.text).join(''), /alice:1 → partition \d, offset \d/);
    const checks = checksOf(events)!.results;
    assert.deepEqual(checks.map((c) => c.id), lab.checks.filter((c) => !c.hidden).map((c) => c.id), 'hidden checks stay out of the page');
    assert.ok(checks.every((c) => c.passed));
    const solution = await fetch(`${base}api/labs/solution?lab=keyed-producer&token=${token}`);
    assert.equal(((await solution.json()) as { solution: string }).solution, lab.solution);
  });

  it('reports compile errors with line and column', async () => {
    const events = await run(await newSession(), 'const x = ;');
    const compile = events.find((e) => e.type === 'compile-error');
    assert.deepEqual(compile?.type === 'compile-error' && compile.problems.map((p) => [p.line, p.column]), [[1, 11]]);
  });

  it('cancels a learner\'s first run when a second starts, and keeps serving another learner meanwhile', async () => {
    const looping = await newSession();
    const other = await newSession();
    const first = run(looping, 'console.log("looping"); while (true) {}');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const neighbour = await run(other, (await loadLab('keyed-producer')).solution);
    assert.ok(checksOf(neighbour)!.results.every((c) => c.passed), 'the other learner\'s run completes while the loop spins');
    const second = await run(looping, 'console.log("second");');
    const firstEvents = await first;
    assert.equal(exitOf(firstEvents)?.ending, 'cancelled');
    assert.equal(checksOf(firstEvents), undefined);
    assert.equal(exitOf(second)?.ending, 'exited');
    assert.match(second.filter((e) => e.type === 'output').map((e) => e.text).join(''), /^second\n$/);
  });

  it('takes a page going away mid-stream in its stride, and serves that learner\'s next run', async () => {
    const token = await newSession();
    const leaving = new AbortController();
    const response = await fetch(`${base}api/labs/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, labId: 'keyed-producer', source: 'setInterval(() => console.log("still here"), 100);' }),
      signal: leaving.signal,
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let streamed = '';
    while (!streamed.includes('still here')) streamed += (await reader.read()).value ?? '';
    leaving.abort();
    const next = await run(token, 'console.log("next");');
    assert.equal(exitOf(next)?.ending, 'exited');
    assert.match(next.filter((e) => e.type === 'output').map((e) => e.text).join(''), /^next\n$/);
  });

  it('stops an output flood with a clear message', async () => {
    const events = await run(await newSession(), 'const mb = "x".repeat(1 << 20); for (let i = 0; i < 100; i++) process.stdout.write(mb);');
    assert.equal(exitOf(events)?.ending, 'output-limit');
    assert.match(exitOf(events)!.message.ko, /출력이 1 MB를 넘어/);
  });

  it('refuses unknown sessions and labs', async () => {
    const unknown = await postRun({ token: 'nope', labId: 'keyed-producer', source: '' });
    assert.equal(unknown.status, 401);
    assert.match(((await unknown.json()) as ErrorBody).message.ko, /세션/);
    const lab = await postRun({ token: await newSession(), labId: '../etc', source: '' });
    assert.equal(lab.status, 404);
    assert.equal((await postRun({ token: await newSession(), labId: 'keyed-producer' })).status, 400, 'no source');
  });

  it('limits how often one learner runs, with Retry-After and a message in both languages', async () => {
    const token = await newSession();
    for (let i = 0; i < RUNS_PER_LEARNER; i++) assert.ok(compileErrorOf(await run(token, 'const x = ;')));
    const refused = await postRun({ token, labId: 'keyed-producer', source: 'const x = ;' });
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    const { message } = (await refused.json()) as ErrorBody;
    assert.match(message.en, /Too many runs.*run again in \d+ s/);
    assert.match(message.ko, /너무 많이 실행했습니다.*\d+초 뒤에/);
    const other = await newSession();
    assert.ok(compileErrorOf(await run(other, 'const x = ;')), 'another learner still runs');
  });
});
