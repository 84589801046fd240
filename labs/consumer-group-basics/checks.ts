import {
  committedOffsets, endOffsets, firstFetchedOffsets, groupActivity, outputLines, readTopic, fail, pass,
  type CheckContext, type GroupActivity, type LabCheck, type Localized, type PartitionOffsets, type TopicRecord,
} from '../../sandbox/lab-kit/index.ts';
import { TOPIC } from './lab.ts';

const formatOffsets = (offsets: PartitionOffsets) =>
  [...offsets].sort(([a], [b]) => a - b).map(([partition, offset]) => `p${partition}=${offset}`).join(' ') || 'none';

/** The group's activity on events as the brokers logged it: members, their fetches and commits. */
const activity = ({ requests }: CheckContext, groupId: string) => groupActivity(requests, groupId, TOPIC);

/** Members that received records of events: consumers that really read, not only joined or committed. */
const readers = (group: GroupActivity) => group.members.filter((m) => m.fetches.some((f) => f.recordBytes > 0));

/** Per partition, the offset after the last seeded record (old-N): where "new" begins. */
function oldEnds(records: TopicRecord[]): PartitionOffsets {
  const ends: PartitionOffsets = new Map();
  for (const r of records) if (r.value?.startsWith('old-')) ends.set(r.partition, Math.max(ends.get(r.partition) ?? 0, r.offset + 1));
  return ends;
}

/** A claim the program printed ("<group> <value>" lines) for a group the brokers saw no reader of. */
function printedWithoutReading(context: CheckContext, groupId: string): Localized | undefined {
  const printed = outputLines(context.program.stdout).filter((line) => line.startsWith(`${groupId} `)).length;
  if (printed === 0 || readers(activity(context, groupId)).length > 0) return undefined;
  return {
    ko: `${groupId} 그룹이 읽었다고 ${printed}줄을 출력했지만, 브로커는 그 그룹의 어떤 멤버도 events를 읽는(fetch) 것을 보지 못했습니다.`,
    en: `printed ${printed} line(s) read by group ${groupId}, but the brokers saw no member of that group fetch events`,
  };
}

const noReader = (groupId: string, group: GroupActivity, context: CheckContext, expected: string) =>
  fail(
    {
      ko: `${groupId} 그룹에는 events를 읽은(fetch) 멤버가 없었습니다(코디네이터가 본 멤버 ${group.members.length}개).`,
      en: `Group ${groupId} never had a member that fetched events (the coordinator saw ${group.members.length} member(s)).`,
    },
    { expected, actual: `${group.members.length} member(s), none fetched`, contradiction: printedWithoutReading(context, groupId) },
  );

/** Commits of offset o by a member that had not fetched records below o first, or by no member at all: committed, not consumed. */
function unconsumedCommits(group: GroupActivity): Localized[] {
  const byMember = group.members.flatMap((member) => member.commits.filter((c) => c.errorCode === 0).filter((c) =>
    !member.fetches.some((f) => f.partition === c.partition && f.seq < c.seq && f.recordBytes > 0 && f.fetchOffset < c.offset),
  ).map((c) => ({
    ko: `p${c.partition}=${c.offset}(세대 ${member.generations.join(', ')}의 멤버가 읽기 전에 커밋)`,
    en: `p${c.partition}=${c.offset} by the member of generation ${member.generations.join(', ')} before fetching it`,
  })));
  const withoutMember = group.commitsWithoutMember.filter((c) => c.errorCode === 0).map((c) => ({
    ko: `p${c.partition}=${c.offset}(그룹 멤버가 아닌 관리 API가 커밋)`,
    en: `p${c.partition}=${c.offset} by no member (admin API)`,
  }));
  return [...withoutMember, ...byMember].slice(0, 3);
}

