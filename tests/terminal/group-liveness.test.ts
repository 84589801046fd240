import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checks } from '../../labs/group-liveness/checks.ts';
import { exercise } from '../../labs/group-liveness/exercise.ts';
import { wrongRoutes } from '../../labs/group-liveness/wrong-routes.ts';
import { assertRouteFails, check, summary, typeSolution } from './solution-typist.ts';
import { exerciseSession } from './terminal-harness.ts';

describe('exercise group-liveness', () => {
  const session = exerciseSession('group-liveness');

  for (const route of wrongRoutes) {
    it(`${route.fails} fails: ${route.name}`, () => assertRouteFails(session.terminal, checks, route));
  }

  it('passes every check with the solution', async () => {
    const { terminal } = session;
    terminal.send({ type: 'reset' });
    await terminal.control('ready', 180_000);
    for (const step of exercise.steps) await typeSolution(terminal, exercise, step.id);
    const results = await check(terminal);
    assert.ok([...results.values()].every((r) => r.status === 'passed'), summary(results));
  });
});
