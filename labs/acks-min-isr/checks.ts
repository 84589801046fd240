import { entityConfigs, outputLines, partitionReplicas, readTopic, fail, pass, type LabCheck } from '../../sandbox/lab-kit/index.ts';
import { TOPIC } from './lab.ts';

export const PAYMENTS = 80;

const acknowledged = (stdout: string) =>
  outputLines(stdout).flatMap((line) => /^acked (payment-\d+)$/.exec(line)?.slice(1) ?? []);

export const checks: LabCheck[] = [
  {
    id: 'all-acknowledged',
    title: { ko: `장애를 견디고 결제 ${PAYMENTS}건이 모두 확인(ack)됐다`, en: `All ${PAYMENTS} payments were acknowledged despite the outage` },
    hint: {
      ko: 'NOT_ENOUGH_REPLICAS는 재시도할 수 있는 오류입니다. producer의 retry 설정이 send()가 포기하기까지의 시간을 정하니, 장애(6초와 브로커 재시작)보다 오래 버티게 하세요.',
      en: "NOT_ENOUGH_REPLICAS is retriable. The producer's retry settings decide how long send() keeps trying before it gives up: make them outlast the outage (6 s plus the broker's restart).",
    },
    points: 3,
    async run({ program }) {
      const acked = new Set(acknowledged(program.stdout));
      const actual = `${acked.size} of ${PAYMENTS} acknowledged, exit code ${program.exitCode}`;
      if (acked.size === PAYMENTS && program.exitCode === 0) return pass({ expected: `${PAYMENTS} of ${PAYMENTS}, exit code 0`, actual });
      return fail(
        { ko: `확인된 결제가 ${PAYMENTS}건 중 ${acked.size}건이고, 종료 코드는 ${program.exitCode}입니다.`, en: `Only ${acked.size} of ${PAYMENTS} payments were acknowledged; the exit code was ${program.exitCode}.` },
        { expected: `${PAYMENTS} of ${PAYMENTS}, exit code 0`, actual },
      );
    },
  },
  {
    id: 'nothing-lost',
    title: { ko: '확인된 결제는 하나도 빠짐없이 토픽에 있다', en: 'Every acknowledged payment is in the topic' },
    hint: { ko: '"acked payment-N"은 send()가 성공한 뒤에만 출력하세요.', en: 'Print "acked payment-N" only after send() has succeeded.' },
    points: 3,
    async run({ cluster, program }) {
      const stored = new Set((await readTopic(cluster, TOPIC)).map((r) => r.value));
      const acked = acknowledged(program.stdout);
      const lost = acked.filter((value) => !stored.has(value));
      if (acked.length > 0 && lost.length === 0) return pass({ expected: 'all acknowledged stored', actual: `${acked.length} stored` });
      const actual = acked.length === 0 ? 'nothing acknowledged' : `lost: ${lost.join(', ')}`;
      return fail({ ko: `확인됐지만 토픽에 없는 결제: ${actual}`, en: `Acknowledged but not in the topic: ${actual}` }, { expected: 'all acknowledged stored', actual });
    },
  },
  {
    id: 'refused-below-min-isr',
    title: { ko: '복제본이 하나뿐인 동안에는 아무것도 확인되지 않았다', en: 'Nothing was acknowledged while only one replica was in sync' },
    hint: {
      ko: 'min.insync.replicas는 acks=all(-1)일 때만 적용됩니다. acks=1이면 리더 혼자 가진 레코드도 확인됩니다.',
      en: 'min.insync.replicas applies only to acks=all (-1). With acks=1 a record held by the leader alone is acknowledged.',
    },
    points: 3,
    async run({ cluster, outages }) {
      const outage = outages[0];
      if (!outage) {
        return fail(
          { ko: '프로그램이 브로커가 멈추기 전에 끝났습니다. 결제를 100 ms 간격으로 보내세요.', en: 'The program ended before the broker stopped. Send the payments 100 ms apart.' },
          { expected: 'running during the outage', actual: 'ended before it' },
        );
      }
      const end = outage.restartedAt ?? Date.now();
      // LogAppendTime: the leader stamped each record when it appended it.
      const during = (await readTopic(cluster, TOPIC)).filter((r) => r.timestamp >= outage.stoppedAt && r.timestamp < end);
      const expected = `0 records appended during the ${((end - outage.stoppedAt) / 1000).toFixed(1)} s outage`;
      if (during.length === 0) return pass({ expected, actual: '0' });
      const actual = `${during.length}: ${during[0]!.value} … ${during.at(-1)!.value}`;
      return fail(
        { ko: `브로커 ${outage.nodeId}가 멈춘 동안 복제본 하나에만 ${during.length}건이 기록되고 확인됐습니다.`, en: `${during.length} records were appended while only one replica was in sync (broker ${outage.nodeId} was down).` },
        { expected, actual },
      );
    },
  },
  {
    id: 'topic-untouched',
    title: { ko: 'payments 토픽의 복제 설정을 바꾸지 않았다', en: 'The payments topic keeps its replication settings' },
    hint: { ko: 'min.insync.replicas를 낮추면 실험의 의미가 없어집니다.', en: 'Lowering min.insync.replicas defeats the experiment.' },
    points: 1,
    hidden: true,
    async run({ cluster }) {
      const [configs, partitions] = await Promise.all([entityConfigs(cluster, { type: 'topic', name: TOPIC }, ['min.insync.replicas']), partitionReplicas(cluster, TOPIC)]);
      const minIsr = configs.get('min.insync.replicas');
      const replicas = partitions[0]?.replicas.length ?? 0;
      const expected = 'min.insync.replicas=2 (topic), 2 replicas';
      const actual = `min.insync.replicas=${minIsr?.value} (${minIsr?.source}), ${replicas} replicas`;
      if (actual === expected) return pass({ expected, actual });
      return fail({ ko: `토픽 설정이 바뀌었습니다: ${actual}`, en: `The topic's settings were changed: ${actual}` }, { expected, actual });
    },
  },
];
