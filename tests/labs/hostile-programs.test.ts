// Hostile lab programs through the container runner, on a real cluster beside a real course server: each
// is contained with a clear message, the server keeps serving, and the next run on the same cluster is clean.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ClusterPool } from '../../sandbox/cluster/cluster-pool.ts';
import type { KafkaCluster } from '../../sandbox/cluster/kafka-cluster.ts';
import { dockerClient } from '../../sandbox/docker/docker-client.ts';
import { LABEL } from '../../sandbox/docker/labels.ts';
import { readTopic } from '../../sandbox/lab-kit/cluster-state.ts';
import type { ProgramResult } from '../../sandbox/lab-kit/lab-format.ts';
import { compileProgram } from '../../sandbox/runner/compile.ts';
import { ContainerRunner, PROGRAM_LABEL } from '../../sandbox/runner/container-runner.ts';
import { describeEnding } from '../../sandbox/runner/describe-ending.ts';
import type { RunLimits } from '../../sandbox/runner/program-runner.ts';
import { CourseServer } from '../../sandbox/server/course-server.ts';
import { mountLabApi } from '../../sandbox/server/lab-api.ts';
import { LearnerSessions } from '../../sandbox/server/learner-sessions.ts';

const root = join(import.meta.dirname, '..', '..');
const limits: RunLimits = { timeLimitMs: 5000, memoryMb: 128, outputBytes: 256 * 1024 };
const TOPIC = 'hostile';

/** Every IPv4 address of this machine: where a container could look for the host's services. */
const hostAddresses = Object.values(networkInterfaces()).flat().filter((a) => a?.family === 'IPv4').map((a) => a!.address);

/** Source shared by the programs that probe the network: `reach(host, port)` prints and returns how it went. */
const REACH = `
import { connect } from 'node:net';
const reach = (host: string, port: number) => new Promise<string>((resolve) => {
  const socket = connect({ host, port, timeout: 1500 });
  const done = (how: string) => { socket.destroy(); console.log('REACH', host + ':' + port, how); resolve(how); };
  socket.once('connect', () => done('open'));
  socket.once('timeout', () => done('timeout'));
  socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? 'error'));
});
`;

/** Source that prints one of the container's cgroup limits, as cgroup v2 or v1 names it: `LIMIT <name> <value>`. */
const CGROUP_LIMIT = `
import { existsSync, readFileSync } from 'node:fs';
const limit = (name: string, v2: string, v1: string[]) => {
  const value = existsSync(v2) ? readFileSync(v2, 'utf8').trim() : v1.map((file) => readFileSync(file, 'utf8').trim()).join(' ');
  console.log('LIMIT', name, value);
};
`;

const reached = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('REACH') && line.endsWith(' open'));

