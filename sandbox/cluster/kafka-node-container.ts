import { createInterface } from 'node:readline';
import { GenericContainer, getContainerRuntimeClient, Wait, type StartedTestContainer } from 'testcontainers';
import { BROKER_HEAP_OPTS, BROKER_JVM_PERFORMANCE_OPTS } from '../image/jvm-options.ts';
import { internalBootstrap, nodeAlias, PORTS, serverProperties } from './node-properties.ts';
import { DATA_DIR } from './node-storage.ts';
import { BROKER_USER, dockerUser, LEARNER_USER, learnerWritable } from './node-users.ts';
import { CLI_ALIAS_DIR, NODE_DIR, startScript } from './start-script.ts';

const RECENT_LOG_LINES = 30;
const MiB = 1024 ** 2;

/**
 * Learners get a shell in node 1: what they run there (a fork bomb, a memory hog, a busy loop) must stay
 * inside its node.
 */
export const NODE_LIMITS = {
  memoryBytes: 1536 * MiB,
  pids: 1024,
  /** One CPU of the machine's, at most. */
  nanoCpus: 1_000_000_000,
  shmBytes: 8 * MiB,
} as const;

/**
 * Where a node can write besides Kafka's data (node-storage.ts), the root file system being read-only:
 * each a tmpfs whose size bounds what it holds (its pages count against the node's memory). Only the
 * broker writes its own directory; home is the learner's alone; /tmp is everyone's, as usual.
 */
export const NODE_TMPFS = {
  [NODE_DIR]: { bytes: 64 * MiB, owner: `uid=${BROKER_USER.uid},gid=${BROKER_USER.gid},mode=0755` },
  '/tmp': { bytes: 64 * MiB, owner: 'mode=1777' },
  [LEARNER_USER.home]: { bytes: 64 * MiB, owner: `uid=${LEARNER_USER.uid},gid=${LEARNER_USER.gid},mode=0700` },
} as const;

/** The line a node logs once both its controller and its broker serve requests. */
export const READY_LOG_LINE = /Kafka Server started/;

/**
 * One Kafka node (combined KRaft broker and controller) as a testcontainers container, on either the
 * official apache/kafka image or the course's own: it replaces the image's entry point with the
 * sandbox's start script, so both images start, listen and name their tools the same way.
 */
export class KafkaNodeContainer extends GenericContainer {
  private nodeId = 1;
  private clusterSize = 1;
  private clusterId = '';
  private sandboxClusterId = '';
  private hostListener = { advertisedHost: '127.0.0.1', bindIp: '127.0.0.1', port: 0 };
  private brokerConfig: Record<string, string | number | boolean> = {};
  private clusterNetwork?: string;
  private publishedNetwork?: string;
  private dataVolume?: string;
  private imagePath = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  private readonly recentLog: string[] = [];

  constructor(image: string) {
    super(image);
    this.withResourcesQuota({ memory: NODE_LIMITS.memoryBytes / 1024 ** 3, cpu: NODE_LIMITS.nanoCpus / 1e9 })
      .withUser(dockerUser(BROKER_USER))
      .withTmpFs(Object.fromEntries(Object.entries(NODE_TMPFS).map(([path, { bytes, owner }]) =>
        // exec: the compression codecs' native libraries are unpacked under java.io.tmpdir and loaded from there.
        [path, `rw,exec,nosuid,nodev,size=${bytes},${owner}`])))
      .withSharedMemorySize(NODE_LIMITS.shmBytes);
    // testcontainers has no options for these.
    Object.assign(this.hostConfig, {
      PidsLimit: NODE_LIMITS.pids,
      ReadonlyRootfs: true,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      // An init as PID 1 reaps what a learner's killed jobs leave (the JVM reaps none) and passes `docker stop` on to the broker.
      Init: true,
    });
    this.withWaitStrategy(Wait.forLogMessage(READY_LOG_LINE))
      .withStartupTimeout(120_000)
      // testcontainers removes a container that never became ready: keep its last lines to explain why.
      .withLogConsumer((stream) => {
        createInterface({ input: stream }).on('line', (line) => {
          this.recentLog.push(line);
          if (this.recentLog.length > RECENT_LOG_LINES) this.recentLog.shift();
        });
      });
  }

  /** The node's last log lines, also after a failed start. */
  logTail(): string {
    return this.recentLog.join('\n');
  }

