import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DATA_BYTES } from '../../sandbox/cluster/node-storage.ts';
import { KAFKA_VERSION } from '../../sandbox/kafka-version.ts';
import { ScriptedTerminal, startTerminalServer, type TerminalServer } from './terminal-harness.ts';

/** What a learner leaves behind on purpose: jobs that outlive their shell, files everywhere they can write, a fake kafka-topics. */
const PLANTING = [
  'nohup sleep 4711 >/dev/null 2>&1 &',
  'setsid sleep 4712 >/dev/null 2>&1 < /dev/null &',
  'nohup bash -c "while :; do sleep 4713; done" >/dev/null 2>&1 &',
  'sleep 4714 & disown',
  'echo planted > /tmp/planted-tmp; echo planted > /dev/shm/planted-shm; echo planted > ~/planted-home',
  'mkdir ~/locked && echo planted > ~/locked/inside && chmod 000 ~/locked',
  `echo 'alias kafka-topics="echo trojan"' >> ~/.bashrc`,
  `mkdir -p ~/bin /tmp/kafka-cli && printf '#!/bin/sh\\necho trojan\\n' > ~/bin/kafka-topics && chmod +x ~/bin/kafka-topics && cp ~/bin/kafka-topics /tmp/kafka-cli/`,
];
const PLANTED_PROCESSES = /sleep 471\d/;
const PLANTED_FILES = /planted-|locked|kafka-cli|\.bashrc|\bbin\b/;

async function plant(terminal: ScriptedTerminal): Promise<void> {
  for (const command of PLANTING) await terminal.run(command);
  // The wrappers on PATH are the broker's: replacing one is refused.
  const replace = await terminal.run('cp ~/bin/kafka-topics "$(command -v kafka-topics)"; rm -f "$(command -v kafka-configs)"; echo "exit=$?"');
  assert.match(replace, /Permission denied[\s\S]*exit=1/);
  assert.equal((await terminal.run('ps -eo args= | grep -c "^sleep 471"')).match(/\n(\d+)\n/)?.[1], '4', 'the jobs run');
}

/** A learner's first connection, once their shell prompts (what is typed before then would echo before the prompt). */
async function newLearner(server: TerminalServer): Promise<ScriptedTerminal> {
  const terminal = await ScriptedTerminal.connect(server.url, { exercise: 'kafka-topics', token: await server.newToken(), lang: 'en' });
  await terminal.waitForText(/@kafka-1:~\$ $/);
  return terminal;
}

/** The pooled cluster a shell runs on, told apart by the id its storage was formatted with. */
async function clusterIdOf(terminal: ScriptedTerminal): Promise<string> {
  const id = (await terminal.run('grep cluster.id /var/lib/kafka/data/meta.properties')).match(/cluster\.id=(\S+)/)?.[1];
  assert.ok(id, 'the shell can read the broker\'s meta.properties');
  return id;
}

/** Nothing planted is left, and kafka-topics is the real one. */
async function assertClean(terminal: ScriptedTerminal): Promise<void> {
  const processes = await terminal.run('ps -eo user=,args=');
  assert.doesNotMatch(processes, PLANTED_PROCESSES, 'no job of the last learner runs');
  const files = await terminal.run('ls -a ~ /tmp /dev/shm');
  assert.doesNotMatch(files, PLANTED_FILES, 'no file of the last learner is left');
  assert.match(await terminal.run('type kafka-topics'), /kafka-topics is \/opt\/kafka-course\/bin\/kafka-topics\n/);
  const version = await terminal.run('kafka-topics --version');
  assert.match(version, new RegExp(`\\n${KAFKA_VERSION.replaceAll('.', '\\.')}\\b`));
  assert.doesNotMatch(version, /trojan/);
}

describe('a pooled cluster handed to the next learner', () => {
  let server: TerminalServer;
  before(async () => {
    server = await startTerminalServer({ idleLimitMs: 10_000 });
  });
  after(() => server?.close());

  it('keeps no process or file of the last learner\'s, and the real kafka-topics', async () => {
    const first = await newLearner(server);
    const cluster = await clusterIdOf(first);
    await plant(first);
    // The first learner walks away: the shell ends when idle, and its cluster goes back to the pool.
    assert.equal((await first.control('ended', 60_000)).reason, 'idle');
    await server.sessions.dispose(); // returns once every ended session's cluster is back in the pool

    const next = await newLearner(server);
    assert.equal(await clusterIdOf(next), cluster, 'the next learner has the same pooled cluster');
    await assertClean(next);
    await next.close();
  });

  it('keeps none after "reset sandbox" either', async () => {
    const terminal = await newLearner(server);
    await plant(terminal);
    const from = terminal.text().length;
    terminal.send({ type: 'reset' });
    await terminal.control('resetting');
    await terminal.control('ready', 120_000);
    // The new shell's prompt may arrive before or after 'ready': look for it from before the reset.
    await terminal.waitForText(/practice terminal[\s\S]*\$ $/, { from });
    await assertClean(terminal);
    await terminal.close();
  });
});

describe('a learner who fills Kafka\'s data volume', () => {
  let server: TerminalServer;
  before(async () => {
    server = await startTerminalServer();
  });
  after(() => server?.close());

  it('stops only their own broker, and "reset sandbox" gives them a working cluster', async () => {
    const terminal = await newLearner(server);
    const size = await terminal.run('df -B1 --output=size /var/lib/kafka/data | tail -1');
    assert.match(size, new RegExp(`\\n\\s*${DATA_BYTES}\\n`), 'the data volume holds at most its size');
    // Twice what the volume holds: the broker's one log directory fails, and Kafka stops the broker.
    terminal.type(`kafka-producer-perf-test --topic fill --num-records ${Math.ceil((2 * DATA_BYTES) / 1000)} --record-size 1000 --throughput -1 --producer-props bootstrap.servers=$BOOTSTRAP_SERVERS acks=1 linger.ms=50 batch.size=500000`);
    const lost = await terminal.control('error', 180_000);
    assert.equal(lost.message, 'The broker this shell ran in, kafka-1, has stopped.');
    const from = terminal.text().length;
    terminal.send({ type: 'reset' });
    await terminal.control('ready', 180_000);
    await terminal.waitForText(/practice terminal[\s\S]*\$ $/, { from });
    assert.match(await terminal.run('kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic after-full'), /Created topic after-full\./);
    await terminal.close();
  });
});
