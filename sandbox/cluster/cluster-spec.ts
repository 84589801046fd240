/** A topic a lab wants present, with its own config overrides. */
export interface TopicSpec {
  name: string;
  partitions?: number;
  replicationFactor?: number;
  config?: Record<string, string>;
}

/** What a lab asks of its cluster. Two labs with equal specs can share a warm cluster. */
export interface ClusterSpec {
  /** Nodes, each a combined KRaft broker and controller. */
  nodes: 1 | 3;
  /** server.properties overrides for every node, e.g. { 'min.insync.replicas': 2 }. */
  brokerConfig?: Record<string, string | number | boolean>;
  /** Topics created when the cluster starts and again after each reset. */
  topics?: TopicSpec[];
  /** Host ports for the nodes' client listeners (one per node); free ports are picked when absent. */
  hostPorts?: number[];
}

/** A stable key for a spec: equal specs share warm clusters, whatever the order of their fields. */
export function specKey(spec: ClusterSpec): string {
  return JSON.stringify(spec, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}
