import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startKafkaCluster, type KafkaCluster } from '../../sandbox/cluster/kafka-cluster.ts';
import { NODE_LIMITS } from '../../sandbox/cluster/kafka-node-container.ts';
import { KAFKA_CLI_TOOLS } from '../../sandbox/image/kafka-cli-tools.ts';
import { KAFKA_VERSION } from '../../sandbox/kafka-version.ts';
import { consumeFromBeginning } from '../helpers/consume.ts';

describe('a single-node cluster', () => {
  let cluster: KafkaCluster;
  before(async () => {
    cluster = await startKafkaCluster({ nodes: 1 });
  });
  after(() => cluster?.dispose());

  it('takes keyed messages from kafkajs and gives them back in order per partition', async () => {
    const admin = await cluster.adminClient();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: 'orders', numPartitions: 3, replicationFactor: 1 }] });
    // Idempotent: a request retried on a loaded machine must not append its records twice.
    const producer = cluster.kafka().producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const keys = ['alice', 'bob', 'carol', 'dave', 'erin'];
    const sent = Array.from({ length: 40 }, (_, i) => ({ key: keys[i % keys.length]!, value: `order-${i}`, headers: { seq: String(i) } }));
    for (let i = 0; i < sent.length; i += 8) {
      await producer.send({ topic: 'orders', messages: sent.slice(i, i + 8) });
    }
    await producer.disconnect();

    const received = await consumeFromBeginning(cluster, 'orders', sent.length);
    const partitionOfKey = new Map<string, number>();
    for (const record of received) {
      const seen = partitionOfKey.get(record.key!);
      assert.ok(seen === undefined || seen === record.partition, `key ${record.key} landed in partitions ${seen} and ${record.partition}`);
      partitionOfKey.set(record.key!, record.partition);
    }
    assert.ok(new Set(partitionOfKey.values()).size > 1, 'five keys over three partitions should use more than one');
    for (const partition of [0, 1, 2]) {
      const inPartition = received.filter((r) => r.partition === partition).sort((a, b) => a.offset - b.offset);
      const expected = sent.filter((m) => partitionOfKey.get(m.key) === partition);
      assert.deepEqual(
        inPartition.map((r) => [r.key, r.value, r.headers.seq]),
        expected.map((m) => [m.key, m.value, m.headers.seq]),
        `partition ${partition} holds its messages in the order they were sent`,
      );
    }
  });

  it('describes the topic with kafka-topics inside the container', async () => {
    const broker = cluster.broker(1);
    const result = await broker.exec(['kafka-topics', '--bootstrap-server', cluster.internalBootstrapServers, '--describe', '--topic', 'orders']);
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /Topic: orders\s+TopicId: \S+\s+PartitionCount: 3\s+ReplicationFactor: 1/);
    const partitionLines = result.stdout.split('\n').filter((line) => /\tPartition: \d/.test(line));
    assert.deepEqual(partitionLines.map((line) => /Partition: (\d+)/.exec(line)![1]), ['0', '1', '2']);
    for (const line of partitionLines) assert.match(line, /Leader: 1\s+Replicas: 1\s+Isr: 1/);
  });

  it('keeps what runs in a node to its own process, memory and CPU limits (learners have a shell there)', async () => {
    // cgroup v2 or v1, as the kernel inside the container reports them.
    const read = async (v2: string, v1: string) =>
      (await cluster.broker(1).exec(['bash', '-c', `cat /sys/fs/cgroup/${v2} 2>/dev/null || cat /sys/fs/cgroup/${v1}`])).stdout.trim();
    assert.equal(await read('pids.max', 'pids/pids.max'), String(NODE_LIMITS.pids));
    assert.equal(await read('memory.max', 'memory/memory.limit_in_bytes'), String(NODE_LIMITS.memoryBytes));
    // CPU time allowed per period: v2's cpu.max holds "quota period"; v1 has a file for each.
    const [quota, period] = (await read('cpu.max', '{cpu/cpu.cfs_quota_us,cpu/cpu.cfs_period_us}')).split(/\s+/).map(Number);
    assert.equal(quota! / period!, NODE_LIMITS.nanoCpus / 1e9, `a quota of ${quota} per ${period}`);
  });

  it('has every Kafka CLI tool on PATH under both names, at the course version', async () => {
    const names = Object.keys(KAFKA_CLI_TOOLS).flatMap((tool) => [`kafka-${tool}`, `kafka-${tool}.sh`]);
    const result = await cluster.broker(1).exec(['sh', '-c', `for t in ${names.join(' ')}; do command -v "$t" >/dev/null || echo "missing $t"; done`]);
    assert.equal(result.stdout, '', result.stdout);
    const version = await cluster.broker(1).exec(['kafka-topics', '--version']);
    assert.match(version.stdout, new RegExp(`^${KAFKA_VERSION.replaceAll('.', '\\.')}\\b`));
  });

  it('shows with kafka-dump-log exactly what was produced, from the segment file the handle reads', async () => {
    const admin = await cluster.adminClient();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: 'dump', numPartitions: 1, replicationFactor: 1 }] });
    const producer = cluster.kafka().producer();
    await producer.connect();
    const batches = [
      [{ key: 'k1', value: 'first' }, { key: 'k2', value: 'second' }],
      [{ key: 'k3', value: 'third, with a comma' }],
    ];
    for (const messages of batches) await producer.send({ topic: 'dump', messages });
    await producer.disconnect();

    const segment = '/var/lib/kafka/data/dump-0/00000000000000000000.log';
    const dump = await cluster.broker(1).exec(['kafka-dump-log', '--deep-iteration', '--print-data-log', '--files', segment]);
    assert.equal(dump.exitCode, 0, dump.stderr);
    const records = [...dump.stdout.matchAll(/\| offset: (\d+) .*? key: (\S+) payload: (.*)$/gm)].map((m) => [Number(m[1]), m[2], m[3]]);
    assert.deepEqual(records, batches.flat().map((m, offset) => [offset, m.key, m.value]));

    const batchSizes = [...dump.stdout.matchAll(/^baseOffset: \d+ .* size: (\d+) /gm)].map((m) => Number(m[1]));
    assert.equal(batchSizes.length, batches.length, 'one record batch per send');
    const files = await cluster.broker(1).partitionFiles('dump', 0);
    const log = files.find((f) => f.name === '00000000000000000000.log');
    assert.ok(log, `segment among ${files.map((f) => f.name).join(', ')}`);
    assert.equal(log.bytes.length, batchSizes.reduce((a, b) => a + b, 0), 'the segment is exactly the batches dump-log printed');
    assert.ok(log.bytes.includes(Buffer.from('third, with a comma')));
  });

  it('runs a shell with a real TTY: size, resize, Ctrl+C and exit code', async () => {
    const session = await cluster.broker(1).execTty(['bash', '--norc', '-i'], { cols: 100, rows: 30 });
    let screen = '';
    session.stream.on('data', (chunk: Buffer) => { screen += chunk.toString(); });
    const waitForScreen = async (pattern: RegExp) => {
      for (let i = 0; i < 200 && !pattern.test(screen); i++) await new Promise((r) => setTimeout(r, 50));
      assert.match(screen, pattern);
    };
    session.stream.write('tty; stty size; hostname\r');
    await waitForScreen(/\/dev\/pts\/\d+[\s\S]*30 100[\s\S]*kafka-1/);
    await session.resize(120, 40);
    session.stream.write('stty size\r');
    await waitForScreen(/40 120/);
    session.stream.write('sleep 600\r');
    await new Promise((r) => setTimeout(r, 300));
    session.stream.write('\x03');
    session.stream.write('echo "after $((6*7))"\r');
    await waitForScreen(/after 42/);
    session.stream.write('exit 3\r');
    assert.equal(await session.exited, 3);
  });
});
