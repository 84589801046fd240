// Runs the process that does the real work (the project's Node, the test runner) and stands in for it:
// the signals that stop this process (Ctrl+C, a SIGTERM from a service manager or CI) go to the child,
// and this process ends with the child's exit status, so stopping `npm start` never leaves the server it
// started holding the port. npm runs a script through `sh -c`, and a SIGTERM to npm ends that shell
// without passing the signal on: so the end of this process's parent stops the child too.
// Plain JavaScript: bootstrap.mjs runs it on the machine's own, older Node.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const PARENT_CHECK_MS = 500;

/** Runs `command`, forwards stop signals to it, and exits with its status once it ends. */
export function handOver(command, args, options = {}) {
  const child = spawn(command, args, { stdio: 'inherit', ...options });
  // Once each: Ctrl+C reaches the child straight from the terminal as well, and npm forwards it too.
  const forwarded = new Set();
  const forward = (signal) => {
    if (!forwarded.has(signal)) child.kill(signal);
    forwarded.add(signal);
  };
  for (const signal of FORWARDED) process.on(signal, () => forward(signal));
  // An orphan is handed to another parent (init, a subreaper): its parent id changes.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && forward('SIGTERM'), PARENT_CHECK_MS).unref();
  child.on('error', (error) => {
    console.error(`${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
}
