import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Admin, type KafkaConfig } from 'kafkajs';
import type { ContainerRuntimeClient, StartedTestContainer } from 'testcontainers';
import { dockerClient } from '../docker/docker-client.ts';
import { ensurePortsFree, freePorts, portTaken } from '../docker/host-ports.ts';
import { LABEL, ownerLabels } from '../docker/labels.ts';
import { publishedNetwork } from '../docker/published-network.ts';
import { SandboxError } from '../docker/sandbox-error.ts';
import { sweepOrphans } from '../docker/sweep.ts';
import { kafkaImage } from '../image/kafka-image.ts';
import { Broker } from './broker.ts';
import type { ClusterSpec, TopicSpec } from './cluster-spec.ts';
import { KafkaNodeContainer } from './kafka-node-container.ts';
import { removeLearnerLeftovers } from './learner-leftovers.ts';
import { internalBootstrap, nodeAlias, PORTS } from './node-properties.ts';
import { createDataVolumes } from './node-storage.ts';
import { dynamicBrokerConfigs, resetCluster, type DynamicBrokerConfigs } from './reset-cluster.ts';
import { trackForShutdown, untrack } from './shutdown.ts';

/** The client id of the sandbox's own clients (checks, scenarios, resets), which evidence of the learner's requests leaves out. */
export const SANDBOX_CLIENT_ID = 'kafka-course-sandbox';

/** A running Kafka cluster of the learner's: addresses for clients, a handle per node, reset and dispose. */
export class KafkaCluster {
  readonly id: string;
  readonly spec: ClusterSpec;
  readonly brokers: readonly Broker[];
  private readonly client: ContainerRuntimeClient;
  private admin?: Promise<Admin>;
  private disposed?: Promise<void>;
  /** No process or file of a learner's in any node, and nobody served since (see handOut). */
  private clearOfLearners = false;
  /** Dynamic broker configs as the cluster started with them, which a reset restores. */
  private baseline?: DynamicBrokerConfigs;

  constructor(client: ContainerRuntimeClient, init: { id: string; spec: ClusterSpec; brokers: Broker[] }) {
    this.client = client;
    this.id = init.id;
    this.spec = init.spec;
    this.brokers = init.brokers;
  }

  /** Bootstrap servers for clients on the host (kafkajs in the sandbox server). */
  get bootstrapServers(): string[] {
    return this.brokers.map((broker) => broker.hostAddress);
  }

  /** The cluster's own Docker network, where its nodes are kafka-1, kafka-2, ... (lab programs run on it). */
  get networkName(): string {
    return clusterNetworkName(this.id);
  }

  /** Bootstrap servers for clients inside the cluster's network (the CLI tools). */
  get internalBootstrapServers(): string {
    return internalBootstrap(this.brokers.length);
  }

  broker(nodeId: number): Broker {
    const broker = this.brokers.find((b) => b.nodeId === nodeId);
    if (!broker) throw new Error(`no node ${nodeId} in a cluster of ${this.brokers.length}`);
    return broker;
  }

  /** A kafkajs client for this cluster, quiet unless told otherwise. */
  kafka(config: Partial<KafkaConfig> = {}): Kafka {
    return new Kafka({ clientId: SANDBOX_CLIENT_ID, logLevel: logLevel.NOTHING, ...config, brokers: this.bootstrapServers });
  }

