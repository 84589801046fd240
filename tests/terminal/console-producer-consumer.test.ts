import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exercise } from '../../labs/console-producer-consumer/exercise.ts';
import { check, summary, typeSolution } from './solution-typist.ts';
import { exerciseSession } from './terminal-harness.ts';

describe('exercise console-producer-consumer', () => {
  const session = exerciseSession('console-producer-consumer');

  it('fails keys sent without parse.key, a wrong partition answer and a group that committed nothing', async () => {
    const { terminal } = session;
    await terminal.run('kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic orders --partitions 3');
    await terminal.run("printf '01:aaa\\n02:bbb\\n' | kafka-console-producer --bootstrap-server $BOOTSTRAP_SERVERS --topic orders");
    const results = await check(terminal, { 'partition-of-01': '7' });
    assert.equal(results.get('keyless-messages')?.message?.en, 'welcome-topic holds 0 messages without a key; send at least 2.');
    assert.equal(results.get('keyed-orders')?.message?.en, "orders does not hold all of key 01's messages aaa, ccc.");
    assert.equal(results.get('partition-of-01')?.message?.en, '"7" is not the partition holding key 01\'s messages.');
    assert.equal(results.get('reader-1-committed')?.message?.en, 'Group reader-1 has no committed offsets on orders.');
  });

  it('passes every check with the solution', async () => {
    const { terminal } = session;
    terminal.send({ type: 'reset' });
    await terminal.control('ready');
    await typeSolution(terminal, exercise, 'keyless');
    await typeSolution(terminal, exercise, 'keyed');
    const printed = await typeSolution(terminal, exercise, 'print-partitions');
    const partition = printed.match(/Partition:(\d)\s+01\s+aaa/)?.[1];
    assert.ok(partition, `the consumer printed key 01's partition:\n${printed}`);
    await typeSolution(terminal, exercise, 'group');
    const results = await check(terminal, { 'partition-of-01': partition });
    assert.ok([...results.values()].every((r) => r.status === 'passed'), summary(results));
  });
});