function committedEverything(groupId: string): LabCheck {
  return {
    id: `${groupId}-committed`,
    title: { ko: `${groupId} 그룹이 읽은 메시지를 마지막까지 커밋했다`, en: `Group ${groupId} committed what it read, up to the last message` },
    verifies: {
      ko: `${groupId} 그룹의 커밋된 오프셋을 파티션 끝과 비교하고, 브로커 요청 로그에서 커밋마다 그 오프셋까지 먼저 읽은(fetch) 그룹 멤버가 보낸 것인지 확인했습니다.`,
      en: `Compared group ${groupId}'s committed offsets with the end of each partition, and checked in the brokers' request log that every commit came from a group member that had fetched up to that offset first.`,
    },
    hint: {
      ko: 'autoCommit: false로 두고, 메시지를 처리한 뒤 commitOffsets로 "다음에 읽을" 오프셋(offset + 1)을 커밋하세요.',
      en: 'With autoCommit: false, call commitOffsets after processing a message, committing the next offset to read (offset + 1).',
    },
    points: 2,
    async run(context) {
      const { cluster } = context;
      const [ends, committed] = await Promise.all([endOffsets(cluster, TOPIC), committedOffsets(cluster, groupId, TOPIC)]);
      // A partition that never held a message has nothing to commit.
      const expected = formatOffsets(new Map([...ends].filter(([, end]) => end > 0)));
      const actual = formatOffsets(committed);
      if (expected !== actual) {
        return fail(
          { ko: `${groupId} 그룹의 커밋된 오프셋(${actual})이 파티션 끝(${expected})과 다릅니다.`, en: `Group ${groupId} committed ${actual}, not the end of each partition (${expected}).` },
          { expected, actual },
        );
      }
      const unconsumed = unconsumedCommits(activity(context, groupId));
      if (unconsumed.length === 0) return pass({ expected: `${expected}, each commit after fetching`, actual: `${actual}, each commit after fetching` });
      const found = { ko: unconsumed.map((c) => c.ko).join('; '), en: unconsumed.map((c) => c.en).join('; ') };
      return fail(
        { ko: `${groupId} 그룹의 오프셋이 읽지 않고 커밋됐습니다: ${found.ko}`, en: `Group ${groupId}'s offsets were committed without consuming: ${found.en}` },
        { expected: `${expected}, each commit after fetching`, actual: found.en, contradiction: printedWithoutReading(context, groupId) },
      );
    },
  };
}

