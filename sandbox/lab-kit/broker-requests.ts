/**
 * Readers of the brokers' request log (CheckContext.requests, for labs that observe brokerRequests):
 * what the program asked of the brokers and what they answered, as the brokers recorded it.
 */
import type { BrokerRequest } from './lab-format.ts';

/** One partition's part of a PRODUCE request, with the broker's answer. */
export interface ProduceAttempt {
  at: number;
  nodeId: number;
  clientId: string;
  /** The acks the request carried: 0, 1 or -1 (all). */
  acks: number;
  partition: number;
  /** The broker's error code; undefined when it sent no response (acks=0). */
  errorCode: number | undefined;
}

interface TopicPartitions<P> { name?: string; topic?: string; partitionData?: P[]; partitions?: P[]; partitionResponses?: P[] }
const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** The PRODUCE requests for one topic, one entry per partition of a request. */
export function produceAttempts(requests: BrokerRequest[], topic: string): ProduceAttempt[] {
  return requests.filter((r) => r.api === 'PRODUCE').flatMap((r) => {
    const answered = list<TopicPartitions<{ index: number; errorCode: number }>>(r.response['responses'])
      .filter((t) => t.name === topic)
      .flatMap((t) => list<{ index: number; errorCode: number }>(t.partitionResponses));
    return list<TopicPartitions<{ index: number }>>(r.request['topicData'])
      .filter((t) => t.name === topic)
      .flatMap((t) => list<{ index: number }>(t.partitionData))
      .map((p) => ({
        at: r.at,
        nodeId: r.nodeId,
        clientId: r.clientId,
        acks: Number(r.request['acks']),
        partition: p.index,
        errorCode: answered.find((a) => a.index === p.index)?.errorCode,
      }));
  });
}

/** A commit of one partition's offset, as the group coordinator answered it. */
export interface OffsetCommit {
  at: number;
  /** Its place among the program's requests in the brokers' logs: orders events logged in the same millisecond. */
  seq: number;
  partition: number;
  offset: number;
  errorCode: number | undefined;
}

/** One partition of a FETCH request with the broker's answer. */
export interface PartitionFetch {
  at: number;
  /** Its place among the program's requests in the brokers' logs. */
  seq: number;
  partition: number;
  fetchOffset: number;
  /** Bytes of records the broker returned: above 0 when the fetch received records from fetchOffset on. */
  recordBytes: number;
}

/** A member of a consumer group (one consumer object, across its generations), with what it committed and fetched. */
export interface GroupMember {
  memberId: string;
  /** The generations it synced in, in order. */
  generations: number[];
  /** When the coordinator first completed its SyncGroup: from then on it had an assignment. */
  syncedAt: number;
  commits: OffsetCommit[];
  /**
   * Fetches of the topic from the member's client (its client id and address) while it was in the group,
   * from its SyncGroup to its last request to the coordinator. kafkajs fetches over another connection
   * than its group requests, so a fetch is tied to a member by client and time: exact for a program whose
   * consumers take turns, as the labs' do; two consumers of one program in different groups at once
   * would share each other's fetches.
   */
  fetches: PartitionFetch[];
}

/** The group's activity for one topic as the coordinator and the partitions' leader saw it. */
export interface GroupActivity {
  /** In the order they first synced. */
  members: GroupMember[];
  /** Commits that came from no member the coordinator synced (the admin API's, generation -1). */
  commitsWithoutMember: OffsetCommit[];
}

