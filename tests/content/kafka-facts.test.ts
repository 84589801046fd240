/**
 * The defaults lessons state (through <KafkaDefault>) come from content/facts/kafka-<version>.json, for the
 * version the course runs (KAFKA_VERSION). This holds that file to a live broker of that version: every
 * default it states, and every one a lesson shows, is the release's own (sandbox/facts/kafka-defaults.ts).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startKafkaCluster, type KafkaCluster } from '../../sandbox/cluster/kafka-cluster.ts';
import { defaultsDisagreements, factsFile, readKafkaDefaults, type DefaultsScope, type KafkaDefaults, type KafkaFacts } from '../../sandbox/facts/kafka-defaults.ts';
import { KAFKA_VERSION } from '../../sandbox/kafka-version.ts';

const CONTENT = join(import.meta.dirname, '..', '..', 'content');

/** Every <KafkaDefault scope name> the lessons use. */
function defaultsUsedInLessons(): Array<{ scope: DefaultsScope; name: string }> {
  const dir = join(CONTENT, 'lessons');
  const used = new Map<string, { scope: DefaultsScope; name: string }>();
  for (const file of readdirSync(dir, { recursive: true }) as string[]) {
    if (!file.endsWith('.mdx')) continue;
    for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/<KafkaDefault\s+scope="(\w+)"\s+name="([^"]+)"/g)) {
      used.set(`${m[1]}:${m[2]}`, { scope: m[1] as DefaultsScope, name: m[2]! });
    }
  }
  return [...used.values()];
}

/** Only the defaults the lessons show, from a full set. */
function shownInLessons(defaults: KafkaDefaults): KafkaDefaults {
  const shown: KafkaDefaults = { broker: {}, topic: {}, producer: {}, consumer: {} };
  for (const { scope, name } of defaultsUsedInLessons()) {
    const value = defaults[scope][name];
    if (value !== undefined) shown[scope][name] = value;
  }
  return shown;
}

describe(`the Kafka ${KAFKA_VERSION} defaults the lessons state`, () => {
  let cluster: KafkaCluster;
  let live: KafkaDefaults;
  const file = factsFile(CONTENT, KAFKA_VERSION);

  before(async () => {
    cluster = await startKafkaCluster({ nodes: 1 });
    live = await readKafkaDefaults(cluster);
  });
  after(() => cluster?.dispose());

  it('exist for the version the course runs', () => {
    assert.ok(existsSync(file), `no ${file} for Kafka ${KAFKA_VERSION} (KAFKA_VERSION): write it with \`KAFKA_VERSION=${KAFKA_VERSION} npm run facts\``);
    const facts = JSON.parse(readFileSync(file, 'utf8')) as KafkaFacts;
    assert.equal(facts.kafkaVersion, KAFKA_VERSION);
  });

  it('are the live release\'s own, every one', () => {
    const facts = JSON.parse(readFileSync(file, 'utf8')) as KafkaFacts;
    assert.ok(Object.keys(live.broker).length > 200 && Object.keys(live.producer).length > 50 && Object.keys(live.consumer).length > 50, 'the broker and both clients reported their defaults');
    assert.deepEqual(defaultsDisagreements(facts, live, KAFKA_VERSION), [], `${file} is not Kafka ${KAFKA_VERSION}'s: rewrite it with \`npm run facts\``);
  });

  it('include every default a lesson shows', () => {
    const facts = JSON.parse(readFileSync(file, 'utf8')) as KafkaFacts;
    const used = defaultsUsedInLessons();
    assert.ok(used.length > 10, `lessons use <KafkaDefault> (${used.length} found)`);
    const missing = used.filter(({ scope, name }) => facts[scope]?.[name] === undefined).map(({ scope, name }) => `${scope} ${name}`);
    assert.deepEqual(missing, [], `Kafka ${KAFKA_VERSION} has no such config`);
  });

  it('name each default a lesson would state wrongly for another release, with both values', () => {
    // A host pinning another release with an older facts file: the lessons' linger.ms says 0 (Kafka 3.9's).
    const facts = JSON.parse(readFileSync(file, 'utf8')) as KafkaFacts;
    const stale = shownInLessons({ ...facts, producer: { ...facts.producer, 'linger.ms': '0' } });
    assert.deepEqual(defaultsDisagreements(stale, shownInLessons(live), KAFKA_VERSION), [
      `producer config linger.ms: stated as "0", Kafka ${KAFKA_VERSION}'s default is "5"`,
    ]);
  });
});
