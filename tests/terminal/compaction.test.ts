import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checks } from '../../labs/compaction/checks.ts';
import { exercise } from '../../labs/compaction/exercise.ts';
import { wrongRoutes } from '../../labs/compaction/wrong-routes.ts';
import { assertRouteFails, check, summary, typeSolution } from './solution-typist.ts';
import { exerciseSession } from './terminal-harness.ts';

describe('exercise compaction', () => {
  const session = exerciseSession('compaction');

  for (const route of wrongRoutes) {
    it(`${route.fails} fails: ${route.name}`, () => assertRouteFails(session.terminal, checks, route));
  }

  it('finds with kafka-dump-log which records survived compaction', async () => {
    const { terminal } = session;
    terminal.send({ type: 'reset' });
    await terminal.control('ready', 180_000);
    await typeSolution(terminal, exercise, 'compacted-topic');
    const dump = await typeSolution(terminal, exercise, 'updates-and-tombstone');
    const records = dump.split('\n').filter((line) => line.startsWith('| offset:'));
    const keys = records.map((line) => line.match(/key: (\S+)/)?.[1] ?? 'null');
    const tombstone = records.find((line) => !/payload:/.test(line));
    const answers = { 'surviving-keys': keys.join(', '), 'tombstone-offset': tombstone?.match(/offset: (\d+)/)?.[1] ?? '' };
    const results = await check(terminal, answers);
    assert.ok([...results.values()].every((r) => r.status === 'passed'), `${summary(results)}\n${JSON.stringify(answers)}\n${dump}`);
  });
});
