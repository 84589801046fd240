import { fail, pass, readTopic, groupCaughtUp, keyedMessages, keylessMessages, topicShape, type ExerciseCheck } from '../../sandbox/lab-kit/index.ts';

const ORDERS = [
  { key: '01', value: 'aaa' },
  { key: '02', value: 'bbb' },
  { key: '01', value: 'ccc' },
  { key: '02', value: 'ddd' },
  { key: '03', value: 'eee' },
];

export const checks: ExerciseCheck[] = [
  {
    id: 'keyless-messages',
    step: 'keyless',
    title: { ko: 'welcome-topic에 키 없는 메시지 2개 이상', en: 'Two or more keyless messages in welcome-topic' },
    verifies: {
      ko: '브로커에서 welcome-topic의 레코드를 모두 다시 읽어 키가 없는(null) 레코드가 2개 이상인지 셌습니다.',
      en: 'Read every record of welcome-topic back from the broker and counted two or more without a key (null).',
    },
    hint: { ko: '프로듀서에 한 줄씩 입력한 것이 메시지가 됩니다.', en: 'Each line typed into the producer becomes a message.' },
    run: (context) => keylessMessages(context, 'welcome-topic', 2),
  },
  {
    id: 'keyed-orders',
    step: 'keyed',
    title: { ko: 'orders: 키마다 한 파티션, 보낸 순서대로', en: 'orders: one partition per key, in the order sent' },
    verifies: {
      ko: '브로커에 orders의 메타데이터를 물어 파티션이 3개인지 보고, 레코드를 모두 다시 읽어 키 01, 02, 03의 값이 키마다 한 파티션에 보낸 순서대로 있는지 확인했습니다.',
      en: 'Asked the broker for the metadata of orders (3 partitions) and read every record back: the values of keys 01, 02 and 03 are each in one partition, in the order sent.',
    },
    hint: { ko: '키와 값 사이는 `:`입니다. `parse.key=true`가 없으면 줄 전체가 값이 됩니다.', en: 'Key and value are separated by `:`. Without `parse.key=true` the whole line becomes the value.' },
    async run(context) {
      // With one partition every key lands together whatever the producer does: the step's point is lost.
      const shape = await topicShape(context, 'orders', { partitions: 3, replicationFactor: 1 });
      return shape.passed ? keyedMessages(context, 'orders', ORDERS) : shape;
    },
  },
  {
    id: 'partition-of-01',
    step: 'print-partitions',
    title: { ko: '키 01의 파티션을 읽어 냈다', en: 'Found key 01\'s partition' },
    verifies: {
      ko: '브로커에서 orders를 다시 읽어 키 01의 레코드가 있는 파티션을 찾고 답과 비교했습니다.',
      en: 'Read orders back from the broker, found the partition holding key 01\'s records and compared it with the answer.',
    },
    hint: { ko: '`Partition:` 열에서 키 01이 찍힌 줄을 보세요.', en: 'Look at the `Partition:` column of the lines with key 01.' },
    async run(context) {
      const partitions = [...new Set((await readTopic(context.cluster, 'orders')).filter((r) => r.key === '01').map((r) => r.partition))];
      const given = context.answers['partition-of-01'] ?? '';
      if (partitions.length === 1 && given === String(partitions[0])) return pass({ actual: given });
      return fail({ ko: `"${given}"은(는) 키 01의 메시지가 있는 파티션이 아닙니다.`, en: `"${given}" is not the partition holding key 01's messages.` }, { actual: given });
    },
  },
  {
    id: 'reader-1-committed',
    step: 'group',
    title: { ko: 'reader-1이 orders를 끝까지 읽고 커밋했다', en: 'reader-1 read orders to the end and committed' },
    verifies: {
      ko: '브로커에 reader-1이 컨슈머가 참여한 그룹인지(ListGroups: 프로토콜 타입 consumer, 손으로 정한 오프셋이 아님), 그룹이 커밋한 오프셋(OffsetFetch)과 orders의 파티션별 끝 오프셋(ListOffsets)을 물어 모든 파티션에서 같은지 비교했습니다.',
      en: 'Asked the broker whether reader-1 is a group of consumers (ListGroups: protocol type consumer, not offsets set by hand), for its committed offsets (OffsetFetch) and for the end offsets of orders (ListOffsets): equal in every partition.',
    },
    hint: { ko: '`--group reader-1`을 붙여야 오프셋이 커밋됩니다.', en: 'Offsets are committed only with `--group reader-1`.' },
    run: (context) => groupCaughtUp(context, 'reader-1', 'orders'),
  },
];
