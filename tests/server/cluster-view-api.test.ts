// The live view's route on a real course server with real clusters: refused without a learner's token, from
// another site's page and too often; never starts a cluster; a learner sees their own clusters (their shell's,
// their lab runs') and never another learner's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dockerClient } from '../../sandbox/docker/docker-client.ts';
import { LABEL } from '../../sandbox/docker/labels.ts';
import { CLUSTER_VIEW_PATH, type ClusterViewAnswer } from '../../sandbox/server/cluster-view-api.ts';
import type { ErrorBody } from '../../sandbox/server/refusals.ts';
import { ScriptedTerminal, startTerminalServer, type TerminalServer } from '../terminal/terminal-harness.ts';
import { waitFor } from '../helpers/wait-for.ts';

const VIEWS_PER_LEARNER = 12;

describe('the live view\'s route', () => {
  let server: TerminalServer;
  const terminals: ScriptedTerminal[] = [];
  before(async () => {
    server = await startTerminalServer({ rateLimits: { view: { perToken: { points: VIEWS_PER_LEARNER, seconds: 600 }, perAddress: { points: 1000, seconds: 600 } } } });
  });
  after(async () => {
    await Promise.all(terminals.map((terminal) => terminal.close()));
    await server?.close();
  });

  const view = (query: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${new URL(CLUSTER_VIEW_PATH, server.url)}?${new URLSearchParams(query)}`, { headers });
  async function snapshotOf(query: Record<string, string>): Promise<ClusterViewAnswer['snapshot']> {
    const response = await view(query);
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal(response.headers.get('cache-control'), 'no-store');
    return ((await response.json()) as ClusterViewAnswer).snapshot;
  }
  async function containersOfThisProcess(): Promise<number> {
    const docker = (await dockerClient()).container.dockerode;
    const filters = JSON.stringify({ label: [`${LABEL.ownerPid}=${process.pid}`, LABEL.cluster] });
    return (await docker.listContainers({ all: true, filters })).length;
  }

  it('refuses a missing or unknown token, a request naming no hands-on part or an unknown one, and another site\'s page', async () => {
    assert.equal((await view({ exercise: 'kafka-topics' })).status, 400, 'no token');
    const unknown = await view({ exercise: 'kafka-topics', token: 'not-a-token' });
    assert.equal(unknown.status, 401);
    assert.match(((await unknown.json()) as ErrorBody).message.ko, /세션/);
    const token = await server.newToken();
    assert.equal((await view({ token })).status, 400, 'neither lab nor exercise');
    assert.equal((await view({ token, lab: 'keyed-producer', exercise: 'kafka-topics' })).status, 400, 'both');
    assert.equal((await view({ token, exercise: '../kafka-topics' })).status, 404);
    assert.equal((await view({ token, lab: 'kafka-topics' })).status, 404, 'an exercise is not a code lab');
    const foreign = await view({ token, exercise: 'kafka-topics' }, { origin: 'https://attacker.example' });
    assert.equal(foreign.status, 403);
    assert.match(((await foreign.json()) as ErrorBody).message.en, /other sites/);
  });

  it('answers null for a learner with no cluster there, and starts none', async () => {
    const token = await server.newToken();
    assert.equal(await snapshotOf({ token, exercise: 'kafka-topics' }), null);
    assert.equal(await snapshotOf({ token, lab: 'keyed-producer' }), null);
    assert.equal(await containersOfThisProcess(), 0);
  });

  it('shows a learner their own shell\'s cluster, live, and never another learner\'s', async () => {
    const [alice, bob] = [await server.newToken(), await server.newToken()];
    const aliceShell = await ScriptedTerminal.connect(server.url, { exercise: 'kafka-topics', token: alice, lang: 'en' });
    terminals.push(aliceShell);
    await aliceShell.run('kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic alice-only --partitions 2');
    const seen = await waitFor('alice-only in alice\'s view', async () => {
      const snapshot = await snapshotOf({ token: alice, exercise: 'kafka-topics' });
      return snapshot?.topics.some((t) => t.name === 'alice-only') ? snapshot : undefined;
    });
    assert.deepEqual(seen.brokers, [{ nodeId: 1, state: 'running' }]);
    assert.deepEqual(seen.topics.find((t) => t.name === 'alice-only')!.partitions.map((p) => [p.partition, p.leader, p.logEndOffset]), [[0, 1, 0], [1, 1, 0]]);

    assert.equal(await snapshotOf({ token: bob, exercise: 'kafka-topics' }), null, 'bob has no shell: alice\'s cluster is not his');
    const bobShell = await ScriptedTerminal.connect(server.url, { exercise: 'kafka-topics', token: bob, lang: 'en' });
    terminals.push(bobShell);
    const bobs = await snapshotOf({ token: bob, exercise: 'kafka-topics' });
    assert.ok(bobs, 'bob sees his own cluster once his shell runs');
    assert.ok(!bobs.topics.some((t) => t.name === 'alice-only'));
    assert.equal(await snapshotOf({ token: bob, lab: 'keyed-producer' }), null, 'his terminal\'s cluster is not his labs\' one');
  });

  it('shows a learner the cluster their lab runs use, once they have one', async () => {
    const token = await server.newToken();
    assert.equal(await snapshotOf({ token, lab: 'keyed-producer' }), null);
    const run = await fetch(new URL('/api/labs/run', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, labId: 'keyed-producer', source: 'const x = ;' }),
    });
    await run.text(); // a compile error: the run still took the session's cluster
    const snapshot = await snapshotOf({ token, lab: 'keyed-producer' });
    assert.ok(snapshot);
    assert.ok(snapshot.brokers.every((b) => b.state === 'running'));
  });

  it('limits how often one learner asks, with Retry-After and a message in both languages', async () => {
    const token = await server.newToken();
    for (let i = 0; i < VIEWS_PER_LEARNER; i++) assert.equal(await snapshotOf({ token, exercise: 'kafka-topics' }), null);
    const refused = await view({ token, exercise: 'kafka-topics' });
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    const { message } = (await refused.json()) as ErrorBody;
    assert.match(message.en, /asked for too often.*\d+ s/);
    assert.match(message.ko, /너무 자주.*\d+초/);
  });
});
