/**
 * What every runner does around a program, wherever it runs: the wall-time limit, the cap on output (kept
 * and streamed up to the limit, not a byte more), why the sandbox stopped it, and the result.
 */
import { StringDecoder } from 'node:string_decoder';
import type { ProgramResult } from '../lab-kit/lab-format.ts';
import type { RunLimits, StartOptions } from './program-runner.ts';

export type StopReason = Exclude<ProgramResult['ending'], 'exited'>;

/** V8's own message when a program runs out of heap. */
const HEAP_EXHAUSTED = /JavaScript heap out of memory|Reached heap limit/;

export class RunSupervisor {
  private readonly captured = { stdout: '', stderr: '' };
  private readonly decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };
  private outputBytes = 0;
  private reason?: StopReason;
  private startedAt?: number;
  private timer?: NodeJS.Timeout;
  private readonly limits: RunLimits;
  private readonly onOutput: StartOptions['onOutput'];
  private readonly kill: () => void;

  /** `kill` ends the program and everything it started; it may be called more than once. */
  constructor(limits: RunLimits, onOutput: StartOptions['onOutput'], kill: () => void) {
    this.limits = limits;
    this.onOutput = onOutput;
    this.kill = kill;
  }

  get stopReason(): StopReason | undefined {
    return this.reason;
  }

  /** The program has its code now: the time limit counts from here. */
  begin(): void {
    this.startedAt = Date.now();
    this.timer = setTimeout(() => this.stop('timeout'), this.limits.timeLimitMs);
  }

  stop(reason: StopReason): void {
    this.reason ??= reason;
    this.kill();
  }

  /** Bytes the program wrote; decoded across chunk boundaries. */
  output(stream: 'stdout' | 'stderr', bytes: Buffer): void {
    if (this.reason === 'output-limit') return;
    const room = this.limits.outputBytes - this.outputBytes;
    this.outputBytes += bytes.length;
    const text = this.decoders[stream].write(bytes.length <= room ? bytes : bytes.subarray(0, Math.max(0, room)));
    this.captured[stream] += text;
    if (text) this.onOutput(stream, text);
    if (this.outputBytes > this.limits.outputBytes) this.stop('output-limit');
  }

  /** The result once the program is gone; `outOfMemory` when its memory limit killed it. */
  result(exitCode: number | null, outOfMemory = false): ProgramResult {
    clearTimeout(this.timer);
    const exhausted = outOfMemory || HEAP_EXHAUSTED.test(this.captured.stderr);
    const ending = this.reason ?? (exhausted ? 'memory-limit' : 'exited');
    return {
      ending,
      // Only a program that ended by itself has an exit code of its own.
      exitCode: ending === 'exited' ? exitCode : null,
      ...this.captured,
      durationMs: this.startedAt === undefined ? 0 : Date.now() - this.startedAt,
    };
  }
}
