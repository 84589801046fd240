import type { Localized, ProgramResult } from '../lab-kit/lab-format.ts';
import type { RunLimits } from './program-runner.ts';

/** Signs in a program's output that it never reached the cluster. */
const UNREACHABLE_BROKER = /ECONNREFUSED|ENOTFOUND|KafkaJSConnectionError|Connection timeout|KafkaJSNumberOfRetriesExceeded/;

/** One sentence per language on how a program ended, and what to do when the sandbox had to stop it. */
export function describeEnding(result: ProgramResult, limits: RunLimits): Localized {
  const seconds = (result.durationMs / 1000).toFixed(1);
  const base = describe(result, limits, seconds);
  if (result.ending !== 'exited' && result.ending !== 'timeout') return base;
  if (result.exitCode === 0 || !UNREACHABLE_BROKER.test(result.stdout + result.stderr)) return base;
  return {
    ko: `${base.ko} 브로커에 연결하지 못했습니다: 주소는 process.env.BOOTSTRAP_SERVERS에서 읽으세요(쉼표로 구분된 목록).`,
    en: `${base.en} It could not reach a broker: read the address from process.env.BOOTSTRAP_SERVERS (a comma-separated list).`,
  };
}

function describe(result: ProgramResult, limits: RunLimits, seconds: string): Localized {
  switch (result.ending) {
    case 'timeout':
      return {
        ko: `프로그램이 제한 시간 ${limits.timeLimitMs / 1000}초 안에 끝나지 않아 중지했습니다. 무한 루프나 끝나지 않는 consumer.run()이 없는지, 마지막에 disconnect()하는지 확인하세요.`,
        en: `The program did not finish within the ${limits.timeLimitMs / 1000} s limit and was stopped. Look for an endless loop or a consumer.run() that never ends, and disconnect() at the end.`,
      };
    case 'output-limit':
      return {
        ko: `출력이 ${formatBytes(limits.outputBytes)}를 넘어 프로그램을 중지했습니다. 출력을 줄이세요.`,
        en: `The program wrote more than ${formatBytes(limits.outputBytes)} of output and was stopped. Print less.`,
      };
    case 'memory-limit':
      return {
        ko: `프로그램이 메모리 한도(${limits.memoryMb} MB)를 넘어 중지했습니다. 끝없이 커지는 배열이나 버퍼가 없는지 확인하세요.`,
        en: `The program went over its memory limit (${limits.memoryMb} MB) and was stopped. Look for an array or buffer that grows without end.`,
      };
    case 'cancelled':
      return { ko: '실행을 취소했습니다.', en: 'The run was cancelled.' };
    case 'exited':
      if (result.exitCode === 0) return { ko: `프로그램이 ${seconds}초 만에 정상 종료했습니다.`, en: `The program finished in ${seconds} s.` };
      return {
        ko: `프로그램이 종료 코드 ${result.exitCode}로 끝났습니다(${seconds}초). 잡히지 않은 오류라면 위 출력의 스택 트레이스가 줄 번호를 알려 줍니다.`,
        en: `The program ended with exit code ${result.exitCode} after ${seconds} s. If an error went uncaught, the stack trace above names the line.`,
      };
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${Math.round(bytes / 1024)} kB`;
}
