import { hostname } from 'node:os';
import type { ContainerRuntimeClient } from 'testcontainers';
import { LABEL, SESSION_ID } from './labels.ts';

export interface SweepResult {
  containers: string[];
  networks: string[];
  volumes: string[];
}

/**
 * Removes what crashed runs left behind: containers, networks and volumes labelled as ours whose owner
 * process on this host is gone. Live processes (parallel test files, a second server) keep theirs, and
 * what all processes share (the published network) stays.
 */
export async function sweepOrphans(client: ContainerRuntimeClient): Promise<SweepResult> {
  const docker = client.container.dockerode;
  const filters = JSON.stringify({ label: [`${LABEL.managed}=true`] });

  const containers = (await docker.listContainers({ all: true, filters })).filter((c) => isOrphan(c.Labels));
  await Promise.all(
    containers.map((c) => docker.getContainer(c.Id).remove({ force: true, v: true }).catch(ignoreGone)),
  );

  const networks = (await docker.listNetworks({ filters })).filter((n) => isOrphan(n.Labels ?? {}));
  await Promise.all(networks.map((n) => docker.getNetwork(n.Id).remove().catch(ignoreGone)));

  // Volumes last: one is removable only once the containers that mount it are gone.
  const volumes = ((await docker.listVolumes({ filters })).Volumes ?? []).filter((v) => isOrphan(v.Labels ?? {}));
  await Promise.all(volumes.map((v) => docker.getVolume(v.Name).remove().catch(ignoreGone)));

  return { containers: containers.map((c) => c.Id), networks: networks.map((n) => n.Id), volumes: volumes.map((v) => v.Name) };
}

function isOrphan(labels: Record<string, string>): boolean {
  if (labels[LABEL.shared] === 'true') return false;
  if (labels[LABEL.session] === SESSION_ID) return false;
  if (labels[LABEL.ownerHost] !== hostname()) return false; // another machine's; it sweeps its own
  return !processAlive(Number(labels[LABEL.ownerPid]));
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

function ignoreGone(error: { statusCode?: number }): void {
  if (error.statusCode !== 404 && error.statusCode !== 409) throw error;
}
