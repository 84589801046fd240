import kafkajs from 'kafkajs';
import type { ExerciseCheckContext } from '../../../labs/exercise-format.ts';
import { fail, pass, type CheckVerdict } from '../../../labs/lab-format.ts';

// kafkajs is CommonJS and Node cannot see these exports by name.
const { ConfigResourceTypes, ConfigSource } = kafkajs;

/** describeConfigs' source codes by the names kafka-configs --describe prints. */
const SOURCE_NAMES = new Map<number, string>([
  [ConfigSource.TOPIC_CONFIG, 'DYNAMIC_TOPIC_CONFIG'],
  [ConfigSource.DYNAMIC_BROKER_CONFIG, 'DYNAMIC_BROKER_CONFIG'],
  [ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG, 'DYNAMIC_DEFAULT_BROKER_CONFIG'],
  [ConfigSource.STATIC_BROKER_CONFIG, 'STATIC_BROKER_CONFIG'],
  [ConfigSource.DEFAULT_CONFIG, 'DEFAULT_CONFIG'],
]);

export type ConfigEntity = { type: 'topic'; name: string } | { type: 'broker'; id: number };

export interface ConfigValue {
  value: string;
  source: string;
}

/** The entity's effective value of a config and where it comes from, as the broker reports it. */
export async function effectiveConfig({ cluster }: ExerciseCheckContext, entity: ConfigEntity, name: string): Promise<ConfigValue | undefined> {
  const admin = await cluster.adminClient();
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [
      entity.type === 'topic'
        ? { type: ConfigResourceTypes.TOPIC, name: entity.name, configNames: [name] }
        : { type: ConfigResourceTypes.BROKER, name: String(entity.id), configNames: [name] },
    ],
  });
  const entry = resources[0]?.configEntries.find((e) => e.configName === name);
  return entry ? { value: entry.configValue, source: SOURCE_NAMES.get(entry.configSource) ?? 'UNKNOWN' } : undefined;
}

/** The config is set on the entity itself (kafka-configs --alter --add-config) to this value. */
export async function configSet(context: ExerciseCheckContext, entity: ConfigEntity, name: string, value: string): Promise<CheckVerdict> {
  const source = entity.type === 'topic' ? 'DYNAMIC_TOPIC_CONFIG' : 'DYNAMIC_BROKER_CONFIG';
  const expected = `${name}=${value} (${source})`;
  const actual = await effectiveConfig(context, entity, name).catch(() => undefined);
  const shown = actual ? `${name}=${actual.value} (${actual.source})` : `no ${entityName(entity)}`;
  if (actual?.value === value && actual.source === source) return pass({ expected, actual: shown });
  return fail(
    {
      ko: `${entityName(entity)}에 ${name}=${value}가 동적으로 설정되어 있지 않습니다.`,
      en: `${entityName(entity)} does not have ${name}=${value} set dynamically.`,
    },
    { expected, actual: shown },
  );
}

/** No override on the entity: the value comes from the broker's configuration or Kafka's default again. */
export async function configAtDefault(context: ExerciseCheckContext, entity: ConfigEntity, name: string): Promise<CheckVerdict> {
  const actual = await effectiveConfig(context, entity, name).catch(() => undefined);
  const shown = actual ? `${name}=${actual.value} (${actual.source})` : `no ${entityName(entity)}`;
  if (actual && (actual.source === 'DEFAULT_CONFIG' || actual.source === 'STATIC_BROKER_CONFIG')) return pass({ expected: `${name} (DEFAULT_CONFIG)`, actual: shown });
  return fail(
    { ko: `${entityName(entity)}의 ${name}이(가) 아직 기본값이 아닙니다.`, en: `${entityName(entity)}'s ${name} is not back to its default.` },
    { expected: `${name} (DEFAULT_CONFIG)`, actual: shown },
  );
}

function entityName(entity: ConfigEntity): string {
  return entity.type === 'topic' ? `topic ${entity.name}` : `broker ${entity.id}`;
}
