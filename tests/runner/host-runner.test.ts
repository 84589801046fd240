// The host-process runner, the opt-in for a single trusted user (LAB_RUNNER=host): it still reaches the
// cluster through its host addresses, keeps its limits and ends whatever the program spawned.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { startKafkaCluster, type KafkaCluster } from '../../sandbox/cluster/kafka-cluster.ts';
import { readTopic } from '../../sandbox/lab-kit/cluster-state.ts';
import type { ProgramResult } from '../../sandbox/lab-kit/lab-format.ts';
import { ContainerRunner } from '../../sandbox/runner/container-runner.ts';
import { chooseRunner, runnerAnnouncement, runnerKind } from '../../sandbox/runner/choose-runner.ts';
import { compileProgram } from '../../sandbox/runner/compile.ts';
import { HostProcessRunner } from '../../sandbox/runner/host-process-runner.ts';
import type { RunLimits } from '../../sandbox/runner/program-runner.ts';
import { waitFor } from '../helpers/wait-for.ts';

const limits: RunLimits = { timeLimitMs: 5000, memoryMb: 128, outputBytes: 256 * 1024 };

describe('choosing the runner', () => {
  it('runs programs in containers unless LAB_RUNNER=host opts in, and says which at start', () => {
    assert.equal(runnerKind(undefined), 'container');
    assert.equal(runnerKind('container'), 'container');
    assert.equal(runnerKind('host'), 'host');
    assert.throws(() => runnerKind('docker'), /LAB_RUNNER is "docker": use "container" \(the default\) or "host"/);
    assert.ok(chooseRunner('container') instanceof ContainerRunner);
    assert.ok(chooseRunner('host') instanceof HostProcessRunner);
    assert.match(runnerAnnouncement('host'), /host processes with your user's rights \(LAB_RUNNER=host\): only for a single trusted user/);
    assert.match(runnerAnnouncement('container'), /in containers/);
  });
});

describe('the host-process runner (opt-in)', () => {
  const runner = new HostProcessRunner();
  let cluster: KafkaCluster;
  before(async () => {
    cluster = await startKafkaCluster({ nodes: 1, topics: [{ name: 'host-run' }] });
  });
  after(async () => {
    await runner.dispose();
    await cluster.dispose();
  });

  async function run(source: string, overrides: Partial<RunLimits> = {}): Promise<ProgramResult> {
    const compiled = await compileProgram(source);
    assert.ok(compiled.ok, JSON.stringify(compiled));
    return runner.start({ code: compiled.code, cluster, env: {}, limits: { ...limits, ...overrides }, onOutput: () => {} }).done;
  }

  it('reaches the cluster at its host addresses, importing kafkajs as a bare import', async () => {
    const result = await run(`import { Kafka, logLevel } from 'kafkajs';
console.log(process.env.BOOTSTRAP_SERVERS);
const producer = new Kafka({ brokers: process.env.BOOTSTRAP_SERVERS!.split(','), logLevel: logLevel.NOTHING }).producer();
await producer.connect();
await producer.send({ topic: 'host-run', messages: [{ value: 'from the host' }] });
await producer.disconnect();`, { timeLimitMs: 20_000 });
    assert.deepEqual([result.ending, result.exitCode], ['exited', 0], result.stderr);
    assert.equal(result.stdout.trim(), cluster.bootstrapServers.join(','));
    assert.deepEqual((await readTopic(cluster, 'host-run')).map((r) => r.value), ['from the host']);
  });

  it('stops a hog of Buffers by watching resident memory', async () => {
    const result = await run('const hog: Buffer[] = []; setInterval(() => hog.push(Buffer.alloc(32 * 1024 * 1024, 1)), 20);');
    assert.deepEqual([result.ending, result.exitCode], ['memory-limit', null]);
  });

  it('stops at the time limit and ends the children it spawned in its group', async () => {
    const result = await run(`import { spawn } from 'node:child_process';
const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
console.log('CHILD', child.pid);
setInterval(() => {}, 1000);`, { timeLimitMs: 1500 });
    assert.equal(result.ending, 'timeout');
    const pid = Number(result.stdout.match(/^CHILD (\d+)$/m)![1]);
    // Gone, or a zombie waiting for init to reap it: either way it runs no more.
    await waitFor('the child to end', async () => {
      const state = await readFile(`/proc/${pid}/stat`, 'utf8').then((stat) => stat.split(') ')[1]![0], () => 'gone');
      return state === 'gone' || state === 'Z' ? true : undefined;
    }, 10_000);
  });

  it('cancels a running program', async () => {
    const compiled = await compileProgram('setInterval(() => console.log("tick"), 50);');
    assert.ok(compiled.ok);
    const started = runner.start({ code: compiled.code, cluster, env: {}, limits, onOutput: () => started.cancel() });
    const result = await started.done;
    assert.deepEqual([result.ending, result.exitCode], ['cancelled', null]);
  });
});
