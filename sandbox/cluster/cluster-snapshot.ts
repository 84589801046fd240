/**
 * The learner's cluster as it is at one moment, for the live view beside labs and exercises: each node's
 * state from Docker, each topic's partitions (leader, replicas, ISR, first and next offsets) from the
 * brokers, each consumer group's members and lag from its coordinator. Nodes that are down never make it
 * throw: a stopped node shows as stopped and the rest is read from the others, every request with a short
 * time limit; a part that could not be read this time says so (`unreadable`) instead of being guessed.
 */
import { AssignerProtocol, type Admin, type GroupDescription } from 'kafkajs';
import type { BrokerState } from './broker.ts';
import type { KafkaCluster } from './kafka-cluster.ts';
import { partitionKey, readPartitionOffsets, readTopicMetadata, type PartitionOffsets, type TopicMetadata } from './partition-state.ts';

export interface BrokerView {
  nodeId: number;
  /** 'unknown' when Docker could not say (the node is being replaced). */
  state: BrokerState | 'unknown';
}

export interface PartitionView {
  partition: number;
  /** null: no leader. */
  leader: number | null;
  replicas: number[];
  isr: number[];
  /** Replicas on nodes the cluster counts as down. */
  offline: number[];
  /** null when the leader could not be asked (none, or it did not answer in time). */
  logStartOffset: number | null;
  logEndOffset: number | null;
}

export interface TopicView {
  name: string;
  partitions: PartitionView[];
}

export interface GroupOffsetView {
  topic: string;
  partition: number;
  /** The group's committed offset: where it resumes. */
  committed: number;
  /** The member the partition is assigned to, when one is. */
  memberId: string | null;
  /** Records written but not yet committed by the group (end offset − committed); null when the end is unknown. */
  lag: number | null;
}

export interface GroupMemberView {
  memberId: string;
  clientId: string;
  host: string;
  /** topic → partitions assigned to this member. */
  assigned: Record<string, number[]>;
}

export interface GroupView {
  groupId: string;
  state: string;
  members: GroupMemberView[];
  offsets: GroupOffsetView[];
}

export interface ClusterSnapshot {
  /** When it was read (ISO 8601). */
  readAt: string;
  brokers: BrokerView[];
  topics: TopicView[];
  groups: GroupView[];
  /** Parts that could not be read this time (no node answered in time, say); they show as empty, not as guessed. */
  unreadable: Array<'topics' | 'groups'>;
  /** Topics and groups beyond the limits, left out to keep each read cheap. */
  omitted: { topics: number; groups: number };
}

export interface SnapshotOptions {
  /** Kafka's internal topics (__consumer_offsets, __transaction_state): left out unless asked for. */
  includeInternal?: boolean;
  /** The longest any one request may take; 2.5 s unless told otherwise. */
  timeoutMs?: number;
}

const MAX_TOPICS = 50;
const MAX_GROUPS = 20;

/** Reads the cluster's state now. Never throws for what the cluster is doing; a part it cannot read is marked unreadable. */
export async function readClusterSnapshot(cluster: KafkaCluster, options: SnapshotOptions = {}): Promise<ClusterSnapshot> {
  const timeoutMs = options.timeoutMs ?? 2500;
  const readAt = new Date().toISOString();
  const brokers = await Promise.all(cluster.brokers.map(async (broker): Promise<BrokerView> => ({
    nodeId: broker.nodeId,
    state: await withTimeout(broker.state(), timeoutMs).catch(() => 'unknown' as const),
  })));
  const running = cluster.brokers.filter((_, i) => brokers[i]!.state === 'running');
  const snapshot: ClusterSnapshot = { readAt, brokers, topics: [], groups: [], unreadable: [], omitted: { topics: 0, groups: 0 } };

  const metadata = await firstAnswer(running.map((broker) => () => readTopicMetadata(broker.hostAddress, timeoutMs)));
  if (!metadata) {
    snapshot.unreadable.push('topics', 'groups');
    return snapshot;
  }
  const shown = metadata.filter((topic) => options.includeInternal || !topic.internal).sort((a, b) => a.name.localeCompare(b.name));
  snapshot.omitted.topics = Math.max(0, shown.length - MAX_TOPICS);
  const topics = shown.slice(0, MAX_TOPICS);

  const [offsets, groups] = await Promise.all([
    readOffsets(cluster, topics, timeoutMs),
    withTimeout(groupsOf(cluster), 2 * timeoutMs).catch(() => undefined),
  ]);
  snapshot.topics = topics.map((topic) => ({
    name: topic.name,
    partitions: topic.partitions.map((p) => {
      const read = offsets.get(partitionKey(topic.name, p.partition));
      return {
        partition: p.partition,
        leader: p.leader >= 0 ? p.leader : null,
        replicas: p.replicas,
        isr: p.isr,
        offline: p.offline,
        logStartOffset: read?.logStartOffset ?? null,
        logEndOffset: read?.logEndOffset ?? null,
      };
    }),
  }));
  if (!groups) snapshot.unreadable.push('groups');
  else {
    snapshot.omitted.groups = groups.omitted;
    const ends = new Map(snapshot.topics.flatMap((t) => t.partitions.map((p) => [partitionKey(t.name, p.partition), p.logEndOffset] as const)));
    snapshot.groups = groups.groups.map((group) => withLag(group, ends));
  }
  return snapshot;
}

