import type { ExerciseCheckContext } from './exercise-format.ts';
import { fail, pass, type CheckVerdict } from './lab-format.ts';
import { entityConfigs, type ConfigEntity, type ConfigValue } from './cluster-state.ts';
import { CONFIG_RESOURCE, metadataChanges } from './metadata-log.ts';

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

/**
 * The topic's config was overridden and the override then removed (kafka-configs --delete-config), on the
 * topic as it exists now: back at its default by DescribeConfigs, and in the metadata log a ConfigRecord
 * with a value followed by one with none, since the learner got this cluster and since the topic's last
 * deletion (a deleted topic's overrides go with it: deleting and recreating is not removing).
 */
export async function configSetThenRemoved(context: ExerciseCheckContext, topic: string, name: string): Promise<CheckVerdict> {
  const entity = { type: 'topic', name: topic } as const;
  const atDefault = await configAtDefault(context, entity, name);
  if (!atDefault.passed) return atDefault;
  const changes = await metadataChanges(context.cluster, context.since);
  const topicIds = new Set(changes.flatMap((c) => (c.type === 'topic' && c.name === topic ? [c.topicId] : [])));
  const lastDeletion = changes.findLast((c) => c.type === 'remove-topic' && topicIds.has(c.topicId))?.offset ?? -1;
  const history = changes.flatMap((c) =>
    c.type === 'config' && c.resourceType === CONFIG_RESOURCE.topic && c.resourceName === topic && c.name === name ? [c] : []);
  const current = history.filter((c) => c.offset > lastDeletion);
  const shown = (records: typeof history) => records.map((c) => `${name}=${c.value ?? 'null'}`).join(', ') || 'no ConfigRecord';
  const expected = `ConfigRecord ${topic} ${name}=<value>, then ${name}=null`;
  const set = current.findIndex((c) => c.value !== null);
  if (set >= 0 && current.slice(set + 1).some((c) => c.value === null)) return pass({ expected, actual: shown(current) });
  if (history.length > current.length && current.length === 0) {
    return fail(
      {
        ko: `${name}은(는) 지금의 ${topic}이 아니라 삭제된 예전 ${topic}에 설정되었습니다. 토픽을 지우는 것은 설정을 지우는 것이 아닙니다.`,
        en: `${name} was set on an earlier ${topic}, since deleted: deleting the topic is not removing the override.`,
      },
      { expected, actual: shown(history) },
    );
  }
  if (set < 0) {
    return fail(
      { ko: `메타데이터 로그에 ${topic}의 ${name}을(를) 설정한 기록이 없습니다.`, en: `The metadata log has no record of ${name} being set on ${topic}.` },
      { expected, actual: shown(current) },
    );
  }
  return fail(
    { ko: `${topic}의 ${name}을(를) 설정한 뒤 --delete-config로 지운 기록이 없습니다.`, en: `${name} was set on ${topic} but never removed with --delete-config.` },
    { expected, actual: shown(current) },
  );
}

function entityName(entity: ConfigEntity): string {
  return entity.type === 'topic' ? `topic ${entity.name}` : `broker ${entity.id}`;
}