  /** One connected admin client, shared by the sandbox's own work on this cluster. */
  adminClient(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka().admin();
      await admin.connect();
      return admin;
    })();
    return this.admin;
  }

  async createTopics(topics: TopicSpec[]): Promise<void> {
    if (topics.length === 0) return;
    const admin = await this.adminClient();
    await admin.createTopics({
      waitForLeaders: false, // see waitForLeaders below
      topics: topics.map((t) => ({
        topic: t.name,
        numPartitions: t.partitions ?? 1,
        replicationFactor: t.replicationFactor ?? Math.min(3, this.brokers.length),
        configEntries: Object.entries(t.config ?? {}).map(([name, value]) => ({ name, value })),
      })),
    });
    await waitForLeaders(admin, topics.map((t) => t.name));
  }

  /** Ends every process of the learner's in the nodes and removes their files (see learner-leftovers.ts). */
  async removeLearnerLeftovers(): Promise<void> {
    const clear = await Promise.all(this.brokers.map(removeLearnerLeftovers));
    this.clearOfLearners = clear.every(Boolean);
  }

  /** The cluster serves someone from now on: whatever they leave must go before it serves anyone else. */
  handOut(): void {
    this.clearOfLearners = false;
  }

  /** Back to the state a lab starts from: every node up, nothing of the last learner's, no learner topics, groups or dynamic configs. */
  async reset(): Promise<void> {
    if (!this.baseline) throw new Error('reset() before the cluster recorded its starting configs');
    // A cluster cleared on its way back to the pool has had no learner since: no second scrub on the way out.
    await resetCluster(this, await this.adminClient(), this.baseline, { learnerLeftovers: !this.clearOfLearners });
    await this.createTopics(this.spec.topics ?? []);
  }

  /** Records the dynamic broker configs Kafka set at bootstrap (before any learner changes them), then creates the spec's topics. */
  async prepare(): Promise<void> {
    const admin = await this.adminClient();
    [this.baseline] = await Promise.all([
      dynamicBrokerConfigs(admin, this.brokers.map((b) => String(b.nodeId))),
      this.createTopics(this.spec.topics ?? []),
    ]);
  }

  /** Removes the nodes, the network and the data volumes. Safe to call more than once. */
  dispose(): Promise<void> {
    this.disposed ??= (async () => {
      untrack(this);
      const admin = await this.admin?.catch(() => undefined);
      await admin?.disconnect().catch(() => undefined);
      await removeClusterResources(this.client, this.id);
    })();
    return this.disposed;
  }
}

/**
 * Waits until every partition of these new topics has a leader. kafkajs's own wait (waitForLeaders) gives
 * up when the broker it asks has not applied the new topic yet and answers UNKNOWN_TOPIC_OR_PARTITION,
 * which KRaft brokers do for a moment after a creation, most often on a busy machine: such answers are
 * waited out here, for up to 30 s.
 */
async function waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const { topics: found } = await admin.fetchTopicMetadata({ topics });
      if (found.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`topics without a leader 30 s after their creation: ${topics.join(', ')}`, { cause: lastError });
}

let swept: Promise<unknown> | undefined;

/**
 * Starts a cluster of 1 or 3 KRaft nodes on its own internal Docker network (host ports go through the
 * shared published one), all nodes at once (a quorum forms only when they all run), and returns when
 * every node serves and the spec's topics exist.
 */
export async function startKafkaCluster(spec: ClusterSpec): Promise<KafkaCluster> {
  const client = await dockerClient();
  swept ??= sweepOrphans(client); // what a crashed run left behind, once per process
  await swept;
  const image = await kafkaImage(client);

  const id = randomBytes(6).toString('hex');
  const labels = { ...ownerLabels(), [LABEL.cluster]: id };
  // Host ports are published on the engine's loopback only, whichever engine it is: on a network address
  // anyone on the network could reach a learner's cluster. Host clients get a numeric address: "localhost"
  // may resolve to ::1, where nothing is published.
  const hostListener = { advertisedHost: '127.0.0.1', bindIp: '127.0.0.1' };
  const engineHost = client.info.containerRuntime.host;
  const remoteEngine = ['localhost', '127.0.0.1', '::1'].includes(engineHost) ? undefined : engineHost;
  const ports = spec.hostPorts ?? (await freePorts(spec.nodes, hostListener.bindIp));
  if (ports.length !== spec.nodes) throw new Error(`hostPorts needs one port per node (${spec.nodes})`);
  if (spec.hostPorts) await ensurePortsFree(ports, hostListener.bindIp);

  // Until the cluster object exists, a signal still removes what has been created so far.
  const starting = { dispose: () => removeClusterResources(client, id) };
  trackForShutdown(starting);
  try {
    const docker = client.container.dockerode;
    const nodeIds = Array.from({ length: spec.nodes }, (_, i) => i + 1);
    // Internal: no route out of the cluster, for the nodes and for lab programs that join it.
    const creating = {
      network: docker.createNetwork({ Name: clusterNetworkName(id), Internal: true, Labels: labels }),
      published: publishedNetwork(client),
      imagePath: imagePathOf(client, image),
      dataVolumes: createDataVolumes(docker, { clusterId: id, nodeIds, image, labels }),
    };
    // All settled before any failure is thrown, so that the removal below finds everything created.
    await Promise.allSettled(Object.values(creating));
    const [network, published, imagePath, dataVolumes] = await Promise.all([creating.network, creating.published, creating.imagePath, creating.dataVolumes]);
    const clusterId = newKafkaClusterId();
    const nodes = nodeIds.map((nodeId, i) =>
      new KafkaNodeContainer(image)
        .withNode(nodeId, spec.nodes, id)
        .withClusterId(clusterId)
        .withHostListener({ ...hostListener, port: ports[i]! })
        .withBrokerConfig(spec.brokerConfig ?? {})
        .withClusterNetwork(network.id)
        .withPublishedNetwork(published)
        .withDataVolume(dataVolumes.get(nodeId)!)
        .withImagePath(imagePath)
        .withLabels({ ...labels, [LABEL.node]: String(nodeId) }),
    );
    // allSettled: a failed node must not leave its siblings starting while the cluster is removed.
    const started = await Promise.allSettled(nodes.map((node) => node.start()));
    const failed = started.findIndex((result) => result.status === 'rejected');
    if (failed >= 0) {
      throw nodeFailure(nodeIds[failed]!, ports[failed]!, (started[failed] as PromiseRejectedResult).reason, nodes);
    }
    const brokers = started.map((result, i) => new Broker(client, {
      nodeId: nodeIds[i]!,
      containerId: (result as PromiseFulfilledResult<StartedTestContainer>).value.getId(),
      hostAddress: `${hostListener.advertisedHost}:${ports[i]}`,
      internalAddress: `${nodeAlias(nodeIds[i]!)}:${PORTS.internal}`,
    }));
    const cluster = new KafkaCluster(client, { id, spec, brokers });
    trackForShutdown(cluster);
    await cluster.prepare().catch(async (error: unknown) => {
      await cluster.dispose();
      throw remoteEngine ? remoteEngineUnreachable(remoteEngine, ports, error) : error;
    });
    return cluster;
  } catch (error) {
    await removeClusterResources(client, id);
    throw error;
  } finally {
    untrack(starting);
  }
}

