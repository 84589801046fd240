import { keyPartitioner, readTopic, fail, pass, type TopicRecord, type LabCheck } from '../../sandbox/lab-kit/index.ts';
import { TOPIC } from './lab.ts';

export const CUSTOMERS = ['alice', 'bob', 'carol', 'dave'];
export const EVENTS_PER_CUSTOMER = 5;

const byKey = (records: TopicRecord[]) => Map.groupBy(records, (record) => record.key ?? '');

export const checks: LabCheck[] = [
  {
    id: 'all-sent',
    title: { ko: `${CUSTOMERS.length * EVENTS_PER_CUSTOMER}개의 주문이 모두 토픽에 있다`, en: `All ${CUSTOMERS.length * EVENTS_PER_CUSTOMER} orders are in the topic` },
    verifies: {
      ko: 'orders 토픽의 모든 파티션을 브로커에서 끝까지 읽어 레코드 수를 셌습니다.',
      en: 'Read every partition of orders back from the broker to its end and counted the records.',
    },
    hint: { ko: '고객 네 명에게 주문을 다섯 개씩, 모두 orders 토픽으로 보내세요.', en: 'Send five orders for each of the four customers, all to the orders topic.' },
    points: 2,
    async run({ cluster }) {
      const records = await readTopic(cluster, TOPIC);
      const expected = CUSTOMERS.length * EVENTS_PER_CUSTOMER;
      if (records.length === expected) return pass({ expected: `${expected}`, actual: `${records.length}` });
      return fail(
        { ko: `orders 토픽에 레코드가 ${records.length}개 있습니다.`, en: `The orders topic holds ${records.length} records.` },
        { expected: `${expected}`, actual: `${records.length}` },
      );
    },
  },
  {
    id: 'every-record-keyed',
    title: { ko: '모든 레코드에 고객 이름이 키로 붙어 있다', en: 'Every record carries the customer as its key' },
    verifies: {
      ko: 'orders에서 읽은 레코드마다 키가 고객 이름(alice, bob, carol, dave) 중 하나인지 확인했습니다.',
      en: 'Checked that every record read back from orders has a customer name (alice, bob, carol, dave) as its key.',
    },
    hint: { ko: '메시지마다 key에 고객 이름을 넣으세요: { key: customer, value: ... }', en: "Give each message the customer's name as its key: { key: customer, value: ... }" },
    points: 2,
    async run({ cluster }) {
      const records = await readTopic(cluster, TOPIC);
      const wrong = records.filter((record) => !CUSTOMERS.includes(record.key ?? ''));
      const actual = wrong.length === 0 ? 'all keyed' : `${wrong.length} of ${records.length} with key ${[...new Set(wrong.map((r) => String(r.key)))].join(', ')}`;
      if (records.length > 0 && wrong.length === 0) return pass({ expected: CUSTOMERS.join(', '), actual });
      return fail(
        { ko: `키가 고객 이름이 아닌 레코드가 ${wrong.length}개 있습니다(전체 ${records.length}개).`, en: `${wrong.length} of ${records.length} records do not have a customer name as their key.` },
        { expected: `keys ${CUSTOMERS.join(', ')}`, actual },
      );
    },
  },
  {
    id: 'key-one-partition',
    title: { ko: '같은 키는 늘 키의 해시가 고른 파티션에 있다', en: "Each key stays in the partition its hash chooses" },
    verifies: {
      ko: 'orders의 모든 레코드를 브로커에서 읽어, 각 레코드의 파티션을 키의 murmur2 해시를 파티션 수로 나눈 나머지(kafkajs 기본 파티셔너)와 비교했습니다. 채점 때는 파티션이 5개인 orders에서 한 번 더 실행합니다.',
      en: "Read every record of orders back from the broker and compared each record's partition with murmur2 of its key modulo the partition count (kafkajs's default partitioner); when grading, the program runs again with orders at 5 partitions.",
    },
    hint: {
      ko: '파티션을 직접 고르지 말고 키를 붙여 보내면, 기본 파티셔너가 키의 해시로 파티션을 정합니다.',
      en: "Don't pick partitions yourself: send with a key and the default partitioner chooses the partition from the key's hash.",
    },
    points: 3,
    async run({ cluster }) {
      const keyed = (await readTopic(cluster, TOPIC)).filter((record) => CUSTOMERS.includes(record.key ?? ''));
      if (keyed.length === 0) {
        return fail({ ko: '고객 이름을 키로 가진 레코드가 없습니다.', en: 'No record has a customer name as their key.' }, { expected: '1 partition per key', actual: 'no keyed records' });
      }
      const hashed = await keyPartitioner(cluster, TOPIC);
      const expected = CUSTOMERS.map((key) => `${key} → ${hashed(key)}`).join(', ');
      const spread = [...byKey(keyed)]
        .map(([key, recs]) => ({ key, partitions: [...new Set(recs.map((r) => r.partition))].sort() }))
        .filter((entry) => entry.partitions.length > 1);
      if (spread.length > 0) {
        const actual = spread.map((entry) => `${entry.key} → ${entry.partitions.join(', ')}`).join('; ');
        return fail({ ko: `여러 파티션에 흩어진 키가 있습니다: ${actual}`, en: `Some keys are spread over several partitions: ${actual}` }, { expected, actual });
      }
      const away = [...byKey(keyed)].filter(([key, recs]) => recs[0]!.partition !== hashed(key));
      const actual = [...byKey(keyed)].map(([key, recs]) => `${key} → ${recs[0]!.partition}`).join(', ');
      if (away.length === 0) return pass({ expected, actual });
      const wrong = away.map(([key, recs]) => `${key} → ${recs[0]!.partition} (murmur2: ${hashed(key)})`).join('; ');
      return fail(
        { ko: `키의 해시가 고른 파티션에 있지 않은 키가 있습니다: ${wrong}`, en: `Some keys are away from the partition their hash chooses: ${wrong}` },
        { expected, actual },
      );
    },
  },
  {
    id: 'order-per-key',
    title: { ko: '키마다 보낸 순서대로 저장되어 있다', en: 'Each key’s orders are stored in the order they were sent' },
    verifies: {
      ko: 'orders에서 읽은 레코드를 키별로 오프셋 순서대로 늘어놓고, 값의 번호가 1부터 5까지 차례인지 확인했습니다.',
      en: "Lined up each key's records read back from orders in offset order and checked that their values are numbered 1 to 5 in order.",
    },
    hint: {
      ko: '값은 "고객:번호"(예: alice:1) 형식으로, 번호 1부터 차례로 보내세요. 같은 키를 여러 send()로 동시에 보내면 순서가 보장되지 않습니다.',
      en: 'Use values "customer:number" (e.g. alice:1), numbered from 1 in sending order. Concurrent send() calls for one key do not keep their order.',
    },
    points: 2,
    async run({ cluster }) {
      const records = await readTopic(cluster, TOPIC);
      const expected = Array.from({ length: EVENTS_PER_CUSTOMER }, (_, i) => i + 1).join(',');
      const groups = byKey(records);
      const wrong = CUSTOMERS.map((key) => ({ key, seen: (groups.get(key) ?? []).map((r) => r.value?.split(':')[1] ?? '?').join(',') }))
        .filter((entry) => entry.seen !== expected);
      const actual = wrong.map((entry) => `${entry.key}: ${entry.seen || '(none)'}`).join('; ');
      if (wrong.length === 0) return pass({ expected: `1..${EVENTS_PER_CUSTOMER} per key`, actual: `1..${EVENTS_PER_CUSTOMER} per key` });
      return fail(
        { ko: `순서가 다르거나 빠진 키가 있습니다: ${actual}`, en: `Some keys are out of order or incomplete: ${actual}` },
        { expected: `${expected} for every key`, actual },
      );
    },
  },
  {
    id: 'keys-spread',
    title: { ko: '키들이 둘 이상의 파티션에 나뉘어 있다', en: 'The keys are spread over more than one partition' },
    verifies: {
      ko: 'orders에서 읽은 레코드가 몇 개의 파티션에 있는지 셌습니다.',
      en: 'Counted the partitions the records read back from orders are in.',
    },
    hint: { ko: '모든 메시지를 한 파티션에 고정하지 마세요.', en: 'Do not pin every message to one partition.' },
    points: 1,
    hidden: true,
    async run({ cluster }) {
      const partitions = new Set((await readTopic(cluster, TOPIC)).map((r) => r.partition));
      if (partitions.size > 1) return pass({ expected: '2 or more partitions', actual: `${partitions.size}` });
      return fail(
        { ko: `레코드가 파티션 ${partitions.size}개에만 있습니다.`, en: `The records use only ${partitions.size} partition(s).` },
        { expected: '2 or more partitions', actual: `${partitions.size}` },
      );
    },
  },
];
