import type { CheckVerdict } from '../lab-kit/lab-format.ts';

const CHECK_TIMEOUT_MS = 30_000;

/**
 * Runs one check to a verdict, for labs and terminal exercises alike: a check that throws or hangs
 * fails with the reason instead of taking the grading down with it.
 */
export async function settleCheck(run: () => Promise<CheckVerdict>): Promise<CheckVerdict> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer after ${CHECK_TIMEOUT_MS / 1000} s`)), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([run(), timeout]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { passed: false, message: { ko: `검사를 끝내지 못했습니다: ${reason}`, en: `The check could not complete: ${reason}` } };
  } finally {
    clearTimeout(timer);
  }
}