const clusterNetworkName = (clusterId: string): string => `kafka-course-${clusterId}`;

/**
 * A cluster id as `kafka-storage random-uuid` makes one: 16 random bytes in URL-safe base64, never
 * starting with "-" (Kafka's rule: the CLI would read it as an option).
 */
function newKafkaClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

async function imagePathOf(client: ContainerRuntimeClient, image: string): Promise<string> {
  const { Config } = await client.container.dockerode.getImage(image).inspect();
  const path = Config.Env?.find((entry) => entry.startsWith('PATH='))?.slice('PATH='.length);
  return path ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
}

/** Why a node did not start: a taken port, or a broker that never became ready, with each node's last log lines. */
function nodeFailure(nodeId: number, port: number, error: unknown, nodes: KafkaNodeContainer[]): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/port is already allocated|address already in use/i.test(message)) return portTaken(port, error);
  const tails = nodes.map((node, i) => `--- kafka-${i + 1} ---\n${node.logTail()}`);
  return new SandboxError(
    `Kafka node ${nodeId} did not become ready: ${message}\n${tails.join('\n')}`,
    'Check the broker settings the lab asked for (the log above names a bad one), then start again.',
    { cause: error },
  );
}

/** The nodes started on a remote engine, but the host ports they publish on its loopback are out of reach from here. */
function remoteEngineUnreachable(engineHost: string, ports: number[], error: unknown): SandboxError {
  return new SandboxError(
    `The Docker engine at ${engineHost} is not on this machine. Kafka nodes publish their ports (${ports.join(', ')}) on the engine's own 127.0.0.1 only, never on a network address where anyone could reach a learner's cluster, so the course cannot reach them from here (${error instanceof Error ? error.message : String(error)}).`,
    `Run the course on the machine where the Docker engine runs (unset DOCKER_HOST there), or forward those ports to this machine's 127.0.0.1 (e.g. ssh -L ${ports[0]}:127.0.0.1:${ports[0]} ${engineHost}).`,
    { cause: error },
  );
}

async function removeClusterResources(client: ContainerRuntimeClient, clusterId: string): Promise<void> {
  const docker = client.container.dockerode;
  const filters = JSON.stringify({ label: [`${LABEL.cluster}=${clusterId}`] });
  const containers = await docker.listContainers({ all: true, filters });
  await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => undefined)));
  const networks = await docker.listNetworks({ filters });
  await Promise.all(networks.map((n) => docker.getNetwork(n.Id).remove().catch(() => undefined)));
  // Volumes last: one is removable only once no container mounts it.
  const { Volumes: volumes } = await docker.listVolumes({ filters });
  await Promise.all((volumes ?? []).map((v) => docker.getVolume(v.Name).remove().catch(() => undefined)));
}
