import type { KafkaCluster } from '../cluster/kafka-cluster.ts';
import { NODE_TMPFS } from '../cluster/kafka-node-container.ts';
import { LEARNER_USER } from '../cluster/node-users.ts';
import { KAFKA_VERSION } from '../kafka-version.ts';

export type TerminalLocale = 'ko' | 'en';

/** The first lines of a new shell: where it runs and the bootstrap servers the CLI tools need. */
export function greeting(cluster: KafkaCluster, host: string, locale: TerminalLocale): string {
  const nodes = cluster.brokers.length;
  const bold = (text: string) => `\x1b[1m${text}\x1b[0m`;
  const homeMb = NODE_TMPFS[LEARNER_USER.home].bytes / 1024 ** 2;
  const lines = locale === 'ko'
    ? [
        bold(`Kafka ${KAFKA_VERSION} 실습 터미널`) + ` — 브로커 ${nodes}대 클러스터, 셸은 ${host} 안에서 실행됩니다.`,
        `BOOTSTRAP_SERVERS=${cluster.internalBootstrapServers}  (예: kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --list)`,
        'kafka-topics와 kafka-topics.sh처럼 두 이름 모두 쓸 수 있습니다.',
        `셸은 브로커와 다른 사용자(nobody)로 실행됩니다. 브로커의 파일은 읽을 수만 있고, 내 파일은 ~와 /tmp에 각각 ${homeMb}MB까지 쓸 수 있습니다.`,
      ]
    : [
        bold(`Kafka ${KAFKA_VERSION} practice terminal`) + ` — a ${nodes}-broker cluster; this shell runs inside ${host}.`,
        `BOOTSTRAP_SERVERS=${cluster.internalBootstrapServers}  (e.g. kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --list)`,
        'Every tool answers to both names, e.g. kafka-topics and kafka-topics.sh.',
        `The shell runs as its own user (nobody): the broker's files are yours to read, not to change; write your own in ~ and /tmp, up to ${homeMb} MB each.`,
      ];
  return lines.join('\r\n') + '\r\n\r\n';
}
