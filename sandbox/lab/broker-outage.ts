/**
 * Plays a lab's scenario against the cluster while the learner's program runs: stop a broker, later start
 * it again. The program may change the cluster under it (delete the scenario's topic, say): every step
 * that fails becomes a problem the run reports, never an error nobody hears, and the checks still run.
 */
import type { KafkaCluster } from '../cluster/kafka-cluster.ts';
import type { BrokerOutage, Localized, OutageRecord, OutageTarget } from '../lab-kit/lab-format.ts';

export interface RunningOutage {
  /** What happened so far. */
  readonly records: OutageRecord[];
  /** Steps of the scenario that could not be done, as the learner is told. */
  readonly problems: Localized[];
  /**
   * Cancels what has not started yet, brings a stopped broker back and waits until it is in sync again,
   * so the checks see a whole cluster (records written meanwhile become readable only then: Kafka 4
   * advances the high watermark only while the ISR has at least min.insync.replicas members). Never rejects.
   */
  finish(): Promise<void>;
}

export function startOutage(cluster: KafkaCluster, outage: BrokerOutage, options: { afterRestart?: () => Promise<void> } = {}): RunningOutage {
  const records: OutageRecord[] = [];
  const problems: Localized[] = [];
  let restartTimer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  let stopped: OutageRecord | undefined;

  /** Runs one step after the previous one; a failure is reported as `explain` says. */
  const step = (work: () => Promise<void>, explain: (reason: string) => Localized): Promise<void> => {
    current = current.then(work).catch((error: unknown) => {
      problems.push(explain(error instanceof Error ? error.message.split('\n')[0]! : String(error)));
    });
    return current;
  };

  const restart = (): Promise<void> => {
    restartTimer = undefined;
    const record = stopped;
    if (!record || record.restartedAt !== undefined) return current;
    record.restartedAt = Date.now();
    return step(async () => {
      await cluster.broker(record.nodeId).start();
      await options.afterRestart?.();
    }, (reason) => ({
      ko: `실습 시나리오가 멈췄던 브로커 ${record.nodeId}을(를) 다시 시작하지 못했습니다(${reason}).`,
      en: `The lab's scenario could not start broker ${record.nodeId} again (${reason}).`,
    }));
  };

  const stopTimer = setTimeout(() => {
    void step(async () => {
      const nodeId = await resolveTarget(cluster, outage.broker);
      await cluster.broker(nodeId).stop({ graceful: true });
      stopped = { nodeId, stoppedAt: Date.now() };
      records.push(stopped);
      if (outage.downForSeconds !== undefined) restartTimer = setTimeout(() => void restart(), outage.downForSeconds * 1000);
    }, (reason) => ({
      ko: `실습 시나리오가 ${describeTarget(outage.broker).ko}를 멈추지 못했습니다(${reason}). 프로그램이 토픽을 지우거나 바꾸지 않았는지 확인하세요.`,
      en: `The lab's scenario could not stop ${describeTarget(outage.broker).en} (${reason}). Check that the program does not delete or change the topic.`,
    }));
  }, outage.afterSeconds * 1000);

  return {
    records,
    problems,
    async finish() {
      clearTimeout(stopTimer);
      await current; // a stop under way completes first
      clearTimeout(restartTimer);
      await restart();
      const nodeId = stopped?.nodeId;
      if (nodeId !== undefined) {
        await step(() => waitUntilInSync(cluster, nodeId), (reason) => ({
          ko: `멈췄던 브로커 ${nodeId}이(가) 다시 동기화되지 않았습니다(${reason}). 검사 결과가 클러스터 일부만 보았을 수 있습니다.`,
          en: `Broker ${nodeId} did not get back in sync after its restart (${reason}); the checks may have seen only part of the cluster.`,
        }));
      }
    },
  };
}

function describeTarget(target: OutageTarget): Localized {
  if (typeof target === 'number') return { ko: `브로커 ${target}`, en: `broker ${target}` };
  const partition = `${target.topic}-${target.partition}`;
  return target.role === 'leader'
    ? { ko: `${partition}의 리더`, en: `the leader of ${partition}` }
    : { ko: `${partition}의 팔로워`, en: `the follower of ${partition}` };
}

async function resolveTarget(cluster: KafkaCluster, target: OutageTarget): Promise<number> {
  if (typeof target === 'number') return target;
  const admin = await cluster.adminClient();
  if (!(await admin.listTopics()).includes(target.topic)) throw new Error(`the topic ${target.topic} does not exist`);
  const { topics } = await admin.fetchTopicMetadata({ topics: [target.topic] });
  const partition = topics[0]?.partitions.find((p) => p.partitionId === target.partition);
  if (!partition) throw new Error(`the partition ${target.topic}-${target.partition} does not exist`);
  const nodeId = target.role === 'leader' ? partition.leader : partition.replicas.find((id) => id !== partition.leader);
  if (nodeId === undefined || nodeId < 0) throw new Error(`${target.topic}-${target.partition} has no ${target.role}`);
  return nodeId;
}

const IN_SYNC_TIMEOUT_MS = 30_000;

/**
 * Waits until the node is back in the cluster's metadata (the next reset asks every broker for its
 * configs) and in the ISR of every partition it replicates of the lab's topics that still exist (the
 * program may have deleted one: there is nothing left to be in sync with).
 */
async function waitUntilInSync(cluster: KafkaCluster, nodeId: number): Promise<void> {
  const labTopics = (cluster.spec.topics ?? []).map((topic) => topic.name);
  const admin = await cluster.adminClient();
  const deadline = Date.now() + IN_SYNC_TIMEOUT_MS;
  for (;;) {
    const inSync = await (async () => {
      if (!(await admin.describeCluster()).brokers.some((broker) => broker.nodeId === nodeId)) return false;
      const existing = new Set(await admin.listTopics());
      const topics = labTopics.filter((topic) => existing.has(topic));
      if (topics.length === 0) return true;
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      return metadata.flatMap((topic) => topic.partitions).filter((p) => p.replicas.includes(nodeId)).every((p) => p.isr.includes(nodeId));
    })().catch(() => false); // metadata is briefly unavailable while the broker rejoins
    if (inSync) return;
    if (Date.now() > deadline) throw new Error(`not back in the ISR within ${IN_SYNC_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
