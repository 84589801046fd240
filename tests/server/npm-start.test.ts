/**
 * `npm start` as a learner or a service manager runs it: through npm, which runs the script with `sh -c`.
 * Stopping npm with SIGTERM must stop the server it started (no process left holding the port), and a
 * port already taken must end in one sentence naming the port and PORT, not a stack trace.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { waitFor } from '../helpers/wait-for.ts';

const root = join(import.meta.dirname, '..', '..');
const siteDir = mkdtempSync(join(tmpdir(), 'npm-start-site-'));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** npm start on `port`, its output collected; the site is built away from the repository's dist/. */
function npmStart(port: number): { npm: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const npm = spawn('npm', ['start'], { cwd: root, env: { ...process.env, PORT: String(port), COURSE_SITE_OUT_DIR: siteDir } });
  npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
  return { npm, output: () => output, exited };
}

describe('npm start', () => {
  after(() => rmSync(siteDir, { recursive: true, force: true }));

  it('stops the server it started when npm itself gets SIGTERM', async () => {
    const port = await freePort();
    const { npm, output, exited } = npmStart(port);
    await waitFor('the course to run', async () => (output().includes('The course is running') ? true : undefined), 240_000);
    assert.ok(await accepts(port), 'the course serves');
    npm.kill('SIGTERM');
    await exited;
    await waitFor(`nothing to hold port ${port}`, async () => ((await accepts(port)) ? undefined : true), 30_000);
  });

  it('names the port and PORT when the port is taken', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      const { output, exited } = npmStart(port);
      assert.equal(await exited, 1);
      assert.match(output(), new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use`));
      assert.match(output(), new RegExp(`PORT=${port + 1} npm start`));
      assert.doesNotMatch(output(), /EADDRINUSE|\n\s+at /, 'no raw error or stack');
    } finally {
      taken.close();
    }
  });
});
