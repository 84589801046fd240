import { consumerGroupOffsets, fail, groupCaughtUp, pass, readTopic, topicShape, type CheckVerdict, type ExerciseCheck, type ExerciseCheckContext } from '../../sandbox/lab-kit/index.ts';

const TOPIC = 'signups';
const FIRST = ['alice', 'bob', 'carol'];
const LATER = ['dave', 'erin'];

/** signups' values in log order (one partition), once its shape is right. */
async function logValues(context: ExerciseCheckContext): Promise<{ values: string[] } | { refused: CheckVerdict }> {
  const shape = await topicShape(context, TOPIC, { partitions: 1, replicationFactor: 1 });
  if (!shape.passed) return { refused: shape };
  return { values: (await readTopic(context.cluster, TOPIC)).map((r) => r.value ?? 'null') };
}

export const checks: ExerciseCheck[] = [
  {
    id: 'signups-in-order',
    step: 'publish',
    title: { ko: 'signups의 로그가 alice, bob, carol로 시작한다', en: "signups' log starts with alice, bob, carol" },
    verifies: {
      ko: '브로커에 signups의 메타데이터를 물어 파티션이 하나인지 보고, 레코드를 오프셋 순서대로 다시 읽어 처음 세 값이 alice, bob, carol인지 확인했습니다.',
      en: 'Asked the broker for the metadata of signups (one partition) and read its records back in offset order: the first three values are alice, bob, carol.',
    },
    hint: { ko: '프로듀서에 입력한 순서가 로그의 순서입니다.', en: 'The order you type lines into the producer is the order of the log.' },
    async run(context) {
      const log = await logValues(context);
      if ('refused' in log) return log.refused;
      const expected = FIRST.join(', ');
      const actual = log.values.slice(0, 3).join(', ') || 'no records';
      if (actual === expected) return pass({ expected, actual });
      return fail({ ko: `signups의 로그가 ${actual}(으)로 시작합니다.`, en: `signups' log starts with ${actual}.` }, { expected, actual });
    },
  },
  {
    id: 'both-groups-read',
    step: 'subscribe',
    title: { ko: 'email-service와 analytics가 각자 세 이벤트를 모두 읽었다', en: 'email-service and analytics each read all three events' },
    verifies: {
      ko: '브로커에 두 그룹이 컨슈머가 참여한 그룹인지(ListGroups: 프로토콜 타입 consumer)와 signups에 커밋한 오프셋(OffsetFetch)을 물어, 둘 다 3 이상인지 확인했습니다.',
      en: 'Asked the broker whether both groups are groups of consumers (ListGroups: protocol type consumer) and for their committed offsets on signups (OffsetFetch): 3 or more for each.',
    },
    hint: { ko: '그룹마다 컨슈머를 따로 실행하세요. 그룹 이름이 곧 서비스입니다.', en: 'Run a consumer for each group: the group name is the service.' },
    async run(context) {
      for (const group of ['email-service', 'analytics']) {
        const { committed, refused } = await consumerGroupOffsets(context, group, TOPIC);
        if (refused) return refused;
        const offset = committed.get(0) ?? 0;
        if (offset < FIRST.length) {
          return fail(
            { ko: `그룹 ${group}은(는) signups를 오프셋 ${offset}까지만 읽었습니다.`, en: `Group ${group} read signups only up to offset ${offset}.` },
            { expected: `${group} at 3 or more`, actual: `${group} at ${offset}` },
          );
        }
      }
      return pass({ expected: 'both groups at 3 or more', actual: 'both groups read the three events' });
    },
  },
  {
    id: 'email-service-resumed',
    step: 'resume',
    title: { ko: 'dave와 erin이 로그에 이어 붙었고, email-service가 끝까지 읽었다', en: 'dave and erin were appended, and email-service read to the end' },
    verifies: {
      ko: 'signups를 다시 읽어 오프셋 3과 4의 값이 dave와 erin인지 보고, email-service가 커밋한 오프셋(OffsetFetch)이 로그 끝 오프셋(ListOffsets)과 같은지 확인했습니다.',
      en: 'Read signups back (dave and erin at offsets 3 and 4) and compared email-service\'s committed offset (OffsetFetch) with the log end offset (ListOffsets).',
    },
    hint: { ko: '같은 그룹 이름으로 읽어야 그 그룹의 위치에서 이어집니다.', en: 'Only the same group name picks up from that group\'s position.' },
    async run(context) {
      const log = await logValues(context);
      if ('refused' in log) return log.refused;
      const expected = [...FIRST, ...LATER].join(', ');
      const actual = log.values.join(', ');
      if (actual !== expected) return fail({ ko: `signups의 로그: ${actual}`, en: `signups' log reads: ${actual}` }, { expected, actual });
      return groupCaughtUp(context, 'email-service', TOPIC);
    },
  },
  {
    id: 'analytics-lag',
    step: 'resume',
    title: { ko: 'analytics의 LAG를 읽어 냈다', en: "Read the analytics group's LAG" },
    verifies: {
      ko: '브로커에 analytics가 커밋한 오프셋(OffsetFetch)과 signups의 로그 끝 오프셋(ListOffsets)을 물어 그 차이를 답과 비교했습니다.',
      en: "Asked the broker for analytics' committed offset (OffsetFetch) and the log end offset of signups (ListOffsets), and compared the difference with the answer.",
    },
    hint: { ko: 'LAG 열은 그룹이 아직 읽지 않은 레코드 수입니다. analytics로는 새 이벤트를 읽지 마세요.', en: 'The LAG column is how many records the group has not read yet. Do not read the new events with analytics.' },
    async run(context) {
      const { committed, ends, refused } = await consumerGroupOffsets(context, 'analytics', TOPIC);
      if (refused) return refused;
      const lag = (ends.get(0) ?? 0) - (committed.get(0) ?? 0);
      const given = (context.answers['analytics-lag'] ?? '').trim();
      if (lag === 0) {
        return fail(
          { ko: 'analytics가 이미 끝까지 읽어 LAG가 0입니다. 새 이벤트는 email-service로만 읽으세요.', en: 'analytics has already read everything, so its LAG is 0: read the new events with email-service only.' },
          { actual: given },
        );
      }
      if (given === String(lag)) return pass({ actual: given });
      return fail({ ko: `"${given}"은(는) analytics의 LAG가 아닙니다.`, en: `"${given}" is not the analytics group's LAG.` }, { actual: given });
    },
  },
];
