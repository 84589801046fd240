import { coordinatorLog, fail, pass, type CheckVerdict, type ClassicMember, type CoordinatorRecord, type ExerciseCheck, type ExerciseCheckContext } from '../../sandbox/lab-kit/index.ts';

const TOPIC = 'events';

/** A classic group's metadata as its coordinator wrote it at each rebalance (and each static member's return), consumers only. */
async function classicGenerations(context: ExerciseCheckContext, group: string): Promise<CoordinatorRecord[]> {
  return (await coordinatorLog(context, group)).filter((r) => r.kind === 'group' && !r.tombstone && r.protocolType === 'consumer');
}

const membersOf = (record: CoordinatorRecord): ClassicMember[] => record.members ?? [];
const partitionsOf = (member: ClassicMember | undefined): number[] => member?.assignment.get(TOPIC) ?? [];
const mostMembers = (records: CoordinatorRecord[]): number => Math.max(0, ...records.map((r) => membersOf(r).length));

/**
 * Two console consumers were members of `group` in one generation, and the group's protocol (the assignor
 * its members agreed on) is `assignor`.
 */
async function twoConsumersWith(context: ExerciseCheckContext, group: string, assignor: string, wrongAssignor: (used: string) => { ko: string; en: string }): Promise<CheckVerdict> {
  const records = await classicGenerations(context, group);
  const expected = `${assignor}, 2 members in one generation`;
  if (records.length === 0) {
    return fail(
      { ko: `${group}에는 컨슈머가 참여한 적이 없습니다(그룹 코디네이터의 기록에 클래식 컨슈머 그룹 메타데이터가 없음).`, en: `No consumer ever joined ${group} (no classic consumer group metadata in the group coordinator's record).` },
      { expected, actual: 'no consumer joined' },
    );
  }
  const together = records.find((r) => membersOf(r).length >= 2);
  if (!together) {
    return fail(
      { ko: `${group}에는 컨슈머가 둘 함께 있었던 적이 없습니다. 첫 번째가 파티션을 받은 뒤 두 번째를 띄우세요.`, en: `${group} never had two consumers at once: start the second once the first has its partitions.` },
      { expected, actual: `at most ${mostMembers(records)} member(s)` },
    );
  }
  const used = together.protocol ?? 'none';
  if (used !== assignor) return fail(wrongAssignor(used), { expected, actual: `${used}, ${membersOf(together).length} members` });
  return pass({ expected, actual: `${used}, ${membersOf(together).length} members in generation ${together.generation}` });
}

/**
 * What the first consumer of a classic group revoked when a second one joined it, from the coordinator's
 * record of the generation it was alone in and of the first generation with the newcomer: what it owned
 * then, less what it still owned when it rejoined (an eager member gives up everything first) and was
 * assigned again (a cooperative one revokes only what moves).
 */
function revokedAtHandover(records: CoordinatorRecord[]): { revoked: number[]; kept: number[]; generation?: number } | undefined {
  for (let i = 1; i < records.length; i++) {
    const [alone, ...others] = membersOf(records[i - 1]!);
    const joined = records[i]!;
    const first = membersOf(joined).find((m) => m.memberId === alone?.memberId);
    if (!alone || others.length > 0 || membersOf(joined).length < 2 || !first) continue;
    const assigned = new Set(partitionsOf(first));
    const kept = (first.owned.get(TOPIC) ?? []).filter((p) => assigned.has(p));
    return { revoked: partitionsOf(alone).filter((p) => !kept.includes(p)).sort((a, b) => a - b), kept, generation: joined.generation };
  }
  return undefined;
}

/** The partition numbers in an answer such as "events-3, events-4, events-5" or "[3, 4, 5]". */
function answeredPartitions(answer: string): number[] {
  return [...new Set((answer.replaceAll(`${TOPIC}-`, ' ').match(/\d+/g) ?? []).map(Number))].sort((a, b) => a - b);
}

