/**
 * Lesson 6 (producer-architecture) says that the Java producer's send() does not throw Kafka's own errors:
 * a record over max.request.size and a max.block.ms timeout come back through an already-failed Future and
 * the callback. This proves it with the real Java client of the course's Kafka version inside a broker container: the console
 * producer calls send(record, callback) and, with --sync, send(record).get() (ConsoleProducer.send), and
 * exits 1 on any exception that reaches it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startKafkaCluster, type KafkaCluster } from '../../sandbox/cluster/kafka-cluster.ts';
import type { ExecResult } from '../../sandbox/cluster/broker.ts';

describe('the Java producer reports its own errors through the Future and the callback', () => {
  let cluster: KafkaCluster;

  before(async () => {
    // No auto-creation: a send to a topic that does not exist waits for metadata that never comes.
    cluster = await startKafkaCluster({ nodes: 1, brokerConfig: { 'auto.create.topics.enable': false }, topics: [{ name: 'sends', partitions: 1 }] });
  });
  after(() => cluster?.dispose());

  /** Pipes `input` into the console producer with these extra options. */
  function produce(input: string, options: string[]): Promise<ExecResult> {
    const broker = cluster.broker(1);
    const command = ['kafka-console-producer', '--bootstrap-server', broker.internalAddress, ...options].join(' ');
    return broker.exec(['sh', '-c', `printf '%s\\n' '${input}' | ${command}`]);
  }

  const tooLarge = 'x'.repeat(300);
  const smallRequests = ['--topic', 'sends', '--command-property', 'max.request.size=200'];

  it('a record larger than max.request.size: send() returns, the callback gets RecordTooLargeException', async () => {
    const result = await produce(tooLarge, smallRequests);
    assert.equal(result.exitCode, 0, `send() threw:\n${result.stderr}`);
    assert.match(result.stderr, /ErrorLoggingCallback/, 'the callback reported the error');
    assert.match(result.stderr, /org\.apache\.kafka\.common\.errors\.RecordTooLargeException: The message is \d+ bytes when serialized which is larger than 200/);
  });

  it('the same record, waited for with get(): ExecutionException caused by RecordTooLargeException', async () => {
    const result = await produce(tooLarge, [...smallRequests, '--sync']);
    assert.equal(result.exitCode, 1);
    assert.match(result.stderr, /java\.util\.concurrent\.ExecutionException: org\.apache\.kafka\.common\.errors\.RecordTooLargeException/);
  });

  it('no metadata within max.block.ms: send() returns, the callback gets TimeoutException', async () => {
    const result = await produce('hello', ['--topic', 'never-created', '--command-property', 'max.block.ms=2000']);
    assert.equal(result.exitCode, 0, `send() threw:\n${result.stderr}`);
    assert.match(result.stderr, /ErrorLoggingCallback/, 'the callback reported the error');
    assert.match(result.stderr, /org\.apache\.kafka\.common\.errors\.TimeoutException: Topic never-created not present in metadata after 2000 ms/);
  });
});
