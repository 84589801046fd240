import type { ProgramResult } from '../lab-kit/lab-format.ts';

export interface RunLimits {
  timeLimitMs: number;
  /** V8 heap limit of the program, and (with some headroom) the resident memory it may use. */
  memoryMb: number;
  /** stdout plus stderr; the program is stopped when it writes more. */
  outputBytes: number;
}

export interface ProgramRun {
  /** Settles when the program has ended and its resources are gone; never rejects. */
  readonly done: Promise<ProgramResult>;
  /** Stops the program now; `done` then reports ending 'cancelled'. */
  cancel(): void;
}

export interface StartOptions {
  /** The compiled program, an ES module. */
  code: string;
  env: Record<string, string>;
  limits: RunLimits;
  onOutput(stream: 'stdout' | 'stderr', text: string): void;
}

/**
 * Runs compiled lab programs. The host-process runner is the default; a container runner (for workshops
 * on shared machines) implements the same interface.
 */
export interface ProgramRunner {
  start(options: StartOptions): ProgramRun;
}

export const defaultRunLimits: Omit<RunLimits, 'timeLimitMs'> = { memoryMb: 256, outputBytes: 1024 * 1024 };
