import {
  answerAgainst,
  configSet,
  fail,
  pass,
  retentionDeletions,
  segmentIndexes,
  segmentsOnDisk,
  startOffsets,
  topicExists,
  type CheckVerdict,
  type ExerciseCheck,
  type ExerciseCheckContext,
  type Localized,
  type SegmentIndexes,
} from '../../sandbox/lab-kit/index.ts';

const clicks = { type: 'topic', name: 'clicks' } as const;
/** Segment 0 and two later ones: the first two rounds closed, the third active. */
const MIN_SEGMENTS = 3;
const FETCH_OFFSET = 31;

/**
 * Every segment clicks-0 has had: those on disk (live or .deleted) and those retention deleted whose
 * .deleted files are gone since (the broker's log still names them).
 */
async function segmentsEver(context: ExerciseCheckContext): Promise<number[]> {
  const onDisk = (await segmentsOnDisk(context, 'clicks', 0)).map((s) => s.baseOffset);
  const deleted = (await retentionDeletions(context, 'clicks', 0)).flatMap((pass) => pass.segments.map((s) => s.baseOffset));
  return [...new Set([...onDisk, ...deleted])].sort((a, b) => a - b);
}

/** A question about segment 0's indexes, graded against the index files' bytes (live, or waiting as .deleted). */
function indexQuestion(context: ExerciseCheckContext, answer: string, what: Localized, read: (indexes: SegmentIndexes) => string | CheckVerdict): Promise<CheckVerdict> {
  return answerAgainst(context, {
    answer,
    what,
    holder: { ko: '세그먼트 0의 인덱스', en: "segment 0's index" },
    async truth() {
      const indexes = (await topicExists(context.cluster, 'clicks')) ? await segmentIndexes(context, 'clicks', 0, 0) : undefined;
      if (indexes) return read(indexes);
      return fail({
        ko: 'clicks-0에 세그먼트 0의 인덱스 파일이 없습니다. 토픽이 없거나, 지워진 지 한 시간이 넘었습니다.',
        en: "clicks-0 has no index files of segment 0: the topic does not exist, or they were deleted over an hour ago.",
      });
    },
  });
}

/** "0, 40,80" → [0, 40, 80]; undefined when a part is not an offset. */
function offsetList(answer: string): number[] | undefined {
  const parts = answer.split(/[\s,]+/).filter((part) => part !== '');
  if (parts.length === 0 || parts.some((part) => !/^\d+$/.test(part))) return undefined;
  return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}

