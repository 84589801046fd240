import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { setTimeout } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type Dockerode from 'dockerode';
import { WebSocket } from 'ws';
import { dockerClient } from '../../sandbox/docker/docker-client.ts';
import { LABEL } from '../../sandbox/docker/labels.ts';
import { ScriptedTerminal, startTerminalServer, terminalUrl, type TerminalServer } from './terminal-harness.ts';

/** The upgrade's answer: an HTTP status when refused, 101 when a WebSocket opened. */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('unexpected-response', (req, res) => {
      req.destroy();
      resolve(res.statusCode ?? 0);
    });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('error', reject);
  });
}

describe('terminal sessions over the WebSocket', () => {
  let server: TerminalServer;
  let token: string;
  before(async () => {
    server = await startTerminalServer();
    token = await server.newToken();
  });
  after(() => server.close());

  it('refuses a missing or unknown token, another origin and an unknown exercise', async () => {
    assert.equal(await upgradeStatus(terminalUrl(server.url, { exercise: 'kafka-topics' })), 401);
    assert.equal(await upgradeStatus(terminalUrl(server.url, { exercise: 'kafka-topics', token: 'A'.repeat(43) })), 401);
    const url = terminalUrl(server.url, { exercise: 'kafka-topics', token });
    assert.equal(await upgradeStatus(url, { Origin: 'http://evil.example' }), 403);
    assert.equal(await upgradeStatus(terminalUrl(server.url, { exercise: 'keyed-producer', token })), 404, 'a code lab has no terminal');
  });

  it('runs a real shell in the broker container, greets with the bootstrap servers, and keeps it across a reconnect', async () => {
    const first = await ScriptedTerminal.connect(server.url, { exercise: 'kafka-topics', token, lang: 'en' });
    await first.waitForText(/BOOTSTRAP_SERVERS=kafka-1:9092/);
    await first.waitForText(/nobody@kafka-1:~\$ $/);

    assert.match(await first.run('echo "env=$BOOTSTRAP_SERVERS"'), /env=kafka-1:9092\n/);
    assert.match(await first.run('hostname -s'), /\nkafka-1\n/);
    // PID 1 is the node's own init (Docker's), with the broker's JVM under it, not the host's: the container's processes.
    const processOne = await first.run('cat /proc/1/comm; ps -e -o comm= | sort -u | tr "\\n" " "');
    assert.match(processOne, /\ndocker-init\n.*\bjava\b/);
    assert.notEqual(readFileSync('/proc/1/comm', 'utf8').trim(), 'docker-init');
    assert.doesNotMatch(processOne, /\bnode\b|\bdockerd\b/);
    assert.match(await first.run('command -v kafka-topics kafka-topics.sh kafka-dump-log.sh'), /kafka-topics\n.*kafka-topics\.sh\n.*kafka-dump-log\.sh\n/);

    assert.match(await first.run('echo "안녕하세요 카프카"'), /\n안녕하세요 카프카\n/, 'Korean text round-trips through the TTY');
    first.send({ type: 'resize', cols: 100, rows: 30 });
    assert.match(await first.run('stty size'), /\n30 100\n/);
    const started = Date.now();
    const from = first.text().length;
    // The command announces itself once it runs as the terminal's foreground job: a Ctrl+C sent on the mere echo of
    // the typed line can reach bash before it hands the terminal to its child, and then nothing interrupts the sleep.
    first.type("bash -c 'echo sleeping-now; exec sleep 60'");
    await first.waitForText(/\nsleeping-now\n/, { from });
    first.keys('\x03');
    await first.waitForText(/\^C\n[^\n]*\$ $/, { from });
    assert.ok(Date.now() - started < 10_000, 'Ctrl+C interrupts the foreground command');
    const pid = (await first.run('echo "pid=$$"')).match(/pid=(\d+)/)?.[1];
    await first.close();

    const second = await ScriptedTerminal.connect(server.url, { exercise: 'kafka-topics', token, lang: 'en' });
    assert.ok(second.controls.length === 0);
    assert.match(second.text(), /안녕하세요 카프카/, 'the scrollback is replayed');
    assert.equal((await second.run('echo "pid=$$"')).match(/pid=(\d+)/)?.[1], pid, 'the same shell');

    // A third connection takes over: the second is told and let go.
    const third = await ScriptedTerminal.connect(server.url, { exercise: 'kafka-topics', token, lang: 'en' });
    assert.equal((await second.control('ended')).reason, 'replaced');
    await third.close();
  });

  it('"reset sandbox" gives a clean cluster and a fresh shell', async () => {
    const terminal = await ScriptedTerminal.connect(server.url, { exercise: 'kafka-topics', token, lang: 'ko' });
    await terminal.run('kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic leftover');
    const pid = (await terminal.run('echo "pid=$$"')).match(/pid=(\d+)/)?.[1];
    const from = terminal.text().length;
    terminal.send({ type: 'reset' });
    await terminal.control('resetting');
    await terminal.control('ready');
    // The new shell's prompt may arrive before or after 'ready': look for it from before the reset.
    await terminal.waitForText(/practice terminal[\s\S]*\$ $/, { from });
    assert.doesNotMatch(await terminal.run('kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --list'), /leftover/);
    assert.notEqual((await terminal.run('echo "pid=$$"')).match(/pid=(\d+)/)?.[1], pid);
    await terminal.close();
  });

  it('closes a connection that sends a frame over the limit, and keeps serving', async () => {
    const terminal = await ScriptedTerminal.connect(server.url, { exercise: 'kafka-topics', token, lang: 'en' });
    const closed = new Promise<number>((resolve) => terminal.socket.once('close', resolve));
    terminal.socket.send(Buffer.alloc(100 * 1024, 'x'), { binary: true });
    assert.equal(await closed, 1009, 'closed as "message too big"');
    const next = await ScriptedTerminal.connect(server.url, { exercise: 'kafka-topics', token, lang: 'en' });
    assert.match(await next.run('echo "still serving"'), /\nstill serving\n/);
    await next.close();
  });

  it('holds a flooding shell back while the page is not reading, instead of buffering its output', async () => {
    const terminal = await ScriptedTerminal.connect(server.url, { exercise: 'kafka-topics', token, lang: 'en' });
    await terminal.run('true');
    // A page that cannot keep up (a background tab, a slow link): its connection stops reading.
    (terminal.socket as unknown as { _socket: Socket })._socket.pause();
    const before = process.memoryUsage().rss;
    terminal.type('yes kafka-flood-kafka-flood-kafka-flood');
    await setTimeout(6_000); // unchecked, the server buffered tens of MB a second for such a page
    const grownMb = (process.memoryUsage().rss - before) / 1e6;
    terminal.keys('\x03');
    await setTimeout(500);
    terminal.socket.terminate(); // the page goes away without reading the rest
    assert.ok(grownMb < 64, `the server's memory grew by ${grownMb.toFixed(0)} MB while the page was not reading`);

    const next = await ScriptedTerminal.connect(server.url, { exercise: 'kafka-topics', token, lang: 'en' });
    // What the flood had already written drains first; then the interrupted shell prompts again.
    await next.waitForText(/\^C\n[^\n]*\$ $/, { timeoutMs: 60_000 });
    assert.match(await next.run('echo "still here"'), /\nstill here\n/, 'Ctrl+C stopped the flood and the shell answers');
    await next.close();
  });

  it('lets the learner signal nothing of the broker\'s: it keeps serving', async () => {
    const terminal = await ScriptedTerminal.connect(server.url, { exercise: 'kafka-topics', token, lang: 'en' });
    const attempt = await terminal.run('kill 1; kill -9 $(pgrep -x java); echo "exit=$?"');
    assert.match(attempt, /kill: \(1\) - Operation not permitted[\s\S]*Operation not permitted[\s\S]*exit=1/);
    assert.match(await terminal.run('kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic still-up'), /Created topic still-up\./);
    await terminal.close();
  });

  it('says so when the broker the shell runs in stops, and "reset sandbox" brings it back', async () => {
    const terminal = await ScriptedTerminal.connect(server.url, { exercise: 'kafka-topics', token, lang: 'en' });
    await terminal.run('sleep 86421 &');
    await (await containerRunning('sleep 86421')).kill(); // the container, and the shell with it, end
    const lost = await terminal.control('error', 60_000);
    assert.equal(lost.message, 'The broker this shell ran in, kafka-1, has stopped.');
    assert.match(lost.hint ?? '', /Reset sandbox/);
    terminal.send({ type: 'reset' });
    await terminal.control('ready', 120_000);
    assert.match(await terminal.run('kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic after-restart'), /Created topic after-restart\./);
    await terminal.close();
  });
});

/** The node of this process's clusters where a process with these arguments runs. */
async function containerRunning(args: string): Promise<Dockerode.Container> {
  const docker = (await dockerClient()).container.dockerode;
  const filters = JSON.stringify({ label: [`${LABEL.ownerPid}=${process.pid}`, `${LABEL.node}=1`] });
  for (const { Id } of await docker.listContainers({ filters })) {
    const container = docker.getContainer(Id);
    const { Processes } = (await container.top()) as { Processes?: string[][] };
    if (Processes?.some((row) => row.at(-1) === args)) return container;
  }
  throw new Error(`no node runs "${args}"`);
}

describe('idle shells', () => {
  it('end after the idle limit', async () => {
    const server = await startTerminalServer({ idleLimitMs: 4_000 });
    try {
      const terminal = await ScriptedTerminal.connect(server.url, { exercise: 'kafka-topics', token: await server.newToken() });
      await terminal.run('true');
      assert.equal((await terminal.control('ended', 15_000)).reason, 'idle');
    } finally {
      await server.close();
    }
  });
});
