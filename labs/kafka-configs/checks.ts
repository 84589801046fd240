import { fail, pass, configSet, configSetThenRemoved, effectiveConfig, type ExerciseCheck } from '../../sandbox/lab-kit/index.ts';

const demo = { type: 'topic', name: 'configs-demo' } as const;
const broker1 = { type: 'broker', id: 1 } as const;

export const checks: ExerciseCheck[] = [
  {
    id: 'log-segment-bytes',
    step: 'describe-all',
    title: { ko: '브로커 1의 log.segment.bytes를 읽어 냈다', en: 'Read broker 1\'s log.segment.bytes' },
    verifies: {
      ko: '브로커 1에 log.segment.bytes를 물어(DescribeConfigs) 답과 같은지 비교했습니다.',
      en: 'Asked broker 1 for its log.segment.bytes (DescribeConfigs) and compared it with the answer.',
    },
    hint: { ko: '`--describe --all` 출력에서 `log.segment.bytes=` 줄을 찾으세요.', en: 'Find the `log.segment.bytes=` line in the `--describe --all` output.' },
    async run(context) {
      const truth = await effectiveConfig(context, broker1, 'log.segment.bytes');
      const given = context.answers['log-segment-bytes'] ?? '';
      if (truth && given === truth.value) return pass({ actual: given });
      return fail({ ko: `"${given}"은(는) 브로커 1의 log.segment.bytes가 아닙니다.`, en: `"${given}" is not broker 1's log.segment.bytes.` }, { actual: given });
    },
  },
  {
    id: 'max-message-bytes',
    step: 'topic-override',
    title: { ko: 'configs-demo의 max.message.bytes=2000000', en: 'configs-demo has max.message.bytes=2000000' },
    verifies: {
      ko: '브로커에서 configs-demo의 max.message.bytes를 읽어(DescribeConfigs) 값이 2000000이고 출처가 토픽 자신(DYNAMIC_TOPIC_CONFIG)인지 확인했습니다.',
      en: 'Read configs-demo\'s max.message.bytes from the broker (DescribeConfigs): 2000000, set on the topic itself (DYNAMIC_TOPIC_CONFIG).',
    },
    hint: { ko: '토픽을 대상으로 `--alter --add-config`를 쓰세요.', en: 'Use `--alter --add-config` on the topic.' },
    run: (context) => configSet(context, demo, 'max.message.bytes', '2000000'),
  },
  {
    id: 'retention-default',
    step: 'back-to-default',
    title: { ko: 'retention.ms를 설정했다가 기본값으로 되돌렸다', en: 'retention.ms was set, then back to its default' },
    verifies: {
      ko: '브로커에서 configs-demo의 retention.ms를 읽어(DescribeConfigs) 기본값임을 확인하고, 메타데이터 로그(__cluster_metadata)에서 지금의 configs-demo에 retention.ms를 설정한 ConfigRecord와 그 뒤 값을 지운(null) ConfigRecord를 찾았습니다.',
      en: 'Read configs-demo\'s retention.ms from the broker (DescribeConfigs): back at its default; and found in the metadata log (__cluster_metadata) a ConfigRecord setting it on the current configs-demo, then one removing it (null).',
    },
    hint: { ko: '먼저 `--add-config retention.ms=60000`, 그다음 `--delete-config retention.ms`', en: 'First `--add-config retention.ms=60000`, then `--delete-config retention.ms`' },
    run: (context) => configSetThenRemoved(context, 'configs-demo', 'retention.ms'),
  },
  {
    id: 'log-cleaner-threads',
    step: 'dynamic-broker-config',
    title: { ko: '브로커 1의 log.cleaner.threads=2 (DYNAMIC_BROKER_CONFIG)', en: 'Broker 1 has log.cleaner.threads=2 (DYNAMIC_BROKER_CONFIG)' },
    verifies: {
      ko: '브로커 1에 log.cleaner.threads를 물어(DescribeConfigs) 값이 2이고 출처가 브로커 1 자신의 동적 설정(DYNAMIC_BROKER_CONFIG)인지 확인했습니다.',
      en: 'Asked broker 1 for its log.cleaner.threads (DescribeConfigs): 2, set dynamically on broker 1 itself (DYNAMIC_BROKER_CONFIG).',
    },
    hint: { ko: '브로커 하나에 거는 설정은 `--entity-name 1`입니다(`--entity-default`는 클러스터 전체).', en: 'A config for one broker takes `--entity-name 1` (`--entity-default` is cluster-wide).' },
    run: (context) => configSet(context, broker1, 'log.cleaner.threads', '2'),
  },
];
