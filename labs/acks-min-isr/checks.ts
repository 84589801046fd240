import {
  entityConfigs, outputLines, partitionReplicas, produceAttempts, readTopic, fail, pass,
  type CheckContext, type LabCheck, type OutageRecord,
} from '../../sandbox/lab-kit/index.ts';
import { TOPIC } from './lab.ts';

export const PAYMENTS = 80;
const ALL_PAYMENTS = Array.from({ length: PAYMENTS }, (_, i) => `payment-${i + 1}`);

/** What the program printed as acknowledged: evidence of its claims, never proof of what the broker did. */
const printedAcks = (stdout: string) =>
  outputLines(stdout).flatMap((line) => /^acked (payment-\d+)$/.exec(line)?.slice(1) ?? []);

const outageWindow = (outage: OutageRecord) => ({ from: outage.stoppedAt, to: outage.restartedAt ?? Date.now() });

const noOutage = fail(
  { ko: '프로그램이 브로커가 멈추기 전에 끝났습니다. 결제를 100 ms 간격으로 보내세요.', en: 'The program ended before the broker stopped. Send the payments 100 ms apart.' },
  { expected: 'running during the outage', actual: 'ended before it' },
);

/** The program's produce requests to payments, as the brokers logged them. */
const produced = ({ requests }: CheckContext) => produceAttempts(requests, TOPIC);

