import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checks } from '../../labs/kafka-configs/checks.ts';
import { exercise } from '../../labs/kafka-configs/exercise.ts';
import { wrongRoutes } from '../../labs/kafka-configs/wrong-routes.ts';
import { assertRouteFails, check, summary, typeSolution } from './solution-typist.ts';
import { exerciseSession } from './terminal-harness.ts';

describe('exercise kafka-configs', () => {
  const session = exerciseSession('kafka-configs');

  for (const route of wrongRoutes) {
    it(`${route.fails} fails: ${route.name}`, () => assertRouteFails(session.terminal, checks, route));
  }

  it('passes every check with the solution', async () => {
    const { terminal } = session;
    terminal.send({ type: 'reset' });
    await terminal.control('ready', 180_000);
    const described = await typeSolution(terminal, exercise, 'describe-all');
    const segmentBytes = described.match(/log\.segment\.bytes=(\d+)/)?.[1];
    assert.ok(segmentBytes, described);
    for (const step of ['topic-override', 'back-to-default', 'dynamic-broker-config']) await typeSolution(terminal, exercise, step);
    const results = await check(terminal, { 'log-segment-bytes': segmentBytes });
    assert.ok([...results.values()].every((r) => r.status === 'passed'), summary(results));
    assert.equal(results.get('retention-default')?.actual, 'retention.ms=60000, retention.ms=null');
  });
});
