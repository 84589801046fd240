import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exercise } from '../../labs/kafka-configs/exercise.ts';
import { check, summary, typeSolution } from './solution-typist.ts';
import { exerciseSession } from './terminal-harness.ts';

describe('exercise kafka-configs', () => {
  const session = exerciseSession('kafka-configs');

  it('fails a config on the wrong entity and a wrong answer', async () => {
    const { terminal } = session;
    await terminal.run('kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic configs-demo');
    // max.message.bytes on the broker instead of the topic (its broker name is message.max.bytes; the tool refuses the topic name there).
    await terminal.run('kafka-configs --bootstrap-server $BOOTSTRAP_SERVERS --entity-type brokers --entity-name 1 --alter --add-config message.max.bytes=2000000');
    await terminal.run('kafka-configs --bootstrap-server $BOOTSTRAP_SERVERS --entity-type topics --entity-name configs-demo --alter --add-config retention.ms=60000');
    const results = await check(terminal, { 'log-segment-bytes': '1000' });
    assert.equal(results.get('log-segment-bytes')?.message?.en, '"1000" is not broker 1\'s log.segment.bytes.');
    assert.equal(results.get('max-message-bytes')?.message?.en, 'topic configs-demo does not have max.message.bytes=2000000 set dynamically.');
    assert.match(results.get('max-message-bytes')?.actual ?? '', /DEFAULT_CONFIG|STATIC_BROKER_CONFIG|DYNAMIC_BROKER_CONFIG/);
    assert.equal(results.get('retention-default')?.message?.en, "topic configs-demo's retention.ms is not back to its default.");
    assert.equal(results.get('log-cleaner-threads')?.message?.en, 'broker 1 does not have log.cleaner.threads=2 set dynamically.');
  });

  it('passes every check with the solution', async () => {
    const { terminal } = session;
    terminal.send({ type: 'reset' });
    await terminal.control('ready');
    const described = await typeSolution(terminal, exercise, 'describe-all');
    const segmentBytes = described.match(/log\.segment\.bytes=(\d+)/)?.[1];
    assert.ok(segmentBytes, described);
    for (const step of ['topic-override', 'back-to-default', 'dynamic-broker-config']) await typeSolution(terminal, exercise, step);
    const results = await check(terminal, { 'log-segment-bytes': segmentBytes });
    assert.ok([...results.values()].every((r) => r.status === 'passed'), summary(results));
  });
});
