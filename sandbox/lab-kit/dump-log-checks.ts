import type { ExerciseCheckContext } from './exercise-format.ts';
import { fail, pass, type CheckVerdict, type Localized } from './lab-format.ts';
import { parseSegment, type RecordBatch } from './record-batches.ts';

/** Every batch of a partition on a node, read from its segment files' bytes, oldest segment first. */
export async function partitionBatches({ cluster }: ExerciseCheckContext, topic: string, partition: number, nodeId = 1): Promise<RecordBatch[]> {
  const files = await cluster.broker(nodeId).partitionFiles(topic, partition);
  return files.filter((file) => file.name.endsWith('.log')).flatMap((file) => parseSegment(file.bytes));
}

/**
 * A read-only task's answer equals what the grader reads from the segment's bytes. The truth is not
 * shown on failure: it is the answer.
 */
export function segmentAnswer(
  context: ExerciseCheckContext,
  question: { answer: string; topic: string; partition?: number; read(batches: RecordBatch[]): string; what: Localized },
): Promise<CheckVerdict> {
  const partition = question.partition ?? 0;
  return answerAgainst(context, {
    answer: question.answer,
    what: question.what,
    holder: { ko: '세그먼트', en: 'the segment' },
    async truth() {
      const batches = await partitionBatches(context, question.topic, partition);
      if (batches.length > 0) return question.read(batches);
      return fail({ ko: `${question.topic}-${partition}의 세그먼트가 비어 있습니다.`, en: `The segment of ${question.topic}-${partition} is empty.` });
    },
  });
}

/**
 * A read-only task's answer equals the truth the grader reads itself from `holder` (a segment, an index
 * file), or the truth cannot be read (`truth` gives the failure instead). Not shown on failure: it is the answer.
 */
export async function answerAgainst(
  context: ExerciseCheckContext,
  question: { answer: string; what: Localized; holder: Localized; truth(): Promise<string | CheckVerdict> },
): Promise<CheckVerdict> {
  const given = context.answers[question.answer]?.trim() ?? '';
  if (given === '') return fail({ ko: `${question.what.ko}: 답을 적지 않았습니다.`, en: `${question.what.en}: no answer given.` });
  const truth = await question.truth();
  if (typeof truth !== 'string') return truth;
  if (normalise(given) === normalise(truth)) return pass({ actual: given });
  return fail(
    {
      ko: `${question.what.ko}: "${given}"은(는) ${question.holder.ko}에 실제로 있는 값과 다릅니다.`,
      en: `${question.what.en}: "${given}" is not what ${question.holder.en} holds.`,
    },
    { actual: given },
  );
}

/** Answers compare without case and with any run of spaces or commas as one separator ("k1, k2" = "k1,k2"). */
function normalise(answer: string): string {
  return answer.trim().toLowerCase().split(/[\s,]+/).join(',');
}
