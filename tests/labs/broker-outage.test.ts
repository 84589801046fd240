// A program that deletes the scenario's topic around acks-min-isr's broker outage, through the course server:
// the run reports what the scenario could not do, the checks still run, nothing rejects unheard, the server
// keeps serving, and the solution passes every check on the same cluster afterwards.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadLab } from '../../sandbox/lab/lab-catalog.ts';
import type { LabRunEvent } from '../../sandbox/lab/lab-run.ts';
import { CourseServer } from '../../sandbox/server/course-server.ts';
import { mountLabApi, type LabStreamEvent } from '../../sandbox/server/lab-api.ts';
import type { LearnerSessions } from '../../sandbox/server/learner-sessions.ts';

const LAB = 'acks-min-isr';

/** Deletes "payments" once `when` holds, then stays until the scenario's broker is back. */
const deleter = (when: 'at-once' | 'during-outage') => `import { Kafka, logLevel } from 'kafkajs';
const admin = new Kafka({ brokers: process.env.BOOTSTRAP_SERVERS!.split(','), logLevel: logLevel.NOTHING }).admin();
await admin.connect();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
${when === 'during-outage' ? `for (;;) {
  const { topics } = await admin.fetchTopicMetadata({ topics: ['payments'] });
  if (topics[0]!.partitions[0]!.isr.length < 2) break; // the follower is down
  await sleep(100);
}` : ''}
await admin.deleteTopics({ topics: ['payments'] });
console.log('deleted payments');
await sleep(${when === 'during-outage' ? 9000 : 4000});
await admin.disconnect();`;

describe('a program that deletes the topic of a broker-outage scenario', () => {
  const siteDir = mkdtempSync(join(tmpdir(), 'outage-site-'));
  const server = new CourseServer({ siteDir, port: 0 });
  const unheard: unknown[] = [];
  const hear = (reason: unknown) => unheard.push(reason);
  let sessions: LearnerSessions;
  let base: string;
  let token: string;
  before(async () => {
    process.on('unhandledRejection', hear);
    sessions = mountLabApi(server);
    base = await server.listen();
    token = ((await (await fetch(`${base}api/labs/session`, { method: 'POST' })).json()) as { token: string }).token;
  });
  after(async () => {
    process.off('unhandledRejection', hear);
    await server.close();
    await sessions.dispose();
    rmSync(siteDir, { recursive: true, force: true });
  });

  async function run(source: string): Promise<LabStreamEvent[]> {
    const response = await fetch(`${base}api/labs/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, labId: LAB, source }) });
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.text()).trim().split('\n').map((line) => JSON.parse(line) as LabStreamEvent);
  }
  const exitOf = (events: LabStreamEvent[]) => events.find((e): e is Extract<LabRunEvent, { type: 'exit' }> => e.type === 'exit');
  const checksOf = (events: LabStreamEvent[]) => events.find((e): e is Extract<LabRunEvent, { type: 'checks' }> => e.type === 'checks');

  async function assertNextRunPasses(): Promise<void> {
    const session = await fetch(`${base}api/labs/session`, { method: 'POST' });
    assert.equal(session.status, 200, 'the server still serves');
    const events = await run((await loadLab(LAB)).solution);
    const results = checksOf(events)?.results ?? [];
    assert.ok(results.length > 0 && results.every((r) => r.passed), JSON.stringify(events.filter((e) => e.type !== 'output')));
    assert.deepEqual(unheard, [], 'no promise rejected unheard');
  }

  it('before the outage: the scenario says it could not stop the follower, and the checks run', async () => {
    const events = await run(deleter('at-once'));
    assert.equal(events.find((e) => e.type === 'error'), undefined, JSON.stringify(events));
    const exit = exitOf(events)!;
    assert.deepEqual([exit.ending, exit.exitCode], ['exited', 0]);
    assert.match(exit.message.en, /The lab's scenario could not stop the follower of payments-0 \(the topic payments does not exist\)\. Check that the program does not delete or change the topic\./);
    assert.match(exit.message.ko, /실습 시나리오가 payments-0의 팔로워를 멈추지 못했습니다/);
    const results = checksOf(events)!.results;
    assert.ok(results.length > 0 && results.some((r) => !r.passed), 'the checks ran, and fail');
    await assertNextRunPasses();
  });

  it('during the outage: the broker comes back, the checks run, the server stays up', async () => {
    const events = await run(deleter('during-outage'));
    assert.equal(events.find((e) => e.type === 'error'), undefined, JSON.stringify(events));
    const exit = exitOf(events)!;
    assert.deepEqual([exit.ending, exit.exitCode], ['exited', 0], exit.message.en);
    assert.ok(events.some((e) => e.type === 'output' && e.text.includes('deleted payments')));
    const results = checksOf(events)!.results;
    assert.ok(results.length > 0 && results.some((r) => !r.passed), 'the checks ran, and fail');
    await assertNextRunPasses();
  });
});
