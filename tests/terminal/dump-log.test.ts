import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checks } from '../../labs/dump-log/checks.ts';
import { exercise } from '../../labs/dump-log/exercise.ts';
import { wrongRoutes } from '../../labs/dump-log/wrong-routes.ts';
import { assertRouteFails, check, summary, typeSolution } from './solution-typist.ts';
import { exerciseSession } from './terminal-harness.ts';

/** A field of a kafka-dump-log line ("producerId: 0 ..."): the learner's side of the comparison. */
function field(line: string, name: string): string {
  const value = line.match(new RegExp(`\\b${name}: (\\S+)`))?.[1];
  if (value === undefined) throw new Error(`no ${name} in: ${line}`);
  return value;
}

describe('exercise dump-log', () => {
  const session = exerciseSession('dump-log');

  for (const route of wrongRoutes) {
    it(`${route.fails} fails: ${route.name}`, () => assertRouteFails(session.terminal, checks, route));
  }

  it('grades answers read from kafka-dump-log against the segment bytes, before and after gzip', async () => {
    const { terminal } = session;
    terminal.send({ type: 'reset' });
    await terminal.control('ready', 180_000);
    const first = await typeSolution(terminal, exercise, 'uncompressed');
    const batches = first.split('\n').filter((line) => line.startsWith('baseOffset:'));
    const offsetZero = first.split('\n').find((line) => line.startsWith('| offset: 0 '))!;
    const answers: Record<string, string> = {
      'batch-count': String(batches.length),
      'producer-id': field(batches[0]!, 'producerId'),
      'create-time': field(offsetZero, 'CreateTime'),
    };

    const second = await typeSolution(terminal, exercise, 'gzip');
    const lastBatch = second.split('\n').filter((line) => line.startsWith('baseOffset:')).at(-1)!;
    assert.match(lastBatch, /compresscodec: gzip/i);
    answers['last-codec'] = field(lastBatch, 'compresscodec');
    answers['last-base-offset'] = field(lastBatch, 'baseOffset');
    answers['last-sequence'] = field(lastBatch, 'lastSequence');
    const results = await check(terminal, answers);
    assert.ok([...results.values()].every((r) => r.status === 'passed'), `${summary(results)}\n${JSON.stringify(answers)}`);

    const wrong = await check(terminal, { ...answers, 'producer-id': String(Number(answers['producer-id']) + 1), 'last-codec': 'none' });
    assert.equal(wrong.get('producer-id')?.message?.en, `The first batch's producerId: "${Number(answers['producer-id']) + 1}" is not what the segment holds.`);
    assert.equal(wrong.get('last-codec')?.message?.en, 'The last batch\'s compression codec: "none" is not what the segment holds.');
    assert.equal(wrong.get('create-time')?.status, 'passed');
  });
});
