import { keyPartitioner, readTopic, fail, pass, type TopicRecord, type LabCheck } from '../../sandbox/lab-kit/index.ts';
import { TOPIC } from './lab.ts';

export const BATCHES = 5;
export const PER_BATCH = 10;
export const KEYED = 6;

/** Batch number → the partitions its records landed in. */
function batchPartitions(records: TopicRecord[]): Map<number, number[]> {
  const batches = Map.groupBy(records.filter((r) => r.key === null && r.headers['batch']), (r) => Number(r.headers['batch']));
  // In batch order, whatever order the partitions were read in, so messages name batch 1 first.
  return new Map(
    [...batches].sort(([a], [b]) => a - b).map(([batch, recs]) => [batch, [...new Set(recs.map((r) => r.partition))].sort((a, b) => a - b)]),
  );
}

export const checks: LabCheck[] = [
  {
    id: 'all-delivered',
    title: { ko: `배치 ${BATCHES}개와 키 있는 메시지가 모두 도착했다`, en: `All ${BATCHES} batches and the keyed messages arrived` },
    verifies: {
      ko: 'clicks 토픽의 모든 파티션을 브로커에서 끝까지 읽어 레코드 수를 셌습니다.',
      en: 'Read every partition of clicks back from the broker to its end and counted the records.',
    },
    hint: { ko: `send()를 ${BATCHES}번, 매번 키 없는 메시지 ${PER_BATCH}개(헤더 batch)로 보내고, 키 있는 메시지 ${KEYED}개를 보내세요.`, en: `Call send() ${BATCHES} times with ${PER_BATCH} keyless messages each (header batch), then send the ${KEYED} keyed messages.` },
    points: 1,
    async run({ cluster }) {
      const records = await readTopic(cluster, TOPIC);
      const expected = BATCHES * PER_BATCH + KEYED;
      if (records.length === expected) return pass({ expected: `${expected}`, actual: `${records.length}` });
      return fail({ ko: `clicks 토픽에 레코드가 ${records.length}개 있습니다.`, en: `The clicks topic holds ${records.length} records.` }, { expected: `${expected}`, actual: `${records.length}` });
    },
  },
  {
    id: 'batch-one-partition',
    title: { ko: '한 배치의 키 없는 메시지는 한 파티션에 모여 있다', en: 'The keyless messages of a batch share one partition' },
    verifies: {
      ko: 'clicks에서 읽은 키 없는 레코드를 batch 헤더로 묶어, 배치마다 몇 개의 파티션에 있는지 셌습니다.',
      en: 'Grouped the keyless records read back from clicks by their batch header and counted the partitions each batch is in.',
    },
    hint: {
      ko: '파티셔너는 메시지마다 한 번씩, 한 send() 안에서는 동기적으로 잇따라 불립니다. 고른 파티션을 팩토리의 클로저에 기억해 두세요.',
      en: "The partitioner is called once per message, synchronously, one after another within a send(). Remember the chosen partition in the factory's closure.",
    },
    points: 3,
    async run({ cluster }) {
      const batches = batchPartitions(await readTopic(cluster, TOPIC));
      const split = [...batches].filter(([, partitions]) => partitions.length > 1);
      if (batches.size > 0 && split.length === 0) return pass({ expected: '1 partition per batch', actual: '1 partition per batch' });
      const actual = split.map(([batch, partitions]) => `batch ${batch} → ${partitions.join(', ')}`).join('; ') || 'no batches';
      return fail({ ko: `여러 파티션에 나뉜 배치가 있습니다: ${actual}`, en: `Some batches are split over several partitions: ${actual}` }, { expected: '1 partition per batch', actual });
    },
  },
  {
    id: 'partition-changes',
    title: { ko: '다음 배치는 다른 파티션으로 간다', en: 'The next batch goes to another partition' },
    verifies: {
      ko: 'clicks에서 읽은 배치 1…5의 파티션을 차례로 늘어놓고, 이어지는 두 배치가 같은 파티션을 쓰지 않았는지 확인했습니다. 채점 때는 파티션이 3개인 clicks에서 한 번 더 실행합니다.',
      en: 'Lined up the partitions of batches 1 … 5 read back from clicks and checked that no two consecutive batches share one; when grading, the program runs again with clicks at 3 partitions.',
    },
    hint: {
      ko: 'send()가 끝나면 다음 호출에서 새 파티션을 고르세요. 같은 send()의 메시지가 모두 분배된 뒤에 실행되는 queueMicrotask가 경계를 알려 줍니다.',
      en: 'Pick a new partition for the next send(). A queueMicrotask callback runs only after every message of the current send() has been partitioned.',
    },
    points: 3,
    async run({ cluster }) {
      const batches = batchPartitions(await readTopic(cluster, TOPIC));
      const sequence = Array.from({ length: BATCHES }, (_, i) => batches.get(i + 1)?.join('+') ?? '-');
      const actual = sequence.join(' → ');
      const repeats = sequence.some((partition, i) => i > 0 && partition === sequence[i - 1]);
      if (batches.size === BATCHES && !repeats) return pass({ expected: 'a different partition each batch', actual });
      return fail({ ko: `이어지는 배치가 같은 파티션을 썼습니다: ${actual}`, en: `Consecutive batches used the same partition: ${actual}` }, { expected: 'a different partition each batch', actual });
    },
  },
  {
    id: 'keyed-unchanged',
    title: { ko: '키 있는 메시지는 여전히 키의 해시로 파티션이 정해진다', en: 'Keyed messages still go where their key hashes to' },
    verifies: {
      ko: 'clicks에서 읽은 키 있는 레코드마다 파티션을 키의 murmur2 해시를 파티션 수로 나눈 나머지(kafkajs 기본 파티셔너)와 비교했습니다.',
      en: "Compared the partition of every keyed record read back from clicks with murmur2 of its key modulo the partition count (kafkajs's default partitioner).",
    },
    hint: { ko: '키나 partition이 있는 메시지는 Partitioners.DefaultPartitioner에 맡기세요.', en: 'Hand messages with a key or an explicit partition to Partitioners.DefaultPartitioner.' },
    points: 2,
    hidden: true,
    async run({ cluster }) {
      const hashed = await keyPartitioner(cluster, TOPIC);
      const keyed = (await readTopic(cluster, TOPIC)).filter((r) => r.key !== null);
      const wrong = keyed.filter((r) => hashed(r.key!) !== r.partition);
      if (keyed.length === KEYED && wrong.length === 0) return pass({ expected: 'murmur2 partition for every key', actual: 'all match' });
      const actual = keyed.length === 0 ? 'no keyed messages' : wrong.map((r) => `${r.key} → ${r.partition}`).join('; ');
      return fail({ ko: `키 해시와 다른 파티션에 간 메시지: ${actual}`, en: `Keyed messages away from their key's partition: ${actual}` }, { expected: 'murmur2 partition for every key', actual });
    },
  },
];
