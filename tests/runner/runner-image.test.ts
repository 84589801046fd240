// The lab runner image, built for real under a throwaway tag: Node and kafkajs, labelled with their
// versions, a non-root user, and nothing else to run (no shell).
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { dockerClient } from '../../sandbox/docker/docker-client.ts';
import { buildRunnerImage } from '../../sandbox/image/build-runner-image.ts';
import { RUNNER, runnerImageName, runnerImageVersions } from '../../sandbox/image/runner-image.ts';

const TAG = `kafka-course/lab-runner-test:${process.pid}`;

describe('the lab runner image', () => {
  const versions = runnerImageVersions();
  let progress: string[];
  before(async () => {
    progress = [];
    await buildRunnerImage(await dockerClient(), { name: TAG, versions, ...RUNNER }, (line) => progress.push(line));
  });
  after(async () => {
    await (await dockerClient()).container.dockerode.getImage(TAG).remove({ force: true }).catch(() => undefined);
  });

  /** Runs a command in a container of the test image; its exit code and output. */
  async function inImage(cmd: string[]): Promise<{ status: number; output: string }> {
    const docker = (await dockerClient()).container.dockerode;
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const container = await docker.createContainer({ Image: TAG, Cmd: cmd, HostConfig: { NetworkMode: 'none' } });
    try {
      const stream = await container.attach({ stream: true, stdout: true, stderr: true });
      docker.modem.demuxStream(stream, output, output);
      await container.start().catch((error: Error) => chunks.push(Buffer.from(error.message)));
      const { StatusCode } = (await container.wait()) as { StatusCode: number };
      return { status: StatusCode, output: Buffer.concat(chunks).toString() };
    } finally {
      await container.remove({ force: true });
    }
  }

  it('is named after the Node and kafkajs it holds', () => {
    assert.equal(runnerImageName(), `kafka-course/lab-runner:${process.versions.node}-kafkajs${versions.kafkajs}`);
    assert.match(versions.kafkajs, /^\d+\.\d+\.\d+$/);
  });

  it('was built from this machine\'s Node, with no registry', () => {
    assert.match(progress[0]!, /Importing this machine's Node/);
  });

  it('carries its versions as labels and runs as a non-root user in /app', async () => {
    const info = await (await dockerClient()).container.dockerode.getImage(TAG).inspect();
    assert.equal(info.Config.Labels[RUNNER.labels.node], process.versions.node);
    assert.equal(info.Config.Labels[RUNNER.labels.kafkajs], versions.kafkajs);
    assert.equal(info.Config.User, `${RUNNER.user.uid}:${RUNNER.user.uid}`);
    assert.equal(info.Config.WorkingDir, RUNNER.workDir);
  });

  it('runs Node, which imports kafkajs by its bare name', async () => {
    const { status, output } = await inImage(['node', '--input-type=module', '-e', 'const { Kafka } = await import("kafkajs"); console.log(process.version, typeof Kafka, process.getuid());']);
    assert.equal(status, 0, output);
    assert.equal(output.trim(), `${process.version} function ${RUNNER.user.uid}`);
  });

  it('has no shell and no other program to run', async () => {
    const { status, output } = await inImage(['node', '-e', 'const fs = require("fs"); console.log(["/bin", "/usr/bin", "/sbin", "/usr/local/bin"].flatMap((d) => fs.existsSync(d) ? fs.readdirSync(d) : []).join(","))']);
    assert.equal(status, 0, output);
    assert.equal(output.trim(), 'node');
    assert.notEqual((await inImage(['/bin/sh', '-c', 'true'])).status, 0);
  });
});
