import {
  consumerGroupOffsets,
  coordinatorLog,
  endOffsets,
  fail,
  groupCaughtUp,
  pass,
  showOffsets,
  topicShape,
  type CheckVerdict,
  type CoordinatorRecord,
  type ExerciseCheck,
  type ExerciseCheckContext,
  type GroupOffsets,
  type Localized,
} from '../../sandbox/lab-kit/index.ts';

const TOPIC = 'clicks-burst';
const BURST = 900;
const AUDIT_READ = 250;

const sum = (offsets: Map<number, number>): number => [...offsets.values()].reduce((total, offset) => total + offset, 0);

/**
 * The group's total committed offset on a topic after each commit request, in the order the coordinator
 * wrote them (the records of one request share a timestamp), and whether a consumer that had fetched made
 * it: every partition it moved forward carries the leader epoch of a fetched record, which offsets set by
 * hand (--reset-offsets) never do.
 */
function commitTotals(log: CoordinatorRecord[], topic: string): Array<{ total: number; byConsumer: boolean }> {
  const current = new Map<number, number>();
  const totals: Array<{ total: number; byConsumer: boolean }> = [];
  let request: CoordinatorRecord[] = [];
  const close = () => {
    if (request.length === 0) return;
    totals.push({ total: sum(current), byConsumer: request.every((r) => (r.committed ?? 0) === 0 || (r.leaderEpoch ?? -1) >= 0) });
    request = [];
  };
  for (const record of log) {
    if (record.kind !== 'offset' || record.topic !== topic || record.topicPartition === undefined) continue;
    if (request[0] && request[0].timestamp !== record.timestamp) close();
    if (record.committed === undefined) current.delete(record.topicPartition);
    else current.set(record.topicPartition, record.committed);
    request.push(record);
  }
  close();
  return totals;
}

/** Each partition's lag: its end offset minus the group's committed offset (all of it where the group has none). */
function lags({ committed, ends }: GroupOffsets): Map<number, number> {
  return new Map([...ends].map(([p, end]) => [p, end - (committed.get(p) ?? 0)]));
}

/** The one whole number in an answer ("2", "partition 2", "650 records"); undefined for none or several. */
function number(answer: string | undefined): number | undefined {
  const numbers = (answer ?? '').match(/\d+/g) ?? [];
  return numbers.length === 1 ? Number(numbers[0]) : undefined;
}

/** An answer box that was left empty or holds no single number. */
function unreadable(context: ExerciseCheckContext, field: string, what: Localized): CheckVerdict | undefined {
  const given = context.answers[field]?.trim() ?? '';
  if (given === '') return fail({ ko: `${what.ko}: 답을 적지 않았습니다.`, en: `${what.en}: no answer given.` });
  if (number(given) === undefined) return fail({ ko: `${what.ko}: "${given}"은(는) 숫자 하나가 아닙니다.`, en: `${what.en}: "${given}" is not one number.` }, { actual: given });
  return undefined;
}

