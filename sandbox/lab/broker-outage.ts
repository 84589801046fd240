/** Plays a lab's scenario against the cluster while the learner's program runs: stop a broker, later start it again. */
import type { KafkaCluster } from '../cluster/kafka-cluster.ts';
import type { BrokerOutage, OutageRecord, OutageTarget } from '../lab-kit/lab-format.ts';

export interface RunningOutage {
  /** What happened so far. */
  readonly records: OutageRecord[];
  /**
   * Cancels what has not started yet, brings a stopped broker back and waits until it is in sync again,
   * so the checks see a whole cluster (records written meanwhile become readable only then: Kafka 4
   * advances the high watermark only while the ISR has at least min.insync.replicas members).
   */
  finish(): Promise<void>;
}

export function startOutage(cluster: KafkaCluster, outage: BrokerOutage): RunningOutage {
  const records: OutageRecord[] = [];
  let restartTimer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  let stopped: OutageRecord | undefined;

  const restart = () => {
    restartTimer = undefined;
    const record = stopped;
    if (!record || record.restartedAt !== undefined) return current;
    record.restartedAt = Date.now();
    current = current.then(() => cluster.broker(record.nodeId).start());
    return current;
  };

  const stopTimer = setTimeout(() => {
    current = (async () => {
      const nodeId = await resolveTarget(cluster, outage.broker);
      await cluster.broker(nodeId).stop({ graceful: true });
      stopped = { nodeId, stoppedAt: Date.now() };
      records.push(stopped);
      if (outage.downForSeconds !== undefined) restartTimer = setTimeout(() => void restart(), outage.downForSeconds * 1000);
    })();
  }, outage.afterSeconds * 1000);

  return {
    records,
    async finish() {
      clearTimeout(stopTimer);
      await current; // a stop under way completes first
      clearTimeout(restartTimer);
      await restart();
      if (stopped) await waitUntilInSync(cluster, stopped.nodeId);
    },
  };
}

async function resolveTarget(cluster: KafkaCluster, target: OutageTarget): Promise<number> {
  if (typeof target === 'number') return target;
  const { topics } = await (await cluster.adminClient()).fetchTopicMetadata({ topics: [target.topic] });
  const partition = topics[0]?.partitions.find((p) => p.partitionId === target.partition);
  if (!partition) throw new Error(`the scenario's partition ${target.topic}-${target.partition} does not exist`);
  const nodeId = target.role === 'leader' ? partition.leader : partition.replicas.find((id) => id !== partition.leader);
  if (nodeId === undefined) throw new Error(`${target.topic}-${target.partition} has no ${target.role}`);
  return nodeId;
}

const IN_SYNC_TIMEOUT_MS = 30_000;

/** Waits until the node is back in the ISR of every partition of the lab's topics that it replicates. */
async function waitUntilInSync(cluster: KafkaCluster, nodeId: number): Promise<void> {
  const topics = (cluster.spec.topics ?? []).map((topic) => topic.name);
  if (topics.length === 0) return;
  const admin = await cluster.adminClient();
  const deadline = Date.now() + IN_SYNC_TIMEOUT_MS;
  for (;;) {
    const { topics: metadata } = await admin.fetchTopicMetadata({ topics }).catch(() => ({ topics: [] }));
    const partitions = metadata.flatMap((topic) => topic.partitions).filter((p) => p.replicas.includes(nodeId));
    if (metadata.length === topics.length && partitions.every((p) => p.isr.includes(nodeId))) return;
    if (Date.now() > deadline) throw new Error(`broker ${nodeId} did not rejoin the ISR within ${IN_SYNC_TIMEOUT_MS / 1000} s of its restart`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