describe('hostile programs in the container runner', () => {
  const pool = new ClusterPool({ maxIdle: 2 });
  const runner = new ContainerRunner();
  const siteDir = mkdtempSync(join(tmpdir(), 'hostile-site-'));
  const server = new CourseServer({ siteDir, port: 0 });
  let sessions: LearnerSessions;
  let base: string;
  let cluster: KafkaCluster;
  let otherCluster: KafkaCluster;

  before(async () => {
    [cluster, otherCluster] = await Promise.all([
      pool.acquire({ nodes: 1, topics: [{ name: TOPIC }] }),
      pool.acquire({ nodes: 1, topics: [{ name: 'secrets' }] }),
    ]);
    sessions = mountLabApi(server, new LearnerSessions({ runner, pool }));
    base = await server.listen();
  });
  after(async () => {
    await server.close();
    await sessions.dispose();
    await runner.dispose();
    await Promise.all([pool.release(cluster), pool.release(otherCluster)]);
    await pool.dispose();
    rmSync(siteDir, { recursive: true, force: true });
  });

  async function run(source: string, overrides: Partial<RunLimits> = {}): Promise<{ result: ProgramResult; streamed: number; message: string }> {
    const compiled = await compileProgram(source);
    assert.ok(compiled.ok, JSON.stringify(compiled));
    let streamed = 0;
    const runLimits = { ...limits, ...overrides };
    const result = await runner.start({
      code: compiled.code,
      cluster,
      env: {},
      limits: runLimits,
      onOutput: (_stream, text) => (streamed += Buffer.byteLength(text)),
    }).done;
    return { result, streamed, message: describeEnding(result, runLimits).en };
  }

  async function assertServing(): Promise<void> {
    const response = await fetch(`${base}api/labs/session`, { method: 'POST' });
    assert.equal(response.status, 200, 'the course server still answers');
  }

  /** Program containers of a cluster: at most the spare once a run is over. */
  async function programContainers(of: KafkaCluster) {
    const docker = (await dockerClient()).container.dockerode;
    return docker.listContainers({ all: true, filters: JSON.stringify({ label: [PROGRAM_LABEL, `${LABEL.cluster}=${of.id}`] }) });
  }

  /** A normal program afterwards: nothing left in /tmp, no process but its own, and it produces to the cluster. */
  async function assertCleanNextRun(): Promise<void> {
    assert.ok((await programContainers(cluster)).length <= 1, 'nothing but the spare is left of the last run');
    const { result } = await run(`import { readdirSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
console.log('TMP', JSON.stringify(readdirSync('/tmp')));
console.log('PIDS', JSON.stringify(readdirSync('/proc').filter((name) => /^\\d+$/.test(name))));
const producer = new Kafka({ brokers: process.env.BOOTSTRAP_SERVERS!.split(','), logLevel: logLevel.NOTHING }).producer();
await producer.connect();
await producer.send({ topic: '${TOPIC}', messages: [{ value: 'clean' }] });
await producer.disconnect();
console.log('PRODUCED');`, { timeLimitMs: 20_000 });
    assert.deepEqual([result.ending, result.exitCode], ['exited', 0], result.stderr);
    assert.match(result.stdout, /^TMP \[\]$/m, 'an empty /tmp');
    assert.match(result.stdout, /^PIDS \["1"\]$/m, 'no process but the program');
    assert.match(result.stdout, /^PRODUCED$/m);
  }

  it('runs as a non-root user with no capabilities, a read-only root and only the cluster\'s network', async () => {
    const running = run(`import { readFileSync, writeFileSync } from 'node:fs';
const status = readFileSync('/proc/self/status', 'utf8');
console.log('UID', process.getuid!());
console.log('CAPS', status.match(/^CapEff:\\s+(\\w+)/m)![1]);
console.log('NO_NEW_PRIVS', status.match(/^NoNewPrivs:\\s+(\\d)/m)![1]);
try { writeFileSync('/app/x', 'x'); console.log('WROTE /app'); } catch (error) { console.log('ROOT_FS', (error as NodeJS.ErrnoException).code); }
await new Promise((resolve) => setTimeout(resolve, 1500));`);
    const docker = (await dockerClient()).container.dockerode;
    let containers: Awaited<ReturnType<typeof programContainers>> = [];
    for (let i = 0; i < 50 && !containers.some((c) => c.State === 'running'); i++) {
      containers = await programContainers(cluster);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const info = await docker.getContainer(containers.find((c) => c.State === 'running')!.Id).inspect();
    const { result } = await running;
    assert.equal(result.ending, 'exited', result.stderr);
    assert.match(result.stdout, /^UID 1000$/m);
    assert.match(result.stdout, /^CAPS 0+$/m);
    assert.match(result.stdout, /^NO_NEW_PRIVS 1$/m);
    assert.match(result.stdout, /^ROOT_FS EROFS$/m);
    const host = info.HostConfig;
    assert.equal(host.ReadonlyRootfs, true);
    assert.deepEqual(host.CapDrop, ['ALL']);
    assert.ok(host.SecurityOpt?.includes('no-new-privileges'));
    assert.equal(host.Privileged, false);
    assert.deepEqual([host.Binds ?? [], info.Mounts], [[], []], 'no host mounts');
    assert.deepEqual(Object.keys(host.PortBindings ?? {}), [], 'no published ports');
    assert.equal(host.NetworkMode, cluster.networkName);
    assert.deepEqual(Object.keys(info.NetworkSettings.Networks), [cluster.networkName]);
    assert.ok((host.Memory ?? 0) > 0 && (host.NanoCpus ?? 0) > 0 && (host.PidsLimit ?? 0) > 0, 'memory, CPU and process limits');
  });

  it('stops an infinite loop at the time limit and says so', async () => {
    const { result, message } = await run('console.log("start"); while (true) {}', { timeLimitMs: 1500 });
    assert.equal(result.ending, 'timeout');
    assert.equal(result.stdout, 'start\n');
    assert.match(message, /did not finish within the 1.5 s limit/);
  });

  it('stops a 100 MB output flood at the output limit, keeping no more than the limit', async () => {
    const { result, streamed, message } = await run('const mb = "x".repeat(1 << 20); for (let i = 0; i < 100; i++) process.stdout.write(mb);');
    assert.equal(result.ending, 'output-limit');
    assert.ok(streamed <= limits.outputBytes && result.stdout.length <= limits.outputBytes, `streamed ${streamed} bytes`);
    assert.match(message, /more than 256 kB of output/);
    await assertServing();
    await assertCleanNextRun();
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

  it('stops a hog of Buffers, which the heap limit does not cover, at the container\'s memory limit', async () => {
    const { result, message } = await run('const hog: Buffer[] = []; setInterval(() => hog.push(Buffer.alloc(32 * 1024 * 1024, 1)), 20);');
    assert.equal(result.ending, 'memory-limit');
    assert.match(message, /over its memory limit/);
    await assertServing();
    await assertCleanNextRun();
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
    const started = runner.start({ code: compiled.code, cluster, env: {}, limits: { ...limits, timeLimitMs: 60_000 }, onOutput: () => started.cancel() });
    const result = await started.done;
    assert.deepEqual([result.ending, result.exitCode], ['cancelled', null]);
    assert.match(result.stdout, /^tick$/m);
  });

  it('cancels a run whose container is still being readied', async () => {
    const compiled = await compileProgram('console.log("ran");');
    assert.ok(compiled.ok);
    const started = runner.start({ code: compiled.code, cluster, env: {}, limits, onOutput: () => {} });
    started.cancel();
    const result = await started.done;
    assert.deepEqual([result.ending, result.stdout], ['cancelled', '']);
    await assertCleanNextRun();
  });

  it('cannot read the host\'s files: /etc/shadow, the project\'s checks and solutions, learners\' attempts', async () => {
    const paths = ['/etc/shadow', join(root, 'package.json'), join(root, 'labs/keyed-producer/checks.ts'), join(root, 'labs/keyed-producer/solution.ts'), join(root, '.course-data/attempts'), '/proc/1/root/etc/shadow'];
    const { result } = await run(`import { readFileSync, readdirSync } from 'node:fs';
for (const path of ${JSON.stringify(paths)}) {
  try { readFileSync(path); console.log('READ', path); } catch (error) {
    try { readdirSync(path); console.log('READ', path); } catch { console.log('DENIED', path, (error as NodeJS.ErrnoException).code); }
  }
}
console.log('PASSWD', JSON.stringify(readFileSync('/etc/passwd', 'utf8').split('\\n').filter(Boolean).map((line) => line.split(':')[0])));
console.log('CWD', readdirSync('/proc/1/cwd').join(','));`);
    assert.equal(result.ending, 'exited', result.stderr);
    assert.doesNotMatch(result.stdout, /^READ/m);
    assert.equal(result.stdout.match(/^DENIED/gm)?.length, paths.length);
    assert.match(result.stdout, /^PASSWD \["root","learner"\]$/m, 'the image\'s users, not the host\'s');
    assert.match(result.stdout, /^CWD node_modules$/m, 'its working directory holds kafkajs and nothing else');
  });

  it('cannot load host files through a computed import the compiler cannot see', async () => {
    const paths = [join(root, 'labs/keyed-producer/solution.ts'), join(root, 'sandbox/runner/compile.ts'), '/etc/shadow'];
    const { result } = await run(`const load = new Function('path', 'return import(path)') as (path: string) => Promise<unknown>;
for (const path of ${JSON.stringify(paths)}) {
  await load(path).then(() => console.log('LOADED', path), (error: NodeJS.ErrnoException) => console.log('FAILED', path, error.code));
}`);
    assert.equal(result.ending, 'exited', result.stderr);
    assert.doesNotMatch(result.stdout, /LOADED/);
    assert.equal(result.stdout.match(/^FAILED .* ERR_MODULE_NOT_FOUND$/gm)?.length, paths.length, result.stdout);
  });

  it('cannot reach the Docker socket', async () => {
    const { result } = await run(`${REACH}
import { existsSync } from 'node:fs';
for (const path of ['/var/run/docker.sock', '/run/docker.sock']) console.log('SOCKET', path, existsSync(path));
await new Promise<void>((resolve) => connect('/var/run/docker.sock').once('error', (error: NodeJS.ErrnoException) => { console.log('UNIX', error.code); resolve(); }).once('connect', () => { console.log('UNIX open'); resolve(); }));
await Promise.all(${JSON.stringify(hostAddresses)}.flatMap((host: string) => [2375, 2376].map((port) => reach(host, port))));`, { timeLimitMs: 30_000 });
    assert.equal(result.ending, 'exited', result.stderr);
    assert.match(result.stdout, /^SOCKET \/var\/run\/docker\.sock false$/m);
    assert.match(result.stdout, /^SOCKET \/run\/docker\.sock false$/m);
    assert.match(result.stdout, /^UNIX ENOENT$/m);
    assert.deepEqual(reached(result.stdout), []);
  });

  it('cannot reach the course server on any of the host\'s addresses', async () => {
    const port = Number(new URL(base).port);
    const { result } = await run(`${REACH}
await Promise.all(${JSON.stringify(hostAddresses)}.map((host: string) => reach(host, ${port})));`, { timeLimitMs: 30_000 });
    assert.equal(result.ending, 'exited', result.stderr);
    assert.equal(result.stdout.match(/^REACH/gm)?.length, hostAddresses.length);
    assert.deepEqual(reached(result.stdout), []);
    await assertServing();
  });

  it('cannot reach another learner\'s cluster, by its host ports or its containers\' addresses', async () => {
    const docker = (await dockerClient()).container.dockerode;
    const nodes = await docker.listContainers({ filters: JSON.stringify({ label: [`${LABEL.cluster}=${otherCluster.id}`] }) });
    const nodeAddresses = nodes.flatMap((node) => Object.values(node.NetworkSettings.Networks).map((network) => network.IPAddress)).filter(Boolean);
    assert.ok(nodeAddresses.length > 0);
    const targets = [
      ...otherCluster.bootstrapServers.map((address) => address.split(':') as [string, string]),
      ...nodeAddresses.flatMap((ip) => ['9092', '9093', '29092'].map((port) => [ip, port] as [string, string])),
      ...hostAddresses.flatMap((ip) => otherCluster.bootstrapServers.map((address) => [ip, address.split(':')[1]!] as [string, string])),
    ];
    const { result } = await run(`${REACH}
await reach('kafka-1', 9092); // its own cluster: the network works
await Promise.all(${JSON.stringify(targets)}.map(([host, port]: [string, string]) => reach(host, Number(port))));`, { timeLimitMs: 30_000 });
    assert.equal(result.ending, 'exited', result.stderr);
    assert.deepEqual(reached(result.stdout), ['REACH kafka-1:9092 open']);
    assert.equal(result.stdout.match(/^REACH/gm)?.length, targets.length + 1);
  });

  it('cannot reach the internet: no outside name resolves, no outside address answers', async () => {
    const { result } = await run(`${REACH}
import { lookup } from 'node:dns/promises';
await Promise.all([
  lookup('example.com').then(() => console.log('RESOLVED'), (error: NodeJS.ErrnoException) => console.log('DNS', error.code)),
  reach('1.1.1.1', 443),
  reach('8.8.8.8', 53),
]);`, { timeLimitMs: 30_000 });
    assert.equal(result.ending, 'exited', result.stderr);
    assert.match(result.stdout, /^DNS \w+$/m);
    assert.doesNotMatch(result.stdout, /RESOLVED/);
    assert.deepEqual(reached(result.stdout), []);
  });

  it('contains a fork bomb: the process limit holds, the server serves, nothing is left', async () => {
    const { result, message } = await run(`${CGROUP_LIMIT}
limit('pids', '/sys/fs/cgroup/pids.max', ['/sys/fs/cgroup/pids/pids.max']);
import { spawn } from 'node:child_process';
const bomb = "const { spawn } = require('node:child_process'); for (let i = 0; i < 1000; i++) { try { spawn(process.execPath, ['-e', process.argv[1], process.argv[1]], { stdio: 'ignore', detached: true }).on('error', () => {}); } catch {} } setInterval(() => {}, 1000);";
for (let i = 0; i < 200; i++) {
  try { spawn(process.execPath, ['-e', bomb, bomb], { stdio: 'ignore', detached: true }).on('error', () => {}); } catch {}
}
setInterval(() => {}, 1000);`, { timeLimitMs: 4000 });
    assert.ok(['timeout', 'memory-limit'].includes(result.ending), `${result.ending}: ${result.stderr.slice(0, 500)}`);
    assert.match(result.stdout, /^LIMIT pids 64$/m);
    assert.ok(message.length > 0);
    await assertServing();
    await assertCleanNextRun();
  });

  it('ends a detached grandchild with the run, however long it meant to live', async () => {
    const { result } = await run(`import { spawn } from 'node:child_process';
const grandchild = \`import { Kafka, logLevel } from 'kafkajs';
const producer = new Kafka({ brokers: process.env.BOOTSTRAP_SERVERS.split(','), logLevel: logLevel.NOTHING }).producer();
await producer.connect();
await producer.send({ topic: '${TOPIC}', messages: [{ value: 'alive' }] });
await new Promise((resolve) => setTimeout(resolve, 5000));
await producer.send({ topic: '${TOPIC}', messages: [{ value: 'escaped' }] });\`;
spawn(process.execPath, ['--input-type=module', '-e', grandchild], { detached: true, stdio: 'ignore' }).unref();
console.log('spawned');
setInterval(() => {}, 1000);`, { timeLimitMs: 4000 });
    assert.equal(result.ending, 'timeout');
    await new Promise((resolve) => setTimeout(resolve, 4000)); // past the moment the grandchild meant to write
    const values = (await readTopic(cluster, TOPIC)).map((record) => record.value);
    assert.ok(values.includes('alive'), `the grandchild ran and reached the cluster: ${values.join(', ')}`);
    assert.ok(!values.includes('escaped'), 'it wrote nothing after the run ended');
    await assertCleanNextRun();
  });

  it('keeps a disk filler to its small /tmp, and cannot write anywhere else', async () => {
    const { result } = await run(`import { appendFileSync, writeFileSync } from 'node:fs';
const mb = Buffer.alloc(1 << 20, 1);
let written = 0;
try { for (;;) { appendFileSync('/tmp/fill', mb); written++; } } catch (error) { console.log('TMP', (error as NodeJS.ErrnoException).code, written); }
for (const path of ['/fill', '/app/fill', '/app/node_modules/kafkajs/index.js', '/etc/passwd', '/dev/shm/fill']) {
  try { writeFileSync(path, 'x'); console.log('WROTE', path); } catch (error) { console.log('DENIED', path, (error as NodeJS.ErrnoException).code); }
}`);
    assert.equal(result.ending, 'exited', result.stderr);
    const [, code, megabytes] = result.stdout.match(/^TMP (\w+) (\d+)$/m)!;
    assert.equal(code, 'ENOSPC');
    assert.ok(Number(megabytes) <= 16, `${megabytes} MB written`);
    assert.doesNotMatch(result.stdout, /^WROTE/m);
    await assertCleanNextRun();
  });

  it('keeps a busy loop in every thread to its CPU share while the server serves', async () => {
    const running = run(`${CGROUP_LIMIT}
limit('cpu', '/sys/fs/cgroup/cpu.max', ['/sys/fs/cgroup/cpu/cpu.cfs_quota_us', '/sys/fs/cgroup/cpu/cpu.cfs_period_us']);
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
for (let i = 0; i < availableParallelism() + 2; i++) new Worker('for (;;) {}', { eval: true });
console.log('busy');
for (;;) {}`, { timeLimitMs: 4000 });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await assertServing(); // during the run
    const { result, message } = await running;
    assert.equal(result.ending, 'timeout');
    const [quota, period] = result.stdout.match(/^LIMIT cpu (\d+) (\d+)$/m)!.slice(1).map(Number);
    assert.equal(quota! / period!, 1, 'one CPU for every thread together');
    assert.match(message, /did not finish within the 4 s limit/);
    await assertServing();
    await assertCleanNextRun();
  });

  it('cannot signal its parent, the server or anything outside its container', async () => {
    const { result } = await run(`const outcome = (pid: number, signal: NodeJS.Signals) => { try { process.kill(pid, signal); return 'sent'; } catch (error) { return (error as NodeJS.ErrnoException).code; } };
console.log('PPID', process.ppid);
console.log('SERVER', outcome(${process.pid}, 'SIGKILL'));
console.log('INIT', outcome(1, 'SIGKILL'));
console.log('STILL_HERE');`);
    assert.equal(result.ending, 'exited', result.stderr);
    assert.match(result.stdout, /^PPID 0$/m, 'the program is its container\'s first process: no parent it can see');
    assert.match(result.stdout, /^SERVER ESRCH$/m, 'the server\'s pid does not exist in its container');
    assert.match(result.stdout, /^STILL_HERE$/m);
    await assertServing();
    await assertCleanNextRun();
  });

  it('refuses require, createRequire, computed import() and path imports before running, with line and column', async () => {
    const cases: Array<[string, [number, number], RegExp]> = [
      ['const fs = require("node:fs");', [1, 12], /require\(\) is not available in a lab program/],
      ['import { createRequire } from "node:module";\nconst load = createRequire(import.meta.url);', [1, 10], /createRequire loads code by file path/],
      ['import * as m from "node:module";\nm.createRequire("/");', [1, 20], /"node:module" loads code by file path/],
      ['const name = "kaf" + "kajs";\nawait import(name);', [2, 14], /import\(\) takes a module name written in quotes/],
      [`import secret from "${join(root, 'labs/keyed-producer/solution.ts')}";`, [1, 20], /cannot import files or URLs/],
      ['import checks from "../../labs/keyed-producer/checks.ts";', [1, 20], /cannot import files or URLs/],
      ['export * from "file:///etc/passwd";', [1, 15], /cannot import files or URLs/],
      ['process.binding("fs");', [1, 1], /process\.binding and process\.dlopen load native code/],
    ];
    for (const [source, [line, column], message] of cases) {
      const compiled = await compileProgram(source);
      assert.ok(!compiled.ok, source);
      assert.deepEqual([compiled.problems[0]!.line, compiled.problems[0]!.column], [line, column], source);
      assert.match(compiled.problems[0]!.message, message);
      assert.ok(compiled.problems[0]!.localized?.ko, 'in Korean too');
    }
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
