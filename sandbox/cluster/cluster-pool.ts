import { specKey, type ClusterSpec } from './cluster-spec.ts';
import { startKafkaCluster, type KafkaCluster } from './kafka-cluster.ts';

export interface AcquireOptions {
  /** Reset a warm cluster to the lab's starting state (topics, groups, dynamic configs, every node up). */
  cleanSlate?: boolean;
}

/**
 * Warm clusters kept between runs: a learner's next run gets an idle cluster of the same spec, reset
 * in a fraction of a second, instead of a cold start. Idle clusters beyond `maxIdle` are removed.
 */
export class ClusterPool {
  private readonly idle: KafkaCluster[] = [];
  private readonly maxIdle: number;
  private readonly start: (spec: ClusterSpec) => Promise<KafkaCluster>;

  constructor(options: { maxIdle?: number; start?: (spec: ClusterSpec) => Promise<KafkaCluster> } = {}) {
    this.maxIdle = options.maxIdle ?? 2;
    this.start = options.start ?? startKafkaCluster;
  }

  async acquire(spec: ClusterSpec, options: AcquireOptions = {}): Promise<KafkaCluster> {
    const cluster = await this.warmOrNew(spec, options);
    cluster.handOut();
    return cluster;
  }

  private async warmOrNew(spec: ClusterSpec, { cleanSlate = true }: AcquireOptions): Promise<KafkaCluster> {
    const key = specKey(spec);
    const index = this.idle.findIndex((cluster) => specKey(cluster.spec) === key);
    if (index < 0) return this.start(spec);
    const [warm] = this.idle.splice(index, 1) as [KafkaCluster];
    if (!cleanSlate) return warm;
    try {
      await warm.reset();
      return warm;
    } catch {
      await warm.dispose(); // a cluster that cannot be reset is not worth keeping: start afresh
      return this.start(spec);
    }
  }

  /**
   * Hands a cluster back for reuse, with nothing of the learner's left running in it (a cluster where that
   * fails is removed); the oldest idle one goes when there are too many.
   */
  async release(cluster: KafkaCluster): Promise<void> {
    try {
      await cluster.removeLearnerLeftovers();
    } catch {
      await cluster.dispose();
      return;
    }
    this.idle.push(cluster);
    while (this.idle.length > this.maxIdle) await this.idle.shift()!.dispose();
  }

  async dispose(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((cluster) => cluster.dispose()));
  }
}
