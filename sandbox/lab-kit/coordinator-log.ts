/**
 * The group coordinator's own record of what happened to a consumer group: __consumer_offsets, decoded as
 * far as checks need it (as `kafka-dump-log --offsets-decoder` shows it). It shows history the group's
 * current state does not: commits a consumer made as it read (with a leader epoch) and commits set by hand
 * (without), resets, deletions, each rebalance of a classic group with its assignor and members, and the
 * members of a group of the new protocol (KIP-848).
 *
 * A record's key starts with a version that names its type (Apache Kafka's
 * group-coordinator/src/main/resources/common/message/*Key.json):
 * - 0, 1: OffsetCommitKey (group, topic, partition) → OffsetCommitValue;
 * - 2: GroupMetadataKey (group) → GroupMetadataValue: a classic group's protocol type, generation, the
 *   protocol it chose (for consumers, the assignor: "range", "cooperative-sticky") and its members;
 * - 3 to 8: a consumer group of the new protocol (group.protocol=consumer): ConsumerGroupMetadata,
 *   ConsumerGroupPartitionMetadata, ConsumerGroupMemberMetadata, ConsumerGroupTargetAssignmentMetadata,
 *   ConsumerGroupTargetAssignmentMember, ConsumerGroupCurrentMemberAssignment. Only members that joined
 *   with the new protocol's heartbeats make the coordinator write them.
 * A null value is a tombstone: an offset, a group or a member deleted.
 */
import { randomBytes } from 'node:crypto';
import type { ExerciseCheckContext } from './exercise-format.ts';
import { MessageReader } from './message-reader.ts';

const OFFSETS_TOPIC = '__consumer_offsets';

/** The records of a new-protocol consumer group, by key version. */
const CONSUMER_GROUP_RECORDS = {
  3: 'metadata',
  4: 'partition-metadata',
  5: 'member-metadata',
  6: 'target-assignment-metadata',
  7: 'target-assignment-member',
  8: 'current-member-assignment',
} as const;

export type ConsumerGroupRecordType = (typeof CONSUMER_GROUP_RECORDS)[keyof typeof CONSUMER_GROUP_RECORDS];

/** A member of a classic group as the coordinator stored it after a rebalance. */
export interface ClassicMember {
  memberId: string;
  /** group.instance.id of a static member; null for a dynamic one. */
  groupInstanceId: string | null;
  clientId: string;
  /** The partitions the group's leader assigned it (the consumer protocol's assignment), by topic. */
  assignment: Map<string, number[]>;
  /**
   * The partitions it still owned when it joined this generation (its subscription's owned partitions), by
   * topic: an eager member gives up everything before it rejoins, a cooperative one keeps reading them.
   */
  owned: Map<string, number[]>;
}

/**
 * One record of __consumer_offsets: a commit (kind "offset"), a classic group's metadata (kind "group") or
 * one of a new-protocol consumer group's records (kind "consumer-group").
 */
export interface CoordinatorRecord {
  /** The __consumer_offsets partition and offset: a group's records all live in one partition, in order. */
  partition: number;
  offset: number;
  /** Epoch ms when the coordinator wrote it: the records of one commit request share it. */
  timestamp: number;
  group: string;
  kind: 'offset' | 'group' | 'consumer-group';
  topic?: string;
  topicPartition?: number;
  /** Offset commits: the committed offset; undefined for a tombstone. */
  committed?: number;
  /**
   * Offset commits: the leader epoch of the last record the committer had fetched, -1 when it fetched none
   * (kafka-consumer-groups --reset-offsets, or a consumer committing a partition it never read).
   */
  leaderEpoch?: number;
  /** Group metadata: the protocol type ("consumer" once a consumer joined, "" for offsets set by hand); undefined for a tombstone. */
  protocolType?: string;
  /** Group metadata: the generation, which each completed rebalance increments. */
  generation?: number;
  /** Group metadata: the protocol the members agreed on (for consumers, the assignor's name); null while it has no members. */
  protocol?: string | null;
  /** Group metadata: the members of this generation. */
  members?: ClassicMember[];
  /** Consumer groups (new protocol): which record this is. */
  record?: ConsumerGroupRecordType;
  /** Consumer groups (new protocol): the member a member-metadata or assignment record is about. */
  memberId?: string;
  /**
   * Consumer groups (new protocol), member metadata: the member joined with the classic protocol (a JoinGroup
   * into a group of the new protocol), which the coordinator records as ClassicMemberMetadata.
   */
  classicMember?: boolean;
  tombstone: boolean;
}

