import type { KafkaCluster } from '../cluster/kafka-cluster.ts';
import type { ProgramResult } from '../lab-kit/lab-format.ts';

export interface RunLimits {
  timeLimitMs: number;
  /** V8 heap limit of the program, and (with some headroom) the memory it may use in all. */
  memoryMb: number;
  /** stdout plus stderr; the program is stopped when it writes more. */
  outputBytes: number;
}

export interface ProgramRun {
  /**
   * Settles when the program has ended and its resources are gone. Whatever the program does, it
   * resolves; it rejects only when the sandbox itself could not start the program (Docker failing).
   */
  readonly done: Promise<ProgramResult>;
  /** Stops the program now; `done` then reports ending 'cancelled'. */
  cancel(): void;
}

/** What a runner needs to know of the cluster a program is for: where the program can reach it. */
export type ProgramCluster = Pick<KafkaCluster, 'id' | 'networkName' | 'bootstrapServers' | 'internalBootstrapServers'>;

export interface StartOptions {
  /** The compiled program, an ES module. */
  code: string;
  /** The runner sets BOOTSTRAP_SERVERS to the addresses it can reach this cluster at. */
  cluster: ProgramCluster;
  env: Record<string, string>;
  limits: RunLimits;
  onOutput(stream: 'stdout' | 'stderr', text: string): void;
}

/**
 * Runs compiled lab programs. The container runner (a throwaway container on the cluster's own network)
 * is the default; the host-process runner is an opt-in for one trusted user (see choose-runner.ts).
 */
export interface ProgramRunner {
  start(options: StartOptions): ProgramRun;
  /** Removes what the runner keeps between runs (its waiting containers). */
  dispose(): Promise<void>;
}

export const defaultRunLimits: Omit<RunLimits, 'timeLimitMs'> = { memoryMb: 256, outputBytes: 1024 * 1024 };
