/**
 * The cluster's own history: the KRaft metadata log (__cluster_metadata), in which the controller records
 * every topic created and deleted and every config set or removed, and in which the quorum's leaders record
 * their elections. Read from node 1's segment files and decoded here (the records kafka-dump-log
 * --cluster-metadata-decoder prints), so that a check can tell "created, then deleted" from "never created",
 * or name the controllers before and after a failover, which the cluster's present state cannot.
 * Record layout: a frame version, the record's API key and version (unsigned varints), then its fields.
 */
import type { KafkaCluster } from '../cluster/kafka-cluster.ts';
import { parseSegment } from './record-batches.ts';
import { MessageReader } from './message-reader.ts';

const METADATA_TOPIC = '__cluster_metadata';

/**
 * The controller stamps a batch with the time it opened it and keeps it open for up to
 * controller.quorum.append.linger.ms (25 ms by default), so a record can carry a time that much earlier
 * than when it was written.
 */
const APPEND_LINGER_MS = 25;

/** The metadata record types checks read, by API key (Kafka's metadata/src/main/resources/common/metadata/*.json). */
const API_KEY = { topic: 2, config: 4, removeTopic: 9 } as const;

/** ConfigRecord's resourceType (ConfigResource.Type). */
export const CONFIG_RESOURCE = { topic: 2, broker: 4 } as const;

interface Recorded {
  /** The record's offset in the metadata log. */
  offset: number;
  /** When the controller wrote it, epoch ms. */
  at: number;
}

export type MetadataChange =
  | (Recorded & { type: 'topic'; name: string; topicId: string })
  | (Recorded & { type: 'remove-topic'; topicId: string })
  | (Recorded & { type: 'config'; resourceType: number; resourceName: string; name: string; value: string | null });

/** Topic and config records of the metadata log written after `sinceMs` (to within the append linger), in log order. */
export async function metadataChanges(cluster: KafkaCluster, sinceMs: number): Promise<MetadataChange[]> {
  const segments = await cluster.broker(1).partitionFiles(METADATA_TOPIC, 0, (name) => name.endsWith('.log'));
  const batches = segments.flatMap((file) => parseSegment(file.bytes));
  return batches
    .filter((batch) => !batch.isControl) // leader changes, snapshot markers: not metadata records
    .flatMap((batch) => batch.records)
    .filter((record) => record.timestamp > sinceMs - APPEND_LINGER_MS && record.value !== null)
    .flatMap((record) => {
      const change = decodeMetadataRecord(record.value!, { offset: record.offset, at: record.timestamp });
      return change ? [change] : [];
    });
}

/** Control records' type, the second int16 of their key (Kafka's ControlRecordType). */
const LEADER_CHANGE = 2;

/** An election of the controller quorum, as the new leader recorded it: the first record it writes in its epoch. */
export interface QuorumElection extends Recorded {
  /** The leader epoch it won, from its batch's partitionLeaderEpoch. */
  epoch: number;
  leaderId: number;
  /** The voters whose votes elected it. */
  grantingVoters: number[];
}

/**
 * Every election in the metadata log, in log order: the LeaderChange control records (kafka-dump-log's
 * `LeaderChange: {...}` lines). Epochs can skip a number: a round of voting nobody won leaves no record.
 */
export async function quorumElections(cluster: KafkaCluster): Promise<QuorumElection[]> {
  const segments = await cluster.broker(1).partitionFiles(METADATA_TOPIC, 0, (name) => name.endsWith('.log'));
  return segments
    .flatMap((file) => parseSegment(file.bytes))
    .filter((batch) => batch.isControl)
    .flatMap((batch) => batch.records.map((record) => ({ batch, record })))
    .filter(({ record }) => record.key !== null && record.key.length >= 4 && record.key.readInt16BE(2) === LEADER_CHANGE && record.value !== null)
    .map(({ batch, record }) => {
      // LeaderChangeMessage: an int16 version, then (flexible) leaderId, voters, grantingVoters.
      const reader = new MessageReader(record.value!, true);
      reader.int16();
      const leaderId = reader.int32();
      voterIds(reader); // the voter set
      return { offset: record.offset, at: record.timestamp, epoch: batch.partitionLeaderEpoch, leaderId, grantingVoters: voterIds(reader) };
    });
}

/** One metadata record's value, or undefined for a type no check reads. */
export function decodeMetadataRecord(value: Buffer, recorded: Recorded): MetadataChange | undefined {
  const reader = new MessageReader(value, true);
  reader.uvarint(); // frame version
  const apiKey = reader.uvarint();
  reader.uvarint(); // record version: the fields read here are the same in every version so far
  switch (apiKey) {
    case API_KEY.topic:
      return { ...recorded, type: 'topic', name: reader.nullableString()!, topicId: reader.uuid() };
    case API_KEY.removeTopic:
      return { ...recorded, type: 'remove-topic', topicId: reader.uuid() };
    case API_KEY.config:
      return {
        ...recorded,
        type: 'config',
        resourceType: reader.int8(),
        resourceName: reader.nullableString()!,
        name: reader.nullableString()!,
        value: reader.nullableString(),
      };
    default:
      return undefined;
  }
}

/** The topic's lives in the log: each creation with its id, and when (if) that topic was removed. */
export function topicLives(changes: MetadataChange[], topic: string): Array<{ created: Recorded; topicId: string; removed?: Recorded }> {
  return changes.flatMap((change) => {
    if (change.type !== 'topic' || change.name !== topic) return [];
    const removed = changes.find((c) => c.type === 'remove-topic' && c.topicId === change.topicId);
    return [{ created: change, topicId: change.topicId, removed }];
  });
}

/** A compact array of { voterId int32, tagged fields } (LeaderChangeMessage's Voter). */
function voterIds(reader: MessageReader): number[] {
  return reader.array(() => {
    const id = reader.int32();
    reader.taggedFields();
    return id;
  });
}
