import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checks } from '../../labs/group-protocols/checks.ts';
import { exercise } from '../../labs/group-protocols/exercise.ts';
import { wrongRoutes } from '../../labs/group-protocols/wrong-routes.ts';
import { assertRouteFails, check, summary, typeSolution } from './solution-typist.ts';
import { exerciseSession } from './terminal-harness.ts';

describe('exercise group-protocols', () => {
  const session = exerciseSession('group-protocols');

  for (const route of wrongRoutes) {
    it(`${route.fails} fails: ${route.name}`, () => assertRouteFails(session.terminal, checks, route));
  }

  it('passes every check with the solution, answered from what the terminal showed', async () => {
    const { terminal } = session;
    terminal.send({ type: 'reset' });
    await terminal.control('ready', 180_000);
    const rebalances = await typeSolution(terminal, exercise, 'eager-cooperative');
    // The eager consumer gave up all six partitions; the cooperative one only those that moved.
    assert.match(rebalances, /groupId=eager-demo\] Revoke previously assigned partitions \[events-0, events-1, events-2, events-3, events-4, events-5\]/, rebalances);
    const revoked = /groupId=coop-demo\] Revoke previously assigned partitions \[([^\]]*)\]/.exec(rebalances)?.[1];
    assert.ok(revoked && revoked.split(',').length < 6, `coop-demo's first consumer revoked part of its partitions:\n${rebalances}`);
    assert.match(rebalances, /coop-demo\s+\S+\s+\(1\)\s+cooperative-sticky\s+Stable\s+2/, rebalances);
    const restarted = await typeSolution(terminal, exercise, 'static');
    assert.equal(restarted.match(/static-demo\s+billing-a-\S+\s+billing-a\s/g)?.length, 3, `billing-a listed in all three describes:\n${restarted}`);
    const kip848 = await typeSolution(terminal, exercise, 'new-protocol');
    // The TYPE column of --list --type, below its header (the describes above also start lines with new-demo).
    const type = /^new-demo\s+(\S+)/m.exec(kip848.slice(kip848.search(/GROUP\s+TYPE/)))?.[1];
    assert.equal(type, 'Consumer', kip848);
    assert.match(kip848, /new-demo\s+\S+\s+\(1\)\s+uniform\s+Stable\s+2/, kip848);
    const results = await check(terminal, { 'coop-revoked': revoked, 'new-demo-type': type });
    assert.ok([...results.values()].every((r) => r.status === 'passed'), summary(results));
  });
});
