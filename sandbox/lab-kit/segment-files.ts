/**
 * A partition's segments as files on a node's disk: which segments it has (live, or renamed .deleted and
 * waiting for file.delete.delay.ms), and their offset and time indexes decoded from the bytes, as
 * kafka-dump-log prints them. Layouts (Kafka's OffsetIndex and TimeIndex): an .index entry is 8 bytes,
 * a 4-byte offset relative to the segment's base offset and a 4-byte position in its .log; a .timeindex
 * entry is 12 bytes, an 8-byte timestamp and a 4-byte relative offset. Big-endian.
 */
import type { ExerciseCheckContext } from './exercise-format.ts';

/** A segment file's name: its base offset padded to 20 digits, a suffix, and .deleted once retention or a cleaner dropped it. */
const SEGMENT_FILE = /^(\d{20})\.(log|index|timeindex)(\.deleted)?$/;

export interface SegmentOnDisk {
  baseOffset: number;
  /** Renamed .deleted: no longer part of the log, its files removed file.delete.delay.ms later. */
  deleted: boolean;
}

export interface OffsetIndexEntry {
  offset: number;
  /** Byte position in the segment's .log of the batch the entry points at. */
  position: number;
}

export interface TimeIndexEntry {
  timestamp: number;
  offset: number;
}

export interface SegmentIndexes {
  offsetIndex: OffsetIndexEntry[];
  timeIndex: TimeIndexEntry[];
}

/** The partition's segments on the node, by their .log files (live and .deleted), oldest first. */
export async function segmentsOnDisk({ cluster }: ExerciseCheckContext, topic: string, partition: number, nodeId = 1): Promise<SegmentOnDisk[]> {
  const files = await cluster.broker(nodeId).partitionFiles(topic, partition, (name) => SEGMENT_FILE.exec(name)?.[2] === 'log');
  return files
    .map((file) => SEGMENT_FILE.exec(file.name)!)
    .map((match) => ({ baseOffset: Number(match[1]), deleted: match[3] !== undefined }))
    .sort((a, b) => a.baseOffset - b.baseOffset);
}

/**
 * The offset and time index of one segment, live or .deleted; undefined when neither file is on disk.
 * Only this segment's index files are read: an active segment's are preallocated (10 MiB each).
 */
export async function segmentIndexes(
  { cluster }: ExerciseCheckContext,
  topic: string,
  partition: number,
  baseOffset: number,
  nodeId = 1,
): Promise<SegmentIndexes | undefined> {
  const prefix = String(baseOffset).padStart(20, '0');
  const files = await cluster.broker(nodeId).partitionFiles(topic, partition, (name) => {
    const match = SEGMENT_FILE.exec(name);
    return match?.[1] === prefix && match[2] !== 'log';
  });
  const index = files.find((file) => SEGMENT_FILE.exec(file.name)?.[2] === 'index');
  const timeIndex = files.find((file) => SEGMENT_FILE.exec(file.name)?.[2] === 'timeindex');
  if (!index || !timeIndex) return undefined;
  return { offsetIndex: parseOffsetIndex(index.bytes, baseOffset), timeIndex: parseTimeIndex(timeIndex.bytes, baseOffset) };
}

/**
 * An .index's entries with absolute offsets. An active segment's file is preallocated with zeros; an
 * all-zero entry ends it (the broker never writes one: its first entry comes after index.interval.bytes).
 */
export function parseOffsetIndex(bytes: Buffer, baseOffset: number): OffsetIndexEntry[] {
  const entries: OffsetIndexEntry[] = [];
  for (let at = 0; at + 8 <= bytes.length; at += 8) {
    const relative = bytes.readInt32BE(at);
    const position = bytes.readInt32BE(at + 4);
    if (relative === 0 && position === 0) break;
    entries.push({ offset: baseOffset + relative, position });
  }
  return entries;
}

/** A .timeindex's entries with absolute offsets; a zero timestamp ends a preallocated file. */
export function parseTimeIndex(bytes: Buffer, baseOffset: number): TimeIndexEntry[] {
  const entries: TimeIndexEntry[] = [];
  for (let at = 0; at + 12 <= bytes.length; at += 12) {
    const timestamp = Number(bytes.readBigInt64BE(at));
    if (timestamp === 0) break;
    entries.push({ timestamp, offset: baseOffset + bytes.readInt32BE(at + 8) });
  }
  return entries;
}
