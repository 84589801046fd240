/**
 * Wrong route: Leaves the default partitioner in place and sets each batch's partition by hand (batch number modulo 4), written for four partitions.
 * @fails all-delivered
 * @message In a second run \(clicks has 3 partitions\): The clicks topic holds \d+ records
 */
import { Kafka, logLevel } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'sticky-partitioner',
  brokers: process.env.BOOTSTRAP_SERVERS!.split(','),
  logLevel: logLevel.WARN,
});
const producer = kafka.producer();
await producer.connect();

for (let batch = 1; batch <= 5; batch++) {
  // One partition per batch, the next batch the next partition: sticky-looking, without a partitioner.
  const messages = Array.from({ length: 10 }, (_, i) => ({ partition: batch % 4, value: `batch-${batch}-${i + 1}`, headers: { batch: String(batch) } }));
  const results = await producer.send({ topic: 'clicks', messages });
  console.log(`batch ${batch} → partitions ${results.map((r) => r.partition).join(', ')}`);
}
const keyed = Array.from({ length: 6 }, (_, i) => ({ key: `user-${i + 1}`, value: `keyed-${i + 1}` }));
const results = await producer.send({ topic: 'clicks', messages: keyed });
console.log(`keyed → partitions ${results.map((r) => r.partition).join(', ')}`);

await producer.disconnect();
