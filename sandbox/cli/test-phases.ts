/**
 * Runs the test files in two phases, so that a full run fits CI's hour on two cores: first, one at a time,
 * the files a second test beside them would disturb (browser checks of layout and focus, fault timings,
 * CPU and memory hogs, the real `npm start`); then the rest two at a time (terminal exercises and cluster
 * tests spend most of their time waiting for brokers and JVM start-ups). Exits non-zero if either failed.
 */
import { spawn } from 'node:child_process';
import { globSync } from 'node:fs';

/** Each of these runs alone. */
const ALONE = [
  'tests/site/*.test.ts',
  'tests/server/lab-page.test.ts',
  'tests/server/npm-start.test.ts',
  'tests/server/lab-api.test.ts',
  'tests/terminal/terminal-page.test.ts',
  'tests/terminal/terminal-session.test.ts',
  'tests/labs/acks-min-isr.test.ts',
  'tests/labs/broker-outage.test.ts',
  'tests/labs/hostile-programs.test.ts',
  'tests/runner/host-runner.test.ts',
];
const PAIRED_CONCURRENCY = 2;

const expand = (patterns: string[]) => [...new Set(patterns.flatMap((pattern) => globSync(pattern)))].sort();

const files = expand(process.argv.slice(2));
const alone = new Set(expand(ALONE));
const phases = [
  { files: files.filter((file) => alone.has(file)), concurrency: 1 },
  { files: files.filter((file) => !alone.has(file)), concurrency: PAIRED_CONCURRENCY },
];

let current: ReturnType<typeof spawn> | undefined;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    current?.kill(signal);
    process.exit(130);
  });
}

/** One `node --test` run with this process's flags (the quiet kafkajs warning among them); its exit code. */
function runFiles(list: string[], concurrency: number): Promise<number> {
  return new Promise((resolve) => {
    current = spawn(process.execPath, [...process.execArgv, '--test', `--test-concurrency=${concurrency}`, ...list], { stdio: 'inherit' });
    current.on('exit', (code) => resolve(code ?? 1));
  });
}

let failed = false;
for (const phase of phases.filter((p) => p.files.length > 0)) {
  console.error(`Running ${phase.files.length} test file(s), ${phase.concurrency} at a time`);
  if ((await runFiles(phase.files, phase.concurrency)) !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
