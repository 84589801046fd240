import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import kafkajs from 'kafkajs';
import { ClusterPool } from '../../sandbox/cluster/cluster-pool.ts';
import type { ClusterSpec } from '../../sandbox/cluster/cluster-spec.ts';
import { dockerUser, LEARNER_USER } from '../../sandbox/cluster/node-users.ts';

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
    // A job of the learner's in a node that is paused when the cluster goes back: the reset that unpauses it ends it.
    await broker.exec(['bash', '-c', 'nohup sleep 5454 >/dev/null 2>&1 &'], { user: dockerUser(LEARNER_USER) });
    await broker.pause();
    await pool.release(first);

    const second = await pool.acquire(spec);
    assert.equal(second.id, first.id, 'a warm cluster of the same spec is reused');
    assert.equal(await second.broker(1).state(), 'running');
    assert.doesNotMatch((await second.broker(1).exec(['ps', '-eo', 'args='])).stdout, /sleep 5454/);
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

  it('ends the learner\'s processes and removes their files before a cluster goes idle', async () => {
    const cluster = await pool.acquire(spec);
    const asLearner = (command: string) => cluster.broker(1).exec(['bash', '-c', command], { user: dockerUser(LEARNER_USER) });
    const listing = `ps -eo args=; ls -a /tmp ${LEARNER_USER.home}; ipcs -m`;
    try {
      // Jobs that outlive the shell (one forks without end), files, and shared memory that outlives every process.
      await asLearner([
        `cd ${LEARNER_USER.home}`,
        'nohup sleep 5151 >/dev/null 2>&1 &',
        'setsid sleep 5252 >/dev/null 2>&1 < /dev/null &',
        `nohup bash -c 'while :; do sleep 5353 & sleep 0.01; done' >/dev/null 2>&1 &`,
        'echo left > /tmp/left-behind; echo left > left-behind; ipcmk -M 65536 >/dev/null; true',
      ].join('\n'));
      assert.match((await asLearner(listing)).stdout, /sleep 5151[\s\S]*sleep 5252[\s\S]*sleep 5353[\s\S]*left-behind[\s\S]*left-behind[\s\S]*nobody +644 +65536/);
    } finally {
      await pool.release(cluster);
    }
    const again = await pool.acquire(spec, { cleanSlate: false }); // no reset: the release alone cleaned it
    try {
      assert.equal(again.id, cluster.id);
      assert.doesNotMatch((await asLearner(listing)).stdout, /sleep 5[1-3]5[1-3]|left-behind|nobody/);
    } finally {
      await pool.release(again);
    }
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
