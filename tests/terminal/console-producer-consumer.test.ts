import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checks } from '../../labs/console-producer-consumer/checks.ts';
import { exercise } from '../../labs/console-producer-consumer/exercise.ts';
import { wrongRoutes } from '../../labs/console-producer-consumer/wrong-routes.ts';
import { assertRouteFails, check, summary, typeSolution } from './solution-typist.ts';
import { exerciseSession } from './terminal-harness.ts';

describe('exercise console-producer-consumer', () => {
  const session = exerciseSession('console-producer-consumer');

  for (const route of wrongRoutes) {
    it(`${route.fails} fails: ${route.name}`, () => assertRouteFails(session.terminal, checks, route));
  }

  it('passes every check with the solution', async () => {
    const { terminal } = session;
    terminal.send({ type: 'reset' });
    await terminal.control('ready', 180_000);
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
