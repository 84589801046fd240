import type { ExerciseCheckContext } from './exercise-format.ts';
import { fail, pass, type CheckVerdict } from './lab-format.ts';
import { entityConfigs, type ConfigEntity, type ConfigValue } from './cluster-state.ts';

/** The entity's effective value of a config and where it comes from, as the broker reports it. */
export async function effectiveConfig({ cluster }: ExerciseCheckContext, entity: ConfigEntity, name: string): Promise<ConfigValue | undefined> {
  return (await entityConfigs(cluster, entity, [name])).get(name);
}

/** The config is set on the entity itself (kafka-configs --alter --add-config) to this value. */
export async function configSet(context: ExerciseCheckContext, entity: ConfigEntity, name: string, value: string): Promise<CheckVerdict> {
  const source = entity.type === 'topic' ? 'DYNAMIC_TOPIC_CONFIG' : 'DYNAMIC_BROKER_CONFIG';
  const expected = `${name}=${value} (${source})`;
  const actual = await effectiveConfig(context, entity, name).catch(() => undefined);
  const shown = actual ? `${name}=${actual.value} (${actual.kafkaSource})` : `no ${entityName(entity)}`;
  if (actual?.value === value && actual.kafkaSource === source) return pass({ expected, actual: shown });
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
  const shown = actual ? `${name}=${actual.value} (${actual.kafkaSource})` : `no ${entityName(entity)}`;
  if (actual && (actual.source === 'default' || actual.source === 'static-broker')) return pass({ expected: `${name} (DEFAULT_CONFIG)`, actual: shown });
  return fail(
    { ko: `${entityName(entity)}의 ${name}이(가) 아직 기본값이 아닙니다.`, en: `${entityName(entity)}'s ${name} is not back to its default.` },
    { expected: `${name} (DEFAULT_CONFIG)`, actual: shown },
  );
}

function entityName(entity: ConfigEntity): string {
  return entity.type === 'topic' ? `topic ${entity.name}` : `broker ${entity.id}`;
}
