import kafkajs, { type Admin, type ConfigEntries as ConfigEntry } from 'kafkajs';
import type { Broker } from './broker.ts';
import { removeLearnerLeftovers } from './learner-leftovers.ts';

// kafkajs is CommonJS and Node cannot see this export by name.
const { ConfigResourceTypes } = kafkajs;

/** describeConfigs' ConfigSource codes for broker values set at run time (kafka-configs --alter). */
const SOURCE = { perBroker: 2 /* DYNAMIC_BROKER_CONFIG */, clusterDefault: 3 /* DYNAMIC_DEFAULT_BROKER_CONFIG */ } as const;

/** The dynamic broker configs of a cluster, name → value: each broker's own, and the cluster-wide default's. */
export interface DynamicBrokerConfigs {
  perBroker: Record<string, Record<string, string>>;
  clusterDefault: Record<string, string>;
}

/**
 * A clean slate on a warm cluster, much faster than a new one: every node running, no process or file
 * of the last learner's (unless the caller knows there are none), no learner topics or consumer groups, dynamic broker configs as they were when
 * the cluster started (Kafka sets some itself at bootstrap). Internal topics (__consumer_offsets, ...) stay.
 */
export async function resetCluster(
  cluster: { brokers: readonly Broker[] },
  admin: Admin,
  baseline: DynamicBrokerConfigs,
  { learnerLeftovers = true }: { learnerLeftovers?: boolean } = {},
): Promise<void> {
  await Promise.all(cluster.brokers.map(bringUp));
  // First, so that no job of theirs left running recreates a topic or alters a config behind the reset.
  if (learnerLeftovers) await Promise.all(cluster.brokers.map(removeLearnerLeftovers));

  const topics = (await admin.listTopics()).filter((topic) => !topic.startsWith('__'));
  if (topics.length > 0) {
    await admin.deleteTopics({ topics, timeout: 30_000 });
    await waitUntilGone(admin, topics);
  }

  const { groups } = await admin.listGroups();
  if (groups.length > 0) await admin.deleteGroups(groups.map((g) => g.groupId));

  await restoreDynamicBrokerConfigs(admin, cluster.brokers, baseline);
}

/** What kafka-configs --describe lists as set at run time, per broker and cluster-wide (--entity-default). */
export async function dynamicBrokerConfigs(admin: Admin, brokerIds: string[]): Promise<DynamicBrokerConfigs> {
  // kafkajs cannot name the default entity (''), but every broker reports the defaults it inherits.
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: brokerIds.map((name) => ({ type: ConfigResourceTypes.BROKER, name })),
  });
  const from = (entries: ConfigEntry[], source: number) =>
    Object.fromEntries(entries.filter((e) => e.configSource === source).map((e) => [e.configName, e.configValue]));
  return {
    perBroker: Object.fromEntries(resources.map((r) => [r.resourceName, from(r.configEntries, SOURCE.perBroker)])),
    clusterDefault: from(resources[0]?.configEntries ?? [], SOURCE.clusterDefault),
  };
}

async function bringUp(broker: Broker): Promise<void> {
  const state = await broker.state();
  if (state === 'paused') await broker.unpause();
  if (state === 'stopped') await broker.start();
}

/** Deleted topics leave metadata for a moment; a topic of the same name cannot be created before it goes. */
async function waitUntilGone(admin: Admin, topics: string[]): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const remaining = new Set(await admin.listTopics());
    if (!topics.some((topic) => remaining.has(topic))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`topics still present after deletion: ${topics.join(', ')}`);
}

async function restoreDynamicBrokerConfigs(admin: Admin, brokers: readonly Broker[], baseline: DynamicBrokerConfigs): Promise<void> {
  const current = await dynamicBrokerConfigs(admin, brokers.map((b) => String(b.nodeId)));
  const changed = Object.keys(current.perBroker).filter((id) => !sameConfigs(current.perBroker[id] ?? {}, baseline.perBroker[id] ?? {}));
  if (changed.length > 0) {
    // The non-incremental AlterConfigs replaces a broker's whole dynamic set: exactly what a restore needs.
    await admin.alterConfigs({
      validateOnly: false,
      resources: changed.map((id) => ({
        type: ConfigResourceTypes.BROKER,
        name: id,
        configEntries: Object.entries(baseline.perBroker[id] ?? {}).map(([name, value]) => ({ name, value })),
      })),
    });
  }
  if (!sameConfigs(current.clusterDefault, baseline.clusterDefault)) {
    await restoreClusterDefault(brokers[0]!, current.clusterDefault, baseline.clusterDefault);
  }
}

/** The cluster-wide default entity is out of kafkajs's reach: kafka-configs in a node restores it. */
async function restoreClusterDefault(broker: Broker, current: Record<string, string>, baseline: Record<string, string>): Promise<void> {
  const extra = Object.keys(current).filter((name) => !(name in baseline));
  const restore = Object.entries(baseline).filter(([name, value]) => current[name] !== value);
  const args = ['kafka-configs', '--bootstrap-server', broker.internalAddress, '--entity-type', 'brokers', '--entity-default', '--alter'];
  if (extra.length > 0) args.push('--delete-config', extra.join(','));
  if (restore.length > 0) args.push('--add-config', restore.map(([name, value]) => `${name}=[${value}]`).join(','));
  const result = await broker.exec(args);
  if (result.exitCode !== 0) throw new Error(`restoring the cluster-wide broker defaults failed: ${result.stderr || result.stdout}`);
}

function sameConfigs(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
