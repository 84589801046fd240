import type { ExerciseCheckContext } from './exercise-format.ts';
import { fail, pass, type CheckVerdict } from './lab-format.ts';
import { committedOffsets, endOffsets, readTopic, type PartitionOffsets } from './cluster-state.ts';

/**
 * The topic holds these keyed messages, each key's messages in one partition in the order listed
 * (what a key guarantees), whichever partition the key hashed to.
 */
export async function keyedMessages({ cluster }: ExerciseCheckContext, topic: string, expected: Array<{ key: string; value: string }>): Promise<CheckVerdict> {
  const records = await readTopic(cluster, topic);
  const want = expected.map((m) => `${m.key}:${m.value}`).join(' ');
  for (const key of new Set(expected.map((m) => m.key))) {
    const values = expected.filter((m) => m.key === key).map((m) => m.value);
    const found = records.filter((r) => r.key === key && values.includes(r.value ?? ''));
    const partitions = [...new Set(found.map((r) => r.partition))];
    const inOrder = found.map((r) => r.value);
    if (found.length < values.length) {
      return fail(
        { ko: `${topic}에 키 ${key}인 메시지 ${values.join(', ')}이(가) 모두 있지는 않습니다.`, en: `${topic} does not hold all of key ${key}'s messages ${values.join(', ')}.` },
        { expected: want, actual: describe(records) },
      );
    }
    if (partitions.length !== 1 || inOrder.join() !== values.join()) {
      return fail(
        { ko: `키 ${key}의 메시지가 한 파티션에 보낸 순서대로 있지 않습니다.`, en: `Key ${key}'s messages are not in one partition in the order sent.` },
        { expected: want, actual: describe(records) },
      );
    }
  }
  return pass({ expected: want, actual: describe(records) });
}

/** At least `count` messages without a key. */
export async function keylessMessages({ cluster }: ExerciseCheckContext, topic: string, count: number): Promise<CheckVerdict> {
  const records = await readTopic(cluster, topic);
  const keyless = records.filter((r) => r.key === null);
  if (keyless.length >= count) return pass({ actual: describe(keyless) });
  return fail(
    { ko: `${topic}에 키 없는 메시지가 ${keyless.length}개입니다. ${count}개 이상 보내세요.`, en: `${topic} holds ${keyless.length} message${keyless.length === 1 ? '' : 's'} without a key; send at least ${count}.` },
    { expected: `>= ${count} keyless`, actual: describe(records) },
  );
}

/** A consumer group's committed offsets on a topic, with the topic's end offsets. */
export interface GroupOffsets {
  committed: PartitionOffsets;
  ends: PartitionOffsets;
  /** Why these offsets are no consumer's reading: the group has none on the topic, or no consumer ever joined it. */
  refused?: CheckVerdict;
}

/**
 * The offsets a group of consumers committed on a topic, refused when there are none or when they were
 * set by hand (kafka-consumer-groups --reset-offsets) on a group no consumer ever joined.
 */
export async function consumerGroupOffsets({ cluster }: ExerciseCheckContext, group: string, topic: string): Promise<GroupOffsets> {
  // A group that never existed: asking its coordinator may fail while __consumer_offsets does not exist yet.
  const { groups } = await (await cluster.adminClient()).listGroups();
  const listed = groups.find((g) => g.groupId === group);
  const [committed, ends] = await Promise.all([listed ? committedOffsets(cluster, group, topic) : new Map<number, number>(), endOffsets(cluster, topic)]);
  const expected = showOffsets(ends);
  const actual = showOffsets(committed);
  if (committed.size === 0) {
    const refused = fail({ ko: `그룹 ${group}이(가) ${topic}에 커밋한 오프셋이 없습니다.`, en: `Group ${group} has no committed offsets on ${topic}.` }, { expected, actual });
    return { committed, ends, refused };
  }
  // A group that ever had a consumer member keeps its protocol type; offsets committed by an admin
  // (kafka-consumer-groups --reset-offsets) on a group nobody joined leave it empty.
  if (listed?.protocolType !== 'consumer') {
    const refused = fail(
      {
        ko: `그룹 ${group}에는 컨슈머가 참여한 적이 없습니다. 오프셋을 읽어서가 아니라 손으로(kafka-consumer-groups --reset-offsets) 커밋했습니다.`,
        en: `Group ${group} never had a consumer: its offsets were committed by hand (kafka-consumer-groups --reset-offsets), not by reading.`,
      },
      { expected: `${group}: a consumer group (protocol type consumer)`, actual: `protocol type "${listed?.protocolType ?? ''}"` },
    );
    return { committed, ends, refused };
  }
  return { committed, ends };
}

/**
 * The group read everything: a group of consumers (not offsets set by hand) that has committed, for every
 * partition of the topic, the partition's end.
 */
export async function groupCaughtUp(context: ExerciseCheckContext, group: string, topic: string): Promise<CheckVerdict> {
  const { committed, ends, refused } = await consumerGroupOffsets(context, group, topic);
  if (refused) return refused;
  const expected = showOffsets(ends);
  const actual = showOffsets(committed);
  const behind = [...ends].filter(([p, end]) => end > 0 && committed.get(p) !== end);
  if (behind.length > 0) {
    return fail(
      { ko: `그룹 ${group}이(가) 아직 다 읽지 않은 파티션이 있습니다: ${behind.map(([p]) => p).join(', ')}.`, en: `Group ${group} has not read everything yet in partitions ${behind.map(([p]) => p).join(', ')}.` },
      { expected, actual },
    );
  }
  return pass({ expected, actual });
}

/** "0:6 1:4 2:2", partitions in order; "none" for no offsets. */
export function showOffsets(offsets: PartitionOffsets): string {
  return [...offsets].sort(([a], [b]) => a - b).map(([p, offset]) => `${p}:${offset}`).join(' ') || 'none';
}

function describe(records: Array<{ partition: number; key: string | null; value: string | null }>): string {
  return records.slice(0, 20).map((r) => `p${r.partition} ${r.key ?? 'null'}:${r.value ?? 'null'}`).join(', ') || 'no messages';
}
