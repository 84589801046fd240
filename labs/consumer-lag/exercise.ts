import type { ExerciseDefinition } from '../../sandbox/lab-kit/index.ts';

const server = '--bootstrap-server $BOOTSTRAP_SERVERS';
const describe = (group: string) => `kafka-consumer-groups ${server} --describe --group ${group}`;
const consumer = `kafka-console-consumer ${server} --topic clicks-burst`;

export const exercise: ExerciseDefinition = {
  id: 'consumer-lag',
  title: { ko: '컨슈머 랙: 몰려드는 레코드와 느린 컨슈머', en: 'Consumer lag: a burst and a slow consumer' },
  cluster: { nodes: 1 },
  steps: [
    {
      id: 'burst',
      title: { ko: '랙이 치솟았다가 빠지는 것 보기', en: 'Watch lag rise and fall' },
      body: [
        {
          ko: '파티션 3개짜리 `clicks-burst`를 만들고, 컨슈머 그룹 `dashboard`로 이 토픽을 읽는 느린 컨슈머를 백그라운드에서 띄우세요. 콘솔 컨슈머의 출력을 레코드 하나에 30 ms씩 걸리는 반복문(`while read -r click; do sleep 0.03; done`)으로 넘기면, 초당 30건쯤 처리하는 컨슈머가 됩니다. 명령 끝의 `&`가 백그라운드로 돌립니다.',
          en: 'Create `clicks-burst` with three partitions and start a slow consumer of it in the consumer group `dashboard`, in the background: pipe the console consumer into a loop that takes 30 ms per record (`while read -r click; do sleep 0.03; done`), and it handles about 30 records a second. The `&` at the end runs it in the background.',
        },
        {
          ko: '컨슈머에 세 가지를 붙이세요. `--command-property max.poll.records=20`: 폴 한 번에 20건만 받습니다. 자동 커밋은 5초마다 하지만 폴 안에서만 일어나므로, 기본값 500이면 500건을 처리할 때마다 한 번씩만 폴하고 커밋합니다. `--from-beginning`: 커밋된 오프셋이 없을 때만 적용되므로, 컨슈머가 조금 늦게 참여해도 몰려온 레코드를 처음부터 읽습니다. `--max-messages 900`: 900건을 처리하면 스스로 끝납니다.',
          en: 'Give the consumer three options. `--command-property max.poll.records=20`: each poll hands over 20 records. Automatic commits happen every 5 seconds, but only inside a poll: with the default of 500 the consumer would poll, and commit, only once every 500 records. `--from-beginning`: it applies only while the group has no committed offset, so the consumer reads the burst from its start even if it joins a little late. `--max-messages 900`: it stops by itself once it has handled 900 records.',
        },
        {
          ko: '`kafka-producer-perf-test`로 1,000바이트짜리 레코드 900건을 한꺼번에(`--throughput -1`) 보내세요. 그다음 몇 초마다 `kafka-consumer-groups --describe --group dashboard`를 실행해 LAG가 치솟았다가 계단식으로 0까지 빠지는 것을 보세요. `wait`는 백그라운드 컨슈머가 끝날 때까지 기다립니다.',
          en: 'Send a burst of 900 records of 1,000 bytes at once (`--throughput -1`) with `kafka-producer-perf-test`. Then run `kafka-consumer-groups --describe --group dashboard` every few seconds and watch LAG jump, then fall in steps to 0. `wait` waits for the background consumer to finish.',
        },
      ],
      hints: [
        { ko: '파이프 전체가 하나의 백그라운드 작업입니다: `kafka-console-consumer ... | while read -r click; do sleep 0.03; done &`', en: 'The whole pipeline is one background job: `kafka-console-consumer ... | while read -r click; do sleep 0.03; done &`' },
        { ko: '`kafka-producer-perf-test --bootstrap-server $BOOTSTRAP_SERVERS --topic clicks-burst --num-records 900 --record-size 1000 --throughput -1`', en: '`kafka-producer-perf-test --bootstrap-server $BOOTSTRAP_SERVERS --topic clicks-burst --num-records 900 --record-size 1000 --throughput -1`' },
        { ko: '컨슈머를 `kill`로 일찍 멈추면 랙이 남습니다. 다 처리할 때까지 두세요.', en: 'Stopping the consumer early with `kill` leaves lag behind: let it handle everything.' },
      ],
      solution: [
        `kafka-topics ${server} --create --topic clicks-burst --partitions 3`,
        `${consumer} --group dashboard --from-beginning --max-messages 900 --command-property max.poll.records=20 | while read -r click; do sleep 0.03; done &`,
        describe('dashboard'),
        'kafka-producer-perf-test --bootstrap-server $BOOTSTRAP_SERVERS --topic clicks-burst --num-records 900 --record-size 1000 --throughput -1',
        describe('dashboard'),
        describe('dashboard'),
        'wait',
        describe('dashboard'),
      ],
    },
    {
      id: 'partway',
      title: { ko: '도중에 멈춘 그룹의 랙 읽기', en: 'Read the lag of a group that stopped partway' },
      body: [
        {
          ko: '새 컨슈머 그룹 `audit`으로 `clicks-burst`를 처음부터 읽되 250건에서 멈추세요(`--max-messages 250`). 레코드가 1,000바이트씩이니 출력은 `> /dev/null`로 버리세요. 콘솔 컨슈머는 끝날 때 실제로 출력한 레코드까지만 커밋합니다.',
          en: 'Read `clicks-burst` from the beginning in a new consumer group, `audit`, but stop after 250 records (`--max-messages 250`). The records are 1,000 bytes each: send the output to `> /dev/null`. On its way out the console consumer commits exactly the records it printed.',
        },
        {
          ko: '`--describe --group audit`으로 파티션마다 CURRENT-OFFSET, LOG-END-OFFSET, LAG를 보고 아래 질문에 답하세요. 그룹의 랙은 LAG 열의 합입니다.',
          en: 'Look at CURRENT-OFFSET, LOG-END-OFFSET and LAG per partition with `--describe --group audit`, and answer the questions below. A group\'s lag is the sum of the LAG column.',
        },
      ],
      hints: [
        { ko: '`kafka-console-consumer --bootstrap-server $BOOTSTRAP_SERVERS --topic clicks-burst --group audit --from-beginning --max-messages 250 > /dev/null`', en: '`kafka-console-consumer --bootstrap-server $BOOTSTRAP_SERVERS --topic clicks-burst --group audit --from-beginning --max-messages 250 > /dev/null`' },
        { ko: 'LAG는 LOG-END-OFFSET에서 CURRENT-OFFSET을 뺀 값입니다. 다른 열을 더하지 않았는지 보세요.', en: 'LAG is LOG-END-OFFSET minus CURRENT-OFFSET: make sure you added up the right column.' },
      ],
      solution: [`${consumer} --group audit --from-beginning --max-messages 250 > /dev/null`, describe('audit')],
      answers: [
        { id: 'audit-total-lag', label: { ko: 'audit의 전체 랙(모든 파티션의 LAG 합)', en: 'audit\'s total lag (LAG summed over its partitions)' }, placeholder: '0' },
        { id: 'audit-furthest-partition', label: { ko: 'audit이 가장 많이 뒤처진 파티션 번호', en: 'The partition where audit is furthest behind' }, placeholder: '0' },
        { id: 'audit-furthest-lag', label: { ko: '그 파티션의 LAG', en: 'That partition\'s LAG' }, placeholder: '0' },
      ],
    },
  ],
};
