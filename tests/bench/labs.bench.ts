// `npm run bench:labs`: on warm clusters, what a learner's Run costs through the course server (reset,
// compile, run in the default runner (a container), checks, streamed over HTTP) against the same compiled
// program run directly with node on the host. Figures only; targets: first output <= 1 s, sandbox/direct
// ratio <= 1.5x.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterPool } from '../../sandbox/cluster/cluster-pool.ts';
import { compileProgram } from '../../sandbox/runner/compile.ts';
import { chooseRunner, runnerKind } from '../../sandbox/runner/choose-runner.ts';
import { loadLab } from '../../sandbox/lab/lab-catalog.ts';
import { CourseServer } from '../../sandbox/server/course-server.ts';
import { mountLabApi } from '../../sandbox/server/lab-api.ts';
import { LearnerSessions } from '../../sandbox/server/learner-sessions.ts';

const LAB = 'keyed-producer';
const RUNS = 5;

const lab = await loadLab(LAB);
const pool = new ClusterPool();
const siteDir = mkdtempSync(join(tmpdir(), 'labs-bench-site-'));
const root = join(import.meta.dirname, '..', '..');
const server = new CourseServer({ siteDir, port: 0 });
const runner = chooseRunner();
const sessions = mountLabApi(server, new LearnerSessions({ runner, pool }));
const direct = await pool.acquire(lab.definition.cluster);

try {
  const base = await server.listen();
  const { token } = (await (await fetch(`${base}api/labs/session`, { method: 'POST' })).json()) as { token: string };

  /** One Run as the page does it: ms to the first output event, to the program's exit, and to the check results. */
  async function sandboxRun(): Promise<{ firstOutput: number; exit: number; checks: number }> {
    const started = performance.now();
    const response = await fetch(`${base}api/labs/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, labId: LAB, source: lab.solution }) });
    const times: Partial<Record<'firstOutput' | 'exit' | 'checks', number>> = {};
    const decoder = response.body!.pipeThrough(new TextDecoderStream());
    let buffered = '';
    for await (const chunk of decoder) {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const event = JSON.parse(line) as { type: string; results?: Array<{ passed: boolean }> };
        if (event.type === 'output') times.firstOutput ??= performance.now() - started;
        if (event.type === 'exit') times.exit = performance.now() - started;
        if (event.type === 'checks') {
          times.checks = performance.now() - started;
          if (!event.results!.every((r) => r.passed)) throw new Error('the solution failed a check in the benchmark');
        }
      }
    }
    if (times.firstOutput === undefined || times.exit === undefined || times.checks === undefined) throw new Error(`incomplete run: ${JSON.stringify(times)}`);
    return times as { firstOutput: number; exit: number; checks: number };
  }

  const compiled = await compileProgram(lab.solution);
  if (!compiled.ok) throw new Error('the solution does not compile');
  const program = compiled.code;

  /**
   * The same compiled program with plain node on an equally warm cluster, reset beforehand (not timed),
   * given its code on stdin from the project's folder, where its bare kafkajs import resolves.
   */
  async function directRun(): Promise<{ firstOutput: number; exit: number }> {
    await direct.reset();
    const started = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '--enable-source-maps', '--disable-warning=TimeoutNegativeWarning', '-'], {
      cwd: root,
      env: { ...process.env, BOOTSTRAP_SERVERS: direct.bootstrapServers.join(','), KAFKAJS_NO_PARTITIONER_WARNING: '1' },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    child.stdin.end(program);
    let firstOutput: number | undefined;
    child.stdout.on('data', () => (firstOutput ??= performance.now() - started));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (code !== 0 || firstOutput === undefined) throw new Error(`the direct run failed (exit ${code})`);
    return { firstOutput, exit: performance.now() - started };
  }

  await sandboxRun(); // warm-up: the session takes its cluster, caches fill
  await directRun();
  const sandbox = [];
  const plain = [];
  for (let i = 0; i < RUNS; i++) {
    sandbox.push(await sandboxRun());
    plain.push(await directRun());
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const ms = (value: number) => `${Math.round(value).toString().padStart(5)} ms`;
  const figures = {
    firstOutput: median(sandbox.map((r) => r.firstOutput)),
    exit: median(sandbox.map((r) => r.exit)),
    checks: median(sandbox.map((r) => r.checks)),
    directFirstOutput: median(plain.map((r) => r.firstOutput)),
    directExit: median(plain.map((r) => r.exit)),
  };
  console.log(`lab ${LAB}, ${RUNS} runs each on warm 1-node clusters, programs run by the ${runnerKind()} runner, medians:`);
  console.log(`  Run → first output          ${ms(figures.firstOutput)}  (target <= 1000 ms: ${figures.firstOutput <= 1000 ? 'met' : 'NOT met'})`);
  console.log(`  Run → program ended         ${ms(figures.exit)}`);
  console.log(`  Run → checks done           ${ms(figures.checks)}`);
  console.log(`  node directly: first output ${ms(figures.directFirstOutput)}`);
  console.log(`  node directly: ended        ${ms(figures.directExit)}`);
  const ratio = figures.exit / figures.directExit;
  console.log(`  ratio, Run → program ended / node directly: ${ratio.toFixed(2)}x (target <= 1.5x: ${ratio <= 1.5 ? 'met' : 'NOT met'})`);
  console.log(`  ratio, first output: ${(figures.firstOutput / figures.directFirstOutput).toFixed(2)}x`);
} finally {
  await server.close();
  await sessions.dispose();
  await runner.dispose();
  await pool.release(direct);
  await pool.dispose();
  rmSync(siteDir, { recursive: true, force: true });
}