/** Topics with their partitions, as the consumer protocol's assignment and subscription write them. */
const topicPartitions = (cursor: MessageReader): Map<string, number[]> =>
  new Map(cursor.array(() => [cursor.string(), cursor.array(() => cursor.int32())] as const));

/**
 * A member's subscription and assignment are bytes its client wrote in the consumer protocol: one that
 * writes them otherwise (a protocol type other than "consumer", a client's own assigner) reads as nothing.
 */
function consumerProtocol(bytes: Buffer | null, read: (cursor: MessageReader) => Map<string, number[]>): Map<string, number[]> {
  if (!bytes) return new Map();
  try {
    return read(new MessageReader(bytes));
  } catch {
    return new Map();
  }
}

/** ConsumerProtocolAssignment (never flexible): a version, the topics with their partitions, user data. */
const decodeAssignment = (bytes: Buffer | null): Map<string, number[]> =>
  consumerProtocol(bytes, (cursor) => {
    cursor.int16();
    return topicPartitions(cursor);
  });

/** ConsumerProtocolSubscription (never flexible): a version, the topics, user data, then (version 1 and later) the owned partitions. */
const decodeOwned = (bytes: Buffer | null): Map<string, number[]> =>
  consumerProtocol(bytes, (cursor) => {
    if (cursor.int16() < 1) return new Map();
    cursor.array(() => cursor.string()); // topics
    cursor.bytes(); // userData
    return topicPartitions(cursor);
  });

/** GroupMetadataValue, versions 0 to 4 (4 is the first flexible one; Kafka 4.4 writes 3). */
function decodeGroupMetadata(value: Buffer): Pick<CoordinatorRecord, 'protocolType' | 'generation' | 'protocol' | 'members'> {
  const version = value.readInt16BE(0);
  const cursor = new MessageReader(value.subarray(2), version >= 4);
  const protocolType = cursor.string();
  const generation = cursor.int32();
  const protocol = cursor.nullableString();
  cursor.nullableString(); // leader
  if (version >= 2) cursor.int64(); // currentStateTimestamp
  const members = cursor.array((): ClassicMember => {
    const memberId = cursor.string();
    const groupInstanceId = version >= 3 ? cursor.nullableString() : null;
    const clientId = cursor.string();
    cursor.string(); // clientHost
    if (version >= 1) cursor.int32(); // rebalanceTimeout
    cursor.int32(); // sessionTimeout
    const owned = decodeOwned(cursor.bytes());
    const assignment = decodeAssignment(cursor.bytes());
    cursor.taggedFields();
    return { memberId, groupInstanceId, clientId, assignment, owned };
  });
  return { protocolType, generation, protocol, members };
}

/**
 * ConsumerGroupMemberMetadataValue (version 0, flexible): instance id, rack id, client id and host, the
 * subscribed topic names and regex, the rebalance timeout, the server assignor asked for, and, as tagged
 * field 0, ClassicMemberMetadata: a nullable struct, which Kafka 4.4 writes for every member, null (0x00)
 * for one that joined with the new protocol, present (0x01, session timeout, protocols) for a classic one.
 */
