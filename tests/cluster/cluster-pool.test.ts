import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import kafkajs from 'kafkajs';
import { ClusterPool } from '../../sandbox/cluster/cluster-pool.ts';
import type { ClusterSpec } from '../../sandbox/cluster/cluster-spec.ts';

const { ConfigResourceTypes } = kafkajs;

describe('warm clusters', () => {
  const pool = new ClusterPool();
  after(() => pool.dispose());
  const spec: ClusterSpec = { nodes: 1, topics: [{ name: 'lab-input', partitions: 3 }] };

  it('hands the same cluster back, reset to the lab\'s starting state', async () => {
    const first = await pool.acquire(spec);
    const admin = await first.adminClient();
    // What a learner's run leaves behind: a topic, a consumer group with offsets, dynamic broker configs, a paused node.
    await admin.createTopics({ topics: [{ topic: 'learner-topic', numPartitions: 2 }], waitForLeaders: true });
    const producer = first.kafka().producer();
    await producer.connect();
    await producer.send({ topic: 'lab-input', messages: [{ key: 'k', value: 'v' }] });
    await producer.disconnect();
    await admin.setOffsets({ groupId: 'learner-group', topic: 'lab-input', partitions: [{ partition: 0, offset: '1' }] });
    await admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.BROKER, name: '1', configEntries: [{ name: 'log.cleaner.threads', value: '2' }] }] });
    const broker = first.broker(1);
    const defaults = await broker.exec(['kafka-configs', '--bootstrap-server', broker.internalAddress, '--entity-type', 'brokers', '--entity-default', '--alter', '--add-config', 'log.retention.ms=60000']);
    assert.equal(defaults.exitCode, 0, defaults.stderr);
    await broker.pause();
    await pool.release(first);

    const second = await pool.acquire(spec);
    assert.equal(second.id, first.id, 'a warm cluster of the same spec is reused');
    assert.equal(await second.broker(1).state(), 'running');
    const secondAdmin = await second.adminClient();
    assert.deepEqual((await secondAdmin.listTopics()).filter((t) => !t.startsWith('__')), ['lab-input']);
    const { topics } = await secondAdmin.fetchTopicMetadata({ topics: ['lab-input'] });
    assert.equal(topics[0]!.partitions.length, 3);
    const offsets = await secondAdmin.fetchTopicOffsets('lab-input');
    assert.ok(offsets.every((p) => p.high === '0'), 'the recreated lab topic is empty');
    assert.deepEqual((await secondAdmin.listGroups()).groups, []);

    const described = await second.broker(1).exec(['kafka-configs', '--bootstrap-server', second.broker(1).internalAddress, '--describe', '--entity-type', 'brokers', '--entity-name', '1']);
    assert.doesNotMatch(described.stdout, /log\.cleaner\.threads=2/);
    const clusterDefaults = await second.broker(1).exec(['kafka-configs', '--bootstrap-server', second.broker(1).internalAddress, '--describe', '--entity-type', 'brokers', '--entity-default']);
    assert.doesNotMatch(clusterDefaults.stdout, /log\.retention\.ms/);
    assert.match(clusterDefaults.stdout, /min\.insync\.replicas=1/, 'the defaults Kafka set at bootstrap are kept');
    await pool.release(second);
  });

  it('starts another cluster for a different spec, and keeps no more idle clusters than allowed', async () => {
    const small = new ClusterPool({ maxIdle: 1 });
    try {
      const a = await small.acquire({ nodes: 1 });
      const b = await small.acquire({ nodes: 1, brokerConfig: { 'num.partitions': 2 } });
      assert.notEqual(a.id, b.id);
      await small.release(a);
      await small.release(b);
      const c = await small.acquire({ nodes: 1 });
      assert.notEqual(c.id, a.id, 'the oldest idle cluster was removed, so a new one started');
      await small.release(c);
    } finally {
      await small.dispose();
    }
  });
});
