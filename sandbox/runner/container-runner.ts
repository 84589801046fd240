/**
 * Runs each lab program in a throwaway container on its cluster's own network (program-container.ts),
 * where it reaches the brokers at kafka-N:9092 and nothing else. Starting a container costs a few hundred
 * milliseconds, so each cluster keeps one spare: started, never used, waiting for code; a fresh one
 * replaces it after every run. Containers carry the cluster's labels, so removing the cluster (or the
 * sweep after a crash) removes them too.
 */
import type Dockerode from 'dockerode';
import { dockerClient } from '../docker/docker-client.ts';
import { LABEL, ownerLabels } from '../docker/labels.ts';
import { SandboxError } from '../docker/sandbox-error.ts';
import type { ProgramResult } from '../lab-kit/lab-format.ts';
import { runnerImage } from '../image/runner-image.ts';
import { startProgramContainer, type ProgramContainer, type ProgramContainerSpec } from './program-container.ts';
import type { ProgramCluster, ProgramRun, ProgramRunner, StartOptions } from './program-runner.ts';
import { RunSupervisor } from './run-supervisor.ts';

/** Marks the containers that run lab programs, beside the cluster's own labels. */
export const PROGRAM_LABEL = 'org.kafka-course.lab-program';

interface Spare {
  /** The spec it was started with: it serves only runs with the same one. */
  key: string;
  container: Promise<ProgramContainer>;
}

export class ContainerRunner implements ProgramRunner {
  /** By cluster id. */
  private readonly spares = new Map<string, Spare>();
  /** Networks checked to be internal, by name. */
  private readonly isolated = new Map<string, Promise<void>>();
  private disposed = false;

  start(options: StartOptions): ProgramRun {
    let container: ProgramContainer | undefined;
    const supervisor = new RunSupervisor(options.limits, options.onOutput, () => container?.kill());
    const done = (async (): Promise<ProgramResult> => {
      const docker = (await dockerClient()).container.dockerode;
      const spec = await this.specFor(docker, options);
      container = await this.take(docker, options.cluster.id, spec);
      try {
        if (supervisor.stopReason) {
          container.kill(); // cancelled while the container was being readied
        } else {
          container.stdout.on('data', (bytes: Buffer) => supervisor.output('stdout', bytes));
          container.stderr.on('data', (bytes: Buffer) => supervisor.output('stderr', bytes));
          supervisor.begin();
          container.send(options.code);
        }
        const exit = await container.exited;
        return supervisor.result(exit.statusCode, exit.oomKilled);
      } finally {
        await container.remove();
        this.keepSpare(docker, options.cluster.id, spec);
      }
    })();
    return { done, cancel: () => supervisor.stop('cancelled') };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const spares = [...this.spares.values()];
    this.spares.clear();
    await Promise.all(spares.map(async (spare) => (await spare.container.catch(() => undefined))?.remove()));
  }

  private async specFor(docker: Dockerode, { cluster, env, limits }: StartOptions): Promise<ProgramContainerSpec> {
    const [image] = await Promise.all([runnerImage(await dockerClient()), this.checkIsolated(docker, cluster)]);
    return {
      image,
      networkName: cluster.networkName,
      labels: { ...ownerLabels(), [LABEL.cluster]: cluster.id, [PROGRAM_LABEL]: 'true' },
      env: { HOME: '/tmp', ...env, BOOTSTRAP_SERVERS: cluster.internalBootstrapServers },
      memoryMb: limits.memoryMb,
    };
  }

  /** The cluster's network must be internal: a program on it reaches the brokers and nothing beyond. */
  private checkIsolated(docker: Dockerode, cluster: ProgramCluster): Promise<void> {
    let checking = this.isolated.get(cluster.networkName);
    if (!checking) {
      checking = docker.getNetwork(cluster.networkName).inspect().then((network: { Internal?: boolean }) => {
        if (network.Internal) return;
        throw new SandboxError(
          `The network of cluster ${cluster.id} (${cluster.networkName}) has a route out of Docker, so a lab program on it could reach more than its cluster.`,
          'Start the cluster with this version of the course (its networks are internal), or remove stale clusters with `docker rm -f` and try again.',
        );
      });
      checking.catch(() => this.isolated.delete(cluster.networkName));
      this.isolated.set(cluster.networkName, checking);
    }
    return checking;
  }

  /** The cluster's spare when it fits, else a new container. */
  private async take(docker: Dockerode, clusterId: string, spec: ProgramContainerSpec): Promise<ProgramContainer> {
    const spare = this.spares.get(clusterId);
    this.spares.delete(clusterId);
    const ready = await spare?.container.catch(() => undefined);
    if (ready && spare?.key === JSON.stringify(spec) && !ready.hasExited) return ready;
    await ready?.remove();
    return startProgramContainer(docker, spec);
  }

  private keepSpare(docker: Dockerode, clusterId: string, spec: ProgramContainerSpec): void {
    if (this.disposed || this.spares.has(clusterId)) return;
    const spare: Spare = { key: JSON.stringify(spec), container: startProgramContainer(docker, spec) };
    this.spares.set(clusterId, spare);
    // A spare that fails to start or dies unused (its cluster was removed) is forgotten; the next run starts its own.
    const forget = () => {
      if (this.spares.get(clusterId) === spare) this.spares.delete(clusterId);
    };
    spare.container.then((container) => container.exited.then(forget), forget);
  }
}
