import type { CheckContext, LabCheck, Localized } from '../../labs/lab-format.ts';

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

const CHECK_TIMEOUT_MS = 30_000;

/** Runs checks one after another (they read the same cluster); a check that throws or hangs fails with the reason. */
export async function runChecks(checks: LabCheck[], context: CheckContext): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    const verdict = await withTimeout(check.run(context)).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      return { passed: false, message: { ko: `검사를 끝내지 못했습니다: ${reason}`, en: `The check could not complete: ${reason}` } };
    });
    results.push(toResult(check, verdict));
  }
  return results;
}

/** Every check failed for one reason, e.g. the program did not compile. */
export function failAll(checks: LabCheck[], message: Localized): CheckResult[] {
  return checks.map((check) => toResult(check, { passed: false, message }));
}

function toResult(check: LabCheck, verdict: { passed: boolean; message?: Localized; expected?: string; actual?: string }): CheckResult {
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

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer after ${CHECK_TIMEOUT_MS / 1000} s`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
