import { fail, printed, topicAbsent, topicShape, type ExerciseCheck } from '../../sandbox/lab-kit/index.ts';

export const checks: ExerciseCheck[] = [
  {
    id: 'welcome-topic-default',
    step: 'create-and-list',
    title: { ko: 'welcome-topic: 파티션 1개, 복제 팩터 1', en: 'welcome-topic: 1 partition, replication factor 1' },
    hint: { ko: '옵션 없이 만들면 브로커 기본값을 씁니다.', en: 'Created without options, it takes the broker defaults.' },
    run: (context) => topicShape(context, 'welcome-topic', { partitions: 1, replicationFactor: 1 }),
  },
  {
    id: 'orders-three-partitions',
    step: 'three-partitions',
    title: { ko: 'orders: 파티션 3개', en: 'orders: 3 partitions' },
    hint: { ko: '파티션 수는 늘릴 수만 있습니다. 잘못 만들었다면 지우고 다시 만드세요.', en: 'Partitions can only be added. If it came out wrong, delete it and create it again.' },
    run: (context) => topicShape(context, 'orders', { partitions: 3, replicationFactor: 1 }),
  },
  {
    id: 'payments-refused',
    step: 'replication-factor-too-large',
    title: { ko: '복제 팩터 2는 거절되고 payments는 없다', en: 'Replication factor 2 is refused and there is no payments' },
    hint: { ko: '`--replication-factor 2`로 payments를 만들어 보고 에러를 읽으세요.', en: 'Try creating payments with `--replication-factor 2` and read the error.' },
    async run(context) {
      const absent = await topicAbsent(context, 'payments');
      if (!absent.passed) return absent;
      return printed(context, /replication factor of 2 cannot be reached because only 1 broker/, {
        ko: '브로커가 1대뿐이라 복제 팩터 2를 맞출 수 없다는 에러',
        en: 'the error saying replication factor 2 cannot be reached with only 1 broker',
      });
    },
  },
  {
    id: 'scratch-deleted',
    step: 'delete',
    title: { ko: 'scratch를 만들었다가 지웠다', en: 'scratch was created, then deleted' },
    hint: { ko: '먼저 scratch를 만들고 나서 지워야 합니다.', en: 'Create scratch first, then delete it.' },
    async run(context) {
      const absent = await topicAbsent(context, 'scratch');
      if (!absent.passed) return absent;
      if (!/Created topic scratch\./.test(context.transcript)) {
        return fail({ ko: 'scratch를 만든 기록이 터미널에 없습니다.', en: 'The terminal shows no scratch being created.' }, { expected: 'Created topic scratch.' });
      }
      return absent;
    },
  },
  {
    id: 'orders-replicated',
    step: 'replication-factor-three',
    title: { ko: 'orders-replicated: 파티션 3개, 복제 팩터 3', en: 'orders-replicated: 3 partitions, replication factor 3' },
    hint: { ko: '브로커 세 대짜리 클러스터에서 만드세요.', en: 'Create it on the three-broker cluster.' },
    run: (context) => topicShape(context, 'orders-replicated', { partitions: 3, replicationFactor: 3 }),
  },
];
