import type { CheckContext, CheckVerdict, LabCheck, Localized } from '../lab-kit/lab-format.ts';
import { settleCheck } from './settle-check.ts';

/** One check's outcome as the page and the grading reports show it. */
export interface CheckResult {
  id: string;
  title: Localized;
  hint: Localized;
  hidden: boolean;
  points: number;
  /** points when passed, 0 otherwise */
  earned: number;
  passed: boolean;
  message?: Localized;
  expected?: string;
  actual?: string;
}

/** Runs checks one after another (they read the same cluster); a check that throws or hangs fails with the reason. */
export async function runChecks(checks: LabCheck[], context: CheckContext): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    results.push(toResult(check, await settleCheck(() => check.run(context))));
  }
  return results;
}

/** Every check failed for one reason, e.g. the program did not compile. */
export function failAll(checks: LabCheck[], message: Localized): CheckResult[] {
  return checks.map((check) => toResult(check, { passed: false, message }));
}

function toResult(check: LabCheck, verdict: CheckVerdict): CheckResult {
  return {
    id: check.id,
    title: check.title,
    hint: check.hint,
    hidden: check.hidden ?? false,
    points: check.points,
    earned: verdict.passed ? check.points : 0,
    passed: verdict.passed,
    message: verdict.message,
    expected: verdict.expected,
    actual: verdict.actual,
  };
}
