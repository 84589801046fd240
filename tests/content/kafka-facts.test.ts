/**
 * The defaults lessons state (through <KafkaDefault>) come from content/facts/kafka-<version>.json. This
 * proves that file against a real broker of the course's Kafka version: broker and topic defaults from
 * describeConfigs, Java client defaults from what a real Java producer and consumer log at start.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import kafkajs from 'kafkajs';
import { startKafkaCluster, type KafkaCluster } from '../../sandbox/cluster/kafka-cluster.ts';
import { KAFKA_VERSION } from '../../sandbox/kafka-version.ts';

const { ConfigResourceTypes } = kafkajs;
const ROOT = join(import.meta.dirname, '..', '..');
const DEFAULT_CONFIG = 5; // describeConfigs' ConfigSource for Kafka's built-in default

type Scope = 'broker' | 'topic' | 'producer' | 'consumer';
const facts = JSON.parse(readFileSync(join(ROOT, 'content', 'facts', `kafka-${KAFKA_VERSION}.json`), 'utf8')) as Record<Scope, Record<string, string>>;

/** Every <KafkaDefault scope name> the lessons use, so the check covers at least what learners read. */
function defaultsUsedInLessons(): Array<{ scope: Scope; name: string }> {
  const dir = join(ROOT, 'content', 'lessons');
  const used = new Map<string, { scope: Scope; name: string }>();
  for (const file of readdirSync(dir, { recursive: true }) as string[]) {
    if (!file.endsWith('.mdx')) continue;
    for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/<KafkaDefault\s+scope="(\w+)"\s+name="([^"]+)"/g)) {
      used.set(`${m[1]}:${m[2]}`, { scope: m[1] as Scope, name: m[2]! });
    }
  }
  return [...used.values()];
}

/** "XConfig values:" as a Java client logs it at INFO when it is created: name → value. */
function parseConfigDump(log: string, kind: 'ProducerConfig' | 'ConsumerConfig'): Record<string, string> {
  const block = log.split(`${kind} values:`)[1] ?? '';
  return Object.fromEntries([...block.matchAll(/^\t([\w.]+) = (.*)$/gm)].map((m) => [m[1]!, m[2]!]));
}

// Settings the tools set themselves, so their logged values are not the defaults.
const SET_BY_TOOL: Record<'producer' | 'consumer', string[]> = {
  producer: ['bootstrap.servers', 'client.id', 'key.serializer', 'value.serializer'],
  consumer: ['bootstrap.servers', 'client.id', 'group.id', 'key.deserializer', 'value.deserializer', 'auto.offset.reset', 'enable.auto.commit', 'partition.assignment.strategy'],
};

function isSetByTool(scope: Scope, name: string): boolean {
  return (scope === 'producer' || scope === 'consumer') && SET_BY_TOOL[scope].includes(name);
}

describe(`the Kafka ${KAFKA_VERSION} facts lessons render`, () => {
  let cluster: KafkaCluster;
  const real: Record<Scope, Record<string, string>> = { broker: {}, topic: {}, producer: {}, consumer: {} };

  before(async () => {
    cluster = await startKafkaCluster({ nodes: 1, topics: [{ name: 'facts', partitions: 1 }] });
    const admin = await cluster.adminClient();
    const { resources } = await admin.describeConfigs({
      includeSynonyms: true,
      resources: [{ type: ConfigResourceTypes.BROKER, name: '1' }, { type: ConfigResourceTypes.TOPIC, name: 'facts' }],
    });
    for (const [scope, resource] of [['broker', resources[0]!], ['topic', resources[1]!]] as const) {
      for (const entry of resource.configEntries) {
        const builtIn = entry.configSynonyms.find((s) => s.configSource === DEFAULT_CONFIG);
        if (builtIn) real[scope][entry.configName] = builtIn.configValue;
      }
    }
    const broker = cluster.broker(1);
    const logConfig = [
      'status = warn', 'appender.e.type = Console', 'appender.e.name = E', 'appender.e.target = SYSTEM_ERR',
      'appender.e.layout.type = PatternLayout', 'appender.e.layout.pattern = %m%n', 'rootLogger.level = WARN',
      'rootLogger.appenderRef.e.ref = E', 'logger.c.name = org.apache.kafka.common.config.AbstractConfig', 'logger.c.level = INFO',
    ].join('\n');
    await broker.exec(['sh', '-c', `cat > /tmp/config-dump.properties <<'EOF'\n${logConfig}\nEOF`]);
    const env = { KAFKA_LOG4J_OPTS: '-Dlog4j2.configurationFile=/tmp/config-dump.properties' };
    const tool = (command: string[]) => broker.exec([...command, '--topic', 'facts', '--bootstrap-server', broker.internalAddress], { env });
    const [producer, consumer] = await Promise.all([
      tool(['kafka-producer-perf-test', '--num-records', '1', '--record-size', '10', '--throughput', '-1']),
      tool(['kafka-run-class.sh', 'org.apache.kafka.tools.VerifiableConsumer', '--group-id', 'facts', '--max-messages', '0']),
    ]);
    real.producer = parseConfigDump(producer.stdout + producer.stderr, 'ProducerConfig');
    real.consumer = parseConfigDump(consumer.stdout + consumer.stderr, 'ConsumerConfig');
    assert.ok(Object.keys(real.producer).length > 50 && Object.keys(real.consumer).length > 50, 'both clients logged their configs');
  });
  after(() => cluster?.dispose());

  it('states every default a lesson shows as the broker and the Java client have it', () => {
    const used = defaultsUsedInLessons();
    assert.ok(used.length > 10, `lessons use <KafkaDefault> (${used.length} found)`);
    for (const { scope, name } of used) {
      assert.ok(name in real[scope], `${scope} config ${name} exists in Kafka ${KAFKA_VERSION}`);
      if (isSetByTool(scope, name)) continue; // seen through the tool's own value, not the default
      assert.equal(normalize(facts[scope][name]), normalize(real[scope][name]), `${scope} default of ${name}`);
    }
  });

  for (const scope of ['broker', 'topic', 'producer', 'consumer'] as const) {
    it(`holds the real ${scope} defaults`, () => {
      const compared = Object.keys(facts[scope]).filter((name) => name in real[scope] && !isSetByTool(scope, name));
      assert.ok(compared.length >= Object.keys(facts[scope]).length * 0.8, `most ${scope} facts are checked (${compared.length})`);
      for (const name of compared) assert.equal(normalize(facts[scope][name]), normalize(real[scope][name]), `${scope} default of ${name}`);
    });
  }
});

/** The same value however ConfigDef, describeConfigs and a client's log spell it (acks all is -1, enums in any case). */
function normalize(value: string | undefined): string {
  if (value === undefined) return '(missing)';
  return value.replaceAll('class ', '').replace(/^all$/, '-1').replace(/^null$/, '').trim().toLowerCase();
}
