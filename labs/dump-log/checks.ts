import { segmentAnswer, type ExerciseCheck, type RecordBatch } from '../../sandbox/lab-kit/index.ts';

/** One answer field, graded against the segment's bytes. */
function question(id: string, step: string, what: { ko: string; en: string }, read: (batches: RecordBatch[]) => string | number): ExerciseCheck {
  return {
    id,
    step,
    title: what,
    verifies: {
      ko: `브로커 디스크의 dump-demo-0 세그먼트 파일을 바이트 단위로 읽어(레코드 배치 형식 v2) ${what.ko} 값을 구하고 답과 비교했습니다.`,
      en: `Read the segment file of dump-demo-0 byte by byte from the broker's disk (record batch format v2), took ${lowerFirst(what.en)} from it and compared it with the answer.`,
    },
    hint: { ko: '덤프 출력의 `baseOffset` 줄(배치)과 `| offset` 줄(레코드)을 구별해 읽으세요.', en: 'Tell the dump\'s `baseOffset` lines (batches) from its `| offset` lines (records).' },
    run: (context) => segmentAnswer(context, { answer: id, topic: 'dump-demo', what, read: (batches) => String(read(batches)) }),
  };
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const last = (batches: RecordBatch[]) => batches[batches.length - 1]!;

export const checks: ExerciseCheck[] = [
  question('batch-count', 'uncompressed', { ko: '압축 없는 배치 수', en: 'Number of uncompressed batches' }, (batches) => batches.filter((b) => b.compression === 'none').length),
  question('producer-id', 'uncompressed', { ko: '첫 배치의 producerId', en: 'The first batch\'s producerId' }, (batches) => batches[0]!.producerId),
  question('create-time', 'uncompressed', { ko: '오프셋 0의 CreateTime', en: 'CreateTime of offset 0' }, (batches) => batches[0]!.records[0]!.timestamp),
  question('last-codec', 'gzip', { ko: '마지막 배치의 압축 코덱', en: 'The last batch\'s compression codec' }, (batches) => last(batches).compression),
  question('last-base-offset', 'gzip', { ko: '마지막 배치의 baseOffset', en: 'The last batch\'s baseOffset' }, (batches) => last(batches).baseOffset),
  question('last-sequence', 'gzip', { ko: '마지막 배치의 lastSequence', en: 'The last batch\'s lastSequence' }, (batches) => last(batches).lastSequence),
];