  /**
   * Which node of how many, in which of the sandbox's clusters: sets node.id, the network alias kafka-<id>,
   * the controller quorum and the hostname.
   */
  withNode(nodeId: number, clusterSize: number, sandboxClusterId: string): this {
    this.nodeId = nodeId;
    this.clusterSize = clusterSize;
    this.sandboxClusterId = sandboxClusterId;
    return this;
  }

  /** The id every node of one cluster formats its storage with. */
  withClusterId(clusterId: string): this {
    this.clusterId = clusterId;
    return this;
  }

  /** The host port of the client listener for host clients, and the address they are told to use. */
  withHostListener(listener: { advertisedHost: string; bindIp: string; port: number }): this {
    this.hostListener = listener;
    return this;
  }

  withBrokerConfig(config: Record<string, string | number | boolean>): this {
    this.brokerConfig = { ...this.brokerConfig, ...config };
    return this;
  }

  /** The cluster's own (internal) network, joined at creation under the node's alias. */
  withClusterNetwork(networkName: string): this {
    this.clusterNetwork = networkName;
    return this;
  }

  /** The bridge the node's host port is published through (an internal network cannot publish). */
  withPublishedNetwork(networkName: string): this {
    this.publishedNetwork = networkName;
    return this;
  }

  /** The volume that holds the node's Kafka data (see node-storage.ts). */
  withDataVolume(volumeName: string): this {
    this.dataVolume = volumeName;
    return this;
  }

  /** The image's own PATH (the official image keeps java under /opt/java), to extend rather than replace. */
  withImagePath(path: string): this {
    this.imagePath = path;
    return this;
  }

  override async start(): Promise<StartedTestContainer> {
    if (!this.clusterId) throw new Error('KafkaNodeContainer needs withClusterId()');
    if (!this.sandboxClusterId) throw new Error('KafkaNodeContainer needs withNode()');
    if (!this.hostListener.port) throw new Error('KafkaNodeContainer needs withHostListener() with a port');

    const properties = serverProperties(
      {
        nodeId: this.nodeId,
        clusterSize: this.clusterSize,
        advertisedHost: this.hostListener.advertisedHost,
        advertisedHostPort: this.hostListener.port,
      },
      this.brokerConfig,
    );
    // The script travels in the command itself: no archive to upload before the container starts.
    this.withEntrypoint(['/bin/sh', '-c', startScript(properties, this.clusterId)])
      .withCommand([])
      .withEnvironment({
        KAFKA_HEAP_OPTS: BROKER_HEAP_OPTS,
        KAFKA_JVM_PERFORMANCE_OPTS: BROKER_JVM_PERFORMANCE_OPTS,
        // Nothing the learner can write: the sandbox's own commands (sh, java) run with this PATH too.
        PATH: [...new Set([CLI_ALIAS_DIR, '/opt/kafka/bin', ...this.imagePath.split(':')])].filter((dir) => !learnerWritable(dir)).join(':'),
        BOOTSTRAP_SERVERS: internalBootstrap(this.clusterSize),
        KAFKA_NODE_ID: String(this.nodeId),
      })
      // Docker makes a container's hostname an alias on every network it joins: plain kafka-<id> on the shared
      // published network would make kafka-1 resolve to any cluster's node 1. The shell's prompt (\h) shows
      // the part before the dot.
      .withHostname(`${nodeAlias(this.nodeId)}.${this.sandboxClusterId}`)
      .withExposedPorts({ container: PORTS.host, host: this.hostListener.port });

    // Published on one address only (loopback, whichever engine runs it), joined to the cluster
    // network with the node's alias when the container is created.
    this.hostConfig.PortBindings = {
      [`${PORTS.host}/tcp`]: [{ HostIp: this.hostListener.bindIp, HostPort: String(this.hostListener.port) }],
    };
    if (this.clusterNetwork) {
      this.withNetworkMode(this.clusterNetwork);
      this.createOpts.NetworkingConfig = {
        EndpointsConfig: { [this.clusterNetwork]: { Aliases: [nodeAlias(this.nodeId)] } },
      };
    }
    if (this.dataVolume) {
      this.hostConfig.Mounts = [{ Type: 'volume', Source: this.dataVolume, Target: DATA_DIR }];
    }
    return super.start();
  }

  /** Docker 20.10 joins one network at creation: the published one is joined before the node starts. */
  protected override async containerCreated(containerId: string): Promise<void> {
    if (!this.publishedNetwork) return;
    const client = await getContainerRuntimeClient();
    await client.container.dockerode.getNetwork(this.publishedNetwork).connect({ Container: containerId });
  }
}