function joinedAsClassic(value: Buffer): boolean {
  const cursor = new MessageReader(value.subarray(2), true);
  cursor.nullableString(); // instanceId
  cursor.nullableString(); // rackId
  cursor.string(); // clientId
  cursor.string(); // clientHost
  cursor.array(() => cursor.string()); // subscribedTopicNames
  cursor.nullableString(); // subscribedTopicRegex
  cursor.int32(); // rebalanceTimeoutMs
  cursor.nullableString(); // serverAssignor
  return cursor.taggedFields().get(0)?.[0] === 1;
}

/** A record of `wanted`, decoded; undefined for another group's (whose values are never parsed) or a type not listed above. */
function decode(wanted: string, partition: number, offset: number, timestamp: number, key: Buffer | null, value: Buffer | null): CoordinatorRecord | undefined {
  if (!key || key.length < 4) return undefined;
  // Keys are never flexible: the version, then int16-length strings.
  const cursor = new MessageReader(key);
  const version = cursor.int16();
  const group = cursor.string();
  if (group !== wanted) return undefined;
  const base = { partition, offset, timestamp, group, tombstone: value === null };
  if (version === 0 || version === 1) {
    const topic = cursor.string();
    const topicPartition = cursor.int32();
    // OffsetCommitValue: its version, the offset, then (version 3 and later) the leader epoch, fixed-width in every version.
    const committed = value && value.length >= 10 ? Number(value.readBigInt64BE(2)) : undefined;
    const leaderEpoch = value && value.readInt16BE(0) >= 3 && value.length >= 14 ? value.readInt32BE(10) : undefined;
    return { ...base, kind: 'offset', topic, topicPartition, committed, leaderEpoch };
  }
  if (version === 2) return { ...base, kind: 'group', ...(value ? decodeGroupMetadata(value) : {}) };
  const record = CONSUMER_GROUP_RECORDS[version as keyof typeof CONSUMER_GROUP_RECORDS];
  if (!record) return undefined;
  const memberId = record === 'member-metadata' || record === 'target-assignment-member' || record === 'current-member-assignment' ? cursor.string() : undefined;
  const classicMember = record === 'member-metadata' && value ? joinedAsClassic(value) : undefined;
  return { ...base, kind: 'consumer-group', record, memberId, classicMember };
}

/**
 * Every record the group coordinator wrote to __consumer_offsets since `since` (a clean cluster), for
 * one group, in the order written. Read by a throwaway consumer group, deleted afterwards.
 */
export async function coordinatorLog({ cluster, since }: ExerciseCheckContext, group: string, timeoutMs = 25_000): Promise<CoordinatorRecord[]> {
  const admin = await cluster.adminClient();
  if (!(await admin.listTopics()).includes(OFFSETS_TOPIC)) return [];
  const ends = new Map((await admin.fetchTopicOffsets(OFFSETS_TOPIC)).map((p) => [p.partition, Number(p.high)]));
  const remaining = new Map([...ends].filter(([, end]) => end > 0));
  const records: CoordinatorRecord[] = [];
  if (remaining.size === 0) return records;
  const groupId = `course-check-${randomBytes(4).toString('hex')}`;
  const reader = cluster.kafka().consumer({ groupId, maxWaitTimeInMs: 100 });
  await reader.connect();
  try {
    await reader.subscribe({ topic: OFFSETS_TOPIC, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`reading ${OFFSETS_TOPIC} timed out`)), timeoutMs);
      reader
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const end = ends.get(batch.partition) ?? 0;
            for (const message of batch.messages) {
              const offset = Number(message.offset);
              if (offset >= end) break;
              const record = decode(group, batch.partition, offset, Number(message.timestamp), message.key, message.value);
              if (record && record.timestamp >= since) records.push(record);
            }
            // Compaction and control batches can leave the last offsets without a record: the batch's end says how far the log was read.
            if (Number(batch.lastOffset()) + 1 >= end) remaining.delete(batch.partition);
            if (remaining.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await reader.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
  }
  return records.sort((a, b) => a.offset - b.offset);
}
