import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checks } from '../../labs/segments-and-retention/checks.ts';
import { exercise } from '../../labs/segments-and-retention/exercise.ts';
import { wrongRoutes } from '../../labs/segments-and-retention/wrong-routes.ts';
import { assertRouteFails, check, summary, typeSolution } from './solution-typist.ts';
import { exerciseSession } from './terminal-harness.ts';

describe('exercise segments-and-retention', () => {
  const session = exerciseSession('segments-and-retention');

  for (const route of wrongRoutes) {
    it(`${route.fails} fails: ${route.name}`, () => assertRouteFails(session.terminal, checks, route));
  }

  it('reads the indexes with kafka-dump-log and predicts what retention deletes', async () => {
    const { terminal } = session;
    terminal.send({ type: 'reset' });
    await terminal.control('ready', 180_000);
    const listed = await typeSolution(terminal, exercise, 'roll');
    assert.match(listed, /00000000000000000040\.log/, listed);
    const dumps = await typeSolution(terminal, exercise, 'indexes');
    // As a learner reads them: the last .index entry at or below 31, the last .timeindex entry.
    const entries = [...dumps.matchAll(/^offset: (\d+) position: (\d+)\r?$/gm)].map((m) => ({ offset: Number(m[1]), position: m[2]! }));
    const fetchPosition = entries.findLast((entry) => entry.offset <= 31)?.position ?? '';
    const newestTimestamp = [...dumps.matchAll(/^timestamp: (\d+) offset: \d+\r?$/gm)].at(-1)?.[1] ?? '';
    // Closed segments 0 and 40 and segment 80 (closed by the fourth round) hold records over 30 s old; 120 holds fresh ones.
    const predicted = await typeSolution(terminal, exercise, 'predict', 180_000);
    assert.match(predicted, /clicks:0:120/, predicted);
    assert.match(predicted, /00000000000000000160\.log/, `the expired active segment 120 was rolled and deleted:\n${predicted}`);
    const answers = { 'fetch-position': fetchPosition, 'newest-timestamp': newestTimestamp, 'deleted-segments': '0, 40, 80' };
    const results = await check(terminal, answers);
    assert.ok([...results.values()].every((r) => r.status === 'passed'), `${summary(results)}\n${JSON.stringify(answers)}\n${dumps}\n${predicted}`);
  });
});
