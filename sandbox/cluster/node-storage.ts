import type Dockerode from 'dockerode';
import { LABEL } from '../docker/labels.ts';
import { BROKER_USER, dockerUser, LEARNER_USER } from './node-users.ts';

/** Where every node keeps its partitions and metadata log (log.dirs). */
export const DATA_DIR = '/var/lib/kafka/data';

/** What a node's Kafka data may take: Docker's disk is every cluster's disk, so one learner must not fill it. */
export const DATA_BYTES = 256 * 1024 ** 2;

const HOLDER_ROLE = 'data-holder';

/**
 * Each node's data on a volume of Docker's local driver, a tmpfs of DATA_BYTES. Unlike a container's own
 * tmpfs it outlives a stopped node (labs stop and start brokers) as long as it stays mounted, and Docker
 * unmounts a volume once no running container uses it: so one small container per cluster, which does
 * nothing, mounts them all. The pages count against the memory of the node that writes them.
 */
export async function createDataVolumes(
  docker: Dockerode,
  init: { clusterId: string; nodeIds: number[]; image: string; labels: Record<string, string> },
): Promise<Map<number, string>> {
  const volumes = new Map(init.nodeIds.map((nodeId) => [nodeId, `kafka-course-${init.clusterId}-data-${nodeId}`]));
  await Promise.all([...volumes.values()].map((name) =>
    docker.createVolume({
      Name: name,
      Driver: 'local',
      DriverOpts: {
        type: 'tmpfs',
        device: 'tmpfs',
        o: `size=${DATA_BYTES},uid=${BROKER_USER.uid},gid=${BROKER_USER.gid},mode=0755,nosuid,nodev,noexec`,
      },
      Labels: init.labels,
    }),
  ));
  const holder = await docker.createContainer({
    Image: init.image,
    Entrypoint: ['tail', '-f', '/dev/null'],
    Cmd: [],
    User: dockerUser(LEARNER_USER), // owns nothing, needs nothing
    Labels: { ...init.labels, [LABEL.role]: HOLDER_ROLE },
    NetworkDisabled: true,
    HostConfig: {
      NetworkMode: 'none',
      Init: true,
      ReadonlyRootfs: true,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Memory: 32 * 1024 ** 2,
      PidsLimit: 8,
      NanoCpus: 100_000_000,
      Mounts: [...volumes].map(([nodeId, name]) => ({ Type: 'volume' as const, Source: name, Target: `/held/${nodeId}`, ReadOnly: true })),
    },
  });
  await holder.start();
  return volumes;
}
