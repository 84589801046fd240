import { segmentAnswer, type ExerciseCheck, type RecordBatch } from '../../sandbox/lab-kit/index.ts';

/** One answer field, graded against the segment's bytes. */
function question(id: string, step: string, what: { ko: string; en: string }, read: (batches: RecordBatch[]) => string | number): ExerciseCheck {
  return {
    id,
    step,
    title: what,
    hint: { ko: '덤프 출력의 `baseOffset` 줄(배치)과 `| offset` 줄(레코드)을 구별해 읽으세요.', en: 'Tell the dump\'s `baseOffset` lines (batches) from its `| offset` lines (records).' },
    run: (context) => segmentAnswer(context, { answer: id, topic: 'dump-demo', what, read: (batches) => String(read(batches)) }),
  };
}

const last = (batches: RecordBatch[]) => batches[batches.length - 1]!;

export const checks: ExerciseCheck[] = [
  question('batch-count', 'uncompressed', { ko: '압축 없는 배치 수', en: 'Number of uncompressed batches' }, (batches) => batches.filter((b) => b.compression === 'none').length),
  question('producer-id', 'uncompressed', { ko: '첫 배치의 producerId', en: 'The first batch\'s producerId' }, (batches) => batches[0]!.producerId),
  question('create-time', 'uncompressed', { ko: '오프셋 0의 CreateTime', en: 'CreateTime of offset 0' }, (batches) => batches[0]!.records[0]!.timestamp),
  question('last-codec', 'gzip', { ko: '마지막 배치의 압축 코덱', en: 'The last batch\'s compression codec' }, (batches) => last(batches).compression),
  question('last-base-offset', 'gzip', { ko: '마지막 배치의 baseOffset', en: 'The last batch\'s baseOffset' }, (batches) => last(batches).baseOffset),
  question('last-sequence', 'gzip', { ko: '마지막 배치의 lastSequence', en: 'The last batch\'s lastSequence' }, (batches) => last(batches).lastSequence),
];
