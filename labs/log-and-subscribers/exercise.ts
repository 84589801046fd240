import type { ExerciseDefinition } from '../../sandbox/lab-kit/index.ts';

const producer = 'kafka-console-producer --bootstrap-server $BOOTSTRAP_SERVERS --topic signups';
const consumer = 'kafka-console-consumer --bootstrap-server $BOOTSTRAP_SERVERS --topic signups';

export const exercise: ExerciseDefinition = {
  id: 'log-and-subscribers',
  title: { ko: '하나의 로그, 여러 구독자', en: 'One log, many subscribers' },
  cluster: { nodes: 1 },
  steps: [
    {
      id: 'publish',
      title: { ko: '이벤트 발행하기', en: 'Publish events' },
      body: [
        { ko: '파티션 하나짜리 토픽 `signups`를 만들고, 가입 이벤트 `alice`, `bob`, `carol`을 이 순서로 한 줄씩 보내세요. Ctrl+D로 프로듀서를 끝냅니다.', en: 'Create a topic `signups` with one partition and send the signup events `alice`, `bob` and `carol`, one line each, in this order. Ctrl+D ends the producer.' },
      ],
      hints: [
        { ko: '`kafka-topics --create --topic signups --partitions 1`로 만든 뒤 `kafka-console-producer --topic signups`에 입력합니다.', en: 'Create it with `kafka-topics --create --topic signups --partitions 1`, then type into `kafka-console-producer --topic signups`.' },
      ],
      solution: [
        'kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic signups --partitions 1',
        producer,
        'alice',
        'bob',
        'carol',
        '^D',
      ],
    },
    {
      id: 'subscribe',
      title: { ko: '두 서비스가 같은 이벤트를 읽는다', en: 'Two services read the same events' },
      body: [
        { ko: '메일 서비스(그룹 `email-service`)와 분석 서비스(그룹 `analytics`)가 각자 `signups`를 처음부터 읽게 하세요. 한 그룹이 읽었다고 다른 그룹의 몫이 사라지나요?', en: 'Let an email service (group `email-service`) and an analytics service (group `analytics`) each read `signups` from the beginning. Does one group reading the events take them away from the other?' },
      ],
      hints: [
        { ko: '그룹마다 `--group 이름 --from-beginning --max-messages 3`으로 컨슈머를 한 번씩 실행하세요.', en: 'Run a consumer once per group with `--group <name> --from-beginning --max-messages 3`.' },
      ],
      solution: [
        `${consumer} --group email-service --from-beginning --max-messages 3`,
        `${consumer} --group analytics --from-beginning --max-messages 3`,
      ],
    },
    {
      id: 'resume',
      title: { ko: '각 그룹은 제자리에서 이어 읽는다', en: 'Each group resumes where it left off' },
      body: [
        { ko: '`dave`와 `erin`이 가입합니다. 두 이벤트를 보낸 뒤, 이번에는 `--from-beginning` 없이 `email-service`로만 읽으세요. 무엇이 보이나요?', en: '`dave` and `erin` sign up. Send the two events, then read with `email-service` only, this time without `--from-beginning`. What do you see?' },
        { ko: '`kafka-consumer-groups --describe --group analytics`로 분석 서비스가 아직 읽지 않은 레코드 수(LAG)를 읽어 적으세요.', en: 'With `kafka-consumer-groups --describe --group analytics`, read how many records the analytics service has not read yet (LAG) and write it down.' },
      ],
      hints: [
        { ko: '커밋된 오프셋이 있는 그룹은 `--from-beginning`을 무시하고 커밋된 위치부터 읽습니다.', en: 'A group with committed offsets ignores `--from-beginning` and reads from its committed position.' },
        { ko: 'LAG는 LOG-END-OFFSET에서 CURRENT-OFFSET을 뺀 값입니다.', en: 'LAG is LOG-END-OFFSET minus CURRENT-OFFSET.' },
      ],
      solution: [
        producer,
        'dave',
        'erin',
        '^D',
        `${consumer} --group email-service --max-messages 2`,
        'kafka-consumer-groups --bootstrap-server $BOOTSTRAP_SERVERS --describe --group analytics',
      ],
      answers: [{ id: 'analytics-lag', label: { ko: 'analytics 그룹의 LAG', en: 'The analytics group\'s LAG' }, placeholder: '0' }],
    },
  ],
};
