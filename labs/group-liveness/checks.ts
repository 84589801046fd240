import { coordinatorLog, fail, pass, type CheckVerdict, type CoordinatorRecord, type ExerciseCheck, type ExerciseCheckContext } from '../../sandbox/lab-kit/index.ts';

/** A member the coordinator removed this long after last hearing from it was not stopped cleanly: its session expired. */
const SESSION_EXPIRY_SILENCE_S = 20;
/** A member that left cleanly commits in close() and leaves in the same moment. */
const CLEAN_EXIT_SILENCE_S = 5;

interface Departure {
  memberId: string;
  /** Seconds between the member's last sign of life (its join, or the group's last commit) and its removal. */
  silentSeconds: number;
}

interface Membership {
  joined: boolean;
  departures: Departure[];
  /** Members the coordinator still has. */
  current: string[];
}

/**
 * Who joined the group and how each one left, from the coordinator's own records: a classic group's metadata
 * lists the members of each generation, and the commits (every few seconds from an auto-committing consumer,
 * and once more in close()) show when the group last heard from them.
 */
function membership(records: CoordinatorRecord[]): Membership {
  const members = new Map<string, number>();
  const departures: Departure[] = [];
  let joined = false;
  let lastCommit = 0;
  for (const record of records) {
    if (record.tombstone) continue;
    if (record.kind === 'offset') lastCommit = record.timestamp;
    if (record.kind !== 'group' || record.protocolType !== 'consumer') continue;
    const now = new Set((record.members ?? []).map((m) => m.memberId));
    for (const [memberId, joinedAt] of members) {
      if (now.has(memberId)) continue;
      departures.push({ memberId, silentSeconds: (record.timestamp - Math.max(joinedAt, lastCommit)) / 1000 });
      members.delete(memberId);
    }
    for (const memberId of now) {
      if (!members.has(memberId)) members.set(memberId, record.timestamp);
      joined = true;
    }
  }
  return { joined, departures, current: [...members.keys()] };
}

async function groupMembership(context: ExerciseCheckContext, group: string): Promise<Membership | CheckVerdict> {
  const found = membership(await coordinatorLog(context, group));
  if (!found.joined) {
    return fail(
      { ko: `그룹 ${group}에 참여한 컨슈머가 없습니다. --group ${group}으로 컨슈머를 띄우세요.`, en: `No consumer ever joined ${group}: start one with --group ${group}.` },
      { expected: `a consumer that joined ${group}`, actual: 'none' },
    );
  }
  return found;
}

const seconds = (value: number) => value.toFixed(0);

export const checks: ExerciseCheck[] = [
  {
    id: 'billing-crashed',
    step: 'crash',
    title: { ko: 'billing의 멤버는 세션이 만료되어서야 사라졌다', en: "billing's member was removed only when its session expired" },
    verifies: {
      ko: '__consumer_offsets에서 그룹 코디네이터가 billing에 대해 쓴 레코드를 읽어, 멤버가 그룹에서 빠진 시각과 그 전에 마지막으로 소식(참여나 커밋)이 있던 시각의 차이가 20초 이상인지 확인했습니다.',
      en: "Read the group coordinator's records for billing in __consumer_offsets: the member was removed 20 s or more after the group last heard from it (its join or a commit).",
    },
    hint: {
      ko: '`kill -9`로 죽여야 컨슈머가 LeaveGroup을 보내지 못합니다. 그다음 멤버가 목록에서 사라질 때까지 기다렸다가 확인하세요.',
      en: 'Only `kill -9` keeps the consumer from sending LeaveGroup. Then wait until the member has gone from the list before you check.',
    },
    async run(context) {
      const found = await groupMembership(context, 'billing');
      if ('passed' in found) return found;
      const crash = found.departures.find((d) => d.silentSeconds >= SESSION_EXPIRY_SILENCE_S);
      const expected = `removed ≥ ${SESSION_EXPIRY_SILENCE_S} s after it was last heard from`;
      if (crash) return pass({ expected, actual: `removed ${seconds(crash.silentSeconds)} s after it was last heard from` });
      const left = found.departures[0];
      if (left) {
        return fail(
          {
            ko: `billing의 멤버는 마지막 소식 뒤 ${seconds(left.silentSeconds)}초 만에 빠졌습니다. LeaveGroup을 보내고 정상 종료한 것입니다. kill -9로 죽여 보세요.`,
            en: `billing's member left ${seconds(left.silentSeconds)} s after it was last heard from: it sent LeaveGroup and exited cleanly. Kill it with kill -9.`,
          },
          { expected, actual: `left after ${seconds(left.silentSeconds)} s` },
        );
      }
      return fail(
        {
          ko: 'billing의 컨슈머가 아직 그룹의 멤버입니다. 코디네이터는 session.timeout.ms(45초) 동안 기다립니다. --describe --members에서 사라진 뒤에 확인하세요.',
          en: "billing's consumer is still a member of the group: the coordinator waits session.timeout.ms (45 s). Check once --describe --members no longer lists it.",
        },
        { expected, actual: `${found.current.length} member(s) still in the group` },
      );
    },
  },
  {
    id: 'shipping-left-cleanly',
    step: 'clean',
    title: { ko: 'shipping의 멤버는 멈추자마자 그룹을 떠났다', en: "shipping's member left the group the moment it stopped" },
    verifies: {
      ko: '__consumer_offsets에서 그룹 코디네이터가 shipping에 대해 쓴 레코드를 읽어, 멤버가 마지막 커밋 뒤 5초 안에 그룹에서 빠졌고 남은 멤버가 없는지 확인했습니다.',
      en: "Read the group coordinator's records for shipping in __consumer_offsets: the member left within 5 s of its last commit, and no member is left.",
    },
    hint: {
      ko: 'Ctrl+C나 `-9` 없는 `kill`은 종료 훅을 실행해 close()가 LeaveGroup을 보냅니다.',
      en: 'Ctrl+C, or `kill` without `-9`, runs the shutdown hook, and close() sends LeaveGroup.',
    },
    async run(context) {
      const found = await groupMembership(context, 'shipping');
      if ('passed' in found) return found;
      const expected = `left ≤ ${CLEAN_EXIT_SILENCE_S} s after its last commit, no member left`;
      const expired = found.departures.find((d) => d.silentSeconds >= SESSION_EXPIRY_SILENCE_S);
      if (expired) {
        return fail(
          {
            ko: `shipping의 멤버는 마지막 소식 뒤 ${seconds(expired.silentSeconds)}초가 지나 세션 만료로 제거됐습니다. 강제 종료입니다. Ctrl+C나 -9 없는 kill로 멈추세요.`,
            en: `shipping's member was removed by the session timeout, ${seconds(expired.silentSeconds)} s after it was last heard from: a crash. Stop it with Ctrl+C or kill without -9.`,
          },
          { expected, actual: `removed after ${seconds(expired.silentSeconds)} s` },
        );
      }
      const clean = found.departures.find((d) => d.silentSeconds <= CLEAN_EXIT_SILENCE_S);
      if (clean && found.current.length === 0) return pass({ expected, actual: `left ${seconds(clean.silentSeconds)} s after its last commit` });
      return fail(
        {
          ko: 'shipping의 컨슈머가 아직 그룹의 멤버입니다. Ctrl+C나 -9 없는 kill로 멈추세요.',
          en: "shipping's consumer is still a member of the group: stop it with Ctrl+C or kill without -9.",
        },
        { expected, actual: `${found.current.length} member(s) still in the group` },
      );
    },
  },
];
