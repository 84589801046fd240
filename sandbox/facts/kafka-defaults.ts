/**
 * The defaults of one Kafka release, read from a live node of it: broker and topic defaults as the broker
 * reports them (describeConfigs, the built-in-default synonym), completed by their config definitions for
 * the ones describeConfigs shows without that synonym (topic retention.ms, segment.ms; broker.rack); producer
 * and consumer defaults from the Java client's own config definitions. Each definition class prints its
 * table as Kafka's documentation is generated. What the lessons state comes from here
 * (content/facts/kafka-<version>.json).
 */
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import type { KafkaCluster } from '../cluster/kafka-cluster.ts';

const { ConfigResourceTypes } = kafkajs;

export const DEFAULTS_SCOPES = ['broker', 'topic', 'producer', 'consumer'] as const;
export type DefaultsScope = (typeof DEFAULTS_SCOPES)[number];
export type KafkaDefaults = Record<DefaultsScope, Record<string, string>>;
export type KafkaFacts = KafkaDefaults & { kafkaVersion: string };

/** Where a release's facts live in a content folder. */
export function factsFile(contentDir: string, version: string): string {
  return join(contentDir, 'facts', `kafka-${version}.json`);
}

/** describeConfigs' ConfigSource for Kafka's built-in default. */
const DEFAULT_CONFIG = 5;
const PROBE_TOPIC = 'defaults-probe';

/** The class whose main() prints each scope's config definitions. */
const CONFIG_DEFINITIONS: Record<DefaultsScope, string> = {
  broker: 'kafka.server.KafkaConfig',
  topic: 'org.apache.kafka.storage.internals.log.LogConfig',
  producer: 'org.apache.kafka.clients.producer.ProducerConfig',
  consumer: 'org.apache.kafka.clients.consumer.ConsumerConfig',
};

export async function readKafkaDefaults(cluster: KafkaCluster): Promise<KafkaDefaults> {
  const [reported, broker, topic, producer, consumer] = await Promise.all([
    serverDefaults(cluster),
    definedDefaults(cluster, 'broker'),
    definedDefaults(cluster, 'topic'),
    definedDefaults(cluster, 'producer'),
    definedDefaults(cluster, 'consumer'),
  ]);
  // What the running broker reports wins over the definitions where both have a config.
  return { broker: sorted(Object.entries({ ...broker, ...reported.broker })), topic: sorted(Object.entries({ ...topic, ...reported.topic })), producer, consumer };
}

async function serverDefaults(cluster: KafkaCluster): Promise<Pick<KafkaDefaults, 'broker' | 'topic'>> {
  const admin = await cluster.adminClient();
  await admin.createTopics({ topics: [{ topic: PROBE_TOPIC }], waitForLeaders: true });
  const { resources } = await admin.describeConfigs({
    includeSynonyms: true,
    resources: [
      { type: ConfigResourceTypes.BROKER, name: String(cluster.broker(1).nodeId) },
      { type: ConfigResourceTypes.TOPIC, name: PROBE_TOPIC },
    ],
  });
  const builtIn = (index: number) =>
    Object.fromEntries(
      (resources[index]?.configEntries ?? []).flatMap((entry) => {
        const synonym = entry.configSynonyms.find((s) => s.configSource === DEFAULT_CONFIG);
        return synonym ? [[entry.configName, synonym.configValue ?? ''] as const] : [];
      }),
    );
  return { broker: builtIn(0), topic: builtIn(1) };
}

/** A scope's ConfigDef as its class's main() prints it (HTML, one <h4> per config with a "Default:" row). */
async function definedDefaults(cluster: KafkaCluster, scope: DefaultsScope): Promise<Record<string, string>> {
  const printed = await cluster.broker(1).exec(['kafka-run-class.sh', CONFIG_DEFINITIONS[scope]]);
  if (printed.exitCode !== 0) throw new Error(`${CONFIG_DEFINITIONS[scope]} did not print its configs: ${printed.stderr.trim()}`);
  return parseConfigDefHtml(printed.stdout);
}

/** name → default, spelled as a config file would set it: no unit hints, class names bare, lists comma-separated. */
export function parseConfigDefHtml(html: string): Record<string, string> {
  // One <h4> per config (its documentation may hold lists of its own, so not split on <li>).
  const entries = html.split('<h4>').flatMap((item) => {
    const name = item.match(/^<a id="([^"]+)"><\/a>/)?.[1];
    const printed = item.match(/<tr><th>Default:<\/th><td>(.*?)<\/td><\/tr>/)?.[1];
    if (name === undefined || printed === undefined || printed === '') return []; // no default: the client requires it
    return [[name, configFileValue(name, printed)] as const];
  });
  return sorted(entries);
}

function configFileValue(name: string, printed: string): string {
  if (printed === '""') return '';
  const value = /\.(ms|bytes)$/.test(name) ? printed.replace(/ \([^)]*\)$/, '') : printed; // "5000 (5 seconds)"
  return value
    .split(',')
    .map((item) => item.trim().replace(/^class /, ''))
    .join(',');
}

function sorted(entries: ReadonlyArray<readonly [string, string]>): Record<string, string> {
  return Object.fromEntries([...entries].sort(([a], [b]) => a.localeCompare(b)));
}

/** Each default the facts state differently from a live release (or that one side lacks), one line each. */
export function defaultsDisagreements(stated: KafkaDefaults, live: KafkaDefaults, liveVersion: string): string[] {
  return DEFAULTS_SCOPES.flatMap((scope) => {
    const names = [...new Set([...Object.keys(stated[scope]), ...Object.keys(live[scope])])].sort();
    return names.flatMap((name) => {
      const [said, real] = [stated[scope][name], live[scope][name]];
      if (said === real) return [];
      if (real === undefined) return [`${scope} config ${name}: stated as "${said}", but Kafka ${liveVersion} has no such config`];
      if (said === undefined) return [`${scope} config ${name}: Kafka ${liveVersion} has it (default "${real}"), the facts do not`];
      return [`${scope} config ${name}: stated as "${said}", Kafka ${liveVersion}'s default is "${real}"`];
    });
  });
}
