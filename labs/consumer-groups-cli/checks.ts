import { coordinatorLog, endOffsets, fail, groupCaughtUp, pass, showOffsets, topicExists, type ExerciseCheck, type ExerciseCheckContext } from '../../sandbox/lab-kit/index.ts';

const RECORDS = 6;

/** Log start offset (earliest) and end of each partition of a topic. */
async function partitionBounds({ cluster }: ExerciseCheckContext, topic: string): Promise<Map<number, { start: number; end: number }>> {
  if (!(await topicExists(cluster, topic))) return new Map();
  const offsets = await (await cluster.adminClient()).fetchTopicOffsets(topic);
  return new Map(offsets.map((p) => [p.partition, { start: Number(p.low), end: Number(p.high) }]));
}

export const checks: ExerciseCheck[] = [
  {
    id: 'reports-read',
    step: 'read',
    title: { ko: 'reports가 payments의 레코드 6건을 끝까지 읽고 커밋했다', en: 'reports read all six records of payments and committed' },
    verifies: {
      ko: '브로커에 payments의 파티션별 로그 끝 오프셋(ListOffsets)을 물어 레코드가 6건 이상인지 보고, reports가 컨슈머가 참여한 그룹인지(ListGroups: 프로토콜 타입 consumer)와 그룹이 커밋한 오프셋(OffsetFetch)이 모든 파티션에서 로그 끝 오프셋과 같은지, 그룹 코디네이터의 기록(__consumer_offsets)에서 그 끝 오프셋을 레코드를 읽은 컨슈머가 커밋했는지(리더 에포크가 있는 커밋) 확인했습니다.',
      en: 'Asked the broker for the end offsets of payments (ListOffsets: six records or more), whether reports is a group consumers joined (ListGroups: protocol type consumer) and for its committed offsets (OffsetFetch): equal to the end in every partition, and in the group coordinator\'s record (__consumer_offsets) that a consumer which had read the records committed that end (a commit with a leader epoch).',
    },
    hint: { ko: '`--group reports`로 읽어야 그룹의 오프셋이 커밋됩니다. 여섯 건을 모두 읽었나요?', en: 'Only a consumer with `--group reports` commits the group\'s offsets. Did it read all six records?' },
    async run(context) {
      const ends = await endOffsets(context.cluster, 'payments');
      const total = [...ends.values()].reduce((sum, end) => sum + end, 0);
      if (total < RECORDS) {
        return fail(
          { ko: `payments에 레코드가 ${total}건 있습니다. ${RECORDS}건을 보내세요.`, en: `payments holds ${total} record${total === 1 ? '' : 's'}; send ${RECORDS}.` },
          { expected: `>= ${RECORDS} records`, actual: `${total}` },
        );
      }
      const caughtUp = await groupCaughtUp(context, 'reports', 'payments');
      if (!caughtUp.passed) return caughtUp;
      // A consumer that read a partition commits the leader epoch of the last record it fetched; an offset
      // set by hand (--reset-offsets --to-latest after reading part of it) carries none.
      const log = await coordinatorLog(context, 'reports');
      const unread = [...ends].filter(([p, end]) => end > 0 && !log.some((r) => r.topic === 'payments' && r.topicPartition === p && r.committed === end && (r.leaderEpoch ?? -1) >= 0));
      if (unread.length > 0) {
        const list = unread.map(([p]) => p).join(', ');
        return fail(
          {
            ko: `reports의 파티션 ${list} 끝 오프셋 커밋은 레코드를 읽은 컨슈머가 아니라 손으로(--reset-offsets) 한 것입니다.`,
            en: `reports' commits of the end of partitions ${list} were made by hand (--reset-offsets), not by a consumer that read the records.`,
          },
          { expected: 'end committed by a consumer (with a leader epoch)', actual: `partitions ${list}: leader epoch -1` },
        );
      }
      return caughtUp;
    },
  },
  {
    id: 'reports-rewound',
    step: 'reset',
    title: { ko: 'reports의 오프셋을 처음으로 재설정했다(--execute)', en: 'reports\' offsets were reset to the start (--execute)' },
    verifies: {
      ko: '그룹 코디네이터의 기록(__consumer_offsets)에서 reports가 payments를 끝까지 커밋한 뒤, 레코드가 있는 모든 파티션의 오프셋을 로그 시작 오프셋(ListOffsets earliest)으로 되돌린 커밋이 있었는지, 그사이 그룹이 삭제되지 않았는지 확인했습니다.',
      en: 'Read the group coordinator\'s record (__consumer_offsets): after reports committed the end of payments, a commit set every partition holding records back to its log start offset (ListOffsets earliest), with no deletion of the group in between.',
    },
    hint: { ko: '`--dry-run`은 보여 주기만 합니다. 같은 명령을 `--execute`로 다시 실행하세요. 목표는 `--to-earliest`입니다.', en: '`--dry-run` only shows. Run the same command again with `--execute`; the target is `--to-earliest`.' },
    async run(context) {
      const bounds = [...(await partitionBounds(context, 'payments'))].filter(([, b]) => b.end > b.start);
      const expected = bounds.map(([p, b]) => `${p}:${b.start}`).join(' ');
      if (bounds.length === 0) {
        return fail({ ko: 'payments에 레코드가 없습니다.', en: 'payments holds no records.' }, { expected, actual: 'no records' });
      }
      const log = (await coordinatorLog(context, 'reports')).filter((r) => r.kind === 'group' || r.topic === 'payments');
      // Walk the coordinator's record: where each partition's commit stood, whether the end was reached, then the start.
      const current = new Map<number, number>();
      let readToEnd = false;
      let resetAfterRead = false;
      for (const record of log) {
        if (record.kind === 'group') {
          if (record.tombstone) { readToEnd = false; current.clear(); }
          continue;
        }
        if (record.topicPartition === undefined) continue;
        // A deleted offset (the group or the topic deleted) starts the story over: reading again from nothing is not a reset.
        if (record.committed === undefined) { current.delete(record.topicPartition); readToEnd = false; continue; }
        current.set(record.topicPartition, record.committed);
        if (bounds.every(([p, b]) => current.get(p) === b.end)) readToEnd = true;
        if (readToEnd && bounds.every(([p, b]) => current.get(p) === b.start)) resetAfterRead = true;
      }
      if (resetAfterRead) return pass({ expected, actual: expected });
      return fail(
        {
          ko: 'reports가 payments를 끝까지 읽은 뒤 오프셋을 처음으로 되돌린 커밋이 없습니다. --to-earliest 재설정이 --execute로 실행되지 않았습니다.',
          en: 'No commit set reports back to the start of payments after it had read to the end: no --to-earliest reset was executed.',
        },
        { expected: `after ${bounds.map(([p, b]) => `${p}:${b.end}`).join(' ')}: ${expected}`, actual: showOffsets(current) },
      );
    },
  },
  {
    id: 'scratch-deleted',
    step: 'delete',
    title: { ko: '컨슈머가 참여했던 scratch 그룹을 삭제했다', en: 'The group scratch, which a consumer joined, was deleted' },
    verifies: {
      ko: '브로커에 그룹 목록(ListGroups)을 물어 scratch가 없는지 보고, 그룹 코디네이터의 기록(__consumer_offsets)에서 컨슈머가 참여한 scratch의 그룹 메타데이터(프로토콜 타입 consumer)와 그 뒤의 삭제 톰스톤을 찾았습니다.',
      en: 'Asked the broker for its groups (ListGroups: scratch absent) and found in the group coordinator\'s record (__consumer_offsets) scratch\'s group metadata with a consumer joined (protocol type consumer), then its deletion tombstone.',
    },
    hint: { ko: '먼저 `--group scratch`로 읽어 그룹을 만들고, 컨슈머가 끝난 뒤 `--delete --group scratch`를 실행하세요.', en: 'First read with `--group scratch` to create the group, then run `--delete --group scratch` once the consumer has stopped.' },
    async run(context) {
      const { groups } = await (await context.cluster.adminClient()).listGroups();
      const listed = groups.find((g) => g.groupId === 'scratch');
      if (listed) {
        return fail(
          { ko: '그룹 scratch가 아직 있습니다.', en: 'The group scratch still exists.' },
          { expected: 'scratch deleted', actual: `scratch listed (protocol type "${listed.protocolType}")` },
        );
      }
      const log = (await coordinatorLog(context, 'scratch')).filter((r) => r.kind === 'group');
      const joined = log.findIndex((r) => r.protocolType === 'consumer');
      if (joined < 0) {
        return fail(
          { ko: '그룹 scratch에는 컨슈머가 참여한 적이 없습니다. 먼저 --group scratch로 읽으세요.', en: 'No consumer ever joined the group scratch: read with --group scratch first.' },
          { expected: 'a consumer joined scratch, then scratch deleted', actual: `${log.length} group record(s), none of a consumer group` },
        );
      }
      if (!log.slice(joined + 1).some((r) => r.tombstone)) {
        return fail(
          { ko: '그룹 scratch가 삭제된 기록이 없습니다.', en: 'The group scratch was never deleted.' },
          { expected: 'a deletion tombstone', actual: 'none' },
        );
      }
      return pass({ expected: 'scratch: consumer group, then deleted', actual: 'scratch: consumer group, then deleted' });
    },
  },
];
