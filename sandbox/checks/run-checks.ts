import type { CheckContext, CheckVerdict, LabCheck, Localized } from '../lab-kit/lab-format.ts';
import { settleCheck } from './settle-check.ts';

/** One check's outcome as the page and the grading reports show it. */
export interface CheckResult {
  id: string;
  title: Localized;
  /** What the check verified and how, in one line. */
  verifies: Localized;
  hint: Localized;
  hidden: boolean;
  points: number;
  /** points when passed, 0 otherwise */
  earned: number;
  passed: boolean;
  message?: Localized;
  expected?: string;
  actual?: string;
  /** What the program printed that the cluster refutes. */
  contradiction?: Localized;
  /** The variation of the lab whose run this outcome is from, when it is not the lab's own run. */
  variation?: Localized;
}

/** Runs checks one after another (they read the same cluster); a check that throws or hangs fails with the reason. */
export async function runChecks(checks: LabCheck[], context: CheckContext): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    results.push(toResult(check, await settleCheck(() => check.run(context)), context.variation?.label));
  }
  return results;
}

/** Every check failed for one reason, e.g. the program did not compile. */
export function failAll(checks: LabCheck[], message: Localized): CheckResult[] {
  return checks.map((check) => toResult(check, { passed: false, message }));
}

/**
 * A check's outcome over several runs of the program (the lab's own, then its variations): the first
 * failure, its message saying which run it was in; otherwise the lab's own run's pass.
 */
export function combineRuns(runs: CheckResult[][]): CheckResult[] {
  const [own = [], ...others] = runs;
  return own.map((result, index) => {
    if (!result.passed) return result;
    const failed = others.map((run) => run[index]).find((other) => other && !other.passed);
    if (!failed?.variation || !failed.message) return failed ?? result;
    const { ko, en } = failed.variation;
    return {
      ...failed,
      message: { ko: `다시 실행했을 때(${ko}): ${failed.message.ko}`, en: `In a second run (${en}): ${failed.message.en}` },
    };
  });
}

function toResult(check: LabCheck, verdict: CheckVerdict, variation?: Localized): CheckResult {
  return {
    id: check.id,
    title: check.title,
    verifies: check.verifies,
    hint: check.hint,
    hidden: check.hidden ?? false,
    points: check.points,
    earned: verdict.passed ? check.points : 0,
    passed: verdict.passed,
    message: verdict.message,
    expected: verdict.expected,
    actual: verdict.actual,
    contradiction: verdict.contradiction,
    variation,
  };
}
