import { existsSync } from 'node:fs';
import Dockerode from 'dockerode';
import { getContainerRuntimeClient, type ContainerRuntimeClient } from 'testcontainers';
import { commandOnPath } from '../command-on-path.ts';
import { onceUntilFailure } from '../once-until-failure.ts';
import { SandboxError } from './sandbox-error.ts';

// Ryuk is an image that must be pulled, which is not possible everywhere the course runs; the sandbox
// removes its own containers by label instead (see sweep.ts), so the same code path works offline.
process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';

const CONNECT_TIMEOUT_MS = 20_000;

/**
 * The Docker engine, through testcontainers' client. Fails fast, with what to do, when there is none;
 * the learner may then start Docker and try again without restarting us.
 */
export const dockerClient: () => Promise<ContainerRuntimeClient> = onceUntilFailure(connect);

async function connect(): Promise<ContainerRuntimeClient> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer from the Docker engine within ${CONNECT_TIMEOUT_MS / 1000} s`)),
      CONNECT_TIMEOUT_MS,
    );
  });
  try {
    // testcontainers falls back to the default socket when DOCKER_HOST does not answer; a learner
    // who named an engine means that one.
    const named = process.env.DOCKER_HOST;
    return await Promise.race([(named ? ping(named) : Promise.resolve()).then(getContainerRuntimeClient), timeout]);
  } catch (error) {
    throw explainDockerFailure(error);
  } finally {
    clearTimeout(timer);
  }
}

async function ping(dockerHost: string): Promise<void> {
  const url = new URL(dockerHost);
  const docker = url.protocol === 'unix:'
    ? new Dockerode({ socketPath: url.pathname })
    : new Dockerode({ host: url.hostname, port: Number(url.port || 2375), protocol: url.protocol === 'https:' ? 'https' : 'http' });
  await docker.ping(); // bounded by the caller's timeout
}

function explainDockerFailure(error: unknown): SandboxError {
  const detail = error instanceof Error ? error.message : String(error);
  const where = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
  if (!process.env.DOCKER_HOST && !commandOnPath('docker') && !existsSync('/var/run/docker.sock')) {
    return new SandboxError(
      'Docker is not installed: the course runs its Kafka clusters in Docker containers.',
      'Install Docker (Docker Desktop, or the docker.io package on Debian/Ubuntu), start it, and run the command again.',
      { cause: error },
    );
  }
  if (/EACCES|permission denied/i.test(detail)) {
    return new SandboxError(
      `Permission denied on the Docker engine at ${where}.`,
      'Add your user to the "docker" group (then log in again), or run the course as a user who may use Docker.',
      { cause: error },
    );
  }
  return new SandboxError(
    `The Docker engine is not reachable at ${where} (${detail.split('\n')[0]}).`,
    'Start Docker (Docker Desktop, `sudo systemctl start docker`, or `sudo dockerd &`), check DOCKER_HOST if you set it, and run the command again.',
    { cause: error },
  );
}
