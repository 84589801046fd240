/**
 * `npm run facts`: writes content/facts/kafka-<version>.json, the defaults the lessons state, from a live
 * node of the Kafka release the course runs (KAFKA_VERSION). Run it when the version changes; the facts
 * test then holds the file to the live release.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startKafkaCluster } from '../cluster/kafka-cluster.ts';
import { SandboxError } from '../docker/sandbox-error.ts';
import { factsFile, readKafkaDefaults, type KafkaFacts } from '../facts/kafka-defaults.ts';
import { KAFKA_VERSION } from '../kafka-version.ts';

const contentDir = join(import.meta.dirname, '..', '..', 'content');

try {
  const cluster = await startKafkaCluster({ nodes: 1 });
  try {
    const facts: KafkaFacts = { kafkaVersion: KAFKA_VERSION, ...(await readKafkaDefaults(cluster)) };
    const file = factsFile(contentDir, KAFKA_VERSION);
    writeFileSync(file, `${JSON.stringify(facts, null, 2)}\n`);
    const counts = Object.entries(facts).flatMap(([scope, defaults]) => (typeof defaults === 'object' ? [`${Object.keys(defaults).length} ${scope}`] : []));
    console.error(`Wrote ${file}: ${counts.join(', ')} defaults of Kafka ${KAFKA_VERSION}`);
  } finally {
    await cluster.dispose();
  }
} catch (error) {
  console.error(error instanceof SandboxError ? error.message : error);
  process.exitCode = 1;
}