export const checks: ExerciseCheck[] = [
  {
    id: 'eager-demo-range',
    step: 'eager-cooperative',
    title: { ko: 'eager-demo: 기본 할당자(range)로 컨슈머 두 개가 함께 있었다', en: 'eager-demo: two consumers together, with the default assignor (range)' },
    verifies: {
      ko: '그룹 코디네이터의 기록(__consumer_offsets의 GroupMetadata 레코드)에서 eager-demo가 클래식 컨슈머 그룹이고, 한 세대에 구성원이 둘이며, 그 세대의 프로토콜(할당자)이 range인지 확인했습니다.',
      en: 'Read the group coordinator\'s record (GroupMetadata records in __consumer_offsets): eager-demo is a classic consumer group, one generation had two members, and its protocol (the assignor) was range.',
    },
    hint: { ko: '`eager-demo`의 두 컨슈머에는 할당 설정을 주지 않습니다. 두 번째는 첫 번째가 파티션을 받은 뒤에 띄우세요.', en: 'Give the two consumers of `eager-demo` no assignment setting; start the second once the first has its partitions.' },
    run: (context) =>
      twoConsumersWith(context, 'eager-demo', 'range', (used) => ({
        ko: `eager-demo는 할당자 ${used}을(를) 썼습니다. 기본 목록의 첫 번째, eager 방식의 range여야 합니다.`,
        en: `eager-demo used the assignor ${used}: it should be range, the first of the default list, which rebalances eagerly.`,
      })),
  },
  {
    id: 'coop-demo-cooperative',
    step: 'eager-cooperative',
    title: { ko: 'coop-demo: cooperative-sticky로 컨슈머 두 개가 함께 있었다', en: 'coop-demo: two consumers together, with cooperative-sticky' },
    verifies: {
      ko: '그룹 코디네이터의 기록(__consumer_offsets의 GroupMetadata 레코드)에서 coop-demo가 클래식 컨슈머 그룹이고, 한 세대에 구성원이 둘이며, 그 세대의 프로토콜(할당자)이 cooperative-sticky인지 확인했습니다.',
      en: 'Read the group coordinator\'s record (GroupMetadata records in __consumer_offsets): coop-demo is a classic consumer group, one generation had two members, and its protocol (the assignor) was cooperative-sticky.',
    },
    hint: { ko: '두 컨슈머 모두에 `--command-property partition.assignment.strategy=org.apache.kafka.clients.consumer.CooperativeStickyAssignor`를 주세요. 그룹은 모든 구성원이 지원하는 전략만 씁니다.', en: 'Give both consumers `--command-property partition.assignment.strategy=org.apache.kafka.clients.consumer.CooperativeStickyAssignor`: a group only uses a strategy all its members support.' },
    async run(context) {
      const verdict = await twoConsumersWith(context, 'coop-demo', 'cooperative-sticky', (used) => ({
        ko: `coop-demo는 할당자 ${used}을(를) 썼습니다. 이것은 eager 방식입니다. 협력 리밸런스는 cooperative-sticky입니다.`,
        en: `coop-demo used the assignor ${used}, which rebalances eagerly: the cooperative one is cooperative-sticky.`,
      }));
      if (!verdict.passed) return verdict;
      // A consumer whose list also holds an eager assignor (the default list: range first) rebalances eagerly
      // even when the group agrees on cooperative-sticky: it rejoins owning nothing.
      const handover = revokedAtHandover(await classicGenerations(context, 'coop-demo'));
      if (handover && handover.kept.length === 0) {
        return fail(
          {
            ko: 'coop-demo의 첫 번째 컨슈머는 두 번째가 들어올 때 파티션을 모두 내려놓고 다시 참여했습니다. eager 방식입니다. 그 컨슈머의 할당자 목록에 eager 할당자(기본 목록의 range)가 있었습니다.',
            en: "coop-demo's first consumer gave up all its partitions before rejoining when the second joined: it rebalanced eagerly, its assignor list held an eager one (range, first in the default list).",
          },
          { expected: 'the first consumer keeps partitions through the rebalance', actual: `kept none in generation ${handover.generation}` },
        );
      }
      return verdict;
    },
  },
  {
    id: 'coop-revoked',
    step: 'eager-cooperative',
    title: { ko: 'coop-demo의 첫 번째 컨슈머가 내려놓은 파티션을 로그에서 읽었다', en: 'Read in the log which partitions the first consumer of coop-demo revoked' },
    verifies: {
      ko: '그룹 코디네이터의 기록(__consumer_offsets의 GroupMetadata 레코드)에서 coop-demo의 첫 번째 컨슈머가 혼자였던 세대와 두 번째가 들어온 세대의 할당을 비교해, 그때 내려놓은 파티션(협력 방식이면 더는 갖지 않는 것, eager 방식이면 전부)을 답과 비교했습니다.',
      en: 'Compared the answer with what the group coordinator\'s record (GroupMetadata records in __consumer_offsets) says coop-demo\'s first consumer gave up when the second joined: its assignment when alone against the next generation\'s (what it no longer owns when cooperative, everything when eager).',
    },
    hint: { ko: '첫 번째 컨슈머의 로그(`~/coop-1.log`)에서 두 번째가 들어온 직후의 `Revoke previously assigned partitions` 줄을 찾으세요.', en: 'Find, in the first consumer\'s log (`~/coop-1.log`), the `Revoke previously assigned partitions` line right after the second joined.' },
    async run(context) {
      const handover = revokedAtHandover(await classicGenerations(context, 'coop-demo'));
      const answer = context.answers['coop-revoked'] ?? '';
      if (!handover) {
        return fail(
          { ko: 'coop-demo의 기록에는 혼자이던 컨슈머에 두 번째 컨슈머가 합류한 리밸런스가 없습니다. 첫 번째가 파티션을 받은 뒤 두 번째를 띄우세요.', en: 'coop-demo\'s record shows no rebalance where a second consumer joined a first one that was alone: start the second once the first has its partitions.' },
          { expected: 'a second consumer joining the first', actual: 'none' },
        );
      }
      const answered = answeredPartitions(answer);
      if (answered.join(',') !== handover.revoked.join(',')) {
        return fail(
          { ko: '두 번째 컨슈머가 들어왔을 때 coop-demo의 첫 번째 컨슈머가 내려놓은 파티션이 아닙니다.', en: 'That is not what the first consumer of coop-demo revoked when the second joined.' },
          { expected: `the partitions of its Revoke line (generation ${handover.generation})`, actual: answer || '(empty)' },
        );
      }
      return pass({ expected: `revoked in generation ${handover.generation}`, actual: answered.map((p) => `${TOPIC}-${p}`).join(', ') });
    },
  },
  {
    id: 'static-rejoin',
    step: 'static',
    title: { ko: 'billing-a가 리밸런스 없이 static-demo에 돌아왔다', en: 'billing-a came back to static-demo without a rebalance' },
    verifies: {
      ko: '그룹 코디네이터의 기록(__consumer_offsets의 GroupMetadata 레코드)에서 static-demo에 group.instance.id가 billing-a와 billing-b인 구성원이 함께 있었고, 그 뒤 같은 세대(리밸런스 없음) 안에서 billing-a가 새 구성원 ID로 바뀌고 billing-b는 그대로인 기록이 있는지 확인했습니다.',
      en: 'Read the group coordinator\'s record (GroupMetadata records in __consumer_offsets): static-demo had members with group.instance.id billing-a and billing-b together, and later, in the same generation (no rebalance), billing-a had a new member id while billing-b kept its own.',
    },
    hint: { ko: '두 컨슈머 모두 `--command-property group.instance.id=...`로 띄우고, `billing-a`를 멈춘 뒤 같은 ID로 세션 타임아웃 안에 다시 띄우세요.', en: 'Start both consumers with `--command-property group.instance.id=...`, stop `billing-a` and start it again under the same id within the session timeout.' },
    async run(context) {
      const records = await classicGenerations(context, 'static-demo');
      const expected = 'billing-a and billing-b, then billing-a replaced in the same generation';
      const member = (record: CoordinatorRecord, id: string): ClassicMember | undefined => membersOf(record).find((m) => m.groupInstanceId === id);
      if (records.length === 0) {
        return fail({ ko: 'static-demo에는 컨슈머가 참여한 적이 없습니다.', en: 'No consumer ever joined static-demo.' }, { expected, actual: 'no consumer joined' });
      }
      const both = records.find((r) => member(r, 'billing-a') && member(r, 'billing-b'));
      if (!both) {
        const ids = [...new Set(records.flatMap((r) => membersOf(r).map((m) => m.groupInstanceId ?? 'dynamic')))].join(', ');
        return fail(
          { ko: 'static-demo에는 billing-a와 billing-b가 정적 구성원으로 함께 있었던 적이 없습니다.', en: 'static-demo never had billing-a and billing-b as static members at once.' },
          { expected, actual: `members: ${ids}` },
        );
      }
      const before = member(both, 'billing-a')!;
      const returned = records.find((r) => r.offset > both.offset && member(r, 'billing-a') && member(r, 'billing-a')!.memberId !== before.memberId);
      if (returned && returned.generation === both.generation && member(returned, 'billing-b')?.memberId === member(both, 'billing-b')!.memberId) {
        return pass({ expected, actual: `billing-a replaced in generation ${returned.generation}` });
      }
      return fail(
        {
          ko: 'billing-a가 리밸런스 없이 static-demo에 돌아온 기록이 없습니다. 같은 group.instance.id로, 세션 타임아웃 안에 다시 띄워야 합니다.',
          en: 'billing-a never came back to static-demo without a rebalance: start it again with the same group.instance.id, within the session timeout.',
        },
        { expected, actual: returned ? `billing-a back in generation ${returned.generation} (was ${both.generation})` : 'billing-a never restarted' },
      );
    },
  },
  {
    id: 'new-demo-consumer-protocol',
    step: 'new-protocol',
    title: { ko: 'new-demo: group.protocol=consumer로 컨슈머 두 개가 함께 있었다', en: 'new-demo: two consumers together, with group.protocol=consumer' },
    verifies: {
      ko: '그룹 코디네이터의 기록(__consumer_offsets)에서 new-demo가 새 프로토콜(KIP-848)의 ConsumerGroupMetadata 레코드를 가졌는지, ConsumerGroupMemberMetadata 레코드로 새 프로토콜로 참여한 구성원이 동시에 둘 있었는지(떠난 구성원의 톰스톤까지 따라가며), 클래식 프로토콜로 참여한 구성원이 없는지 확인했습니다.',
      en: 'Read the group coordinator\'s record (__consumer_offsets): new-demo has the new protocol\'s (KIP-848) ConsumerGroupMetadata records, its ConsumerGroupMemberMetadata records (followed to the tombstones of members that left) show two members at once, and none of them joined with the classic protocol.',
    },
    hint: { ko: '두 컨슈머 모두에 `--command-property group.protocol=consumer`를 주세요. 하나라도 빠지면 그 컨슈머는 클래식 프로토콜로 참여합니다.', en: 'Give both consumers `--command-property group.protocol=consumer`: one without it joins with the classic protocol.' },
    async run(context) {
      const records = await coordinatorLog(context, 'new-demo');
      const expected = 'consumer group (KIP-848), 2 members at once';
      const memberRecords = records.filter((r) => r.kind === 'consumer-group' && r.record === 'member-metadata');
      if (!records.some((r) => r.kind === 'consumer-group' && r.record === 'metadata')) {
        const classic = records.find((r) => r.kind === 'group' && r.protocolType === 'consumer');
        return fail(
          classic
            ? { ko: `new-demo는 클래식 그룹입니다. 컨슈머들이 JoinGroup으로 참여했습니다(GroupMetadata 레코드, 할당자 ${classic.protocol ?? '없음'}).`, en: `new-demo is a classic group: its consumers joined with JoinGroup (GroupMetadata records, assignor ${classic.protocol ?? 'none'}).` }
            : { ko: 'new-demo에는 컨슈머가 참여한 적이 없습니다.', en: 'No consumer ever joined new-demo.' },
          { expected, actual: classic ? 'classic group' : 'no consumer joined' },
        );
      }
      const classicMembers = memberRecords.filter((r) => r.classicMember);
      if (classicMembers.length > 0) {
        return fail(
          { ko: 'new-demo에 클래식 프로토콜로 참여한 구성원이 있습니다. 그 컨슈머에는 group.protocol=consumer가 없었습니다.', en: 'A member of new-demo joined with the classic protocol: that consumer had no group.protocol=consumer.' },
          { expected, actual: `${new Set(classicMembers.map((r) => r.memberId)).size} classic member(s)` },
        );
      }
      // Follow the members in and out: a member-metadata record adds one, its tombstone removes it.
      const live = new Set<string>();
      let most = 0;
      for (const r of memberRecords) {
        if (r.tombstone) live.delete(r.memberId ?? '');
        else live.add(r.memberId ?? '');
        most = Math.max(most, live.size);
      }
      if (most < 2) {
        return fail(
          { ko: 'new-demo에는 구성원이 둘 함께 있었던 적이 없습니다. 첫 번째가 떠나기 전에 두 번째를 띄우세요.', en: 'new-demo never had two members at once: start the second consumer before the first one stops.' },
          { expected, actual: `at most ${most} member(s)` },
        );
      }
      return pass({ expected, actual: `consumer group, ${most} members at once` });
    },
  },
  {
    id: 'new-demo-type',
    step: 'new-protocol',
    title: { ko: 'new-demo의 그룹 타입을 읽었다', en: 'Read the type of new-demo' },
    verifies: {
      ko: '답을 그룹 코디네이터의 기록(__consumer_offsets)이 말하는 new-demo의 타입과 비교했습니다. ConsumerGroup 레코드가 있으면 Consumer, 클래식 GroupMetadata 레코드만 있으면 Classic입니다.',
      en: 'Compared the answer with the type of new-demo the group coordinator\'s record (__consumer_offsets) shows: Consumer when it has ConsumerGroup records, Classic when it has classic GroupMetadata records only.',
    },
    hint: { ko: '`kafka-consumer-groups --list --type`의 TYPE 열입니다.', en: 'The TYPE column of `kafka-consumer-groups --list --type`.' },
    async run(context) {
      const records = await coordinatorLog(context, 'new-demo');
      const type = records.some((r) => r.kind === 'consumer-group') ? 'Consumer' : records.some((r) => r.kind === 'group' && !r.tombstone) ? 'Classic' : undefined;
      const answer = context.answers['new-demo-type'] ?? '';
      if (!type) {
        return fail({ ko: 'new-demo라는 그룹이 없었습니다.', en: 'There was no group new-demo.' }, { expected: 'a group new-demo', actual: 'none' });
      }
      if (answer.toLowerCase() !== type.toLowerCase()) {
        return fail(
          { ko: '그룹 코디네이터의 기록이 말하는 new-demo의 타입과 다릅니다.', en: 'That is not the type the group coordinator\'s record gives new-demo.' },
          { expected: 'the TYPE --list --type shows', actual: answer || '(empty)' },
        );
      }
      return pass({ expected: type, actual: answer });
    },
  },
];
