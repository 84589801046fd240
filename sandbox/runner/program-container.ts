/**
 * One container for one lab program: Node from the runner image, waiting on stdin for the program's code
 * (the root file system is read-only, so nothing is copied in), on the cluster's own network and nothing
 * else. Not root, no capabilities, no privilege gain, no host mounts, a small tmpfs for /tmp, and limits
 * on memory, CPU and processes that hold for everything the program starts. Killing the container ends
 * all of it, detached grandchildren included.
 */
import { PassThrough, type Readable } from 'node:stream';
import type Dockerode from 'dockerode';

/** Node and kafkajs take ~60 MB outside the JS heap, /tmp counts too; beyond this a program is hogging memory. */
const MEMORY_HEADROOM_MB = 160;
const TMP_MB = 16;
const CPUS = 1;
/** Threads count: Node alone runs about a dozen, a few worker threads fit, a fork bomb does not. */
const MAX_PROCESSES = 64;

export interface ProgramContainerSpec {
  image: string;
  /** The cluster's network: the only one the container joins. */
  networkName: string;
  labels: Record<string, string>;
  env: Record<string, string>;
  /** The V8 heap limit; the container's limit adds headroom. */
  memoryMb: number;
}

export interface ProgramExit {
  statusCode: number | null;
  /** The kernel killed it at the container's memory limit. */
  oomKilled: boolean;
}

export interface ProgramContainer {
  readonly stdout: Readable;
  readonly stderr: Readable;
  /** Gives Node the program's code; it runs once stdin closes. */
  send(code: string): void;
  /** Resolves once the container has stopped and all its output is read; never rejects. */
  readonly exited: Promise<ProgramExit>;
  readonly hasExited: boolean;
  kill(): void;
  /** Removes the container, running or not; never rejects. */
  remove(): Promise<void>;
}

export async function startProgramContainer(docker: Dockerode, spec: ProgramContainerSpec): Promise<ProgramContainer> {
  const memoryBytes = (spec.memoryMb + MEMORY_HEADROOM_MB) * 1024 * 1024;
  const container = await docker.createContainer({
    Image: spec.image,
    Cmd: [
      'node',
      '--input-type=module',
      '--enable-source-maps',
      `--max-old-space-size=${spec.memoryMb}`,
      // kafkajs schedules negative timeouts; Node 24's warning about them means nothing to a learner.
      '--disable-warning=TimeoutNegativeWarning',
      '-',
    ],
    Env: Object.entries(spec.env).map(([name, value]) => `${name}=${value}`),
    Labels: spec.labels,
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    OpenStdin: true,
    StdinOnce: true,
    Tty: false,
    HostConfig: {
      NetworkMode: spec.networkName,
      // A stopped node's name (a lab's outage) is unknown to Docker's DNS, which then waits on upstream
      // resolvers an internal network cannot reach: 10 s a lookup, stalling kafkajs through the whole outage.
      DnsOptions: ['timeout:1', 'attempts:1'],
      ReadonlyRootfs: true,
      Tmpfs: { '/tmp': `rw,nosuid,nodev,noexec,size=${TMP_MB}m,mode=1777` },
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Memory: memoryBytes,
      MemorySwap: memoryBytes, // no swap
      NanoCpus: CPUS * 1e9,
      PidsLimit: MAX_PROCESSES,
      IpcMode: 'none', // no /dev/shm: /tmp is the only place it can write
      // Output reaches the runner through the attached stream only; a flood never lands on the host's disk.
      LogConfig: { Type: 'none', Config: {} },
    },
  });
  try {
    const stream = await container.attach({ stream: true, hijack: true, stdin: true, stdout: true, stderr: true });
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    docker.modem.demuxStream(stream, stdout, stderr);
    const streamEnded = new Promise<void>((resolve) => {
      stream.once('end', resolve);
      stream.once('close', resolve);
      stream.once('error', () => resolve());
    });
    await container.start();
    let hasExited = false;
    const exited = (async (): Promise<ProgramExit> => {
      const status = (await container.wait().catch(() => undefined)) as { StatusCode?: number } | undefined;
      await streamEnded;
      stdout.end();
      stderr.end();
      const state = await container.inspect().then((info) => info.State, () => undefined);
      hasExited = true;
      return { statusCode: status?.StatusCode ?? null, oomKilled: state?.OOMKilled ?? false };
    })();
    return {
      stdout,
      stderr,
      send(code) {
        stream.end(code);
      },
      exited,
      get hasExited() {
        return hasExited;
      },
      kill() {
        container.kill().catch(() => undefined); // already stopped
      },
      async remove() {
        await container.remove({ force: true }).catch(() => undefined); // gone already (its cluster was removed)
      },
    };
  } catch (error) {
    await container.remove({ force: true }).catch(() => undefined);
    throw error;
  }
}
