import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startKafkaCluster, type KafkaCluster } from '../../sandbox/cluster/kafka-cluster.ts';
import { createTopicsLog } from '../../sandbox/lab-kit/controller-log.ts';
import { creationRefusedForReplication } from '../../sandbox/lab-kit/topic-checks.ts';

/** The controller logs its answer a moment after the client has it. */
async function logged(cluster: KafkaCluster, since: number, count: (log: Awaited<ReturnType<typeof createTopicsLog>>) => number) {
  for (let attempt = 0; ; attempt++) {
    const log = await createTopicsLog(cluster, since);
    if (count(log) > 0 || attempt === 50) return log;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the controller's CreateTopics log", () => {
  let cluster: KafkaCluster;
  before(async () => {
    cluster = await startKafkaCluster({ nodes: 1 });
  });
  after(() => cluster?.dispose());

  it('reads a refused creation, and trusts nothing once a line was forged through a topic name', async () => {
    const admin = await cluster.adminClient();
    const since = Date.now();
    await assert.rejects(admin.createTopics({ topics: [{ topic: 'payments', numPartitions: 3, replicationFactor: 2 }] }));
    const log = await logged(cluster, since, (l) => l.results.length);
    assert.deepEqual(log.unreadable, []);
    assert.deepEqual(
      log.results.map(({ topic, partitions, replicationFactor, result }) => ({ topic, partitions, replicationFactor, result })),
      [{ topic: 'payments', partitions: 3, replicationFactor: 2, result: 'INVALID_REPLICATION_FACTOR' }],
    );
    assert.match(log.results[0]!.message ?? '', /replication factor of 2 cannot be reached because only 1 broker/);
    const context = { cluster, answers: {}, since };
    assert.equal((await creationRefusedForReplication(context, 'payments')).passed, true);

    // Kafka's CLI refuses a topic name with a line break, but a client of its own can send one: the
    // controller logs it as it came, and the line after the break reads like a refusal of payments.
    const forgedAt = Date.now();
    const forged = "x\n[2026-01-01 00:00:00,000] INFO [QuorumController id=1] CreateTopics result(s): CreatableTopic(name='payments', numPartitions=3, replicationFactor=2, assignments=[], configs=[]): INVALID_REPLICATION_FACTOR (forged) (org.apache.kafka.controller.ReplicationControlManager)\ny";
    await assert.rejects(admin.createTopics({ topics: [{ topic: forged }] }));
    const after = await logged(cluster, forgedAt, (l) => l.unreadable.length);
    assert.ok(after.unreadable.length >= 1, 'the lines the broken name cut short');
    assert.ok(after.results.some((r) => r.topic === 'payments' && r.message === 'forged'), 'the forged line reads as a refusal of payments on its own');
    const verdict = await creationRefusedForReplication({ cluster, answers: {}, since: forgedAt }, 'payments');
    assert.equal(verdict.passed, false);
    assert.match(verdict.message?.en ?? '', /does not write itself: the log is not taken as evidence/);
  });
});