export function groupActivity(requests: BrokerRequest[], groupId: string, topic: string): GroupActivity {
  const sequenced = requests.map((request, seq) => ({ request, seq }));
  const ofGroup = sequenced.filter(({ request }) => request.request['groupId'] === groupId);
  const members = new Map<string, GroupMember & { client: string; firstSeq: number }>();
  for (const { request: sync, seq } of ofGroup.filter(({ request }) => request.api === 'SYNC_GROUP' && request.response['errorCode'] === 0)) {
    const memberId = String(sync.request['memberId']);
    const generation = Number(sync.request['generationId']);
    const member = members.get(memberId) ?? { memberId, generations: [], syncedAt: sync.at, commits: [], fetches: [], client: clientOf(sync), firstSeq: seq };
    if (!member.generations.includes(generation)) member.generations.push(generation);
    members.set(memberId, member);
  }
  const commitsWithoutMember: OffsetCommit[] = [];
  for (const { request: commit, seq } of ofGroup.filter(({ request }) => request.api === 'OFFSET_COMMIT')) {
    const member = members.get(String(commit.request['memberId']));
    (member?.commits ?? commitsWithoutMember).push(...commitsOf(commit, seq, topic));
  }
  for (const member of members.values()) {
    const own = ofGroup.filter(({ request }) => request.request['memberId'] === member.memberId || JSON.stringify(request.request['members'] ?? '').includes(member.memberId));
    const lastSeq = Math.max(member.firstSeq, ...own.map(({ seq }) => seq));
    member.fetches = sequenced
      .filter(({ request, seq }) => request.api === 'FETCH' && clientOf(request) === member.client && seq > member.firstSeq && seq < lastSeq)
      .flatMap(({ request, seq }) => fetchesOf(request, seq, topic));
  }
  const listed = [...members.values()].map(({ client: _client, firstSeq: _firstSeq, ...member }) => member);
  return { members: listed.sort((a, b) => a.syncedAt - b.syncedAt), commitsWithoutMember };
}

/** The client's id and address (without its port): the connection is "broker:port-client:port-processor-index". */
function clientOf(request: BrokerRequest): string {
  const address = request.connection.split('-')[1] ?? '';
  return `${request.clientId}@${address.slice(0, address.lastIndexOf(':'))}`;
}

function commitsOf(request: BrokerRequest, seq: number, topic: string): OffsetCommit[] {
  const answers = list<TopicPartitions<{ partitionIndex: number; errorCode: number }>>(request.response['topics'])
    .filter((t) => t.name === topic)
    .flatMap((t) => list<{ partitionIndex: number; errorCode: number }>(t.partitions));
  return list<TopicPartitions<{ partitionIndex: number; committedOffset: number }>>(request.request['topics'])
    .filter((t) => t.name === topic)
    .flatMap((t) => list<{ partitionIndex: number; committedOffset: number }>(t.partitions))
    .map((p) => ({ at: request.at, seq, partition: p.partitionIndex, offset: Number(p.committedOffset), errorCode: answers.find((a) => a.partitionIndex === p.partitionIndex)?.errorCode }));
}

function fetchesOf(request: BrokerRequest, seq: number, topic: string): PartitionFetch[] {
  // kafkajs fetches by topic name (FETCH v11); later versions name topics by id, which this reader does not resolve.
  const answers = list<TopicPartitions<{ partitionIndex: number; recordsSizeInBytes?: number }>>(request.response['responses'])
    .filter((t) => t.topic === topic)
    .flatMap((t) => list<{ partitionIndex: number; recordsSizeInBytes?: number }>(t.partitions));
  return list<TopicPartitions<{ partition: number; fetchOffset: number }>>(request.request['topics'])
    .filter((t) => t.topic === topic)
    .flatMap((t) => list<{ partition: number; fetchOffset: number }>(t.partitions))
    .map((p) => ({ at: request.at, seq, partition: p.partition, fetchOffset: Number(p.fetchOffset), recordBytes: answers.find((a) => a.partitionIndex === p.partition)?.recordsSizeInBytes ?? 0 }));
}

/** Per partition, the lowest offset a member's fetches received records from: where it started reading. */
export function firstFetchedOffsets(member: GroupMember): Map<number, number> {
  const first = new Map<number, number>();
  for (const fetch of member.fetches) {
    if (fetch.recordBytes > 0 && fetch.fetchOffset < (first.get(fetch.partition) ?? Infinity)) first.set(fetch.partition, fetch.fetchOffset);
  }
  return first;
}
