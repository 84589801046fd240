import type { ExerciseDefinition } from '../../sandbox/lab-kit/index.ts';

const quorum = 'kafka-metadata-quorum --bootstrap-server kafka-1:9092 describe';
const dumpLog = 'kafka-dump-log --cluster-metadata-decoder --files /var/lib/kafka/data/__cluster_metadata-0/00000000000000000000.log';

export const exercise: ExerciseDefinition = {
  id: 'controller-failover',
  title: { ko: '액티브 컨트롤러 장애와 새 컨트롤러 찾기', en: 'Finding the new active controller after a failover' },
  cluster: { nodes: 3 },
  steps: [
    {
      id: 'read-quorum',
      title: { ko: '쿼럼 읽기: 액티브 컨트롤러와 에포크', en: 'Read the quorum: the active controller and its epoch' },
      body: [
        { ko: '이 클러스터는 브로커와 컨트롤러를 겸하는 노드 세 대(kafka-1, kafka-2, kafka-3)로 되어 있고, 셸은 kafka-1 안에서 돕니다. `kafka-metadata-quorum describe --status`로 쿼럼을 읽으세요.', en: 'This cluster has three combined broker and controller nodes (kafka-1, kafka-2, kafka-3), and your shell runs inside kafka-1. Read the quorum with `kafka-metadata-quorum describe --status`.' },
        { ko: '`describe --replication`으로 노드마다 LogEndOffset과 Status(Leader, Follower)도 보세요. 지금 액티브 컨트롤러는 어느 노드이고, 그 리더 에포크는 몇인가요?', en: 'Look at each node\'s LogEndOffset and Status (Leader, Follower) with `describe --replication` too. Which node is the active controller now, and what is its leader epoch?' },
      ],
      hints: [
        { ko: '`--bootstrap-server kafka-1:9092`처럼 아무 브로커에 물어도 됩니다. 답은 `LeaderId`와 `LeaderEpoch` 줄에 있습니다.', en: 'Any broker answers, e.g. `--bootstrap-server kafka-1:9092`. The answer is in the `LeaderId` and `LeaderEpoch` lines.' },
        { ko: '셸이 kafka-1에서 돈다고 kafka-1이 컨트롤러인 것은 아닙니다. `--replication`에서 Status가 Leader인 노드를 보세요.', en: 'Your shell running in kafka-1 does not make kafka-1 the controller: look for the node whose Status is Leader in `--replication`.' },
      ],
      solution: [`${quorum} --status`, `${quorum} --replication`],
      answers: [
        { id: 'leader-before', label: { ko: '액티브 컨트롤러의 노드 id (LeaderId)', en: 'The active controller\'s node id (LeaderId)' }, placeholder: 'LeaderId' },
        { id: 'epoch-before', label: { ko: '그 리더 에포크 (LeaderEpoch)', en: 'Its leader epoch (LeaderEpoch)' }, placeholder: 'LeaderEpoch' },
      ],
    },
    {
      id: 'metadata-log',
      title: { ko: '메타데이터 로그에서 내 토픽의 레코드 찾기', en: 'Find your topic\'s records in the metadata log' },
      body: [
        { ko: '파티션 3개, 복제 계수 3인 토픽 `failover-demo`를 만드세요.', en: 'Create the topic `failover-demo` with three partitions and replication factor 3.' },
        { ko: '`kafka-dump-log --cluster-metadata-decoder`로 `/var/lib/kafka/data/__cluster_metadata-0/00000000000000000000.log`를 디코드해, 토픽 생성이 남긴 `TOPIC_RECORD`와 파티션마다의 `PARTITION_RECORD`를 찾으세요. `TOPIC_RECORD`는 메타데이터 로그의 몇 번 오프셋에 있나요?', en: 'Decode `/var/lib/kafka/data/__cluster_metadata-0/00000000000000000000.log` with `kafka-dump-log --cluster-metadata-decoder` and find the `TOPIC_RECORD` the creation wrote and the `PARTITION_RECORD` of each partition. At which offset of the metadata log is the `TOPIC_RECORD`?' },
      ],
      hints: [
        { ko: '출력이 깁니다. `| grep failover-demo`로 토픽 이름이 든 줄만 보세요. `PARTITION_RECORD`에는 이름 대신 `topicId`가 있습니다.', en: 'The output is long: `| grep failover-demo` keeps the lines that name the topic. A `PARTITION_RECORD` carries the `topicId`, not the name.' },
        { ko: '오프셋은 `| offset:` 뒤의 숫자입니다.', en: 'The offset is the number after `| offset:`.' },
      ],
      solution: [
        'kafka-topics --bootstrap-server kafka-1:9092 --create --topic failover-demo --partitions 3 --replication-factor 3',
        `${dumpLog} | grep failover-demo`,
      ],
      answers: [{ id: 'topic-record-offset', label: { ko: 'failover-demo의 TOPIC_RECORD 오프셋', en: 'Offset of failover-demo\'s TOPIC_RECORD' }, placeholder: 'offset' }],
    },
    {
      id: 'failover',
      title: { ko: '액티브 컨트롤러를 멈추고 새 컨트롤러 찾기', en: 'Stop the active controller and find the new one' },
      body: [
        { ko: '아래 버튼으로 플랫폼에 액티브 컨트롤러를 멈춰 달라고 하세요. 셸에서는 할 수 없습니다. 셸은 브로커의 프로세스에 신호를 보낼 수 없는 사용자로 돕니다.', en: 'Ask the platform to stop the active controller with the button below: your shell cannot, as it runs as a user who may not signal the broker\'s processes.' },
        { ko: '`describe --status`를 다시 실행해 새 액티브 컨트롤러와 그 에포크를 찾으세요. 그다음 메타데이터 로그에서 이번 선거의 `LeaderChange` 레코드를 찾으세요. 새 리더가 자기 에포크에서 가장 먼저 쓰는 컨트롤 레코드입니다. 그 오프셋은 몇인가요? 바로 위 배치 줄의 `partitionLeaderEpoch`도 보세요.', en: 'Run `describe --status` again to find the new active controller and its epoch. Then find this election\'s `LeaderChange` record in the metadata log: the control record a new leader writes first in its epoch. At which offset is it? Look at `partitionLeaderEpoch` on the batch line just above it too.' },
      ],
      hints: [
        { ko: '`| grep -B1 LeaderChange`는 LeaderChange 레코드마다 그 배치 줄을 함께 보여 줍니다. 클러스터의 첫 선거도 로그에 남아 있으니 가장 마지막 것을 보세요.', en: '`| grep -B1 LeaderChange` shows each LeaderChange record with its batch line. The cluster\'s first election is in the log too: look at the last one.' },
        { ko: '에포크는 선거마다 적어도 하나씩 올라갑니다. 아무도 이기지 못한 투표가 있었다면 그 이상 오릅니다.', en: 'The epoch goes up by at least one with every election, and by more when a round of voting had no winner.' },
      ],
      action: { kind: 'stop-active-controller' },
      solution: [`${quorum} --status`, `${dumpLog} | grep -B1 LeaderChange`],
      answers: [
        { id: 'leader-after', label: { ko: '새 액티브 컨트롤러의 노드 id', en: 'The new active controller\'s node id' }, placeholder: 'LeaderId' },
        { id: 'epoch-after', label: { ko: '새 리더 에포크', en: 'The new leader epoch' }, placeholder: 'LeaderEpoch' },
        { id: 'leader-change-offset', label: { ko: '이번 선거의 LeaderChange 레코드 오프셋', en: 'Offset of this election\'s LeaderChange record' }, placeholder: 'offset' },
      ],
    },
    {
      id: 'rejoin',
      title: { ko: '멈춘 노드를 다시 시작해 팔로워로 돌아오는 것 보기', en: 'Start the stopped node and watch it rejoin as a follower' },
      body: [
        { ko: '아래 버튼으로 멈춘 노드를 다시 시작하세요. `describe --replication`으로 그 노드가 Follower로 돌아와 LogEndOffset이 리더를 따라잡는지 보세요. 옛 리더라도 리더 자리를 되찾지 않습니다. 새 리더의 에포크가 더 높기 때문입니다.', en: 'Start the stopped node again with the button below. Watch with `describe --replication` that it is back as a Follower and that its LogEndOffset catches up with the leader\'s. Being the old leader does not give it the leadership back: the new leader\'s epoch is higher.' },
      ],
      hints: [{ ko: '노드가 막 시작했다면 몇 초 뒤에 다시 보세요. 따라잡는 데 조금 걸립니다.', en: 'If the node has only just started, look again a few seconds later: catching up takes a moment.' }],
      action: { kind: 'start-stopped-nodes' },
      solution: [`${quorum} --replication`],
    },
  ],
};
