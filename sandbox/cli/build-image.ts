/**
 * `npm run image`: builds the course's Kafka image offline (see sandbox/image/build-kafka-image.ts).
 * `--if-missing` does nothing when a usable Kafka image is already there (npm start and npm test use it).
 */
import { dockerClient } from '../docker/docker-client.ts';
import { SandboxError } from '../docker/sandbox-error.ts';
import { buildKafkaImage } from '../image/build-kafka-image.ts';
import { courseImage, kafkaImage } from '../image/kafka-image.ts';
import { KAFKA_VERSION } from '../kafka-version.ts';

try {
  const client = await dockerClient();
  if (process.argv.includes('--if-missing')) {
    console.error(`Kafka image: ${await kafkaImage(client)}`);
  } else {
    await buildKafkaImage(client, { name: courseImage(), kafkaVersion: KAFKA_VERSION });
  }
} catch (error) {
  console.error(error instanceof SandboxError ? error.message : error);
  process.exitCode = 1;
}
