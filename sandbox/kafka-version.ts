/**
 * The Apache Kafka release the course runs. One setting switches it: KAFKA_VERSION picks both the
 * official image's tag and the jars Maven resolves for the offline image, and the site states the
 * defaults of content/facts/kafka-<version>.json.
 *
 * 4.4.0 is the newest release, and the tests prove kafkajs 2.2.4 against it.
 */
export const DEFAULT_KAFKA_VERSION = '4.4.0';

export function kafkaVersion(env: NodeJS.ProcessEnv = process.env): string {
  return env['KAFKA_VERSION'] || DEFAULT_KAFKA_VERSION;
}

export const KAFKA_VERSION = kafkaVersion();