/** Asks each partition's leader for its partitions' offsets; a leader that does not answer leaves its partitions without. */
async function readOffsets(cluster: KafkaCluster, topics: TopicMetadata[], timeoutMs: number): Promise<Map<string, PartitionOffsets>> {
  const byLeader = Map.groupBy(
    topics.flatMap((topic) => topic.partitions.filter((p) => p.leader >= 0).map((p) => ({ topic: topic.name, partition: p.partition, leader: p.leader }))),
    (p) => p.leader,
  );
  const answers = await Promise.all([...byLeader].map(([leader, partitions]) => {
    const broker = cluster.brokers.find((b) => b.nodeId === leader);
    return broker ? readPartitionOffsets(broker.hostAddress, partitions, timeoutMs).catch(() => undefined) : undefined;
  }));
  return new Map(answers.flatMap((answer) => [...(answer ?? [])]));
}

/**
 * A group read still under way (the sandbox's admin client waits out a paused node for up to its own request
 * timeout) is shared by the snapshots that follow, so reads never pile up behind a node that does not answer.
 */
const groupReads = new WeakMap<KafkaCluster, Promise<{ groups: GroupRead[]; omitted: number }>>();

function groupsOf(cluster: KafkaCluster): Promise<{ groups: GroupRead[]; omitted: number }> {
  let reading = groupReads.get(cluster);
  if (!reading) {
    reading = cluster.adminClient().then(readGroups).finally(() => groupReads.delete(cluster));
    groupReads.set(cluster, reading);
  }
  return reading;
}

interface GroupRead {
  description: GroupDescription;
  committed: Array<{ topic: string; partition: number; offset: number }>;
}

/** Groups through the sandbox's own admin client (groups have no leaderless partitions to choke on). */
async function readGroups(admin: Admin): Promise<{ groups: GroupRead[]; omitted: number }> {
  const listed = (await admin.listGroups()).groups.map((g) => g.groupId).sort();
  const ids = listed.slice(0, MAX_GROUPS);
  if (ids.length === 0) return { groups: [], omitted: 0 };
  const { groups: descriptions } = await admin.describeGroups(ids);
  const groups = await Promise.all(descriptions.map(async (description) => {
    const topics = await admin.fetchOffsets({ groupId: description.groupId });
    const committed = topics.flatMap(({ topic, partitions }) =>
      partitions.filter((p) => Number(p.offset) >= 0).map((p) => ({ topic, partition: p.partition, offset: Number(p.offset) })));
    return { description, committed };
  }));
  return { groups, omitted: listed.length - ids.length };
}

function withLag({ description, committed }: GroupRead, ends: Map<string, number | null>): GroupView {
  const members = description.members.map((member): GroupMemberView => ({
    memberId: member.memberId,
    clientId: member.clientId,
    host: member.clientHost,
    assigned: assignmentOf(description.protocolType, member.memberAssignment),
  }));
  const owner = new Map(members.flatMap((m) => Object.entries(m.assigned).flatMap(([topic, ps]) => ps.map((p) => [partitionKey(topic, p), m.memberId] as const))));
  const offsets = committed
    .map(({ topic, partition, offset }): GroupOffsetView => {
      const end = ends.get(partitionKey(topic, partition));
      return { topic, partition, committed: offset, memberId: owner.get(partitionKey(topic, partition)) ?? null, lag: end == null ? null : Math.max(0, end - offset) };
    })
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  return { groupId: description.groupId, state: description.state, members, offsets };
}

/** A consumer group member's partitions, from the assignment its leader made; other kinds of group (Connect) carry none. */
function assignmentOf(protocolType: string, bytes: Buffer): Record<string, number[]> {
  if (protocolType !== 'consumer' || bytes.length === 0) return {};
  try {
    return AssignerProtocol.MemberAssignment.decode(bytes)?.assignment ?? {};
  } catch {
    return {};
  }
}

/** The first of these reads that answers, tried one after another; undefined when none does. */
async function firstAnswer<T>(reads: Array<() => Promise<T>>): Promise<T | undefined> {
  for (const read of reads) {
    const answer = await read().catch(() => undefined);
    if (answer !== undefined) return answer;
  }
  return undefined;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  promise.catch(() => undefined); // a late failure, after the time limit, is not an unhandled rejection
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
