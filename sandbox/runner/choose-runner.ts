/**
 * The one place that decides where lab programs run, for the course server, `npm run grade`, the tests
 * and the benchmarks: in containers (container-runner.ts), unless the person running the course opts in
 * to host processes with LAB_RUNNER=host, which is only for a single trusted user on their own machine.
 */
import { ContainerRunner } from './container-runner.ts';
import { HostProcessRunner } from './host-process-runner.ts';
import type { ProgramRunner } from './program-runner.ts';

export type RunnerKind = 'container' | 'host';

export function runnerKind(setting = process.env.LAB_RUNNER): RunnerKind {
  if (setting === undefined || setting === '' || setting === 'container') return 'container';
  if (setting === 'host') return 'host';
  throw new Error(`LAB_RUNNER is "${setting}": use "container" (the default) or "host" (a single trusted user only)`);
}

/** One line for the start-up log: where programs run, and what that means. */
export function runnerAnnouncement(kind = runnerKind()): string {
  return kind === 'host'
    ? 'Lab programs run as host processes with your user\'s rights (LAB_RUNNER=host): only for a single trusted user. Unset LAB_RUNNER to run them in containers.'
    : 'Lab programs run in containers on each learner\'s own cluster network (no host files, no network beyond the cluster).';
}

export function chooseRunner(kind = runnerKind()): ProgramRunner {
  return kind === 'host' ? new HostProcessRunner() : new ContainerRunner();
}
