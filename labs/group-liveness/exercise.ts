import type { ExerciseDefinition } from '../../sandbox/lab-kit/index.ts';

const consumer = 'kafka-console-consumer --bootstrap-server $BOOTSTRAP_SERVERS --topic invoices';
const members = (group: string) => `kafka-consumer-groups --bootstrap-server $BOOTSTRAP_SERVERS --describe --members --group ${group}`;

export const exercise: ExerciseDefinition = {
  id: 'group-liveness',
  title: { ko: '그룹 멤버십: 정상 종료와 강제 종료', en: 'Group membership: a clean exit and a crash' },
  cluster: { nodes: 1 },
  steps: [
    {
      id: 'crash',
      title: { ko: '컨슈머가 죽으면', en: 'When a consumer crashes' },
      body: [
        { ko: '토픽 `invoices`를 만들고 몇 줄 보내세요. 그룹 `billing`의 콘솔 컨슈머를 백그라운드에서 띄우고(`… > /dev/null 2>&1 &`), `--describe --members`에 멤버로 보일 때까지 기다리세요.', en: 'Create the topic `invoices` and send it a few lines. Start a console consumer of group `billing` in the background (`… > /dev/null 2>&1 &`) and wait until `--describe --members` lists it as a member.' },
        { ko: '이제 `kill -9 $!`로 프로세스를 죽이세요. LeaveGroup 요청을 보낼 틈이 없습니다. 몇 초마다 `--describe --members`를 다시 실행해, 멤버가 목록에서 사라질 때까지 얼마나 걸리는지 보세요.', en: 'Now kill the process with `kill -9 $!`: it gets no chance to send a LeaveGroup request. Run `--describe --members` every few seconds and see how long the member stays listed.' },
      ],
      hints: [
        { ko: '`$!`는 마지막으로 백그라운드에서 띄운 프로세스의 PID입니다. 콘솔 도구는 exec로 java를 띄우므로 그 PID가 곧 컨슈머입니다.', en: '`$!` is the PID of the last background process. The console tools exec java, so that PID is the consumer itself.' },
        { ko: '코디네이터는 session.timeout.ms(기본 45초) 동안 하트비트가 없어야 멤버를 내보냅니다.', en: 'The coordinator removes a member only after session.timeout.ms (45 s by default) without a heartbeat.' },
      ],
      solution: [
        'kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic invoices --partitions 3',
        "printf 'inv-1\\ninv-2\\ninv-3\\n' | kafka-console-producer --bootstrap-server $BOOTSTRAP_SERVERS --topic invoices",
        `${consumer} --group billing > /dev/null 2>&1 &`,
        'sleep 12',
        members('billing'),
        'kill -9 $!',
        'sleep 5',
        members('billing'),
        'sleep 50',
        members('billing'),
      ],
    },
    {
      id: 'clean',
      title: { ko: '컨슈머가 정상 종료하면', en: 'When a consumer exits cleanly' },
      body: [
        { ko: '이번에는 그룹 `shipping`의 컨슈머를 띄우고, 멤버로 보이면 정상 종료시키세요. 포그라운드라면 Ctrl+C, 백그라운드라면 `-9` 없는 `kill $!`(SIGTERM)입니다. 둘 다 컨슈머의 종료 훅이 close()를 불러 LeaveGroup을 보냅니다. 곧바로 `--describe --members`를 실행해 보세요.', en: 'This time start a consumer of group `shipping` and, once it is listed as a member, stop it cleanly: Ctrl+C in the foreground, or `kill $!` without `-9` (SIGTERM) in the background. Either way the consumer\'s shutdown hook calls close(), which sends LeaveGroup. Run `--describe --members` right away.' },
      ],
      hints: [
        { ko: 'SIGTERM과 Ctrl+C(SIGINT)는 JVM 종료 훅을 실행하지만, SIGKILL(-9)은 아무것도 실행하지 않습니다.', en: 'SIGTERM and Ctrl+C (SIGINT) run the JVM\'s shutdown hooks; SIGKILL (-9) runs nothing.' },
      ],
      solution: [
        `${consumer} --group shipping > /dev/null 2>&1 &`,
        'sleep 12',
        members('shipping'),
        'kill $!',
        'sleep 3',
        members('shipping'),
      ],
    },
  ],
};
