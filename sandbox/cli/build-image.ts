/**
 * `npm run image`: builds the course's images offline: Kafka (sandbox/image/build-kafka-image.ts) and the
 * lab runner (sandbox/image/build-runner-image.ts). `--if-missing` builds only what is not there yet.
 */
import { dockerClient } from '../docker/docker-client.ts';
import { SandboxError } from '../docker/sandbox-error.ts';
import { buildKafkaImage } from '../image/build-kafka-image.ts';
import { courseImage, kafkaImage } from '../image/kafka-image.ts';
import { rebuildRunnerImage, runnerImage } from '../image/runner-image.ts';
import { KAFKA_VERSION } from '../kafka-version.ts';

try {
  const client = await dockerClient();
  if (process.argv.includes('--if-missing')) {
    console.error(`Kafka image: ${await kafkaImage(client)}`);
    console.error(`Lab runner image: ${await runnerImage(client)}`);
  } else {
    await buildKafkaImage(client, { name: courseImage(), kafkaVersion: KAFKA_VERSION });
    await rebuildRunnerImage(client);
  }
} catch (error) {
  console.error(error instanceof SandboxError ? error.message : error);
  process.exitCode = 1;
}
