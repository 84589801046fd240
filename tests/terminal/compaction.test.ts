import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exercise } from '../../labs/compaction/exercise.ts';
import { check, summary, typeSolution } from './solution-typist.ts';
import { exerciseSession } from './terminal-harness.ts';

describe('exercise compaction', () => {
  const session = exerciseSession('compaction');

  it('fails a topic created without cleanup.policy=compact', async () => {
    const { terminal } = session;
    await terminal.run('kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic user-emails');
    const results = await check(terminal);
    assert.equal(results.get('cleanup-policy')?.message?.en, 'topic user-emails does not have cleanup.policy=compact set dynamically.');
  });

  it('finds with kafka-dump-log which records survived compaction', async () => {
    const { terminal } = session;
    terminal.send({ type: 'reset' });
    await terminal.control('ready');
    await typeSolution(terminal, exercise, 'compacted-topic');
    const dump = await typeSolution(terminal, exercise, 'updates-and-tombstone');
    const records = dump.split('\n').filter((line) => line.startsWith('| offset:'));
    const keys = records.map((line) => line.match(/key: (\S+)/)?.[1] ?? 'null');
    const tombstone = records.find((line) => !/payload:/.test(line));
    const answers = { 'surviving-keys': keys.join(', '), 'tombstone-offset': tombstone?.match(/offset: (\d+)/)?.[1] ?? '' };
    const results = await check(terminal, answers);
    assert.ok([...results.values()].every((r) => r.status === 'passed'), `${summary(results)}\n${JSON.stringify(answers)}\n${dump}`);

    const wrong = await check(terminal, { ...answers, 'surviving-keys': 'u1, u2, u1, u3, u2', 'tombstone-offset': '0' });
    assert.equal(wrong.get('compacted')?.message?.en, 'Keys of the surviving records: "u1, u2, u1, u3, u2" is not what the segment holds.');
    assert.equal(wrong.get('tombstone-offset')?.message?.en, 'The tombstone\'s offset: "0" is not what the segment holds.');
  });
});