export const checks: ExerciseCheck[] = [
  {
    id: 'segment-ms',
    step: 'roll',
    title: { ko: 'clicks: segment.ms=5000', en: 'clicks: segment.ms=5000' },
    verifies: {
      ko: '브로커에서 clicks의 segment.ms를 읽어(DescribeConfigs) 값이 5000이고 토픽 자신의 설정(DYNAMIC_TOPIC_CONFIG)인지 확인했습니다.',
      en: 'Read the segment.ms of clicks from the broker (DescribeConfigs): 5000, set on the topic itself (DYNAMIC_TOPIC_CONFIG).',
    },
    hint: { ko: '토픽을 만들 때 `--config segment.ms=5000`', en: '`--config segment.ms=5000` when creating the topic' },
    run: (context) => configSet(context, clicks, 'segment.ms', '5000'),
  },
  {
    id: 'segments-rolled',
    step: 'roll',
    title: { ko: 'clicks-0이 두 번 넘게 롤링했다', en: 'clicks-0 rolled at least twice' },
    verifies: {
      ko: `브로커 디스크의 clicks-0 디렉터리에서 세그먼트 파일(.log, .log.deleted)을 세고, 그 뒤 파일이 사라진 세그먼트는 브로커 로그의 보존 삭제 줄에서 더해, 세그먼트가 ${MIN_SEGMENTS}개 이상이었는지 확인했습니다.`,
      en: `Counted the segment files (.log, .log.deleted) in clicks-0's directory on the broker's disk, plus segments the broker's log says retention deleted since: at least ${MIN_SEGMENTS} segments.`,
    },
    hint: { ko: '라운드 사이에 5초보다 오래 쉬어야 다음 라운드의 첫 레코드가 세그먼트를 롤링합니다.', en: 'Pause more than 5 s between rounds: only then does the next round\'s first record roll the segment.' },
    async run(context) {
      if (!(await topicExists(context.cluster, 'clicks'))) {
        return fail({ ko: 'clicks 토픽이 없습니다.', en: 'There is no topic clicks.' }, { expected: `${MIN_SEGMENTS}+ segments`, actual: 'no topic' });
      }
      const segments = await segmentsEver(context);
      const shown = `${segments.length}: ${segments.join(', ')}`;
      if (segments.length >= MIN_SEGMENTS) return pass({ expected: `${MIN_SEGMENTS}+ segments`, actual: shown });
      return fail(
        { ko: `clicks-0의 세그먼트가 ${segments.length}개뿐입니다.`, en: `clicks-0 has had only ${segments.length} segment(s).` },
        { expected: `${MIN_SEGMENTS}+ segments`, actual: shown },
      );
    },
  },
  {
    id: 'fetch-position',
    step: 'indexes',
    title: { ko: '오프셋 31을 읽기 시작하는 위치', en: 'Where a fetch from offset 31 starts' },
    verifies: {
      ko: `브로커 디스크에서 clicks-0 세그먼트 0의 .index를 바이트 단위로 읽어(항목마다 4바이트 상대 오프셋과 4바이트 위치) 오프셋 ${FETCH_OFFSET} 이하인 마지막 항목의 위치를 구하고 답과 비교했습니다.`,
      en: `Read segment 0's .index of clicks-0 byte by byte from the broker's disk (entries of a 4-byte relative offset and a 4-byte position), took the position of the last entry at or below offset ${FETCH_OFFSET} and compared it with the answer.`,
    },
    hint: { ko: '답은 `offset:`이 아니라 `position:` 열에 있습니다. 31을 넘는 항목은 건너뛸 수 없는 레코드를 지나칩니다.', en: 'The answer is in the `position:` column, not `offset:`. An entry above 31 would skip past it.' },
    run: (context) =>
      indexQuestion(context, 'fetch-position', { ko: '오프셋 31을 읽기 시작하는 위치', en: 'Where a fetch from offset 31 starts' }, ({ offsetIndex }) =>
        // Before the first entry the broker reads from the segment's start.
        String(offsetIndex.findLast((entry) => entry.offset <= FETCH_OFFSET)?.position ?? 0)),
  },
  {
    id: 'newest-timestamp',
    step: 'indexes',
    title: { ko: '세그먼트 0의 가장 새로운 타임스탬프', en: "Segment 0's newest timestamp" },
    verifies: {
      ko: '브로커 디스크에서 clicks-0 세그먼트 0의 .timeindex를 바이트 단위로 읽어(항목마다 8바이트 타임스탬프와 4바이트 상대 오프셋) 마지막 항목의 타임스탬프를 답과 비교했습니다.',
      en: "Read segment 0's .timeindex of clicks-0 byte by byte from the broker's disk (entries of an 8-byte timestamp and a 4-byte relative offset) and compared the last entry's timestamp with the answer.",
    },
    hint: { ko: '`.timeindex` 덤프의 마지막 줄에서 `timestamp:` 값을 보세요.', en: 'Take the `timestamp:` value of the last line of the `.timeindex` dump.' },
    run: (context) =>
      indexQuestion(context, 'newest-timestamp', { ko: '세그먼트 0의 가장 새로운 타임스탬프', en: "Segment 0's newest timestamp" }, ({ timeIndex }) => {
        const last = timeIndex.at(-1);
        if (last) return String(last.timestamp);
        return fail({ ko: '세그먼트 0의 .timeindex가 비어 있습니다.', en: "Segment 0's .timeindex is empty." });
      }),
  },
  {
    id: 'retention-lowered',
    step: 'predict',
    title: { ko: 'clicks: retention.ms=30000', en: 'clicks: retention.ms=30000' },
    verifies: {
      ko: '브로커에서 clicks의 retention.ms를 읽어(DescribeConfigs) 값이 30000이고 토픽 자신의 설정(DYNAMIC_TOPIC_CONFIG)인지 확인했습니다.',
      en: 'Read the retention.ms of clicks from the broker (DescribeConfigs): 30000, set on the topic itself (DYNAMIC_TOPIC_CONFIG).',
    },
    hint: { ko: '브로커가 아니라 토픽에 거세요: `--entity-type topics --entity-name clicks`', en: 'Set it on the topic, not the broker: `--entity-type topics --entity-name clicks`' },
    run: (context) => configSet(context, clicks, 'retention.ms', '30000'),
  },
  {
    id: 'prediction',
    step: 'predict',
    title: { ko: '예측이 보존 정책이 지운 세그먼트와 같다', en: 'The prediction matches what retention deleted' },
    verifies: {
      ko: '브로커 로그에서 clicks-0의 첫 보존 삭제(로그 시작 오프셋을 옮긴 줄과 "due to log retention time" 줄)를 읽어 지워진 세그먼트의 기준 오프셋을 예측과 비교하고, 로그 시작 오프셋을 ListOffsets(earliest)로 확인했습니다.',
      en: 'Read clicks-0\'s first deletion by retention from the broker\'s log (the log start offset it moved to and its "due to log retention time" lines), compared the deleted segments\' base offsets with the prediction, and read the log start offset with ListOffsets (earliest).',
    },
    hint: {
      ko: '닫힌 세그먼트의 가장 새로운 레코드가 30초보다 오래되었는지, 액티브 세그먼트에 방금 쓴 레코드가 있는지 보세요.',
      en: 'Is each closed segment\'s newest record more than 30 s old? Does the active segment hold the records you just wrote?',
    },
    async run(context) {
      const given = context.answers['deleted-segments']?.trim() ?? '';
      const predicted = offsetList(given);
      if (!predicted) {
        return fail({ ko: `"${given}"은(는) 기준 오프셋 목록이 아닙니다.`, en: `"${given}" is not a list of base offsets.` }, { actual: given });
      }
      const [first] = await retentionDeletions(context, 'clicks', 0);
      const start = (await startOffsets(context.cluster, 'clicks')).get(0);
      if (!first) {
        if (start !== undefined && start > 0) {
          return fail(
            {
              ko: `clicks-0의 로그 시작 오프셋은 ${start}이지만 보존 정책이 지운 세그먼트는 없습니다. kafka-delete-records로 레코드를 지우는 것은 보존이 아닙니다.`,
              en: `The log start offset of clicks-0 is ${start}, but retention deleted no segment: deleting records with kafka-delete-records is not retention.`,
            },
            { actual: `log start offset ${start}, no deletion by retention` },
          );
        }
        return fail(
          { ko: '보존 정책이 아직 clicks-0의 세그먼트를 하나도 지우지 않았습니다.', en: 'Retention has not deleted any segment of clicks-0 yet.' },
          { actual: `log start offset ${start ?? 'none'}` },
        );
      }
      const deleted = first.segments.map((s) => s.baseOffset).sort((a, b) => a - b);
      if (deleted.join(',') === predicted.join(',')) {
        return pass({ actual: `deleted ${deleted.join(', ')} (retention.ms=${first.segments[0]!.retentionMs}); log start offset ${start}` });
      }
      // What retention deleted is not shown: the learner compares it with the directory and the log start offset themselves.
      return fail(
        { ko: `예측 "${given}"은(는) 보존 정책이 실제로 지운 세그먼트와 다릅니다.`, en: `The prediction "${given}" is not what retention deleted.` },
        { actual: given },
      );
    },
  },
];
