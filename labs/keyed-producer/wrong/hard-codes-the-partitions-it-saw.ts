/**
 * Wrong route: Hard-codes the partitions a first run printed for each customer (right for 3 partitions only) instead of letting the key choose.
 * @fails key-one-partition
 * @message In a second run \(orders has 5 partitions\): Some keys are away from the partition their hash chooses
 */
import { Kafka, logLevel } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'keyed-producer',
  brokers: process.env.BOOTSTRAP_SERVERS!.split(','),
  logLevel: logLevel.WARN,
});
const producer = kafka.producer();
const customers = ['alice', 'bob', 'carol', 'dave'];

// What the default partitioner chose in a first run, with orders at 3 partitions.
const partitionOf: Record<string, number> = { alice: 0, bob: 0, carol: 2, dave: 1 };

await producer.connect();
for (let n = 1; n <= 5; n++) {
  for (const customer of customers) {
    const [meta] = await producer.send({ topic: 'orders', messages: [{ partition: partitionOf[customer], key: customer, value: `${customer}:${n}` }] });
    console.log(`${customer}:${n} → partition ${meta!.partition}, offset ${meta!.baseOffset}`);
  }
}
await producer.disconnect();
