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
export async function segmentAnswer(
  context: ExerciseCheckContext,
  question: { answer: string; topic: string; partition?: number; read(batches: RecordBatch[]): string; what: Localized },
): Promise<CheckVerdict> {
  const given = context.answers[question.answer]?.trim() ?? '';
  if (given === '') return fail({ ko: `${question.what.ko}: 답을 적지 않았습니다.`, en: `${question.what.en}: no answer given.` });
  const batches = await partitionBatches(context, question.topic, question.partition ?? 0);
  if (batches.length === 0) {
    return fail({ ko: `${question.topic}-${question.partition ?? 0}의 세그먼트가 비어 있습니다.`, en: `The segment of ${question.topic}-${question.partition ?? 0} is empty.` });
  }
  const truth = question.read(batches);
  if (normalise(given) === normalise(truth)) return pass({ actual: given });
  return fail(
    { ko: `${question.what.ko}: "${given}"은(는) 세그먼트에 실제로 있는 값과 다릅니다.`, en: `${question.what.en}: "${given}" is not what the segment holds.` },
    { actual: given },
  );
}

/** Answers compare without case and with any run of spaces or commas as one separator ("k1, k2" = "k1,k2"). */
function normalise(answer: string): string {
  return answer.trim().toLowerCase().split(/[\s,]+/).join(',');
}
