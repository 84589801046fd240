import type { ExerciseDefinition } from '../../sandbox/lab-kit/index.ts';

const server = '--bootstrap-server $BOOTSTRAP_SERVERS';
const groups = `kafka-consumer-groups ${server}`;
/** The console consumer logging at INFO (its rebalances), to a file given after it, in the background. */
const logged = `KAFKA_LOG4J_OPTS=-Dlog4j2.configurationFile=$HOME/info.properties kafka-console-consumer ${server} --topic events`;
const cooperative = '--command-property partition.assignment.strategy=org.apache.kafka.clients.consumer.CooperativeStickyAssignor';
const staticMember = (id: string): string => `kafka-console-consumer ${server} --topic events --group static-demo --command-property group.instance.id=${id} > /dev/null 2> ~/${id}.log &`;
const newProtocol = `${logged} --group new-demo --command-property group.protocol=consumer`;
/** Long enough for a console consumer's JVM to start and its group to settle, on a busy machine too. */
const settle = 'sleep 15';

export const exercise: ExerciseDefinition = {
  id: 'group-protocols',
  title: { ko: '리밸런스 프로토콜 비교: eager, 협력, 정적 멤버십, group.protocol=consumer', en: 'Rebalance protocols compared: eager, cooperative, static membership, group.protocol=consumer' },
  cluster: { nodes: 1 },
  steps: [
    {
      id: 'eager-cooperative',
      title: { ko: 'eager 리밸런스와 협력 리밸런스를 로그로 보기', en: 'An eager and a cooperative rebalance in the consumers\' logs' },
      body: [
        { ko: '파티션 6개짜리 토픽 `events`를 만드세요. 콘솔 도구는 경고만 찍으므로, 도구의 로그 설정을 INFO로 바꾼 사본을 `~/info.properties`에 만드세요: `sed \'s/rootLogger.level = WARN/rootLogger.level = INFO/\' /opt/kafka/config/tools-log4j2.properties > ~/info.properties`. 컨슈머 앞에 `KAFKA_LOG4J_OPTS=-Dlog4j2.configurationFile=$HOME/info.properties`를 붙이면 그 컨슈머만 INFO로 로그를 남깁니다.', en: 'Create a topic `events` with six partitions. The console tools log warnings only, so make a copy of the tools\' log configuration at INFO in `~/info.properties`: `sed \'s/rootLogger.level = WARN/rootLogger.level = INFO/\' /opt/kafka/config/tools-log4j2.properties > ~/info.properties`. Prefixed with `KAFKA_LOG4J_OPTS=-Dlog4j2.configurationFile=$HOME/info.properties`, a consumer logs at INFO, and only that one.' },
        { ko: '그룹 `eager-demo`에 기본 설정의 콘솔 컨슈머를 하나 백그라운드로 띄우고(`> /dev/null 2> ~/eager-1.log &`, `A=$!`로 PID를 기억), 파티션 여섯 개를 다 받으면 두 번째를 띄우세요(`B=$!`). 리밸런스가 끝나면 `grep -e Revoke -e \'Adding newly\' ~/eager-1.log`로 첫 번째 컨슈머가 무엇을 내려놓고 무엇을 받았는지 보고, `kill $A $B`로 둘 다 멈추세요.', en: 'Start a console consumer with default settings in the group `eager-demo` in the background (`> /dev/null 2> ~/eager-1.log &`, and `A=$!` to keep its PID), and once it owns all six partitions start a second one (`B=$!`). When the rebalance is over, see with `grep -e Revoke -e \'Adding newly\' ~/eager-1.log` what the first consumer gave up and what it got, then stop both with `kill $A $B`.' },
        { ko: '같은 일을 그룹 `coop-demo`로, 두 컨슈머 모두 `--command-property partition.assignment.strategy=org.apache.kafka.clients.consumer.CooperativeStickyAssignor`를 붙여 반복하세요. 두 번째가 들어왔을 때 첫 번째 컨슈머가 내려놓은(Revoke) 파티션을 아래에 적으세요.', en: 'Do the same in the group `coop-demo`, with `--command-property partition.assignment.strategy=org.apache.kafka.clients.consumer.CooperativeStickyAssignor` on both consumers. Write below the partitions the first consumer revoked when the second joined.' },
      ],
      hints: [
        { ko: '`A=$!`는 방금 백그라운드로 띄운 명령의 PID입니다. 같은 줄에 `... 2> ~/coop-1.log & A=$!`로 쓸 수 있습니다.', en: '`A=$!` is the PID of the command just started in the background; on one line: `... 2> ~/coop-1.log & A=$!`.' },
        { ko: '두 번째 컨슈머는 첫 번째가 파티션을 받은 뒤(`Adding newly assigned partitions`)에 띄우세요. 동시에 들어오면 둘이 한 번에 나눠 받아서 내려놓을 것이 없습니다.', en: 'Start the second consumer after the first has its partitions (`Adding newly assigned partitions`): if both join at once they share the partitions in one go and nothing is revoked.' },
        { ko: '답은 첫 번째 컨슈머의 로그 `Revoke previously assigned partitions [...]` 줄에 있습니다. 종료할 때 찍힌 마지막 Revoke 줄이 아니라, 두 번째가 들어온 직후의 줄입니다.', en: 'The answer is in the first consumer\'s `Revoke previously assigned partitions [...]` line: the one right after the second joined, not the last one, logged as it shut down.' },
      ],
      solution: [
        `kafka-topics ${server} --create --topic events --partitions 6`,
        "sed 's/rootLogger.level = WARN/rootLogger.level = INFO/' /opt/kafka/config/tools-log4j2.properties > ~/info.properties",
        `${logged} --group eager-demo > /dev/null 2> ~/eager-1.log & A=$!`,
        settle,
        `${logged} --group eager-demo > /dev/null 2> ~/eager-2.log & B=$!`,
        settle,
        "grep -e Revoke -e 'Adding newly' ~/eager-1.log",
        'kill $A $B',
        `${logged} --group coop-demo ${cooperative} > /dev/null 2> ~/coop-1.log & A=$!`,
        settle,
        `${logged} --group coop-demo ${cooperative} > /dev/null 2> ~/coop-2.log & B=$!`,
        settle,
        "grep -e Revoke -e 'Adding newly' ~/coop-1.log",
        `${groups} --describe --group coop-demo --state`,
        'kill $A $B',
      ],
      answers: [{ id: 'coop-revoked', label: { ko: 'coop-demo의 첫 번째 컨슈머가 내려놓은 파티션', en: 'Partitions the first consumer of coop-demo revoked' }, placeholder: 'events-?, events-?' }],
    },
    {
      id: 'static',
      title: { ko: '정적 구성원을 리밸런스 없이 재시작하기', en: 'Restart a static member without a rebalance' },
      body: [
        { ko: '그룹 `static-demo`에 `--command-property group.instance.id=billing-a`와 `group.instance.id=billing-b`를 준 컨슈머 두 개를 백그라운드로 띄우고(PID는 `A=$!`, `B=$!`), 자리를 잡으면 `--describe --members --verbose`로 GROUP-INSTANCE-ID와 파티션을 보세요.', en: 'Start two consumers in the group `static-demo` in the background, one with `--command-property group.instance.id=billing-a` and one with `group.instance.id=billing-b` (PIDs in `A=$!` and `B=$!`); once they have settled, look at GROUP-INSTANCE-ID and the partitions with `--describe --members --verbose`.' },
        { ko: '`kill $A`로 `billing-a`를 멈추고 바로 다시 describe 해 보세요. 그룹은 여전히 `billing-a`와 그 파티션을 보여 줍니다. 세션 타임아웃(45초) 안에 `billing-a`를 다시 띄우고 한 번 더 describe 하세요. CONSUMER-ID는 새것인데 파티션은 같고, `billing-b`는 그대로입니다. 끝나면 둘 다 멈추세요.', en: 'Stop `billing-a` with `kill $A` and describe again at once: the group still shows `billing-a` and its partitions. Start `billing-a` again within the session timeout (45 s) and describe once more: a new CONSUMER-ID, the same partitions, and `billing-b` untouched. Stop both when done.' },
      ],
      hints: [
        { ko: '정적 구성원은 닫힐 때 LeaveGroup을 보내지 않습니다. 그래서 멈춘 뒤에도 그룹에 남아 있습니다.', en: 'A static member sends no LeaveGroup when it closes: that is why it stays in the group after it stops.' },
        { ko: '다시 띄울 때도 같은 `group.instance.id=billing-a`를 주어야 예전 자리를 이어받습니다.', en: 'Start it again with the same `group.instance.id=billing-a`: that is what takes over its old place.' },
      ],
      solution: [
        `${staticMember('billing-a')} A=$!`,
        `${staticMember('billing-b')} B=$!`,
        settle,
        `${groups} --describe --group static-demo --members --verbose`,
        'kill $A',
        'sleep 3',
        `${groups} --describe --group static-demo --members --verbose`,
        `${staticMember('billing-a')} A=$!`,
        settle,
        `${groups} --describe --group static-demo --members --verbose`,
        'kill $A $B',
      ],
    },
    {
      id: 'new-protocol',
      title: { ko: 'group.protocol=consumer 그룹 돌려 보기', en: 'Run a group with group.protocol=consumer' },
      body: [
        { ko: '그룹 `new-demo`에 `--command-property group.protocol=consumer`를 준 컨슈머를 하나 띄우고(로그는 `~/new-1.log`, PID는 `A=$!`), 자리를 잡으면 두 번째를 띄우세요(`B=$!`). 이 프로토콜에서는 `partition.assignment.strategy`를 줄 수 없습니다. 할당은 브로커가 합니다.', en: 'Start a consumer in the group `new-demo` with `--command-property group.protocol=consumer` (log in `~/new-1.log`, PID in `A=$!`), and once it has settled a second one (`B=$!`). With this protocol `partition.assignment.strategy` cannot be set: the broker assigns.' },
        { ko: '`--describe --members --verbose`로 CURRENT-EPOCH와 TARGET-ASSIGNMENT를, `--describe --state`로 ASSIGNMENT-STRATEGY를 보고, `--list --type`으로 그룹마다 TYPE을 보세요. `grep -e Revok -e transitioned ~/new-1.log`로 첫 번째 컨슈머가 다시 참여(rejoin) 없이 파티션을 넘긴 과정도 보세요. `new-demo`의 TYPE을 아래에 적고, 두 컨슈머를 멈추세요.', en: 'Look at CURRENT-EPOCH and TARGET-ASSIGNMENT with `--describe --members --verbose`, at ASSIGNMENT-STRATEGY with `--describe --state`, and at each group\'s TYPE with `--list --type`. See with `grep -e Revok -e transitioned ~/new-1.log` how the first consumer handed partitions over without any rejoin. Write the TYPE of `new-demo` below, then stop both consumers.' },
      ],
      hints: [
        { ko: '`group.protocol`는 컨슈머 설정입니다. 두 컨슈머 모두에 `--command-property`로 주어야 합니다.', en: '`group.protocol` is a consumer setting: give it to both consumers with `--command-property`.' },
        { ko: '`kafka-consumer-groups --bootstrap-server $BOOTSTRAP_SERVERS --list --type`', en: '`kafka-consumer-groups --bootstrap-server $BOOTSTRAP_SERVERS --list --type`' },
      ],
      solution: [
        `${newProtocol} > /dev/null 2> ~/new-1.log & A=$!`,
        settle,
        `${newProtocol} > /dev/null 2> ~/new-2.log & B=$!`,
        settle,
        `${groups} --describe --group new-demo --members --verbose`,
        `${groups} --describe --group new-demo --state`,
        `${groups} --list --type`,
        "grep -e Revok -e transitioned ~/new-1.log",
        'kill $A $B',
      ],
      answers: [{ id: 'new-demo-type', label: { ko: '`--list --type`이 보여 준 new-demo의 TYPE', en: 'The TYPE `--list --type` showed for new-demo' } }],
    },
  ],
};
