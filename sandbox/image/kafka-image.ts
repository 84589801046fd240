import type { ContainerRuntimeClient } from 'testcontainers';
import { SandboxError } from '../docker/sandbox-error.ts';
import { KAFKA_VERSION } from '../kafka-version.ts';
import { onceUntilFailure } from '../once-until-failure.ts';
import { buildKafkaImage } from './build-kafka-image.ts';

export const officialImage = (version = KAFKA_VERSION): string => `apache/kafka:${version}`;
export const courseImage = (version = KAFKA_VERSION): string => `kafka-course/kafka:${version}`;

/**
 * The image every node runs, decided once per process: KAFKA_IMAGE if set; else the official
 * apache/kafka image where it is present or can be pulled; else the course's own, built offline
 * when it is missing.
 */
export const kafkaImage: (client: ContainerRuntimeClient) => Promise<string> = onceUntilFailure(chooseImage);

async function chooseImage(client: ContainerRuntimeClient): Promise<string> {
  const explicit = process.env.KAFKA_IMAGE;
  if (explicit) {
    if ((await present(client, explicit)) || (await pulled(client, explicit))) return explicit;
    throw new SandboxError(
      `KAFKA_IMAGE is ${explicit}, which is neither present nor pullable.`,
      'Pull or build that image, or unset KAFKA_IMAGE to use the default.',
    );
  }
  for (const image of [officialImage(), courseImage()]) {
    if (await present(client, image)) return image;
  }
  if (await pulled(client, officialImage())) return officialImage();
  await buildKafkaImage(client, { name: courseImage(), kafkaVersion: KAFKA_VERSION });
  return courseImage();
}

function present(client: ContainerRuntimeClient, image: string): Promise<boolean> {
  return client.container.dockerode.getImage(image).inspect().then(() => true, () => false);
}

async function pulled(client: ContainerRuntimeClient, image: string): Promise<boolean> {
  const docker = client.container.dockerode;
  try {
    const stream = await docker.pull(image);
    await new Promise<void>((done, fail) => docker.modem.followProgress(stream, (error: Error | null) => (error ? fail(error) : done())));
    return true;
  } catch {
    return false; // no registry, no such tag, or no network: fall back to the course's image
  }
}
