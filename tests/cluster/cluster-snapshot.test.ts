// The live view's reading of a real 3-node cluster: topics with leader, replicas, ISR and offsets; a consumer
// group's members and lag; a stopped follower seen stopped, the ISR shrinking and a partition left without a
// leader (which kafkajs's own metadata cannot read), then all of it coming back when the node starts again;
// a paused node read as paused without holding the read up.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Consumer, Producer } from 'kafkajs';
import { readClusterSnapshot, type ClusterSnapshot, type PartitionView } from '../../sandbox/cluster/cluster-snapshot.ts';
import { startKafkaCluster, type KafkaCluster } from '../../sandbox/cluster/kafka-cluster.ts';
import { waitFor } from '../helpers/wait-for.ts';

describe('a snapshot of a 3-node cluster', () => {
  let cluster: KafkaCluster;
  let producer: Producer;
  let consumer: Consumer | undefined;

  before(async () => {
    cluster = await startKafkaCluster({ nodes: 3, topics: [{ name: 'orders', partitions: 2, replicationFactor: 3 }] });
    producer = cluster.kafka().producer();
    await producer.connect();
  });
  after(async () => {
    await consumer?.disconnect();
    await producer?.disconnect();
    await cluster?.dispose();
  });

  const snapshot = () => readClusterSnapshot(cluster);
  const partition = (s: ClusterSnapshot, topic: string, p: number): PartitionView | undefined =>
    s.topics.find((t) => t.name === topic)?.partitions.find((x) => x.partition === p);
  const send = (topic: string, count: number, p = 0) =>
    producer.send({ topic, acks: -1, messages: Array.from({ length: count }, (_, i) => ({ value: `m${i}`, partition: p })) });

  it('reads every node running, and each partition\'s leader, replicas, ISR and offsets', async () => {
    await send('orders', 5, 0);
    // A leader whose high watermark is not known yet (just elected) answers OFFSET_NOT_AVAILABLE: that read shows no offsets.
    const s = await waitFor('every partition\'s offsets', async () => {
      const read = await snapshot();
      return read.topics[0]?.partitions.every((p) => p.logEndOffset !== null) ? read : undefined;
    });
    assert.deepEqual(s.brokers, [1, 2, 3].map((nodeId) => ({ nodeId, state: 'running' })));
    assert.deepEqual(s.unreadable, []);
    assert.deepEqual(s.topics.map((t) => t.name), ['orders']);
    const [p0, p1] = [partition(s, 'orders', 0)!, partition(s, 'orders', 1)!];
    for (const p of [p0, p1]) {
      assert.deepEqual([...p.replicas].sort(), [1, 2, 3]);
      assert.deepEqual([...p.isr].sort(), [1, 2, 3]);
      assert.ok(p.leader !== null && p.replicas.includes(p.leader));
    }
    assert.deepEqual([p0.logStartOffset, p0.logEndOffset], [0, 5]);
    assert.deepEqual([p1.logStartOffset, p1.logEndOffset], [0, 0]);
  });

  it('reads a consumer group\'s member, committed offsets and lag, and sees the lag grow', async () => {
    await cluster.createTopics([{ name: 'events', partitions: 1, replicationFactor: 3 }]);
    await send('events', 10);
    consumer = cluster.kafka().consumer({ groupId: 'billing' });
    await consumer.connect();
    await consumer.subscribe({ topic: 'events', fromBeginning: true });
    let consumed = 0;
    await consumer.run({ eachMessage: async () => void consumed++ });
    const caughtUp = await waitFor('the group to commit all 10', async () => {
      const group = (await snapshot()).groups.find((g) => g.groupId === 'billing');
      return group?.offsets[0]?.committed === 10 && group.members.length === 1 ? group : undefined;
    });
    assert.equal(caughtUp.state, 'Stable');
    assert.deepEqual(caughtUp.members[0]!.assigned, { events: [0] });
    assert.deepEqual(caughtUp.offsets, [{ topic: 'events', partition: 0, committed: 10, memberId: caughtUp.members[0]!.memberId, lag: 0 }]);
    const withInternal = await readClusterSnapshot(cluster, { includeInternal: true });
    assert.ok(withInternal.topics.some((t) => t.name === '__consumer_offsets'), 'internal topics are read when asked for');
    assert.ok(!(await snapshot()).topics.some((t) => t.name.startsWith('__')), 'and left out otherwise');

    consumer.pause([{ topic: 'events' }]);
    await send('events', 4);
    const lagging = await waitFor('a lag of 4', async () => {
      const group = (await snapshot()).groups.find((g) => g.groupId === 'billing');
      return group?.offsets[0]?.lag === 4 ? group : undefined;
    });
    assert.equal(lagging.offsets[0]!.committed, 10);
    assert.equal(partition(await snapshot(), 'events', 0)!.logEndOffset, 14);
    await consumer.disconnect();
    consumer = undefined;
  });

  it('shows a stopped follower as stopped, the ISR shrinking and its lone replica\'s partition without a leader, then all back', async () => {
    const before = partition(await snapshot(), 'orders', 0)!;
    const follower = before.replicas.find((id) => id !== before.leader)!;
    // A partition whose only replica is on the follower: with it stopped, it has no leader at all.
    const admin = await cluster.adminClient();
    await admin.createTopics({ topics: [{ topic: 'solo', replicaAssignment: [{ partition: 0, replicas: [follower] }] }] });
    await waitFor('solo to have its leader', async () => (partition(await snapshot(), 'solo', 0)?.leader === follower ? true : undefined));

    await cluster.broker(follower).stop();
    const down = await waitFor('the ISR without the stopped follower', async () => {
      const s = await snapshot();
      return s.brokers.find((b) => b.nodeId === follower)?.state === 'stopped' && !partition(s, 'orders', 0)?.isr.includes(follower) ? s : undefined;
    });
    const orders = partition(down, 'orders', 0)!;
    assert.equal(orders.isr.length, 2);
    assert.deepEqual([...orders.replicas].sort(), [1, 2, 3], 'still a replica, out of sync');
    assert.deepEqual([orders.logStartOffset, orders.logEndOffset], [0, 5], 'the running leader still answers');
    const solo = partition(down, 'solo', 0)!;
    assert.equal(solo.leader, null);
    assert.deepEqual(solo.replicas, [follower]);
    assert.deepEqual(solo.offline, [follower]);
    assert.equal(solo.logEndOffset, null, 'no leader to ask');
    for (const b of down.brokers) if (b.nodeId !== follower) assert.equal(b.state, 'running');

    await cluster.broker(follower).start();
    await waitFor('the ISR back to 3 and solo led again', async () => {
      const s = await snapshot();
      return partition(s, 'orders', 0)?.isr.length === 3 && partition(s, 'solo', 0)?.leader === follower && s.brokers.every((b) => b.state === 'running') ? true : undefined;
    }, 120_000);
  });

  it('reads a paused node as paused, and the rest within its time limits', async () => {
    const { leader } = partition(await snapshot(), 'orders', 0)!;
    await cluster.broker(leader!).pause();
    try {
      const started = Date.now();
      const s = await snapshot();
      const took = Date.now() - started;
      assert.equal(s.brokers.find((b) => b.nodeId === leader)?.state, 'paused');
      assert.ok(took < 10_000, `a frozen node held the read up for ${took} ms`);
      assert.ok(s.topics.some((t) => t.name === 'orders'), 'the running nodes still answer for the topics');
    } finally {
      await cluster.broker(leader!).unpause();
    }
  });
});
