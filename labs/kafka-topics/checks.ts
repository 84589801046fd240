import { creationRefusedForReplication, topicCreatedThenDeleted, topicShape, type ExerciseCheck } from '../../sandbox/lab-kit/index.ts';

/** What topicShape reads, said once for every topic it grades. */
const shapeVerified = (topic: string, partitions: number, replicas: number) => ({
  ko: `브로커에 ${topic}의 메타데이터를 물어(Metadata 요청) 파티션 ${partitions}개, 파티션마다 레플리카 ${replicas}개인지 확인했습니다.`,
  en: `Asked the broker for ${topic}'s metadata (a Metadata request): ${partitions} partition${partitions === 1 ? '' : 's'}, each with ${replicas} replica${replicas === 1 ? '' : 's'}.`,
});

export const checks: ExerciseCheck[] = [
  {
    id: 'welcome-topic-default',
    step: 'create-and-list',
    title: { ko: 'welcome-topic: 파티션 1개, 복제 팩터 1', en: 'welcome-topic: 1 partition, replication factor 1' },
    verifies: shapeVerified('welcome-topic', 1, 1),
    hint: { ko: '옵션 없이 만들면 브로커 기본값을 씁니다.', en: 'Created without options, it takes the broker defaults.' },
    run: (context) => topicShape(context, 'welcome-topic', { partitions: 1, replicationFactor: 1 }),
  },
  {
    id: 'orders-three-partitions',
    step: 'three-partitions',
    title: { ko: 'orders: 파티션 3개', en: 'orders: 3 partitions' },
    verifies: shapeVerified('orders', 3, 1),
    hint: { ko: '파티션 수는 늘릴 수만 있습니다. 잘못 만들었다면 지우고 다시 만드세요.', en: 'Partitions can only be added. If it came out wrong, delete it and create it again.' },
    run: (context) => topicShape(context, 'orders', { partitions: 3, replicationFactor: 1 }),
  },
  {
    id: 'payments-refused',
    step: 'replication-factor-too-large',
    title: { ko: '복제 팩터 2는 거절되고 payments는 없다', en: 'Replication factor 2 is refused and there is no payments' },
    verifies: {
      ko: '컨트롤러 로그에서 payments의 CreateTopics가 브로커 수보다 큰 복제 팩터 때문에 INVALID_REPLICATION_FACTOR로 거절된 줄을 찾고, 메타데이터 로그(__cluster_metadata)에 payments의 TopicRecord가 없으며 지금도 토픽이 없음을 확인했습니다.',
      en: 'Found the controller\'s log line refusing CreateTopics for payments with INVALID_REPLICATION_FACTOR (more replicas than brokers), and checked that the metadata log (__cluster_metadata) has no TopicRecord for payments and the topic does not exist.',
    },
    hint: { ko: '`--replication-factor 2`로 payments를 만들어 보고 에러를 읽으세요.', en: 'Try creating payments with `--replication-factor 2` and read the error.' },
    run: (context) => creationRefusedForReplication(context, 'payments'),
  },
  {
    id: 'scratch-deleted',
    step: 'delete',
    title: { ko: 'scratch를 만들었다가 지웠다', en: 'scratch was created, then deleted' },
    verifies: {
      ko: '메타데이터 로그(__cluster_metadata)에서 scratch의 TopicRecord와 같은 토픽 ID의 RemoveTopicRecord를 찾고, 브로커에 scratch가 없음을 확인했습니다.',
      en: 'Found scratch\'s TopicRecord and the RemoveTopicRecord of the same topic id in the metadata log (__cluster_metadata), and checked that the broker has no scratch.',
    },
    hint: { ko: '먼저 scratch를 만들고 나서 지워야 합니다.', en: 'Create scratch first, then delete it.' },
    run: (context) => topicCreatedThenDeleted(context, 'scratch'),
  },
  {
    id: 'orders-replicated',
    step: 'replication-factor-three',
    title: { ko: 'orders-replicated: 파티션 3개, 복제 팩터 3', en: 'orders-replicated: 3 partitions, replication factor 3' },
    verifies: shapeVerified('orders-replicated', 3, 3),
    hint: { ko: '브로커 세 대짜리 클러스터에서 만드세요.', en: 'Create it on the three-broker cluster.' },
    run: (context) => topicShape(context, 'orders-replicated', { partitions: 3, replicationFactor: 3 }),
  },
];
