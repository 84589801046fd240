// The entry point of `npm start` and `npm test`. It runs before the project's dependencies exist, on
// whatever Node the machine has (18 or newer), so it is plain JavaScript: it installs the dependencies
// when they are missing or stale (the project's own Node 24 comes with them, as an npm package), then
// hands over to that Node.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { handOver } from './hand-over.mjs';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');
// kafkajs schedules negative timeouts; Node 24's warning about them says nothing anyone can act on.
const QUIET_KAFKAJS = '--disable-warning=TimeoutNegativeWarning';
const TASKS = {
  start: ['sandbox/cli/start.ts'],
  test: ['sandbox/cli/test.ts'],
};

const [task, ...args] = process.argv.slice(2);
if (!TASKS[task]) {
  console.error(`usage: node sandbox/cli/bootstrap.mjs <${Object.keys(TASKS).join('|')}> [args]`);
  process.exit(2);
}

const installed = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.error('Installing dependencies, the project\'s own Node.js among them (the first time takes a few minutes) ...');
  // Not `npm ci`: some registries lack other platforms' optional packages, which the lock then cannot list.
  // Warnings stay quiet: they are about this machine's older Node, which hands over right after.
  install(['install', '--no-audit', '--no-fund', '--loglevel=error']);
  console.error('Dependencies installed.');
}

const projectNode = join(root, 'node_modules', 'node', 'bin', 'node');
if (!existsSync(projectNode)) {
  console.error('The project\'s Node.js (the "node" npm package) is missing from node_modules: run `npm install`.');
  process.exit(1);
}
handOver(projectNode, [QUIET_KAFKAJS, ...TASKS[task], ...args], { cwd: root });

function install(npmArgs) {
  const result = spawnSync('npm', npmArgs, { cwd: root, stdio: 'inherit' });
  if (result.error) {
    console.error(`npm: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}
