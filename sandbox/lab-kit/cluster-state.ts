/**
 * What checks read from a lab's real cluster: records, offsets, configs and replicas. Every helper asks
 * the brokers; none of them looks at the learner's source.
 */
import { randomBytes } from 'node:crypto';
import kafkajs from 'kafkajs';
import type { KafkaCluster } from '../cluster/kafka-cluster.ts';

const { ConfigResourceTypes, ConfigSource, Partitioners } = kafkajs;

export interface TopicRecord {
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  /** Epoch ms: CreateTime (set by the producer) or LogAppendTime (set by the broker), as the topic says. */
  timestamp: number;
}

/** Partition → offset. */
export type PartitionOffsets = Map<number, number>;

export async function topicExists(cluster: KafkaCluster, topic: string): Promise<boolean> {
  return (await (await cluster.adminClient()).listTopics()).includes(topic);
}

/** The end offset (high watermark) of each partition; empty when the topic does not exist. */
export function endOffsets(cluster: KafkaCluster, topic: string): Promise<PartitionOffsets> {
  return listOffsets(cluster, topic, 'high');
}

/** Each partition's log start offset (ListOffsets earliest): the first offset retention or kafka-delete-records left. */
export function startOffsets(cluster: KafkaCluster, topic: string): Promise<PartitionOffsets> {
  return listOffsets(cluster, topic, 'low');
}

async function listOffsets(cluster: KafkaCluster, topic: string, end: 'high' | 'low'): Promise<PartitionOffsets> {
  if (!(await topicExists(cluster, topic))) return new Map();
  const offsets = await (await cluster.adminClient()).fetchTopicOffsets(topic);
  return new Map(offsets.map((p) => [p.partition, Number(p[end])]));
}

/** Offsets a consumer group committed for a topic; partitions without a commit are absent. */
export async function committedOffsets(cluster: KafkaCluster, groupId: string, topic: string): Promise<PartitionOffsets> {
  if (!(await topicExists(cluster, topic))) return new Map();
  const [result] = await (await cluster.adminClient()).fetchOffsets({ groupId, topics: [topic] });
  const committed = (result?.partitions ?? []).filter((p) => Number(p.offset) >= 0);
  return new Map(committed.map((p) => [p.partition, Number(p.offset)]));
}

/**
 * Every record of a topic up to its current end, in partition then offset order. Read by a throwaway
 * consumer group, deleted afterwards so the learner never sees it.
 */
export async function readTopic(cluster: KafkaCluster, topic: string, timeoutMs = 20_000): Promise<TopicRecord[]> {
  const ends = await endOffsets(cluster, topic);
  const total = [...ends.values()].reduce((sum, end) => sum + end, 0);
  if (total === 0) return [];
  const groupId = `course-check-${randomBytes(4).toString('hex')}`;
  // Short fetch waits: a reader at the end of the log must not hold disconnect() for the default 5 s long poll.
  const consumer = cluster.kafka().consumer({ groupId, maxWaitTimeInMs: 100 });
  const records: TopicRecord[] = [];
  const remaining = new Map([...ends].filter(([, end]) => end > 0));
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`reading ${topic} timed out after ${records.length} records`)), timeoutMs);
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const offset = Number(message.offset);
            if (offset >= (ends.get(partition) ?? 0)) return; // written after the check started
            records.push({
              partition,
              offset,
              key: message.key?.toString() ?? null,
              value: message.value?.toString() ?? null,
              headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)])),
              timestamp: Number(message.timestamp),
            });
            if (offset + 1 >= (ends.get(partition) ?? 0)) remaining.delete(partition);
            if (remaining.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
    await (await cluster.adminClient()).deleteGroups([groupId]).catch(() => undefined);
  }
  return records.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}

/** A topic, or one broker by its node id. */
export type ConfigEntity = { type: 'topic'; name: string } | { type: 'broker'; id: number };

export interface ConfigValue {
  value: string;
  /** Where the value comes from: the entity itself, a broker setting, or Kafka's default. */
  source: 'topic' | 'dynamic-broker' | 'dynamic-default-broker' | 'static-broker' | 'default' | 'unknown';
  /** The same, by the name kafka-configs --describe prints (DYNAMIC_TOPIC_CONFIG, ...). */
  kafkaSource: string;
}

const SOURCES = new Map<number, Pick<ConfigValue, 'source' | 'kafkaSource'>>([
  [ConfigSource.TOPIC_CONFIG, { source: 'topic', kafkaSource: 'DYNAMIC_TOPIC_CONFIG' }],
  [ConfigSource.DYNAMIC_BROKER_CONFIG, { source: 'dynamic-broker', kafkaSource: 'DYNAMIC_BROKER_CONFIG' }],
  [ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG, { source: 'dynamic-default-broker', kafkaSource: 'DYNAMIC_DEFAULT_BROKER_CONFIG' }],
  [ConfigSource.STATIC_BROKER_CONFIG, { source: 'static-broker', kafkaSource: 'STATIC_BROKER_CONFIG' }],
  [ConfigSource.DEFAULT_CONFIG, { source: 'default', kafkaSource: 'DEFAULT_CONFIG' }],
]);

/** The entity's effective value of each named config, with its source, as the broker reports it. */
export async function entityConfigs(cluster: KafkaCluster, entity: ConfigEntity, names: string[]): Promise<Map<string, ConfigValue>> {
  const admin = await cluster.adminClient();
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [
      entity.type === 'topic'
        ? { type: ConfigResourceTypes.TOPIC, name: entity.name, configNames: names }
        : { type: ConfigResourceTypes.BROKER, name: String(entity.id), configNames: names },
    ],
  });
  const entries = resources[0]?.configEntries ?? [];
  const unknown = { source: 'unknown', kafkaSource: 'UNKNOWN' } as const;
  return new Map(entries.map((e) => [e.configName, { value: e.configValue, ...(SOURCES.get(e.configSource) ?? unknown) }]));
}

export interface PartitionReplicas {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
}

export async function partitionReplicas(cluster: KafkaCluster, topic: string): Promise<PartitionReplicas[]> {
  const { topics } = await (await cluster.adminClient()).fetchTopicMetadata({ topics: [topic] });
  return (topics[0]?.partitions ?? [])
    .map((p) => ({ partition: p.partitionId, leader: p.leader, replicas: p.replicas, isr: p.isr }))
    .sort((a, b) => a.partition - b.partition);
}

/**
 * The partition a key goes to by default in this topic as it is now: kafkajs's own DefaultPartitioner
 * (murmur2 of the key modulo the partition count, as the Java client), given the topic's metadata.
 */
export async function keyPartitioner(cluster: KafkaCluster, topic: string): Promise<(key: string) => number> {
  const { topics } = await (await cluster.adminClient()).fetchTopicMetadata({ topics: [topic] });
  const partitionMetadata = topics[0]?.partitions ?? [];
  const byKey = Partitioners.DefaultPartitioner();
  return (key) => byKey({ topic, partitionMetadata, message: { key, value: null } });
}

/** The program's stdout, line by line, without blank lines. */
export function outputLines(stdout: string): string[] {
  return stdout.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0);
}
