import type { ExerciseDefinition } from '../../sandbox/lab-kit/index.ts';

const configs = 'kafka-configs --bootstrap-server $BOOTSTRAP_SERVERS';

export const exercise: ExerciseDefinition = {
  id: 'kafka-configs',
  title: { ko: 'kafka-configs로 설정 보고 바꾸기', en: 'Reading and changing configs with kafka-configs' },
  cluster: { nodes: 1 },
  steps: [
    {
      id: 'describe-all',
      title: { ko: '브로커 설정 전부 보기', en: 'Every config of a broker' },
      body: [
        { ko: '`--describe --all`로 브로커 1의 설정을 모두 보세요. 줄마다 값과 함께 출처(`STATIC_BROKER_CONFIG`, `DEFAULT_CONFIG`, ...)가 나옵니다. `log.segment.bytes`는 얼마인가요?', en: 'Show every config of broker 1 with `--describe --all`. Each line gives the value and its source (`STATIC_BROKER_CONFIG`, `DEFAULT_CONFIG`, ...). What is `log.segment.bytes`?' },
      ],
      hints: [{ ko: '`--entity-type brokers --entity-name 1`', en: '`--entity-type brokers --entity-name 1`' }],
      solution: [`${configs} --entity-type brokers --entity-name 1 --describe --all | grep log.segment.bytes`],
      answers: [{ id: 'log-segment-bytes', label: { ko: '브로커 1의 log.segment.bytes', en: 'log.segment.bytes of broker 1' }, placeholder: '123456' }],
    },
    {
      id: 'topic-override',
      title: { ko: '토픽 설정 바꾸기', en: 'Overriding a topic config' },
      body: [
        { ko: '`configs-demo` 토픽을 만들고 `--alter --add-config`로 `max.message.bytes`를 2000000으로 바꾼 뒤 `--describe`로 확인하세요.', en: 'Create `configs-demo`, set its `max.message.bytes` to 2000000 with `--alter --add-config`, and verify with `--describe`.' },
      ],
      hints: [{ ko: '`--entity-type topics --entity-name configs-demo`', en: '`--entity-type topics --entity-name configs-demo`' }],
      solution: [
        'kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic configs-demo',
        `${configs} --entity-type topics --entity-name configs-demo --alter --add-config max.message.bytes=2000000`,
        `${configs} --entity-type topics --entity-name configs-demo --describe`,
      ],
    },
    {
      id: 'back-to-default',
      title: { ko: '기본값으로 되돌리기', en: 'Back to the default' },
      body: [
        { ko: '`configs-demo`에 `retention.ms=60000`을 설정했다가 `--delete-config`로 지워 기본값으로 되돌리세요.', en: 'Set `retention.ms=60000` on `configs-demo`, then remove it with `--delete-config` to return to the default.' },
      ],
      hints: [{ ko: '`--alter --delete-config retention.ms`', en: '`--alter --delete-config retention.ms`' }],
      solution: [
        `${configs} --entity-type topics --entity-name configs-demo --alter --add-config retention.ms=60000`,
        `${configs} --entity-type topics --entity-name configs-demo --alter --delete-config retention.ms`,
      ],
    },
    {
      id: 'dynamic-broker-config',
      title: { ko: '동적 브로커 설정', en: 'A dynamic broker config' },
      body: [
        { ko: '재시작 없이 브로커 1의 `log.cleaner.threads`를 2로 바꾸고, `--describe`에서 `DYNAMIC_BROKER_CONFIG`로 나오는지 보세요.', en: 'Without a restart, set broker 1\'s `log.cleaner.threads` to 2 and see it listed as `DYNAMIC_BROKER_CONFIG` by `--describe`.' },
      ],
      hints: [{ ko: '토픽이 아니라 브로커가 대상입니다: `--entity-type brokers --entity-name 1`', en: 'The entity is the broker, not a topic: `--entity-type brokers --entity-name 1`' }],
      solution: [
        `${configs} --entity-type brokers --entity-name 1 --alter --add-config log.cleaner.threads=2`,
        `${configs} --entity-type brokers --entity-name 1 --describe`,
      ],
    },
  ],
};