export const checks: LabCheck[] = [
  committedEverything('replay'),
  committedEverything('live'),
  {
    id: 'replay-from-beginning',
    title: { ko: 'replay 그룹이 이미 있던 메시지를 처음부터 읽었다', en: 'Group replay read the existing messages from the beginning' },
    verifies: {
      ko: '브로커 요청 로그에서 replay 그룹의 첫 멤버가 events의 각 파티션을 어느 오프셋부터 받아 갔는지(FETCH) 읽었습니다.',
      en: "Read from the brokers' request log the offset from which group replay's first member fetched records of each partition of events.",
    },
    hint: { ko: '처음 보는 그룹이 처음부터 읽으려면 subscribe에 fromBeginning: true를 주세요.', en: 'For a new group to start at the beginning, subscribe with fromBeginning: true.' },
    points: 2,
    async run(context) {
      const old = oldEnds(await readTopic(context.cluster, TOPIC));
      const expected = formatOffsets(new Map([...old.keys()].map((p) => [p, 0])));
      const group = activity(context, 'replay');
      const [first] = readers(group);
      if (!first) return noReader('replay', group, context, `fetched from ${expected}`);
      const started = firstFetchedOffsets(first);
      const late = [...old.keys()].filter((p) => started.get(p) !== 0);
      const actual = formatOffsets(started);
      if (late.length === 0) return pass({ expected: `fetched from ${expected}`, actual: `fetched from ${actual}` });
      return fail(
        { ko: `replay 그룹의 첫 멤버가 처음부터 읽지 않았습니다: ${actual}부터 읽었습니다.`, en: `Group replay's first member did not read from the beginning: it fetched from ${actual}.` },
        { expected: `fetched from ${expected}`, actual: `fetched from ${actual}` },
      );
    },
  },
  {
    id: 'live-only-new',
    title: { ko: 'live 그룹은 참여한 뒤에 들어온 메시지만 읽었다', en: 'Group live read only what arrived after it joined' },
    verifies: {
      ko: '브로커 요청 로그에서 live 그룹 멤버가 받아 간(FETCH) 오프셋을, 토픽에서 읽은 기존 메시지(old-N)의 끝 오프셋과 비교했습니다.',
      en: "Compared the offsets group live's members fetched records from (brokers' request log) with the end of the old messages (old-N) read back from events.",
    },
    hint: {
      ko: 'fromBeginning: false인 새 그룹은 끝에서 시작합니다. 그룹에 참여한 뒤(GROUP_JOIN 이벤트) 새 메시지를 보내세요.',
      en: 'A new group with fromBeginning: false starts at the end. Send the new messages after it has joined (the GROUP_JOIN event).',
    },
    points: 2,
    async run(context) {
      const records = await readTopic(context.cluster, TOPIC);
      const old = oldEnds(records);
      const expected = `fetched from ${formatOffsets(old)} on`;
      const group = activity(context, 'live');
      const members = readers(group);
      if (members.length === 0) return noReader('live', group, context, expected);
      const fetched = members.flatMap((m) => m.fetches.filter((f) => f.recordBytes > 0));
      const early = fetched.filter((f) => f.fetchOffset < (old.get(f.partition) ?? 0));
      const started = new Map<number, number>();
      for (const f of fetched) started.set(f.partition, Math.min(started.get(f.partition) ?? Infinity, f.fetchOffset));
      const actual = `fetched from ${formatOffsets(started)}`;
      if (early.length === 0) return pass({ expected, actual });
      return fail(
        { ko: `live 그룹이 참여하기 전의 메시지를 읽었습니다: ${formatOffsets(started)}부터 받아 갔습니다.`, en: `Group live read messages from before it joined: it fetched from ${formatOffsets(started)}.` },
        { expected, actual },
      );
    },
  },
  {
    id: 'replay-resumed',
    title: { ko: '다시 시작한 replay 그룹은 멈춘 곳부터 이어 읽었다', en: 'Group replay resumed where it stopped after a restart' },
    verifies: {
      ko: '브로커 요청 로그에서 replay 그룹의 나중 멤버(재시작)가 받아 간 첫 오프셋을, 첫 멤버가 이미 읽은 기존 메시지(old-N)의 끝 오프셋과 비교했습니다.',
      en: "Compared, in the brokers' request log, the offsets group replay's later member (the restart) first fetched with the end of the old messages (old-N) its first member had read.",
    },
    hint: {
      ko: '같은 groupId로 다시 시작하면 커밋된 오프셋부터 읽습니다. 새 groupId로는 처음부터 다시 읽게 됩니다.',
      en: 'Restarted with the same groupId, a consumer continues from the committed offsets; a new groupId starts over.',
    },
    points: 3,
    async run(context) {
      const group = activity(context, 'replay');
      const [first, ...later] = readers(group);
      if (!first) return noReader('replay', group, context, 'a second member resuming');
      // The first session read the old messages: a restart that resumes fetches from their end on.
      const stopped = oldEnds(await readTopic(context.cluster, TOPIC));
      const expected = `restart fetched from ${formatOffsets(stopped)} on`;
      if (later.length === 0) {
        return fail(
          { ko: 'replay 그룹이 다시 시작되지 않았습니다: 메시지를 읽은 멤버가 하나뿐입니다.', en: 'Group replay was never started again: only one of its members fetched records.' },
          { expected, actual: '1 member fetched' },
        );
      }
      const started = new Map<number, number>();
      for (const m of later) for (const [p, offset] of firstFetchedOffsets(m)) started.set(p, Math.min(started.get(p) ?? Infinity, offset));
      const actual = `restart fetched from ${formatOffsets(started)}`;
      const over = [...started].filter(([p, offset]) => offset < (stopped.get(p) ?? 0));
      if (over.length === 0 && started.size > 0) return pass({ expected, actual });
      return fail(
        {
          ko: `다시 시작한 replay 그룹이 멈춘 곳(${formatOffsets(stopped)})이 아니라 ${formatOffsets(started)}부터 다시 읽었습니다.`,
          en: `Group replay started over after its restart: it fetched from ${formatOffsets(started)}, not where it stopped (${formatOffsets(stopped)}).`,
        },
        { expected, actual },
      );
    },
  },
];