export const checks: LabCheck[] = [
  {
    id: 'all-acknowledged',
    title: { ko: `장애를 견디고 결제 ${PAYMENTS}건이 모두 토픽에 들어갔다`, en: `All ${PAYMENTS} payments got into the topic despite the outage` },
    verifies: {
      ko: `payments 토픽을 브로커에서 끝까지 읽어 payment-1 … payment-${PAYMENTS}가 모두 있는지, 프로그램이 종료 코드 0으로 끝났는지 확인했습니다.`,
      en: `Read payments back from the broker and looked for every one of payment-1 … payment-${PAYMENTS}, and checked that the program exited with code 0.`,
    },
    hint: {
      ko: 'NOT_ENOUGH_REPLICAS는 재시도할 수 있는 오류입니다. producer의 retry 설정이 send()가 포기하기까지의 시간을 정하니, 장애(몇 초에서 십수 초와 브로커 재시작)보다 오래 버티게 하세요.',
      en: "NOT_ENOUGH_REPLICAS is retriable. The producer's retry settings decide how long send() keeps trying before it gives up: make them outlast an outage (several seconds, maybe more, plus the broker's restart).",
    },
    points: 3,
    async run({ cluster, program }) {
      const stored = new Set((await readTopic(cluster, TOPIC)).map((r) => r.value));
      const missing = ALL_PAYMENTS.filter((value) => !stored.has(value));
      const expected = `${PAYMENTS} of ${PAYMENTS} stored, exit code 0`;
      const actual = `${PAYMENTS - missing.length} of ${PAYMENTS} stored, exit code ${program.exitCode}`;
      if (missing.length === 0 && program.exitCode === 0) return pass({ expected, actual });
      const first = missing.length > 0 ? ` (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''})` : '';
      return fail(
        {
          ko: `결제 ${PAYMENTS}건 중 ${PAYMENTS - missing.length}건만 토픽에 있고${first}, 종료 코드는 ${program.exitCode}입니다.`,
          en: `Only ${PAYMENTS - missing.length} of ${PAYMENTS} payments are in the topic${first}; the exit code was ${program.exitCode}.`,
        },
        { expected, actual },
      );
    },
  },
  {
    id: 'nothing-lost',
    title: { ko: '확인됐다고 출력한 결제는 하나도 빠짐없이 토픽에 있다', en: 'Every payment reported acknowledged is in the topic' },
    verifies: {
      ko: '프로그램이 "acked payment-N"이라고 출력한 결제를 하나하나 브로커에서 읽은 payments 토픽과 대조했습니다.',
      en: 'Compared every payment the program printed as "acked payment-N" with the records read back from payments on the broker.',
    },
    hint: { ko: '"acked payment-N"은 send()가 성공한 뒤에만 출력하세요.', en: 'Print "acked payment-N" only after send() has succeeded.' },
    points: 3,
    async run({ cluster, program }) {
      const stored = new Set((await readTopic(cluster, TOPIC)).map((r) => r.value));
      const acked = printedAcks(program.stdout);
      const lost = acked.filter((value) => !stored.has(value));
      if (acked.length > 0 && lost.length === 0) return pass({ expected: 'all acknowledged stored', actual: `${acked.length} stored` });
      if (acked.length === 0) {
        return fail({ ko: '프로그램이 확인(ack)된 결제를 하나도 출력하지 않았습니다.', en: 'The program printed no acknowledged payment.' }, { expected: 'all acknowledged stored', actual: 'nothing acknowledged' });
      }
      const actual = `lost: ${lost.join(', ')}`;
      return fail(
        { ko: `확인됐다고 출력했지만 토픽에 없는 결제: ${lost.join(', ')}`, en: `Acknowledged but not in the topic: ${actual}` },
        {
          expected: 'all acknowledged stored',
          actual,
          contradiction: { ko: `${lost.length}건을 확인됐다고 출력했지만 토픽에 없습니다.`, en: `printed ${lost.length} acknowledgement(s) for payments the topic does not hold` },
        },
      );
    },
  },
  {
    id: 'acks-all',
    title: { ko: '모든 전송 요청이 acks=all(-1)이었다', en: 'Every produce request asked for acks=all (-1)' },
    verifies: {
      ko: '브로커의 요청 로그(kafka.request.logger)에서 프로그램이 payments로 보낸 PRODUCE 요청마다 acks 값을 읽었습니다.',
      en: "Read the acks field of every PRODUCE request the program sent to payments from the brokers' own request log (kafka.request.logger).",
    },
    hint: {
      ko: 'min.insync.replicas는 acks=all(-1)일 때만 적용됩니다. send()에 acks: -1을 주세요.',
      en: 'min.insync.replicas applies only to acks=all (-1). Pass acks: -1 to send().',
    },
    points: 2,
    async run(context) {
      const attempts = produced(context);
      const byAcks = Map.groupBy(attempts, (a) => a.acks);
      const actual = [...byAcks].map(([acks, list]) => `${list.length} with acks=${acks}`).join(', ') || 'no produce request';
      if (attempts.length > 0 && byAcks.size === 1 && byAcks.has(-1)) return pass({ expected: 'acks=-1 on every request', actual });
      if (attempts.length === 0) {
        return fail({ ko: '브로커가 payments로 온 전송 요청을 하나도 받지 못했습니다.', en: 'The brokers received no produce request for payments.' }, { expected: 'acks=-1 on every request', actual });
      }
      const other = attempts.filter((a) => a.acks !== -1);
      return fail(
        {
          ko: `브로커가 받은 payments 전송 요청 중 ${other.length}건이 acks=${other[0]!.acks}였습니다.`,
          en: `The brokers received ${other.length} produce request(s) for payments with acks=${other[0]!.acks}.`,
        },
        { expected: 'acks=-1 on every request', actual },
      );
    },
  },
  {
    id: 'refused-below-min-isr',
    title: { ko: '복제본이 하나뿐인 동안에는 아무것도 기록되지 않았다', en: 'Nothing was written while only one replica was in sync' },
    verifies: {
      ko: 'payments는 LogAppendTime 토픽이라 리더가 기록한 시각이 레코드에 남습니다. 모든 레코드의 그 시각을 팔로워가 멈춘 구간과 비교했습니다.',
      en: 'payments uses LogAppendTime, so each record carries the time the leader appended it: compared every record\'s append time with the window the follower was down.',
    },
    hint: {
      ko: 'min.insync.replicas는 acks=all(-1)일 때만 적용됩니다. acks=1이면 리더 혼자 가진 레코드도 확인됩니다.',
      en: 'min.insync.replicas applies only to acks=all (-1). With acks=1 a record held by the leader alone is acknowledged.',
    },
    points: 3,
    async run({ cluster, outages }) {
      const outage = outages[0];
      if (!outage) return noOutage;
      const { from, to } = outageWindow(outage);
      const during = (await readTopic(cluster, TOPIC)).filter((r) => r.timestamp >= from && r.timestamp < to);
      const expected = `0 records appended during the ${((to - from) / 1000).toFixed(1)} s outage`;
      if (during.length === 0) return pass({ expected, actual: '0' });
      const actual = `${during.length}: ${during[0]!.value} … ${during.at(-1)!.value}`;
      return fail(
        { ko: `브로커 ${outage.nodeId}가 멈춘 동안 복제본 하나에만 ${during.length}건이 기록되고 확인됐습니다.`, en: `${during.length} records were appended while only one replica was in sync (broker ${outage.nodeId} was down).` },
        { expected, actual },
      );
    },
  },
  {
    id: 'sent-through-the-outage',
    title: { ko: '장애가 시작된 뒤에도 결제를 보냈다', en: 'Payments kept coming through the outage' },
    verifies: {
      ko: 'payments 레코드마다 리더가 기록한 시각(LogAppendTime)을 팔로워가 멈춘 구간과 비교해, 팔로워가 돌아온 뒤에 기록된 결제가 있는지 확인했습니다(장애 동안 보낸 결제는 재시도 끝에 그때 기록됩니다).',
      en: "Compared each payments record's append time (LogAppendTime) with the window the follower was down, and looked for payments written after it was back (the sends that met the outage are retried until then).",
    },
    hint: {
      ko: '장애를 피해 가지 말고 견디세요. 결제를 100 ms 간격으로 보내면, 팔로워가 멈춘 동안의 전송은 재시도 끝에 팔로워가 돌아온 뒤 기록됩니다.',
      en: 'Survive the outage rather than avoid it: send the payments 100 ms apart, and the sends that meet the outage are retried until the follower is back.',
    },
    points: 2,
    async run({ cluster, outages }) {
      const outage = outages[0];
      if (!outage) return noOutage;
      const { to } = outageWindow(outage);
      const records = await readTopic(cluster, TOPIC);
      const after = records.filter((r) => r.timestamp >= to).length;
      const expected = 'payments written after the follower was back';
      const actual = `${records.length - after} before, ${after} after`;
      if (after > 0) return pass({ expected, actual });
      return fail(
        {
          ko: `모든 결제가 브로커 ${outage.nodeId}이(가) 멈추기 전에 기록됐습니다. 프로그램은 장애 동안 아무것도 보내지 않았습니다.`,
          en: `Every payment was written before broker ${outage.nodeId} stopped: the program sent nothing through the outage.`,
        },
        { expected, actual },
      );
    },
  },
  {
    id: 'topic-untouched',
    title: { ko: 'payments 토픽의 복제 설정을 바꾸지 않았다', en: 'The payments topic keeps its replication settings' },
    verifies: {
      ko: '실행이 끝난 뒤 브로커에 payments의 min.insync.replicas(값과 출처)와 복제본 수를 물었습니다.',
      en: "Asked the brokers, after the run, for payments' min.insync.replicas (value and source) and its replica count.",
    },
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
