import { fail, pass, type CheckVerdict } from './lab-format.ts';
import type { ExerciseCheckContext } from './exercise-format.ts';
import { partitionReplicas, topicExists } from './cluster-state.ts';
import { createTopicsLog } from './controller-log.ts';
import { metadataChanges, topicLives } from './metadata-log.ts';

/** The topic exists on the cluster with this many partitions, each with this many replicas. */
export async function topicShape(
  { cluster }: ExerciseCheckContext,
  topic: string,
  expected: { partitions: number; replicationFactor: number },
): Promise<CheckVerdict> {
  const want = `${topic}: ${expected.partitions} partitions, RF ${expected.replicationFactor}`;
  if (!(await topicExists(cluster, topic))) {
    const others = await learnerTopics(cluster);
    return fail(
      { ko: `토픽 ${topic}이(가) 없습니다.`, en: `There is no topic ${topic}.` },
      { expected: want, actual: others.length > 0 ? `topics: ${others.join(', ')}` : 'no topics' },
    );
  }
  const partitions = await partitionReplicas(cluster, topic);
  const factors = [...new Set(partitions.map((p) => p.replicas.length))];
  const actual = `${topic}: ${partitions.length} partitions, RF ${factors.join('/')}`;
  if (partitions.length !== expected.partitions) {
    return fail(
      { ko: `${topic}의 파티션이 ${partitions.length}개입니다. ${expected.partitions}개여야 합니다.`, en: `${topic} has ${partitions.length} partition${partitions.length === 1 ? '' : 's'}; it should have ${expected.partitions}.` },
      { expected: want, actual },
    );
  }
  if (factors.length !== 1 || factors[0] !== expected.replicationFactor) {
    return fail(
      { ko: `${topic}의 복제 팩터가 ${factors.join('/')}입니다. ${expected.replicationFactor}이어야 합니다.`, en: `${topic} has replication factor ${factors.join('/')}; it should be ${expected.replicationFactor}.` },
      { expected: want, actual },
    );
  }
  return pass({ expected: want, actual });
}

/** The topic is not on the cluster (never created, or deleted). */
export async function topicAbsent({ cluster }: ExerciseCheckContext, topic: string): Promise<CheckVerdict> {
  if (await topicExists(cluster, topic)) {
    return fail({ ko: `토픽 ${topic}이(가) 아직 있습니다.`, en: `The topic ${topic} still exists.` }, { expected: `no ${topic}`, actual: `${topic} exists` });
  }
  return pass({ expected: `no ${topic}`, actual: `no ${topic}` });
}

/**
 * The topic was created and then deleted since the learner got this cluster: absent now, and the metadata
 * log holds a TopicRecord for it followed by the RemoveTopicRecord of the same topic id.
 */
export async function topicCreatedThenDeleted(context: ExerciseCheckContext, topic: string): Promise<CheckVerdict> {
  const absent = await topicAbsent(context, topic);
  if (!absent.passed) return absent;
  const lives = topicLives(await metadataChanges(context.cluster, context.since), topic);
  const expected = `TopicRecord ${topic}, then RemoveTopicRecord`;
  const deleted = lives.filter((life) => life.removed);
  if (deleted.length === 0) {
    return fail(
      { ko: `메타데이터 로그에 ${topic}을(를) 만든 기록이 없습니다. 이 샌드박스에서 만든 적이 없습니다.`, en: `The metadata log has no record of ${topic} being created: it was never created on this sandbox.` },
      { expected, actual: 'no TopicRecord' },
    );
  }
  const shown = deleted.map((life) => `TopicRecord ${topic} (${life.topicId}) at offset ${life.created.offset}, RemoveTopicRecord at ${life.removed!.offset}`).join('; ');
  return pass({ expected, actual: shown });
}

/**
 * Creating the topic was tried and refused for its replication factor, and the topic never existed: the
 * controller logged INVALID_REPLICATION_FACTOR for it with more replicas than the cluster has brokers, and
 * the metadata log holds no TopicRecord for it.
 */
export async function creationRefusedForReplication(context: ExerciseCheckContext, topic: string): Promise<CheckVerdict> {
  const absent = await topicAbsent(context, topic);
  if (!absent.passed) return absent;
  const brokers = context.cluster.brokers.length;
  const expected = `CreateTopics ${topic}: INVALID_REPLICATION_FACTOR (RF > ${brokers}); no TopicRecord ${topic}`;
  const [lives, log] = await Promise.all([
    metadataChanges(context.cluster, context.since).then((changes) => topicLives(changes, topic)),
    createTopicsLog(context.cluster, context.since),
  ]);
  if (lives.length > 0) {
    return fail(
      { ko: `${topic}이(가) 한 번 만들어졌습니다(메타데이터 로그의 TopicRecord). 이 단계에서는 만들기가 거절되어야 합니다.`, en: `${topic} was created at some point (a TopicRecord in the metadata log); its creation should have been refused.` },
      { expected, actual: lives.map((life) => `TopicRecord ${topic} at offset ${life.created.offset}${life.removed ? `, removed at ${life.removed.offset}` : ''}`).join('; ') },
    );
  }
  if (log.unreadable.length > 0) {
    return fail(
      { ko: '컨트롤러 로그에 읽을 수 없는 CreateTopics 결과 줄이 있어 로그를 증거로 쓸 수 없습니다.', en: "The controller's log has a CreateTopics result line it does not write itself: the log is not taken as evidence." },
      { expected, actual: log.unreadable[0]!.slice(0, 200) },
    );
  }
  const attempts = log.results.filter((result) => result.topic === topic);
  const refused = attempts.find((result) => result.result === 'INVALID_REPLICATION_FACTOR' && result.replicationFactor > brokers);
  const actual = attempts.map((a) => `CreateTopics ${topic} RF ${a.replicationFactor}: ${a.result}`).join('; ') || `no CreateTopics for ${topic}`;
  if (!refused) {
    return fail(
      { ko: `컨트롤러 로그에 ${topic}을(를) 브로커 수보다 큰 복제 팩터로 만들려다 거절된 기록이 없습니다.`, en: `The controller's log shows no attempt to create ${topic} refused for a replication factor larger than the cluster.` },
      { expected, actual },
    );
  }
  return pass({ expected, actual: `CreateTopics ${topic} RF ${refused.replicationFactor}: ${refused.result} (${refused.message ?? ''})` });
}

async function learnerTopics(cluster: ExerciseCheckContext['cluster']): Promise<string[]> {
  return (await (await cluster.adminClient()).listTopics()).filter((t) => !t.startsWith('__')).sort();
}