export const checks: ExerciseCheck[] = [
  {
    id: 'burst-sent',
    step: 'burst',
    title: { ko: 'clicks-burst(파티션 3개)에 레코드 900건이 몰려왔다', en: 'A burst of 900 records reached clicks-burst (three partitions)' },
    verifies: {
      ko: '브로커에 clicks-burst의 메타데이터(파티션 3개)와 파티션별 로그 끝 오프셋(ListOffsets)을 물어, 레코드가 모두 900건 이상인지 확인했습니다.',
      en: 'Asked the broker for the metadata of clicks-burst (three partitions) and its end offsets (ListOffsets): 900 records or more in all.',
    },
    hint: { ko: '`--topic clicks-burst`로 보냈나요? `--num-records 900`입니다.', en: 'Did the burst go to `--topic clicks-burst`? `--num-records 900`.' },
    async run(context) {
      const shape = await topicShape(context, TOPIC, { partitions: 3, replicationFactor: 1 });
      if (!shape.passed) return shape;
      const total = sum(await endOffsets(context.cluster, TOPIC));
      if (total < BURST) {
        return fail(
          { ko: `${TOPIC}에 레코드가 ${total}건 있습니다. ${BURST}건을 한꺼번에 보내세요.`, en: `${TOPIC} holds ${total} record${total === 1 ? '' : 's'}; the burst is ${BURST}.` },
          { expected: `>= ${BURST} records`, actual: `${total}` },
        );
      }
      return pass({ expected: `>= ${BURST} records`, actual: `${total}` });
    },
  },
  {
    id: 'dashboard-drained',
    step: 'burst',
    title: { ko: '느린 컨슈머가 dashboard의 랙을 계단식으로 0까지 줄였다', en: 'A slow consumer brought dashboard\'s lag down to 0 in steps' },
    verifies: {
      ko: 'dashboard가 컨슈머가 참여한 그룹인지(ListGroups: 프로토콜 타입 consumer)와 커밋된 오프셋(OffsetFetch)이 clicks-burst의 모든 파티션에서 로그 끝 오프셋과 같은지(랙 0) 보고, 그룹 코디네이터의 기록(__consumer_offsets)에서 레코드를 읽은 컨슈머의 커밋(리더 에포크가 있는 커밋)이 몰려온 레코드의 중간에서 서로 다른 위치에 두 번 이상 멈췄는지 확인했습니다.',
      en: 'Asked whether dashboard is a group consumers joined (ListGroups: protocol type consumer) and for its committed offsets (OffsetFetch): equal to the end of every partition of clicks-burst (lag 0); and read the group coordinator\'s record (__consumer_offsets) for commits by a consumer that had read the records (with a leader epoch) stopping partway through the burst, at two different totals or more.',
    },
    hint: {
      ko: '컨슈머를 `--group dashboard`로, 레코드당 30 ms 걸리는 반복문에 파이프로 넘겨 백그라운드에서 돌리고, `--max-messages 900`으로 다 처리할 때까지 두세요.',
      en: 'Run the consumer with `--group dashboard`, piped into the 30 ms loop, in the background, and let it handle all 900 records (`--max-messages 900`).',
    },
    async run(context) {
      const caughtUp = await groupCaughtUp(context, 'dashboard', TOPIC);
      if (!caughtUp.passed) return caughtUp;
      const end = sum(await endOffsets(context.cluster, TOPIC));
      // A consumer that keeps up commits the start and then the end; only one that falls behind is caught
      // by its 5-second automatic commits partway, again and again, as describe showed the lag falling.
      const partway = new Set(commitTotals(await coordinatorLog(context, 'dashboard'), TOPIC)
        .filter((c) => c.byConsumer && c.total > 0 && c.total < end)
        .map((c) => c.total));
      const expected = `commits partway through the burst at 2 totals or more, then ${end}`;
      const actual = `partway at ${[...partway].join(', ') || 'none'}, then ${end}`;
      if (partway.size < 2) {
        return fail(
          {
            ko: `그룹 코디네이터의 기록에서 dashboard의 커밋이 몰려온 레코드 중간에 멈춘 것은 ${partway.size}번입니다. 느린 컨슈머라면 랙이 계단식으로 빠지므로 적어도 두 번은 중간에서 커밋합니다. 단계에 나온 느린 컨슈머(레코드당 30 ms, max.poll.records=20)로 읽으세요.`,
            en: `The group coordinator's record shows dashboard's commits stopping partway through the burst ${partway.size} time${partway.size === 1 ? '' : 's'}; a slow consumer's lag falls in steps, so it commits partway at least twice. Read with the step's slow consumer (30 ms per record, max.poll.records=20).`,
          },
          { expected, actual },
        );
      }
      return pass({ expected, actual });
    },
  },
  {
    id: 'audit-stopped',
    step: 'partway',
    title: { ko: 'audit이 250건을 읽고 멈췄다', en: 'audit read 250 records and stopped' },
    verifies: {
      ko: 'audit이 컨슈머가 참여한 그룹인지(ListGroups: 프로토콜 타입 consumer), 지금 실행 중인 구성원이 없는지(DescribeGroups: Empty), clicks-burst에 커밋한 오프셋(OffsetFetch)을 더하면 250인지 확인했습니다.',
      en: 'Asked whether audit is a group consumers joined (ListGroups: protocol type consumer) with no running member now (DescribeGroups: Empty), and for its committed offsets on clicks-burst (OffsetFetch): 250 in all.',
    },
    hint: { ko: '`--group audit --from-beginning --max-messages 250`으로 읽으세요.', en: 'Read with `--group audit --from-beginning --max-messages 250`.' },
    async run(context) {
      const offsets = await consumerGroupOffsets(context, 'audit', TOPIC);
      if (offsets.refused) return offsets.refused;
      const { groups } = await (await context.cluster.adminClient()).describeGroups(['audit']);
      const state = groups[0]?.state ?? 'unknown';
      if (state !== 'Empty') {
        return fail(
          { ko: `그룹 audit에 아직 실행 중인 컨슈머가 있습니다(${state}). 오프셋이 그대로 머물도록 멈추세요.`, en: `Group audit still has a running consumer (${state}): stop it, so that its offsets stay where they are.` },
          { expected: 'Empty', actual: state },
        );
      }
      const read = sum(offsets.committed);
      const actual = `${showOffsets(offsets.committed)} (${read})`;
      if (read !== AUDIT_READ) {
        return fail(
          {
            ko: `audit의 커밋된 오프셋을 더하면 ${read}건을 읽은 것입니다. ${AUDIT_READ}건이어야 합니다. --max-messages ${AUDIT_READ}로 멈추세요.`,
            en: `audit's committed offsets add up to ${read} records read, not ${AUDIT_READ}: stop the consumer with --max-messages ${AUDIT_READ}.`,
          },
          { expected: `${AUDIT_READ} in all`, actual },
        );
      }
      return pass({ expected: `${AUDIT_READ} in all`, actual });
    },
  },
  {
    id: 'audit-total-lag',
    step: 'partway',
    title: { ko: 'audit의 전체 랙을 읽었다', en: 'audit\'s total lag, read right' },
    verifies: {
      ko: '답을 audit의 커밋된 오프셋(OffsetFetch)과 clicks-burst의 로그 끝 오프셋(ListOffsets)으로 계산한 파티션별 랙의 합과 비교했습니다.',
      en: 'Compared the answer with the sum over partitions of the end offset of clicks-burst (ListOffsets) minus audit\'s committed offset (OffsetFetch).',
    },
    hint: { ko: 'LAG 열을 모두 더하세요. CURRENT-OFFSET이나 LOG-END-OFFSET이 아닙니다.', en: 'Add up the LAG column, not CURRENT-OFFSET or LOG-END-OFFSET.' },
    async run(context) {
      const what = { ko: 'audit의 전체 랙', en: 'audit\'s total lag' };
      const unread = unreadable(context, 'audit-total-lag', what);
      if (unread) return unread;
      const offsets = await consumerGroupOffsets(context, 'audit', TOPIC);
      if (offsets.refused) return offsets.refused;
      const given = number(context.answers['audit-total-lag'])!;
      if (given === sum(lags(offsets))) return pass({ actual: String(given) });
      return fail({ ko: `${what.ko}: ${given}은(는) 그룹의 오프셋으로 계산한 값과 다릅니다.`, en: `${what.en}: ${given} is not what the group's offsets give.` }, { actual: String(given) });
    },
  },
  {
    id: 'audit-furthest',
    step: 'partway',
    title: { ko: 'audit이 가장 많이 뒤처진 파티션과 그 LAG를 읽었다', en: 'The partition where audit is furthest behind, and its LAG' },
    verifies: {
      ko: 'audit의 커밋된 오프셋(OffsetFetch)과 clicks-burst의 로그 끝 오프셋(ListOffsets)으로 파티션별 랙을 계산해, 답한 파티션의 랙이 가장 큰지와 답한 LAG가 그 최댓값인지 확인했습니다.',
      en: 'Computed each partition\'s lag from the end offsets of clicks-burst (ListOffsets) and audit\'s committed offsets (OffsetFetch), and checked that the partition given has the largest lag and that the LAG given is that largest lag.',
    },
    hint: { ko: 'LAG 열에서 가장 큰 값을 찾고, 그 줄의 PARTITION을 적으세요. 파티션 번호는 0부터 셉니다.', en: 'Find the largest value in the LAG column and give that row\'s PARTITION. Partitions are numbered from 0.' },
    async run(context) {
      const unread =
        unreadable(context, 'audit-furthest-partition', { ko: '가장 많이 뒤처진 파티션', en: 'The partition furthest behind' }) ??
        unreadable(context, 'audit-furthest-lag', { ko: '그 파티션의 LAG', en: 'Its LAG' });
      if (unread) return unread;
      const offsets = await consumerGroupOffsets(context, 'audit', TOPIC);
      if (offsets.refused) return offsets.refused;
      const byPartition = lags(offsets);
      const largest = Math.max(...byPartition.values());
      const partition = number(context.answers['audit-furthest-partition'])!;
      const lag = number(context.answers['audit-furthest-lag'])!;
      const actual = `partition ${partition}, LAG ${lag}`;
      const wrong: Localized[] = [];
      // Partitions tied for the largest lag are all right.
      if (byPartition.get(partition) !== largest) {
        wrong.push({ ko: `파티션 ${partition}은(는) audit이 가장 많이 뒤처진 파티션이 아닙니다.`, en: `Partition ${partition} is not where audit is furthest behind.` });
      }
      if (lag !== largest) {
        wrong.push({ ko: `${lag}은(는) audit의 파티션 가운데 가장 큰 LAG가 아닙니다.`, en: `${lag} is not the largest LAG among audit's partitions.` });
      }
      if (wrong.length === 0) return pass({ actual });
      return fail({ ko: wrong.map((w) => w.ko).join(' '), en: wrong.map((w) => w.en).join(' ') }, { actual });
    },
  },
];
