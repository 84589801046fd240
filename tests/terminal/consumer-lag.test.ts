import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checks } from '../../labs/consumer-lag/checks.ts';
import { exercise } from '../../labs/consumer-lag/exercise.ts';
import { wrongRoutes } from '../../labs/consumer-lag/wrong-routes.ts';
import { assertRouteFails, check, summary, typeSolution } from './solution-typist.ts';
import { exerciseSession } from './terminal-harness.ts';

/** audit's rows of `--describe` as the screen shows them: partition → LAG. */
function auditLags(screen: string): Map<number, number> {
  const rows = [...screen.matchAll(/^audit\s+clicks-burst\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)/gm)];
  return new Map(rows.map((row) => [Number(row[1]), Number(row[4])]));
}

describe('exercise consumer-lag', () => {
  const session = exerciseSession('consumer-lag');

  for (const route of wrongRoutes) {
    it(`${route.fails} fails: ${route.name}`, () => assertRouteFails(session.terminal, checks, route));
  }

  it('passes every check with the solution, answered from what describe showed', async () => {
    const { terminal } = session;
    terminal.send({ type: 'reset' });
    await terminal.control('ready', 180_000);
    const burst = await typeSolution(terminal, exercise, 'burst', 180_000);
    assert.match(burst, /900 records sent/, burst);
    assert.match(burst.slice(burst.lastIndexOf('GROUP')), /^(dashboard\s+clicks-burst\s+\d\s+(\d+)\s+\2\s+0\s.*\n){3}/m, `dashboard caught up at the end:\n${burst}`);
    const partway = await typeSolution(terminal, exercise, 'partway');
    const lags = auditLags(partway);
    assert.equal(lags.size, 3, partway);
    const largest = Math.max(...lags.values());
    const answers = {
      'audit-total-lag': String([...lags.values()].reduce((a, b) => a + b, 0)),
      'audit-furthest-partition': String([...lags].find(([, lag]) => lag === largest)![0]),
      'audit-furthest-lag': String(largest),
    };
    const results = await check(terminal, answers);
    assert.ok([...results.values()].every((r) => r.status === 'passed'), summary(results));
  });
});
