/**
 * The image lab programs run in (sandbox/runner/container-runner.ts). Its tag names the Node and kafkajs
 * it holds, so an upgrade of either builds a new one; `npm run image`, `npm start` and `npm test` build
 * it when it is missing.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ContainerRuntimeClient } from 'testcontainers';
import { onceUntilFailure } from '../once-until-failure.ts';
import { buildRunnerImage } from './build-runner-image.ts';

export interface RunnerImageVersions {
  node: string;
  kafkajs: string;
}

const kafkajsDir = dirname(createRequire(import.meta.url).resolve('kafkajs/package.json'));

export const RUNNER = {
  /** Programs run as this user, never root. */
  user: { name: 'learner', uid: 1000 },
  /** The program's working directory: bare imports resolve from its node_modules. */
  workDir: '/app',
  /** The packages a lab program may import besides node: built-ins, and where this machine has them. */
  packages: new Map([['kafkajs', kafkajsDir]]),
  labels: { node: 'org.kafka-course.node-version', kafkajs: 'org.kafka-course.kafkajs-version' },
} as const;

export function runnerImageVersions(): RunnerImageVersions {
  const kafkajs = (JSON.parse(readFileSync(join(kafkajsDir, 'package.json'), 'utf8')) as { version: string }).version;
  return { node: process.versions.node, kafkajs };
}

export function runnerImageName(versions = runnerImageVersions()): string {
  return `kafka-course/lab-runner:${versions.node}-kafkajs${versions.kafkajs}`;
}

/** The runner image, built first when it is missing; decided once per process. */
export const runnerImage: (client: ContainerRuntimeClient) => Promise<string> = onceUntilFailure(ensureRunnerImage);

async function ensureRunnerImage(client: ContainerRuntimeClient): Promise<string> {
  const name = runnerImageName();
  const present = await client.container.dockerode.getImage(name).inspect().then(() => true, () => false);
  return present ? name : rebuildRunnerImage(client);
}

/** Builds the runner image for this machine's Node and kafkajs, replacing one of the same tag. */
export async function rebuildRunnerImage(client: ContainerRuntimeClient): Promise<string> {
  const versions = runnerImageVersions();
  const name = runnerImageName(versions);
  await buildRunnerImage(client, { name, versions, ...RUNNER });
  return name;
}
