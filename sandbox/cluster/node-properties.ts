import { DATA_DIR } from './node-storage.ts';

/** Container ports every node listens on, whatever the image. */
export const PORTS = {
  /** Clients inside the cluster's network (the CLI tools, brokers replicating): kafka-N:9092. */
  internal: 9092,
  /** KRaft controllers talking to each other. */
  controller: 9093,
  /** Clients on the host (kafkajs in the sandbox server), published on a host port. */
  host: 29092,
} as const;

export interface NodeIdentity {
  nodeId: number;
  clusterSize: number;
  /** host:port where clients outside Docker reach this node. */
  advertisedHost: string;
  advertisedHostPort: number;
}

/** Each node's name on the cluster network, and so in the CLI tools' --bootstrap-server. */
export const nodeAlias = (nodeId: number): string => `kafka-${nodeId}`;

export function internalBootstrap(clusterSize: number): string {
  return Array.from({ length: clusterSize }, (_, i) => `${nodeAlias(i + 1)}:${PORTS.internal}`).join(',');
}

/** The listeners' names, which the brokers' request log reports for every request. */
export const LISTENER = { internal: 'PLAINTEXT', controller: 'CONTROLLER', host: 'HOST' } as const;

/**
 * server.properties for one combined broker+controller. Two client listeners: PLAINTEXT for the
 * cluster's own network, advertised under the node's alias, and HOST for the host, advertised under the
 * published port; Kafka hands each client the addresses of the listener it connected through.
 */
export function serverProperties(node: NodeIdentity, overrides: Record<string, string | number | boolean> = {}): string {
  const voters = Array.from({ length: node.clusterSize }, (_, i) => `${i + 1}@${nodeAlias(i + 1)}:${PORTS.controller}`);
  const replicas = Math.min(3, node.clusterSize);
  const properties: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': node.nodeId,
    'controller.quorum.voters': voters.join(','),
    'listeners': `${LISTENER.internal}://:${PORTS.internal},${LISTENER.controller}://:${PORTS.controller},${LISTENER.host}://:${PORTS.host}`,
    'advertised.listeners': `${LISTENER.internal}://${nodeAlias(node.nodeId)}:${PORTS.internal},${LISTENER.host}://${node.advertisedHost}:${node.advertisedHostPort}`,
    'listener.security.protocol.map': Object.values(LISTENER).map((name) => `${name}:PLAINTEXT`).join(','),
    'controller.listener.names': LISTENER.controller,
    'inter.broker.listener.name': LISTENER.internal,
    'log.dirs': DATA_DIR,
    // Internal topics as replicated as the cluster allows, so a 3-node cluster survives a stopped node.
    'offsets.topic.replication.factor': replicas,
    'transaction.state.log.replication.factor': replicas,
    'transaction.state.log.min.isr': Math.min(2, replicas),
    'share.coordinator.state.topic.replication.factor': replicas,
    'share.coordinator.state.topic.min.isr': Math.min(2, replicas),
    // A learner's first consumer should not wait 3 s for other members that will never come.
    'group.initial.rebalance.delay.ms': 0,
    ...overrides,
  };
  return Object.entries(properties).map(([key, value]) => `${key}=${value}`).join('\n') + '\n';
}
