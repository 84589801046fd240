import type { ContainerRuntimeClient } from 'testcontainers';
import { onceUntilFailure } from '../once-until-failure.ts';
import { LABEL } from './labels.ts';
import { SandboxError } from './sandbox-error.ts';

/** The one bridge network every cluster's nodes publish their host ports through. */
export const PUBLISHED_NETWORK = 'kafka-course-published';

/**
 * Why these options: a cluster's own network is internal (no route out, but no port publishing either),
 * so each node also joins this bridge, only to publish its host port. No traffic between containers
 * (nodes of different clusters must not talk) and no address translation (a packet to the internet
 * leaves with a private source address and no answer comes back). One network for all clusters:
 * Docker's default address pools hold about 30 networks, too few for a room with two per cluster.
 */
const OPTIONS = {
  'com.docker.network.bridge.enable_icc': 'false',
  'com.docker.network.bridge.enable_ip_masquerade': 'false',
} as const;

/** The shared bridge, created on first use (by whichever process of the course comes first). */
export const publishedNetwork: (client: ContainerRuntimeClient) => Promise<string> = onceUntilFailure(ensure);

async function ensure(client: ContainerRuntimeClient): Promise<string> {
  const docker = client.container.dockerode;
  // Shared by every process of the course on this engine: labelled as the project's, but with no owner
  // process, so the sweep of orphans never takes it from a live cluster.
  await docker
    .createNetwork({ Name: PUBLISHED_NETWORK, CheckDuplicate: true, Driver: 'bridge', Options: OPTIONS, Labels: { [LABEL.managed]: 'true', [LABEL.shared]: 'true' } })
    .catch((error: { statusCode?: number }) => {
      if (error.statusCode !== 409) throw error; // 409: it exists already, checked below
    });
  const { Options } = (await docker.getNetwork(PUBLISHED_NETWORK).inspect()) as { Options?: Record<string, string> };
  const wrong = Object.entries(OPTIONS).filter(([key, value]) => Options?.[key] !== value);
  if (wrong.length > 0) {
    throw new SandboxError(
      `The Docker network ${PUBLISHED_NETWORK} exists without the settings that keep clusters apart and off the internet (${wrong.map(([key, value]) => `${key}=${value}`).join(', ')}).`,
      `Remove it (\`docker network rm ${PUBLISHED_NETWORK}\`, once no Kafka node of the course runs) and start again: the course creates it afresh.`,
    );
  }
  return PUBLISHED_NETWORK;
}
