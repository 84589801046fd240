import { fail, configSet, partitionBatches, segmentAnswer, type ExerciseCheck, type RecordBatch } from '../../sandbox/lab-kit/index.ts';

/** The records of the first segment, which the cleaner compacts once a newer segment exists. */
const firstSegment = (batches: RecordBatch[]) => batches.filter((b) => b.baseOffset < 5).flatMap((b) => b.records);

export const checks: ExerciseCheck[] = [
  {
    id: 'cleanup-policy',
    step: 'compacted-topic',
    title: { ko: 'user-emails: cleanup.policy=compact', en: 'user-emails: cleanup.policy=compact' },
    verifies: {
      ko: '브로커에서 user-emails의 cleanup.policy를 읽어(DescribeConfigs) 값이 compact이고 토픽 자신의 설정(DYNAMIC_TOPIC_CONFIG)인지 확인했습니다.',
      en: 'Read the cleanup.policy of user-emails from the broker (DescribeConfigs): compact, set on the topic itself (DYNAMIC_TOPIC_CONFIG).',
    },
    hint: { ko: '토픽을 만들 때 `--config cleanup.policy=compact`', en: '`--config cleanup.policy=compact` when creating the topic' },
    run: (context) => configSet(context, { type: 'topic', name: 'user-emails' }, 'cleanup.policy', 'compact'),
  },
  {
    id: 'compacted',
    step: 'updates-and-tombstone',
    title: { ko: '클리너가 덮어쓴 레코드를 지웠다', en: 'The cleaner removed overwritten records' },
    verifies: {
      ko: '브로커 디스크의 user-emails-0 세그먼트 파일을 바이트 단위로 읽어 오프셋 0-4에 레코드가 5개보다 적게 남았는지(압착됨) 보고, 남은 키를 답과 비교했습니다.',
      en: 'Read the segment files of user-emails-0 byte by byte from the broker\'s disk: fewer than 5 records left at offsets 0-4 (compacted); compared the keys left with the answer.',
    },
    hint: { ko: '다섯 건을 보낸 뒤 잠시 기다렸다가 한 건을 더 보내야 세그먼트가 닫힙니다.', en: 'After the five records, wait a moment and send one more: only then does the segment close.' },
    async run(context) {
      const records = firstSegment(await partitionBatches(context, 'user-emails', 0));
      const keys = records.map((r) => r.key?.toString() ?? 'null').join(',');
      if (records.length === 0 || records.length >= 5) {
        return fail(
          { ko: '첫 세그먼트가 아직 압착되지 않았습니다.', en: 'The first segment has not been compacted yet.' },
          { expected: 'fewer than 5 records in offsets 0-4', actual: `${records.length} records: ${keys}` },
        );
      }
      return segmentAnswer(context, {
        answer: 'surviving-keys',
        topic: 'user-emails',
        what: { ko: '남은 레코드의 키', en: 'Keys of the surviving records' },
        read: (batches) => firstSegment(batches).map((r) => r.key?.toString() ?? 'null').join(','),
      });
    },
  },
  {
    id: 'tombstone-offset',
    step: 'updates-and-tombstone',
    title: { ko: '툼스톤의 오프셋', en: 'The tombstone\'s offset' },
    verifies: {
      ko: '브로커 디스크의 user-emails-0 세그먼트 파일을 바이트 단위로 읽어 값이 null인 레코드의 오프셋을 찾고 답과 비교했습니다.',
      en: 'Read the segment files of user-emails-0 byte by byte from the broker\'s disk, found the offset of the record with a null value and compared it with the answer.',
    },
    hint: { ko: '툼스톤은 `payload`가 없는(값이 null인) 레코드입니다.', en: 'The tombstone is the record without a `payload` (a null value).' },
    run: (context) =>
      segmentAnswer(context, {
        answer: 'tombstone-offset',
        topic: 'user-emails',
        what: { ko: '툼스톤의 오프셋', en: 'The tombstone\'s offset' },
        read: (batches) => String(batches.flatMap((b) => b.records).find((r) => r.value === null)?.offset ?? 'none'),
      }),
  },
];
