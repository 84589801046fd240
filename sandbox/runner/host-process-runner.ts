/**
 * Runs a lab program as a child Node process on the host (the project's Node, process.execPath), in its
 * own process group so that whatever it spawns dies with it, with a time limit, a heap limit, a watch on
 * resident memory and a cap on output. The program runs as the server's own user and can read what that
 * user can: only for a single trusted user who opted in (LAB_RUNNER=host, see choose-runner.ts).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProgramResult } from '../lab-kit/lab-format.ts';
import { RUNNER } from '../image/runner-image.ts';
import type { ProgramRun, ProgramRunner, StartOptions } from './program-runner.ts';
import { residentMemoryMb } from './resident-memory.ts';
import { RunSupervisor } from './run-supervisor.ts';

/** Node itself and kafkajs take ~60 MB outside the JS heap; beyond this headroom a program is hogging memory. */
const RESIDENT_HEADROOM_MB = 160;
const MEMORY_POLL_MS = 200;

export class HostProcessRunner implements ProgramRunner {
  start({ code, cluster, env, limits, onOutput }: StartOptions): ProgramRun {
    const dir = mkdtempSync(join(tmpdir(), 'lab-run-'));
    const file = join(dir, 'program.mjs');
    writeFileSync(file, code);
    // The program's bare imports resolve from here, as they do from the runner image's working directory.
    mkdirSync(join(dir, 'node_modules'));
    for (const [name, packageDir] of RUNNER.packages) symlinkSync(packageDir, join(dir, 'node_modules', name));

    const child = spawn(
      process.execPath,
      [
        '--enable-source-maps',
        `--max-old-space-size=${limits.memoryMb}`,
        // kafkajs schedules negative timeouts; Node 24's warning about them means nothing to a learner.
        '--disable-warning=TimeoutNegativeWarning',
        file,
      ],
      {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, ...env, BOOTSTRAP_SERVERS: cluster.bootstrapServers.join(',') },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL'); // the whole group: the program and anything it spawned
      } catch {
        // already gone
      }
    };
    const supervisor = new RunSupervisor(limits, onOutput, killGroup);
    supervisor.begin();
    child.stdout.on('data', (bytes: Buffer) => supervisor.output('stdout', bytes));
    child.stderr.on('data', (bytes: Buffer) => supervisor.output('stderr', bytes));

    const memoryWatch = setInterval(() => {
      void residentMemoryMb(child.pid!).then((mb) => {
        if (mb !== undefined && mb > limits.memoryMb + RESIDENT_HEADROOM_MB) supervisor.stop('memory-limit');
      });
    }, MEMORY_POLL_MS);

    const done = new Promise<ProgramResult>((resolve) => {
      const finish = (exitCode: number | null) => {
        clearInterval(memoryWatch);
        killGroup(); // children it left behind
        rmSync(dir, { recursive: true, force: true });
        resolve(supervisor.result(exitCode));
      };
      child.once('error', () => finish(null));
      child.once('close', (exitCode) => finish(exitCode));
    });

    return { done, cancel: () => supervisor.stop('cancelled') };
  }

  async dispose(): Promise<void> {
    // Nothing outlives a run.
  }
}
