import { createInterface } from 'node:readline';
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { BROKER_HEAP_OPTS, BROKER_JVM_PERFORMANCE_OPTS } from '../image/jvm-options.ts';
import { internalBootstrap, nodeAlias, PORTS, serverProperties } from './node-properties.ts';
import { CLI_ALIAS_DIR, startScript } from './start-script.ts';

const RECENT_LOG_LINES = 30;
/** Learners get a shell in node 1: a fork bomb or a memory hog there must stay inside its node. */
export const NODE_LIMITS = { memoryBytes: 1536 * 1024 * 1024, pids: 1024 } as const;

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
  private hostListener = { advertisedHost: '127.0.0.1', bindIp: '127.0.0.1', port: 0 };
  private brokerConfig: Record<string, string | number | boolean> = {};
  private networkName?: string;
  private imagePath = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  private readonly recentLog: string[] = [];

  constructor(image: string) {
    super(image);
    this.withResourcesQuota({ memory: NODE_LIMITS.memoryBytes / 1024 ** 3 });
    this.hostConfig.PidsLimit = NODE_LIMITS.pids; // testcontainers has no option for it
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

  /** Which node of how many: sets node.id, the network alias kafka-<id> and the controller quorum. */
  withNode(nodeId: number, clusterSize: number): this {
    this.nodeId = nodeId;
    this.clusterSize = clusterSize;
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

  /** The cluster's own network, joined at creation under the node's alias. */
  withClusterNetwork(networkName: string): this {
    this.networkName = networkName;
    return this;
  }

  /** The image's own PATH (the official image keeps java under /opt/java), to extend rather than replace. */
  withImagePath(path: string): this {
    this.imagePath = path;
    return this;
  }

  override async start(): Promise<StartedTestContainer> {
    if (!this.clusterId) throw new Error('KafkaNodeContainer needs withClusterId()');
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
        PATH: [...new Set([CLI_ALIAS_DIR, '/opt/kafka/bin', ...this.imagePath.split(':')])].join(':'),
        BOOTSTRAP_SERVERS: internalBootstrap(this.clusterSize),
        KAFKA_NODE_ID: String(this.nodeId),
      })
      .withHostname(nodeAlias(this.nodeId))
      .withExposedPorts({ container: PORTS.host, host: this.hostListener.port });

    // Published on one address only (loopback unless the engine is remote), and joined to the
    // cluster network with the node's alias when the container is created.
    this.hostConfig.PortBindings = {
      [`${PORTS.host}/tcp`]: [{ HostIp: this.hostListener.bindIp, HostPort: String(this.hostListener.port) }],
    };
    if (this.networkName) {
      this.hostConfig.NetworkMode = this.networkName;
      this.createOpts.NetworkingConfig = {
        EndpointsConfig: { [this.networkName]: { Aliases: [nodeAlias(this.nodeId)] } },
      };
    }
    return super.start();
  }
}
