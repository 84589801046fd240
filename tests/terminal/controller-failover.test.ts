import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checks } from '../../labs/controller-failover/checks.ts';
import { exercise } from '../../labs/controller-failover/exercise.ts';
import { wrongRoutes } from '../../labs/controller-failover/wrong-routes.ts';
import { assertRouteFails, check, summary, typeSolution } from './solution-typist.ts';
import { exerciseSession } from './terminal-harness.ts';

/** The last LeaderId and LeaderEpoch kafka-metadata-quorum describe --status printed: the learner's side. */
function status(output: string): { leader: number; epoch: number } {
  const leader = [...output.matchAll(/^LeaderId:\s+(\d+)/gm)].at(-1)?.[1];
  const epoch = [...output.matchAll(/^LeaderEpoch:\s+(\d+)/gm)].at(-1)?.[1];
  if (!leader || !epoch) throw new Error(`no LeaderId and LeaderEpoch in:\n${output}`);
  return { leader: Number(leader), epoch: Number(epoch) };
}

/** The offset of the last dump-log record line that matches. */
function lastOffset(output: string, pattern: RegExp): string {
  const offset = output.split('\n').filter((line) => pattern.test(line)).at(-1)?.match(/^\| offset: (\d+) /)?.[1];
  if (!offset) throw new Error(`no line matching ${pattern} in:\n${output}`);
  return offset;
}

describe('exercise controller-failover', () => {
  const session = exerciseSession('controller-failover');

  for (const route of wrongRoutes) {
    it(`${route.fails} fails: ${route.name}`, () => assertRouteFails(session.terminal, checks, route));
  }

  it('passes every check with the solution; answers taken from the wrong election fail', async () => {
    const { terminal } = session;
    terminal.send({ type: 'reset' });
    await terminal.control('ready', 180_000);
    const before = status(await typeSolution(terminal, exercise, 'read-quorum'));
    assert.notEqual(before.leader, 1, 'the session starts with another node than the shell\'s leading');
    const topicRecord = lastOffset(await typeSolution(terminal, exercise, 'metadata-log'), /TOPIC_RECORD.*"name":"failover-demo"/);
    const failover = await typeSolution(terminal, exercise, 'failover');
    const after = status(failover);
    assert.ok(after.epoch > before.epoch, failover);
    const answers = {
      'leader-before': String(before.leader),
      'epoch-before': String(before.epoch),
      'topic-record-offset': topicRecord,
      'leader-after': String(after.leader),
      'epoch-after': String(after.epoch),
      'leader-change-offset': lastOffset(failover, /LeaderChange:/),
    };
    const stopped = await check(terminal, answers);
    for (const id of ['controller-before', 'topic-record', 'controller-after', 'leader-change-record']) {
      assert.equal(stopped.get(id)?.status, 'passed', `${summary(stopped)}\n${JSON.stringify(answers)}`);
    }
    assert.match(stopped.get('rejoined')?.message?.en ?? '', new RegExp(`^kafka-${before.leader}, the active controller before the failover, is still stopped`));

    const wrong = async (changed: Record<string, string>, id: string, message: RegExp) => {
      const result = (await check(terminal, { ...answers, ...changed })).get(id);
      assert.equal(result?.status, 'failed', JSON.stringify(changed));
      assert.match(result.message?.en ?? '', message, JSON.stringify(changed));
      assert.match(result.message?.ko ?? '', /[가-힣]/);
    };
    await wrong({ 'leader-after': String(before.leader), 'epoch-after': String(before.epoch) }, 'controller-after', /is the active controller from before the failover/);
    await wrong({ 'epoch-after': String(before.epoch) }, 'controller-after', /^Epoch \d+ belongs to another election/);
    await wrong({ 'epoch-after': String(after.epoch + 1) }, 'controller-after', /^No controller ever led in epoch/);
    await wrong({ 'leader-after': String(before.leader) }, 'controller-after', /^Node \d was not the active controller the failover elected\./);
    await wrong({ 'epoch-before': String(after.epoch) }, 'controller-before', /^Epoch \d+ belongs to another election/);
    await wrong({ 'leader-before': String(after.leader), 'epoch-before': String(before.epoch) }, 'controller-before', /^Node \d was not the active controller before the failover\./);
    await wrong({ 'leader-change-offset': String(Number(answers['leader-change-offset']) + 1) }, 'leader-change-record', /holds no LeaderChange record/);

    await typeSolution(terminal, exercise, 'rejoin');
    const results = await check(terminal, answers);
    assert.ok([...results.values()].every((r) => r.status === 'passed'), `${summary(results)}\n${JSON.stringify(answers)}`);
  });
});
