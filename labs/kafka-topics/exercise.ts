import type { ExerciseDefinition } from '../../sandbox/lab-kit/index.ts';

const bs = 'kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS';

export const exercise: ExerciseDefinition = {
  id: 'kafka-topics',
  title: { ko: 'kafka-topics로 토픽 만들고 살펴보기', en: 'Creating and inspecting topics with kafka-topics' },
  cluster: { nodes: 1 },
  steps: [
    {
      id: 'create-and-list',
      title: { ko: '기본값으로 토픽 만들기', en: 'Create a topic with the defaults' },
      body: [
        { ko: '옵션 없이 `welcome-topic` 토픽을 만들고, `--list`로 토픽 목록을 확인하세요.', en: 'Create the topic `welcome-topic` without options, then list the topics with `--list`.' },
      ],
      hints: [
        { ko: '`kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic <이름>`', en: '`kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic <name>`' },
        { ko: '파티션 수와 복제 팩터를 주지 않으면 브로커의 `num.partitions`와 `default.replication.factor`(둘 다 1)를 씁니다.', en: 'Without partitions and replication factor, the broker\'s `num.partitions` and `default.replication.factor` (both 1) apply.' },
      ],
      solution: [`${bs} --create --topic welcome-topic`, `${bs} --list`],
    },
    {
      id: 'three-partitions',
      title: { ko: '파티션 3개짜리 토픽', en: 'A topic with three partitions' },
      body: [
        { ko: '파티션이 3개인 `orders` 토픽을 만들고 `--describe`로 파티션마다 리더, 레플리카, ISR을 읽어 보세요.', en: 'Create `orders` with three partitions and `--describe` it to read each partition\'s leader, replicas and ISR.' },
      ],
      hints: [{ ko: '`--partitions 3`을 붙입니다.', en: 'Add `--partitions 3`.' }],
      solution: [`${bs} --create --topic orders --partitions 3`, `${bs} --describe --topic orders`],
    },
    {
      id: 'replication-factor-too-large',
      title: { ko: '브로커보다 큰 복제 팩터', en: 'A replication factor larger than the cluster' },
      body: [
        { ko: '브로커가 한 대뿐인 이 클러스터에 `payments` 토픽을 `--replication-factor 2`로 만들어 보세요. 어떤 에러가 나오나요?', en: 'On this one-broker cluster, try to create `payments` with `--replication-factor 2`. Which error do you get?' },
      ],
      hints: [{ ko: '레플리카마다 서로 다른 브로커가 필요합니다.', en: 'Each replica needs a broker of its own.' }],
      solution: [`${bs} --create --topic payments --partitions 3 --replication-factor 2`],
    },
    {
      id: 'delete',
      title: { ko: '토픽 삭제', en: 'Delete a topic' },
      body: [
        { ko: '`scratch` 토픽을 만든 뒤 `--delete`로 지우고, `--list`에서 사라졌는지 확인하세요.', en: 'Create a topic `scratch`, delete it with `--delete`, and check that `--list` no longer shows it.' },
      ],
      hints: [{ ko: '`--delete --topic scratch`', en: '`--delete --topic scratch`' }],
      solution: [`${bs} --create --topic scratch`, `${bs} --delete --topic scratch`, `${bs} --list`],
    },
    {
      id: 'replication-factor-three',
      title: { ko: '브로커 세 대에서 복제 팩터 3', en: 'Replication factor 3 on three brokers' },
      body: [
        { ko: '브로커 세 대짜리 클러스터로 바꾼 뒤, 파티션 3개와 복제 팩터 3으로 `orders-replicated` 토픽을 만들고 describe하세요. 파티션마다 리더가 어떻게 다른지 보세요.', en: 'Switch to the three-broker cluster, create `orders-replicated` with three partitions and replication factor 3, and describe it. Notice how the leaders differ per partition.' },
      ],
      hints: [{ ko: '`--partitions 3 --replication-factor 3`', en: '`--partitions 3 --replication-factor 3`' }],
      solution: [`${bs} --create --topic orders-replicated --partitions 3 --replication-factor 3`, `${bs} --describe --topic orders-replicated`],
      cluster: { nodes: 3 },
    },
  ],
};
