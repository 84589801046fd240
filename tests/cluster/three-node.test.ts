import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Admin, PartitionMetadata, Producer } from 'kafkajs';
import { startKafkaCluster, type KafkaCluster } from '../../sandbox/cluster/kafka-cluster.ts';
import { waitFor } from '../helpers/wait-for.ts';

const TOPIC = 'payments';

describe('a three-node cluster with replication factor 3 and min.insync.replicas=2', () => {
  let cluster: KafkaCluster;
  let admin: Admin;
  let producer: Producer;

  before(async () => {
    cluster = await startKafkaCluster({
      nodes: 3,
      topics: [{ name: TOPIC, partitions: 1, replicationFactor: 3, config: { 'min.insync.replicas': '2' } }],
    });
    admin = await cluster.adminClient();
    producer = cluster.kafka().producer({ retry: { retries: 3, initialRetryTime: 200 } });
    await producer.connect();
  });
  after(async () => {
    await producer?.disconnect();
    await cluster?.dispose();
  });

  const partition = async (): Promise<PartitionMetadata> => {
    const { topics } = await admin.fetchTopicMetadata({ topics: [TOPIC] });
    return topics[0]!.partitions[0]!;
  };
  const send = (acks: number, value: string) => producer.send({ topic: TOPIC, acks, messages: [{ value }] });

  it('has its nodes find each other by name on the cluster\'s own network', async () => {
    // Not on the published network every cluster shares, where traffic between containers is dropped.
    const resolved = await cluster.broker(1).exec(['getent', 'hosts', 'kafka-2', 'kafka-3']);
    const addresses = Object.fromEntries(resolved.stdout.trim().split('\n').map((line) => line.split(/\s+/).reverse()));
    for (const nodeId of [2, 3]) {
      const { NetworkSettings } = await cluster.broker(nodeId).container.inspect();
      assert.equal(addresses[`kafka-${nodeId}`], NetworkSettings.Networks[cluster.networkName]?.IPAddress, `kafka-${nodeId}`);
    }
  });

  it('starts with all three replicas in sync', async () => {
    const p = await partition();
    assert.deepEqual([...p.isr].sort(), [1, 2, 3]);
    await send(-1, 'all in sync');
  });

  it('elects a new leader from the ISR when the leader stops, and acks=all still succeeds', async () => {
    const before = await partition();
    await cluster.broker(before.leader).stop();
    const after = await waitFor('a new leader', async () => {
      const p = await partition();
      return p.leader !== before.leader && p.leader >= 0 ? p : undefined;
    });
    assert.ok(before.isr.includes(after.leader), `new leader ${after.leader} comes from the ISR ${before.isr}`);
    assert.ok(!after.isr.includes(before.leader), 'the stopped broker left the ISR');
    const [result] = await send(-1, 'one broker down');
    assert.equal(result!.errorCode, 0);
  });

  it('refuses acks=all with NOT_ENOUGH_REPLICAS once only one replica is in sync, while acks=1 succeeds', async () => {
    const current = await partition();
    const follower = current.isr.find((id) => id !== current.leader)!;
    await cluster.broker(follower).stop();
    await waitFor('the ISR to shrink to the leader', async () => ((await partition()).isr.length === 1 ? true : undefined));

    const error = await send(-1, 'must not be acknowledged').then(
      () => assert.fail('acks=all was acknowledged with one in-sync replica'),
      (e: unknown) => e,
    );
    assert.ok(errorChain(error).some((e) => e.type === 'NOT_ENOUGH_REPLICAS'), `expected NOT_ENOUGH_REPLICAS in ${describeChain(error)}`);

    const [result] = await send(1, 'acks=1 only needs the leader');
    assert.equal(result!.errorCode, 0);
  });

  it('brings the ISR back to three when both brokers start again', async () => {
    const stopped = [];
    for (const broker of cluster.brokers) if ((await broker.state()) === 'stopped') stopped.push(broker);
    assert.equal(stopped.length, 2);
    await Promise.all(stopped.map((broker) => broker.start()));
    await waitFor('the ISR to return to 3', async () => ((await partition()).isr.length === 3 ? true : undefined), 90_000);
    const [result] = await send(-1, 'all in sync again');
    assert.equal(result!.errorCode, 0);
  });

  it('pauses and unpauses a node', async () => {
    const broker = cluster.broker(3);
    await broker.pause();
    assert.equal(await broker.state(), 'paused');
    await broker.unpause();
    assert.equal(await broker.state(), 'running');
  });
});

type KafkaJsError = Error & { type?: string; cause?: unknown; originalError?: unknown };

/** kafkajs wraps the broker's error: KafkaJSNumberOfRetriesExceeded → cause → KafkaJSProtocolError. */
function errorChain(error: unknown): KafkaJsError[] {
  const chain: KafkaJsError[] = [];
  for (let e = error as KafkaJsError | undefined; e && chain.length < 10; e = (e.cause ?? e.originalError) as KafkaJsError | undefined) chain.push(e);
  return chain;
}

function describeChain(error: unknown): string {
  return errorChain(error).map((e) => `${e.name}(${e.type ?? ''}): ${e.message}`).join(' <- ');
}
