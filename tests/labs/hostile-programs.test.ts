// Programs that misbehave are stopped or reported with a clear message, and the runner survives them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProgramResult } from '../../sandbox/lab-kit/lab-format.ts';
import { compileProgram } from '../../sandbox/runner/compile.ts';
import { describeEnding } from '../../sandbox/runner/describe-ending.ts';
import { HostProcessRunner } from '../../sandbox/runner/host-process-runner.ts';
import type { RunLimits } from '../../sandbox/runner/program-runner.ts';

const limits: RunLimits = { timeLimitMs: 5000, memoryMb: 128, outputBytes: 256 * 1024 };

async function run(source: string, overrides: Partial<RunLimits> = {}): Promise<{ result: ProgramResult; streamed: number; message: string }> {
  const compiled = await compileProgram(source);
  assert.ok(compiled.ok, JSON.stringify(compiled));
  let streamed = 0;
  const runLimits = { ...limits, ...overrides };
  const result = await new HostProcessRunner().start({
    code: compiled.code,
    env: { BOOTSTRAP_SERVERS: '127.0.0.1:1' },
    limits: runLimits,
    onOutput: (_stream, text) => (streamed += Buffer.byteLength(text)),
  }).done;
  return { result, streamed, message: describeEnding(result, runLimits).en };
}

describe('hostile programs', () => {
  it('stops an infinite loop at the time limit and says so', async () => {
    const { result, message } = await run('console.log("start"); while (true) {}', { timeLimitMs: 1500 });
    assert.equal(result.ending, 'timeout');
    assert.equal(result.stdout, 'start\n');
    assert.ok(result.durationMs < 4000, `stopped after ${result.durationMs} ms`);
    assert.match(message, /did not finish within the 1.5 s limit/);
  });

  it('stops a 100 MB output flood at the output limit, keeping no more than the limit', async () => {
    const { result, streamed, message } = await run('const mb = "x".repeat(1 << 20); for (let i = 0; i < 100; i++) process.stdout.write(mb);');
    assert.equal(result.ending, 'output-limit');
    assert.ok(streamed <= limits.outputBytes && result.stdout.length <= limits.outputBytes, `streamed ${streamed} bytes`);
    assert.match(message, /more than 256 kB of output/);
  });

  it('reports process.exit with its code', async () => {
    const { result, message } = await run('console.log("bye"); process.exit(3); console.log("never");');
    assert.deepEqual([result.ending, result.exitCode, result.stdout], ['exited', 3, 'bye\n']);
    assert.match(message, /exit code 3/);
  });

  it('stops a heap hog at the memory limit', async () => {
    const { result, message } = await run('const hog: number[][] = []; while (true) hog.push(new Array(1e6).fill(1));');
    assert.equal(result.ending, 'memory-limit');
    assert.match(message, /over its memory limit \(128 MB\)/);
  });

  it('stops a hog of Buffers, which the heap limit does not cover', async () => {
    const { result } = await run('const hog: Buffer[] = []; setInterval(() => hog.push(Buffer.alloc(32 * 1024 * 1024, 1)), 20);');
    assert.equal(result.ending, 'memory-limit');
  });

  it('shows a throw inside a callback with the learner\'s own line number', async () => {
    const { result, message } = await run('const x: number = 1;\nsetTimeout(() => {\n  throw new Error("boom " + x);\n}, 10);');
    assert.deepEqual([result.ending, result.exitCode], ['exited', 1]);
    assert.match(result.stderr, /Error: boom 1/);
    assert.match(result.stderr, /program\.ts:3/, 'the stack trace points at line 3 of the learner\'s file');
    assert.match(message, /exit code 1/);
  });

  it('explains a connection to a wrong broker address', async () => {
    const source = `import { Kafka, logLevel } from 'kafkajs';
const kafka = new Kafka({ brokers: ['127.0.0.1:1'], logLevel: logLevel.NOTHING, retry: { retries: 1 } });
const producer = kafka.producer();
await producer.connect();`;
    const { result, message } = await run(source, { timeLimitMs: 20_000 });
    assert.equal(result.exitCode, 1);
    assert.match(result.stderr, /KafkaJS\w*Error/);
    assert.match(message, /could not reach a broker: read the address from process\.env\.BOOTSTRAP_SERVERS/);
  });

  it('cancels a running program at once', async () => {
    const compiled = await compileProgram('setInterval(() => console.log("tick"), 50);');
    assert.ok(compiled.ok);
    const run = new HostProcessRunner().start({ code: compiled.code, env: {}, limits, onOutput: () => {} });
    setTimeout(() => run.cancel(), 300);
    const result = await run.done;
    assert.equal(result.ending, 'cancelled');
    assert.ok(result.durationMs < 2000);
  });

  it('reports compile errors with line and column, and refuses packages other than kafkajs', async () => {
    const broken = await compileProgram('const a = 1;\nconst b = ;\n');
    assert.ok(!broken.ok);
    assert.deepEqual(broken.problems.map((p) => [p.line, p.column]), [[2, 11]]);
    const foreign = await compileProgram('import _ from "lodash";\nconsole.log(_);\n');
    assert.ok(!foreign.ok);
    assert.match(foreign.problems[0]!.message, /can import kafkajs and node: modules only/);
    assert.equal(foreign.problems[0]!.line, 1);
  });
});
