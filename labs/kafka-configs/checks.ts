import { fail, pass, configAtDefault, configSet, effectiveConfig, type ExerciseCheck } from '../../sandbox/lab-kit/index.ts';

const demo = { type: 'topic', name: 'configs-demo' } as const;
const broker1 = { type: 'broker', id: 1 } as const;

export const checks: ExerciseCheck[] = [
  {
    id: 'log-segment-bytes',
    step: 'describe-all',
    title: { ko: '브로커 1의 log.segment.bytes를 읽어 냈다', en: 'Read broker 1\'s log.segment.bytes' },
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
    hint: { ko: '토픽을 대상으로 `--alter --add-config`를 쓰세요.', en: 'Use `--alter --add-config` on the topic.' },
    run: (context) => configSet(context, demo, 'max.message.bytes', '2000000'),
  },
  {
    id: 'retention-default',
    step: 'back-to-default',
    title: { ko: 'retention.ms를 설정했다가 기본값으로 되돌렸다', en: 'retention.ms was set, then back to its default' },
    hint: { ko: '먼저 `--add-config retention.ms=60000`, 그다음 `--delete-config retention.ms`', en: 'First `--add-config retention.ms=60000`, then `--delete-config retention.ms`' },
    async run(context) {
      const atDefault = await configAtDefault(context, demo, 'retention.ms');
      if (!atDefault.passed) return atDefault;
      // The tool confirms each change: the override and its removal are two more than step 2's one.
      const updates = context.transcript.match(/Completed updating config for topic configs-demo\./g)?.length ?? 0;
      if (updates < 3) {
        return fail({ ko: 'retention.ms를 설정하고 지운 기록이 터미널에 없습니다.', en: 'The terminal shows no retention.ms being set and removed.' }, { expected: '3 config updates of configs-demo', actual: `${updates}` });
      }
      return atDefault;
    },
  },
  {
    id: 'log-cleaner-threads',
    step: 'dynamic-broker-config',
    title: { ko: '브로커 1의 log.cleaner.threads=2 (DYNAMIC_BROKER_CONFIG)', en: 'Broker 1 has log.cleaner.threads=2 (DYNAMIC_BROKER_CONFIG)' },
    hint: { ko: '브로커 하나에 거는 설정은 `--entity-name 1`입니다(`--entity-default`는 클러스터 전체).', en: 'A config for one broker takes `--entity-name 1` (`--entity-default` is cluster-wide).' },
    run: (context) => configSet(context, broker1, 'log.cleaner.threads', '2'),
  },
];
