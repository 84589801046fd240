import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { exercise } from '../../labs/kafka-topics/exercise.ts';
import { check, summary, typeSolution } from './solution-typist.ts';
import { exerciseSession } from './terminal-harness.ts';

describe('exercise kafka-topics', () => {
  const session = exerciseSession('kafka-topics');

  it('fails wrong actions with the intended messages', async () => {
    const { terminal } = session;
    await terminal.run('kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic welcome-topik');
    await terminal.run('kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic orders --partitions 2');
    await terminal.run('kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic scratch');
    const results = await check(terminal);
    assert.equal(results.get('welcome-topic-default')?.status, 'failed');
    assert.equal(results.get('welcome-topic-default')?.message?.en, 'There is no topic welcome-topic.');
    assert.match(results.get('welcome-topic-default')?.actual ?? '', /welcome-topik/);
    assert.equal(results.get('orders-three-partitions')?.message?.en, 'orders has 2 partitions; it should have 3.');
    assert.equal(results.get('payments-refused')?.message?.en, 'The terminal does not show the error saying replication factor 2 cannot be reached with only 1 broker.');
    assert.equal(results.get('scratch-deleted')?.message?.en, 'The topic scratch still exists.');
    assert.equal(results.get('orders-replicated')?.status, 'skipped', 'a three-broker step is not graded on one broker');
  });

  it('passes every check with the solution, on one broker and then on three', async () => {
    const { server, terminal } = session;
    terminal.send({ type: 'reset' });
    await terminal.control('ready');
    for (const step of ['create-and-list', 'three-partitions', 'replication-factor-too-large', 'delete']) await typeSolution(terminal, exercise, step);
    const single = await check(terminal);
    const onOne = [...single.values()].filter((r) => r.step !== 'replication-factor-three');
    assert.ok(onOne.every((r) => r.status === 'passed'), summary(single));

    terminal.send({ type: 'reset', step: 'replication-factor-three' });
    await terminal.control('ready', 120_000);
    const before = await check(terminal);
    assert.equal(before.get('orders-replicated')?.message?.en, 'There is no topic orders-replicated.');
    const output = await typeSolution(terminal, exercise, 'replication-factor-three');
    assert.match(output, /ReplicationFactor: 3/);
    const three = await check(terminal);
    assert.equal(three.get('orders-replicated')?.status, 'passed', summary(three));
    assert.equal(three.get('welcome-topic-default')?.status, 'skipped');

    // Each check is an attempt, recorded with the session's transcript.
    const dir = join(server.attemptsDir, readdirSync(server.attemptsDir)[0]!, 'kafka-topics');
    const attempts = readdirSync(dir).map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as { transcript: string; results: unknown[] });
    assert.equal(attempts.length, 4); // one per press of "check" in this file
    assert.ok(attempts.some((a) => a.transcript.includes('--create --topic orders-replicated --partitions 3 --replication-factor 3')));
  });
});
