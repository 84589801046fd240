import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startKafkaCluster, type KafkaCluster } from '../../sandbox/cluster/kafka-cluster.ts';
import { NODE_LIMITS, NODE_TMPFS } from '../../sandbox/cluster/kafka-node-container.ts';
import { DATA_BYTES, DATA_DIR } from '../../sandbox/cluster/node-storage.ts';
import { dockerUser, LEARNER_USER } from '../../sandbox/cluster/node-users.ts';
import { CLI_ALIAS_DIR, NODE_DIR } from '../../sandbox/cluster/start-script.ts';
import { PUBLISHED_NETWORK } from '../../sandbox/docker/published-network.ts';
import { consumeFromBeginning } from '../helpers/consume.ts';

/** A TCP connection attempt from inside a node, bounded: prints "connected" only when it got through. */
const connectAttempt = (host: string, port: number) =>
  `timeout 5 bash -c 'exec 3<>/dev/tcp/${host}/${port} && echo connected' 2>&1; echo "exit=$?"`;

describe('a node a learner cannot break out of', () => {
  let cluster: KafkaCluster;
  let other: KafkaCluster;
  before(async () => {
    [cluster, other] = await Promise.all([startKafkaCluster({ nodes: 1 }), startKafkaCluster({ nodes: 1 })]);
  });
  after(() => Promise.all([cluster?.dispose(), other?.dispose()]));

  const asLearner = (command: string) => cluster.broker(1).exec(['bash', '-c', command], { user: dockerUser(LEARNER_USER) });
  const asBroker = (command: string) => cluster.broker(1).exec(['bash', '-c', command]);

  it('has a read-only root, size-limited tmpfs where anything may be written, and a bounded data volume', async () => {
    const { HostConfig } = await cluster.broker(1).container.inspect();
    assert.equal(HostConfig.ReadonlyRootfs, true);
    assert.deepEqual(HostConfig.CapDrop, ['ALL']);
    assert.ok(HostConfig.SecurityOpt?.includes('no-new-privileges'));
    // The image's own files belong to the broker's user: only the read-only root keeps them as they are.
    const write = await asBroker('touch /opt/kafka/bin/planted 2>&1; touch /etc/planted 2>&1');
    assert.match(write.stdout, /\/opt\/kafka\/bin\/planted': Read-only file system[\s\S]*\/etc\/planted': Read-only file system/);

    // What the kernel says each mount holds at most, in bytes.
    const { stdout: mounts } = await asBroker('cat /proc/mounts');
    const sizeOf = (path: string) => {
      const line = mounts.split('\n').find((l) => l.split(' ')[1] === path);
      assert.ok(line, `${path} is a mount of its own`);
      assert.match(line, /^\S+ \S+ tmpfs /, `${path} is a tmpfs`);
      return Number(/size=(\d+)k/.exec(line)![1]) * 1024;
    };
    for (const [path, { bytes }] of Object.entries(NODE_TMPFS)) assert.equal(sizeOf(path), bytes, path);
    assert.equal(sizeOf('/dev/shm'), NODE_LIMITS.shmBytes);
    assert.equal(sizeOf(DATA_DIR), DATA_BYTES);
  });

  it('keeps its data across a stop and a start (the data volume outlives the container\'s run)', async () => {
    const admin = await cluster.adminClient();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: 'kept', numPartitions: 1, replicationFactor: 1 }] });
    const producer = cluster.kafka().producer();
    await producer.connect();
    await producer.send({ topic: 'kept', messages: [{ key: 'k', value: 'before the stop' }] });
    await producer.disconnect();
    await cluster.broker(1).stop();
    await cluster.broker(1).start();
    const [record] = await consumeFromBeginning(cluster, 'kept', 1);
    assert.equal(record?.value, 'before the stop');
  });

  it('gives the learner no way to change the broker: CLI wrappers, config and data are read-only to them, the broker deaf to their signals', async () => {
    const who = await asLearner('id -u');
    assert.equal(who.stdout.trim(), String(LEARNER_USER.uid));
    const attempts = await asLearner([
      `echo 'echo trojan' > ${CLI_ALIAS_DIR}/kafka-topics`,
      `rm -f ${CLI_ALIAS_DIR}/kafka-configs`,
      `touch ${CLI_ALIAS_DIR}/kafka-new`,
      `echo 'log.retention.ms=1' >> ${NODE_DIR}/server.properties`,
      `echo x >> /opt/kafka/config/server.properties`,
      `touch ${DATA_DIR}/planted`,
      `rm -rf ${DATA_DIR}/kept-0`,
      'kill -KILL 1',
      'kill -KILL $(pgrep -x java)',
    ].map((command) => `${command} 2>/dev/null && echo "allowed: ${command.replaceAll('"', '')}"`).join('; ') + '; true');
    assert.equal(attempts.stdout, '', 'none of these may succeed');

    // Still the real tools, and the broker still serves: reading its data is allowed (kafka-dump-log does it).
    const topics = await asLearner('kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --list');
    assert.match(topics.stdout, /^kept$/m);
    const segment = await asLearner(`head -c 0 ${DATA_DIR}/kept-0/00000000000000000000.log && echo readable`);
    assert.match(segment.stdout, /readable/);
    assert.equal(await cluster.broker(1).state(), 'running');
  });

  it('has no route out: not to the internet, not to another cluster, while host clients reach its published port', async () => {
    const internet = await asLearner(connectAttempt('1.1.1.1', 443));
    assert.doesNotMatch(internet.stdout, /connected/);
    const dns = await asLearner('timeout 5 getent hosts example.com || echo unresolved');
    assert.match(dns.stdout, /unresolved/);

    // The other cluster's node, at its addresses on both of its networks.
    const { NetworkSettings } = await other.broker(1).container.inspect();
    const addresses = Object.values(NetworkSettings.Networks).map((n) => n.IPAddress);
    assert.equal(addresses.length, 2, 'a node is on its cluster\'s network and the published one');
    for (const address of addresses) {
      const attempt = await asLearner(connectAttempt(address, 9092));
      assert.doesNotMatch(attempt.stdout, /connected/, `reached the other cluster at ${address}`);
    }
    // Its own cluster answers, by name, on the internal listener: kafka-1 is this cluster's node 1, however
    // many other clusters' nodes 1 share the published network.
    const { NetworkSettings: own } = await cluster.broker(1).container.inspect();
    assert.ok(own.Networks[cluster.networkName], 'the node is on its cluster\'s own network');
    const ownAddresses = Object.values(own.Networks).map((n) => n.IPAddress);
    assert.ok(ownAddresses.includes((await asLearner('getent hosts kafka-1')).stdout.split(/\s+/)[0]!));
    assert.match((await asLearner(connectAttempt('kafka-1', 9092))).stdout, /connected/);

    assert.ok(own.Networks[PUBLISHED_NETWORK], 'and on the shared published network');
    const bindings = Object.values(own.Ports).flat().filter((b) => b);
    assert.ok(bindings.length > 0 && bindings.every((b) => b!.HostIp === '127.0.0.1'), JSON.stringify(bindings));
    const admin = await cluster.adminClient(); // kafkajs on the host, through the published port
    assert.ok((await admin.listTopics()).includes('kept'));
  });
});
