/**
 * Runs a lab program as a child Node process on the host (the project's Node, process.execPath), in its
 * own process group so that whatever it spawns dies with it, with a time limit, a heap limit, a watch on
 * resident memory and a cap on output.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProgramResult } from '../lab-kit/lab-format.ts';
import type { ProgramRun, ProgramRunner, StartOptions } from './program-runner.ts';
import { residentMemoryMb } from './resident-memory.ts';

/** Node itself and kafkajs take ~60 MB outside the JS heap; beyond this headroom a program is hogging memory. */
const RESIDENT_HEADROOM_MB = 160;
const MEMORY_POLL_MS = 200;
const HEAP_EXHAUSTED = /JavaScript heap out of memory|Reached heap limit/;

export class HostProcessRunner implements ProgramRunner {
  start({ code, env, limits, onOutput }: StartOptions): ProgramRun {
    const dir = mkdtempSync(join(tmpdir(), 'lab-run-'));
    const file = join(dir, 'program.mjs');
    writeFileSync(file, code);
    const startedAt = Date.now();
    const child = spawn(
      process.execPath,
      [
        '--enable-source-maps',
        `--max-old-space-size=${limits.memoryMb}`,
        // kafkajs schedules negative timeouts; Node 24's warning about them means nothing to a learner.
        '--disable-warning=TimeoutNegativeWarning',
        file,
      ],
      { cwd: dir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );

    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL'); // the whole group: the program and anything it spawned
      } catch {
        // already gone
      }
    };
    let stopReason: Exclude<ProgramResult['ending'], 'exited'> | undefined;
    const stop = (reason: NonNullable<typeof stopReason>) => {
      stopReason ??= reason;
      killGroup();
    };

    const captured = { stdout: '', stderr: '' };
    let outputBytes = 0;
    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream].setEncoding('utf8');
      child[stream].on('data', (text: string) => {
        if (stopReason === 'output-limit') return;
        const room = limits.outputBytes - outputBytes;
        const bytes = Buffer.byteLength(text);
        const kept = bytes <= room ? text : Buffer.from(text).subarray(0, Math.max(0, room)).toString('utf8');
        outputBytes += bytes;
        captured[stream] += kept;
        if (kept) onOutput(stream, kept);
        if (outputBytes > limits.outputBytes) stop('output-limit');
      });
    }

    const timer = setTimeout(() => stop('timeout'), limits.timeLimitMs);
    const memoryWatch = setInterval(() => {
      void residentMemoryMb(child.pid!).then((mb) => {
        if (mb !== undefined && mb > limits.memoryMb + RESIDENT_HEADROOM_MB) stop('memory-limit');
      });
    }, MEMORY_POLL_MS);

    const done = new Promise<ProgramResult>((resolve) => {
      const finish = (exitCode: number | null) => {
        clearTimeout(timer);
        clearInterval(memoryWatch);
        killGroup(); // children it left behind
        rmSync(dir, { recursive: true, force: true });
        const ending = stopReason ?? (HEAP_EXHAUSTED.test(captured.stderr) ? 'memory-limit' : 'exited');
        resolve({ ending, exitCode, ...captured, durationMs: Date.now() - startedAt });
      };
      child.once('error', () => finish(null));
      child.once('close', (exitCode) => finish(exitCode));
    });

    return { done, cancel: () => stop('cancelled') };
  }
}
