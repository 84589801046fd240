/**
 * Lesson 9 (headers-interceptors-quotas) gives the broker's quota precedence: any quota that involves a user,
 * even the default for all users, comes before a quota set for a client ID alone. This proves it on a real
 * Kafka broker of the course's version: a slow client-ID quota throttles its client, until a fast default-user quota is set,
 * which then applies to that client instead (every client of this unauthenticated cluster is user ANONYMOUS).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startKafkaCluster, type KafkaCluster } from '../../sandbox/cluster/kafka-cluster.ts';

// bytes/s. The broker averages a new client's rate over its whole quota window (about ten seconds), so the
// 200 kB a test producer sends come to about 20 kB/s: twice SLOW, far under FAST.
const SLOW = 10_240;
const FAST = 1_000_000_000;

describe('quota precedence on a real broker', () => {
  let cluster: KafkaCluster;

  before(async () => {
    cluster = await startKafkaCluster({ nodes: 1, topics: [{ name: 'quotas', partitions: 1 }] });
  });
  after(() => cluster?.dispose());

  async function run(command: string[]): Promise<string> {
    const broker = cluster.broker(1);
    const result = await broker.exec([...command, '--bootstrap-server', broker.internalAddress]);
    assert.equal(result.exitCode, 0, `${command.join(' ')} failed:\n${result.stderr}`);
    return result.stdout;
  }

  /** Sets a producer_byte_rate quota and waits until the broker describes it (it reaches brokers through the metadata log). */
  async function setQuota(entity: string[], rate: number): Promise<void> {
    await run(['kafka-configs', '--alter', ...entity, '--add-config', `producer_byte_rate=${rate}`]);
    for (let attempt = 0; ; attempt++) {
      if ((await run(['kafka-configs', '--describe', ...entity])).includes('producer_byte_rate=')) return;
      assert.ok(attempt < 50, `the broker never showed the quota for ${entity.join(' ')}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** The longest throttle (ms) the broker imposed on a producer with this client.id, as the producer's metrics report it. */
  async function throttleOf(clientId: string): Promise<number> {
    const output = await run([
      'kafka-producer-perf-test', '--topic', 'quotas', '--num-records', '200', '--record-size', '1000', '--throughput', '-1',
      '--print-metrics', '--command-property', `client.id=${clientId}`,
    ]);
    const metric = new RegExp(`^producer-metrics:produce-throttle-time-max:\\{client-id=${clientId}\\}\\s*:\\s*([\\d.]+)$`, 'm').exec(output);
    assert.ok(metric, `no produce-throttle-time-max for ${clientId} in:\n${output}`);
    return Number(metric[1]);
  }

  it('a default-user quota outranks a quota set for a named client ID', async () => {
    await setQuota(['--entity-type', 'clients', '--entity-name', 'batch-loader'], SLOW);
    assert.ok((await throttleOf('batch-loader')) > 0, 'the client-ID quota throttles batch-loader');

    await setQuota(['--entity-type', 'users', '--entity-default'], FAST);
    assert.equal(await throttleOf('batch-loader'), 0, 'the default-user quota applies to batch-loader instead of its own');
  });
});
