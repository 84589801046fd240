import { fail, pass, type CheckVerdict } from './lab-format.ts';
import type { ExerciseCheckContext } from './exercise-format.ts';
import { partitionReplicas, topicExists } from './cluster-state.ts';

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
      { ko: `${topic}의 파티션이 ${partitions.length}개입니다. ${expected.partitions}개여야 합니다.`, en: `${topic} has ${partitions.length} partitions; it should have ${expected.partitions}.` },
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

/** The terminal shows this output of a tool (an error message, a confirmation): paired with a state check, never alone. */
export function printed({ transcript }: ExerciseCheckContext, pattern: RegExp, what: { ko: string; en: string }): CheckVerdict {
  if (pattern.test(transcript)) return pass();
  return fail({ ko: `터미널에 ${what.ko}이(가) 보이지 않습니다.`, en: `The terminal does not show ${what.en}.` }, { expected: String(pattern) });
}

async function learnerTopics(cluster: ExerciseCheckContext['cluster']): Promise<string[]> {
  return (await (await cluster.adminClient()).listTopics()).filter((t) => !t.startsWith('__')).sort();
}
