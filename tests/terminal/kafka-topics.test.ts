import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checks } from '../../labs/kafka-topics/checks.ts';
import { exercise } from '../../labs/kafka-topics/exercise.ts';
import { wrongRoutes } from '../../labs/kafka-topics/wrong-routes.ts';
import { assertRouteFails, check, summary, typeSolution } from './solution-typist.ts';
import { exerciseSession } from './terminal-harness.ts';

describe('exercise kafka-topics', () => {
  const session = exerciseSession('kafka-topics');

  for (const route of wrongRoutes) {
    it(`${route.fails} fails: ${route.name}`, () => assertRouteFails(session.terminal, checks, route));
  }

  it('passes every check with the solution, on one broker and then on three', async () => {
    const { server, terminal } = session;
    terminal.send({ type: 'reset' });
    await terminal.control('ready', 180_000);
    for (const step of ['create-and-list', 'three-partitions', 'replication-factor-too-large', 'delete']) await typeSolution(terminal, exercise, step);
    const single = await check(terminal);
    const onOne = [...single.values()].filter((r) => r.step !== 'replication-factor-three');
    assert.ok(onOne.every((r) => r.status === 'passed'), summary(single));
    assert.equal(single.get('orders-replicated')?.status, 'skipped', 'a three-broker step is not graded on one broker');
    assert.match(single.get('payments-refused')?.actual ?? '', /CreateTopics payments RF 2: INVALID_REPLICATION_FACTOR/);
    assert.match(single.get('scratch-deleted')?.actual ?? '', /TopicRecord scratch \(.+\) at offset \d+, RemoveTopicRecord at \d+/);

    terminal.send({ type: 'reset', step: 'replication-factor-three' });
    await terminal.control('ready', 180_000);
    const before = await check(terminal);
    assert.equal(before.get('orders-replicated')?.message?.en, 'There is no topic orders-replicated.');
    const output = await typeSolution(terminal, exercise, 'replication-factor-three');
    assert.match(output, /ReplicationFactor: 3/);
    const three = await check(terminal);
    assert.equal(three.get('orders-replicated')?.status, 'passed', summary(three));
    assert.equal(three.get('welcome-topic-default')?.status, 'skipped');

    // Each check is an attempt, recorded with its results (what each check verified) and the session's transcript.
    const dir = join(server.attemptsDir, readdirSync(server.attemptsDir)[0]!, 'kafka-topics');
    const attempts = readdirSync(dir).map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as { transcript: string; results: Array<{ verifies: { ko: string; en: string } }> });
    assert.equal(attempts.length, wrongRoutes.length + 3); // one per press of "check" in this file
    assert.ok(attempts.some((a) => a.transcript.includes('--create --topic orders-replicated --partitions 3 --replication-factor 3')));
    assert.ok(attempts.every((a) => a.results.every((r) => r.verifies.ko && r.verifies.en)));
  });
});
