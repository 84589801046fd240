import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checks } from '../../labs/consumer-groups-cli/checks.ts';
import { exercise } from '../../labs/consumer-groups-cli/exercise.ts';
import { wrongRoutes } from '../../labs/consumer-groups-cli/wrong-routes.ts';
import { assertRouteFails, check, summary, typeSolution } from './solution-typist.ts';
import { exerciseSession } from './terminal-harness.ts';

describe('exercise consumer-groups-cli', () => {
  const session = exerciseSession('consumer-groups-cli');

  for (const route of wrongRoutes) {
    it(`${route.fails} fails: ${route.name}`, () => assertRouteFails(session.terminal, checks, route));
  }

  it('passes every check with the solution', async () => {
    const { terminal } = session;
    terminal.send({ type: 'reset' });
    await terminal.control('ready', 180_000);
    const read = await typeSolution(terminal, exercise, 'read');
    assert.match(read, /reports\s+payments\s+\d\s+\d\s+\d\s+0/, `describe shows reports caught up:\n${read}`);
    const reset = await typeSolution(terminal, exercise, 'reset');
    assert.match(reset, /NEW-OFFSET/, reset);
    const deleted = await typeSolution(terminal, exercise, 'delete');
    assert.match(deleted, /Deletion of requested consumer groups \('scratch'\) was successful/, deleted);
    const results = await check(terminal);
    assert.ok([...results.values()].every((r) => r.status === 'passed'), summary(results));
  });
});
