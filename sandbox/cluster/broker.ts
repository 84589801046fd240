import type Dockerode from 'dockerode';
import type { ContainerRuntimeClient } from 'testcontainers';
import { logLinesSince, logTail, waitForLogLine } from '../docker/container-logs.ts';
import { SandboxError } from '../docker/sandbox-error.ts';
import { READY_LOG_LINE } from './kafka-node-container.ts';
import { readPartitionFiles, type LogFile } from './log-segments.ts';
import { execTty, type TtyExecOptions, type TtySession } from './tty-exec.ts';

export type BrokerState = 'running' | 'paused' | 'stopped';

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const READY_TIMEOUT_MS = 120_000;

/**
 * One node of a running cluster, with what labs and exercises do to it: fault injection (stop, start,
 * pause, unpause), commands inside it, and its log files.
 */
export class Broker {
  readonly nodeId: number;
  /** host:port for clients on the host. */
  readonly hostAddress: string;
  /** host:port for clients on the cluster's network (the CLI tools). */
  readonly internalAddress: string;
  readonly container: Dockerode.Container;
  private readonly client: ContainerRuntimeClient;

  constructor(client: ContainerRuntimeClient, init: { nodeId: number; containerId: string; hostAddress: string; internalAddress: string }) {
    this.client = client;
    this.nodeId = init.nodeId;
    this.hostAddress = init.hostAddress;
    this.internalAddress = init.internalAddress;
    this.container = client.container.dockerode.getContainer(init.containerId);
  }

  async state(): Promise<BrokerState> {
    const { State } = await this.container.inspect();
    if (State.Paused) return 'paused';
    return State.Running ? 'running' : 'stopped';
  }

  /** Stops the node: gracefully (controlled shutdown, leadership moves first) or killed outright. */
  async stop({ graceful = true }: { graceful?: boolean } = {}): Promise<void> {
    if (graceful) await this.container.stop({ t: 30 });
    else await this.container.kill({ signal: 'SIGKILL' });
  }

  /** Starts a stopped node and waits until it serves again. Its storage survives, as on a real restart. */
  async start(): Promise<void> {
    const since = Date.now();
    await this.container.start();
    await this.waitUntilReady(since);
  }

  /** Freezes every process of the node: to its peers it is neither up nor cleanly gone, as in a network partition or a long GC pause. */
  async pause(): Promise<void> {
    await this.container.pause();
    await this.waitForState('paused');
  }

  async unpause(): Promise<void> {
    await this.container.unpause();
    await this.waitForState('running');
  }

  /** Runs a command to completion (no TTY), e.g. ['kafka-topics', '--bootstrap-server', ..., '--describe']. */
  async exec(command: string[], options: { env?: Record<string, string>; user?: string } = {}): Promise<ExecResult> {
    const { exitCode, stdout, stderr } = await this.client.container.exec(this.container, command, options);
    return { exitCode, stdout, stderr };
  }

  /** Runs a command attached to a pseudo-terminal, for the in-browser terminal. */
  execTty(command: string[], options?: TtyExecOptions): Promise<TtySession> {
    return execTty(this.container, command, options);
  }

  /** The files of a partition's log directory (segments, indexes), read from the node's disk; `wanted` picks some by name. */
  partitionFiles(topic: string, partition: number, wanted?: (name: string) => boolean): Promise<LogFile[]> {
    return readPartitionFiles(this.container, topic, partition, wanted);
  }

  logTail(lines?: number): Promise<string> {
    return logTail(this.container, lines);
  }

  /** The node's log lines written at or after `sinceMs`, with Docker's time of each. */
  logSince(sinceMs: number): Promise<Array<{ at: number; text: string }>> {
    return logLinesSince(this.container, sinceMs);
  }

  /**
   * How long the node took from its container's start to "Kafka Server started", read from the log:
   * the broker's own boot, which the sandbox's overhead is measured against.
   */
  async bootMillis(): Promise<number> {
    const { State } = await this.container.inspect();
    const startedAt = Date.parse(State.StartedAt);
    return (await waitForLogLine(this.container, READY_LOG_LINE, startedAt, READY_TIMEOUT_MS)) - startedAt;
  }

  /**
   * Waits up to 5 s for the node to be in this state: Docker records pause and unpause from the runtime's
   * events, a moment after its API call returns, and a node shutting down still reports running for a while.
   */
  async waitForState(expected: BrokerState): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt++) {
      if ((await this.state()) === expected) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`Kafka node ${this.nodeId} is not ${expected} 5 s after being asked to be`);
  }

  private async waitUntilReady(since: number): Promise<void> {
    try {
      await waitForLogLine(this.container, READY_LOG_LINE, since, READY_TIMEOUT_MS);
    } catch (error) {
      throw new SandboxError(
        `Kafka node ${this.nodeId} did not become ready after starting (${(error as Error).message}). Its last log lines:\n${await this.logTail(30)}`,
        'Reset the sandbox to get a fresh cluster; if it happens again, the lines above say why the broker stopped.',
        { cause: error },
      );
    }
  }
}
