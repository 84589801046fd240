/**
 * Segments retention deleted, as the partition's broker logged it. The files alone cannot tell retention
 * from kafka-delete-records (both leave .deleted files and move the log start offset); the broker's lines can:
 *   [time] INFO [UnifiedLog partition=clicks-0, dir=/var/lib/kafka/data] Incremented log start offset to 120 due to segment deletion (...)
 *   [time] INFO [UnifiedLog partition=clicks-0, dir=/var/lib/kafka/data] Deleting segment LogSegment(baseOffset=0, size=3080,
 *     lastModifiedTime=1796045951632, largestRecordTimestamp=1796045951635) due to log retention time 30000ms breach based on ...
 * (kafka-delete-records logs "due to client delete records request" and "Deleting segments due to log start offset N breach".)
 * The lines name the partition by topic name, which Kafka limits to [A-Za-z0-9._-]: nothing a client sends
 * can make the broker write one.
 */
import type { ExerciseCheckContext } from './exercise-format.ts';
import { metadataChanges, topicLives } from './metadata-log.ts';

/** One retention pass over the partition: the segments it deleted because their newest record was older than retention.ms. */
export interface RetentionDeletion {
  /** When the broker logged it (Docker's time), epoch ms. */
  at: number;
  /** The partition's log start offset after the pass. */
  logStartOffset: number;
  segments: Array<{ baseOffset: number; largestRecordTimestamp: number; retentionMs: number }>;
}

/**
 * Retention's deletions in the partition of the topic as it exists now (since the learner got the cluster
 * and since the topic's latest creation: an earlier topic of the same name logged under the same name), oldest first.
 */
export async function retentionDeletions(context: ExerciseCheckContext, topic: string, partition: number, nodeId = 1): Promise<RetentionDeletion[]> {
  const lives = topicLives(await metadataChanges(context.cluster, context.since), topic);
  const current = lives.findLast((life) => !life.removed);
  if (!current) return [];
  const prefix = `[UnifiedLog partition=${topic}-${partition}, `;
  const passes: RetentionDeletion[] = [];
  for (const { at, text } of await context.cluster.broker(nodeId).logSince(current.created.at)) {
    if (at < current.created.at || !text.includes(prefix)) continue;
    // The broker logs the new log start offset first, then each segment it deletes in that pass.
    const started = /\] Incremented log start offset to (\d+) due to segment deletion /.exec(text);
    if (started) passes.push({ at, logStartOffset: Number(started[1]), segments: [] });
    const deleted = /\] Deleting segment LogSegment\(baseOffset=(\d+), size=\d+, lastModifiedTime=-?\d+, largestRecordTimestamp=(-?\d+)\) due to log retention time (\d+)ms breach /.exec(text);
    if (deleted && passes.length > 0) {
      passes.at(-1)!.segments.push({ baseOffset: Number(deleted[1]), largestRecordTimestamp: Number(deleted[2]), retentionMs: Number(deleted[3]) });
    }
  }
  // A pass by retention.bytes or past a log start offset also logs "due to segment deletion": not retention by time.
  return passes.filter((pass) => pass.segments.length > 0);
}
