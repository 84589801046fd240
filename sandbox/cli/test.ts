/**
 * `npm test`: every test file under tests/, on real brokers and a real browser. The Kafka and lab runner
 * images are built first when missing (once, rather than by test files racing each other). Extra
 * arguments narrow the run, e.g. `npm test -- 'tests/cluster/*.test.ts'`.
 *
 * Without a Docker engine the tests that need none still run (the site, the server's own handling, the
 * image recipe), and the run says what it left out; in CI a missing engine is an error instead.
 */
import { join } from 'node:path';
import { dockerClient } from '../docker/docker-client.ts';
import { SandboxError } from '../docker/sandbox-error.ts';
import { kafkaImage } from '../image/kafka-image.ts';
import { runnerImage } from '../image/runner-image.ts';
import { handOver } from './hand-over.mjs';

const root = join(import.meta.dirname, '..', '..');
const ALL = ['tests/**/*.test.ts'];
/** Test files that start no cluster, container or sandbox: the whole run when there is no Docker engine. */
const WITHOUT_DOCKER = [
  'tests/site/*.test.ts',
  'tests/image/*.test.ts',
  'tests/labs/lab-registry.test.ts',
  'tests/server/static-site.test.ts',
  'tests/server/malformed-requests.test.ts',
  'tests/server/learner-limits.test.ts',
  'tests/server/stray-errors.test.ts',
  'tests/server/npm-start.test.ts',
];

const requested = process.argv.slice(2);
let files = requested.length > 0 ? requested : ALL;

const docker = await dockerClient().then(() => true, (error: unknown) => {
  console.error(error instanceof SandboxError ? error.message : error);
  return false;
});
if (docker) {
  try {
    console.error(`Kafka image: ${await kafkaImage(await dockerClient())}`);
    console.error(`Lab runner image: ${await runnerImage(await dockerClient())}`);
  } catch (error) {
    console.error(error instanceof SandboxError ? error.message : error);
    process.exit(1);
  }
} else if (process.env.CI) {
  console.error('CI needs the Docker engine: the tests that drive Kafka cannot be skipped there.');
  process.exit(1);
} else {
  if (requested.length === 0) files = WITHOUT_DOCKER;
  console.error(`No Docker engine: running only the tests that need none (${files.join(', ')}); the cluster, lab, terminal and page tests are skipped.`);
}

// Browser and fault-timing tests one at a time, the rest two at a time (test-phases.ts says which).
handOver(process.execPath, [...process.execArgv, join(root, 'sandbox/cli/test-phases.ts'), ...files], { cwd: root });
