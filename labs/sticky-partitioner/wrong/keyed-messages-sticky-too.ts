/**
 * Wrong route: Makes keyed messages sticky too, so a key no longer decides its partition.
 * @fails keyed-unchanged
 * @message Keyed messages away from their key's partition: user-
 */
import { Kafka, logLevel, Partitioners, type ICustomPartitioner } from 'kafkajs';

const stickyPartitioner: ICustomPartitioner = () => {
  const byKey = Partitioners.DefaultPartitioner();
  let current: number | undefined;
  let previous: number | undefined;
  return ({ topic, partitionMetadata, message }) => {
    if (message.partition != null) return byKey({ topic, partitionMetadata, message });
    if (current === undefined) {
      const available = partitionMetadata.filter((p) => p.leader >= 0).map((p) => p.partitionId);
      const others = available.filter((id) => id !== previous);
      current = others[Math.floor(Math.random() * others.length)] ?? available[0]!;
      previous = current;
      // kafkajs partitions all messages of one send() synchronously; the next microtask is after that call.
      queueMicrotask(() => (current = undefined));
    }
    return current;
  };
};

const kafka = new Kafka({
  clientId: 'sticky-partitioner',
  brokers: process.env.BOOTSTRAP_SERVERS!.split(','),
  logLevel: logLevel.WARN,
});
const producer = kafka.producer({ createPartitioner: stickyPartitioner });
await producer.connect();

for (let batch = 1; batch <= 5; batch++) {
  const messages = Array.from({ length: 10 }, (_, i) => ({ value: `batch-${batch}-${i + 1}`, headers: { batch: String(batch) } }));
  const results = await producer.send({ topic: 'clicks', messages });
  console.log(`batch ${batch} → partitions ${results.map((r) => r.partition).join(', ')}`);
}
const keyed = Array.from({ length: 6 }, (_, i) => ({ key: `user-${i + 1}`, value: `keyed-${i + 1}` }));
const results = await producer.send({ topic: 'clicks', messages: keyed });
console.log(`keyed → partitions ${results.map((r) => r.partition).join(', ')}`);

await producer.disconnect();
