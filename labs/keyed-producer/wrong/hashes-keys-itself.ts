/**
 * Wrong route: Chooses each customer's partition with a hash of its own (the sum of the name's character codes): one partition per key, but not the key's partition.
 * @fails key-one-partition
 * @message Some keys are away from the partition their hash chooses: bob → 1 \(murmur2: 0\)
 */
import { Kafka, logLevel } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'keyed-producer',
  brokers: process.env.BOOTSTRAP_SERVERS!.split(','),
  logLevel: logLevel.WARN,
});
const producer = kafka.producer();
const customers = ['alice', 'bob', 'carol', 'dave'];

/** One partition per customer, chosen here rather than by the producer. */
const partitionOf = (customer: string) => [...customer].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 3;

await producer.connect();
for (let n = 1; n <= 5; n++) {
  for (const customer of customers) {
    const [meta] = await producer.send({ topic: 'orders', messages: [{ partition: partitionOf(customer), key: customer, value: `${customer}:${n}` }] });
    console.log(`${customer}:${n} → partition ${meta!.partition}, offset ${meta!.baseOffset}`);
  }
}
await producer.disconnect();
