/**
 * `npm test`: every test file under tests/, on real brokers and a real browser. The Kafka and lab runner
 * images are built first when missing (once, rather than by test files racing each other). Extra
 * arguments narrow the run, e.g. `npm test -- 'tests/cluster/*.test.ts'`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { dockerClient } from '../docker/docker-client.ts';
import { SandboxError } from '../docker/sandbox-error.ts';
import { kafkaImage } from '../image/kafka-image.ts';
import { runnerImage } from '../image/runner-image.ts';

const root = join(import.meta.dirname, '..', '..');

try {
  console.error(`Kafka image: ${await kafkaImage(await dockerClient())}`);
  console.error(`Lab runner image: ${await runnerImage(await dockerClient())}`);
} catch (error) {
  console.error(error instanceof SandboxError ? error.message : error);
  process.exit(1);
}

const files = process.argv.slice(2);
const result = spawnSync(
  process.execPath,
  // One file at a time: browser and broker tests share two cores, and timing-sensitive UI checks
  // (a click, then the outline) flaked when a lab's cluster test ran beside them.
  ['--test', '--test-concurrency=1', ...(files.length > 0 ? files : ['tests/**/*.test.ts'])],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
