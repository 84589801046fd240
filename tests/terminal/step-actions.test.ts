// A step's action (stop the active controller, start stopped nodes) is something the sandbox does to a
// learner's cluster on the page's request: the request names only a step of the exercise, the action is
// the exercise's data, it acts on the cluster of the asking learner's own shell, and it counts against a
// rate limit like a reset.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { agreedLeader } from '../../sandbox/cluster/controller-quorum.ts';
import { ScriptedTerminal, startTerminalServer, type TerminalServer } from './terminal-harness.ts';

describe('terminal step actions', () => {
  let server: TerminalServer;
  let terminal: ScriptedTerminal;
  before(async () => {
    server = await startTerminalServer({ rateLimits: { action: { perToken: { points: 2, seconds: 600 }, perAddress: { points: 100, seconds: 600 } } } });
    terminal = await ScriptedTerminal.connect(server.url, { exercise: 'kafka-topics', token: await server.newToken(), lang: 'ko' });
  });
  after(async () => {
    await terminal?.close();
    await server?.close();
  });

  it('refuses a step that has no action, or that the exercise does not have, then limits how often, in the learner\'s language', async () => {
    terminal.send({ type: 'action', step: 'create-and-list' });
    assert.match((await terminal.control('error')).message, /"create-and-list" 단계에는 클러스터에 할 조작이 없습니다/);
    // Another exercise's step names nothing here: the action is looked up in this shell's exercise only.
    terminal.send({ type: 'action', step: 'failover' });
    assert.match((await terminal.control('error')).message, /"failover" 단계에는 클러스터에 할 조작이 없습니다/);
    terminal.send({ type: 'action', step: 'failover' });
    assert.match((await terminal.control('error')).message, /클러스터에 대한 조작을 너무 많이 요청했습니다\. \d+초 뒤에/);
    terminal.send({ type: 'action', step: { kind: 'stop-active-controller' } });
    assert.match((await terminal.control('error')).message, /형식이 잘못된 메시지입니다/);
    assert.match(await terminal.run('echo "still=$((40+2))"'), /still=42/);
  });
});

describe('a step action on a three-node cluster', () => {
  let server: TerminalServer;
  const terminals: ScriptedTerminal[] = [];
  const tokens: string[] = [];
  before(async () => {
    server = await startTerminalServer();
    for (let i = 0; i < 2; i++) {
      tokens.push(await server.newToken());
      terminals.push(await ScriptedTerminal.connect(server.url, { exercise: 'controller-failover', token: tokens[i]!, lang: 'en' }));
    }
  });
  after(async () => {
    await Promise.all(terminals.map((t) => t.close()));
    await server?.close();
  });

  it("stops the asking learner's active controller, never node 1 nor another learner's, and refuses a second node down", async () => {
    const [mine, theirs] = terminals as [ScriptedTerminal, ScriptedTerminal];
    const [myCluster, theirCluster] = tokens.map((token) => server.sessions.clusterOf(server.learnerOf(token)!, 'controller-failover'));
    assert.ok(myCluster && theirCluster && myCluster !== theirCluster, 'two learners, two clusters');
    const theirLeader = await agreedLeader(theirCluster.brokers);

    mine.send({ type: 'action', step: 'failover' });
    await mine.control('acting');
    const done = await mine.control('acted', 180_000);
    const states = await Promise.all(myCluster.brokers.map((b) => b.state()));
    const stopped = states.flatMap((state, i) => (state === 'stopped' ? [i + 1] : []));
    assert.equal(stopped.length, 1, states.join());
    assert.notEqual(stopped[0], 1, "the shell's node keeps running");
    assert.match(done.message, new RegExp(`^Stopped kafka-${stopped[0]}, the active controller\\.`));
    assert.match(await mine.run('echo "still=$((40+2))"'), /still=42/);

    // The other learner's cluster: every node up, the same leader in the same epoch.
    assert.deepEqual(await Promise.all(theirCluster.brokers.map((b) => b.state())), ['running', 'running', 'running']);
    assert.deepEqual(await agreedLeader(theirCluster.brokers), theirLeader);

    mine.send({ type: 'action', step: 'failover' });
    assert.match((await mine.control('error')).message, new RegExp(`^kafka-${stopped[0]} is stopped already, and a quorum of three survives only one node down`));
    mine.send({ type: 'action', step: 'rejoin' });
    assert.match((await mine.control('acted', 180_000)).message, new RegExp(`^Started kafka-${stopped[0]} again`));
    assert.deepEqual(await Promise.all(myCluster.brokers.map((b) => b.state())), ['running', 'running', 'running']);
  });
});
