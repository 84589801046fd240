import { specKey } from '../cluster/cluster-spec.ts';
import type { KafkaCluster } from '../cluster/kafka-cluster.ts';
import { stepCluster, type ExerciseCheckContext } from '../lab-kit/exercise-format.ts';
import type { Localized } from '../lab-kit/lab-format.ts';
import { settleCheck } from '../checks/settle-check.ts';
import type { LoadedExercise } from './exercise-catalog.ts';

/** One check's outcome, as the page shows it and the attempt records it. */
export interface ExerciseCheckResult {
  id: string;
  step: string;
  title: Localized;
  /** What the check verified and how, in one line: for instructors, and for the learner after a pass. */
  verifies: Localized;
  hint: Localized;
  /** 'skipped': the check's step runs on another cluster than the learner's current one. */
  status: 'passed' | 'failed' | 'skipped';
  message?: Localized;
  expected?: string;
  actual?: string;
}

/**
 * Runs the checks of every step that runs on the cluster the learner has now, one after another
 * (they read the same cluster); a check that throws or hangs fails with the reason.
 */
export async function gradeExercise(
  { definition, checks }: LoadedExercise,
  cluster: KafkaCluster,
  context: Omit<ExerciseCheckContext, 'cluster'>,
): Promise<ExerciseCheckResult[]> {
  const current = specKey(cluster.spec);
  const results: ExerciseCheckResult[] = [];
  for (const check of checks) {
    const base = { id: check.id, step: check.step, title: check.title, verifies: check.verifies, hint: check.hint };
    if (specKey(stepCluster(definition, check.step)) !== current) {
      results.push({ ...base, status: 'skipped', message: otherCluster(stepCluster(definition, check.step).nodes) });
      continue;
    }
    const { passed, ...details } = await settleCheck(() => check.run({ ...context, cluster }));
    results.push({ ...base, ...details, status: passed ? 'passed' : 'failed' });
  }
  return results;
}

function otherCluster(nodes: number): Localized {
  return {
    ko: `이 단계는 브로커 ${nodes}대 클러스터에서 합니다. 그 단계에서 클러스터를 바꾼 뒤 확인하세요.`,
    en: `This step runs on a ${nodes}-broker cluster: switch to it at that step, then check.`,
  };
}
