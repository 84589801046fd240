/**
 * Wrong route: Picks partitions by turn instead of letting the key choose.
 * @fails key-one-partition
 * @message spread over several partitions: \w+ → \d, \d
 */
import { Kafka, logLevel } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'keyed-producer',
  brokers: process.env.BOOTSTRAP_SERVERS!.split(','),
  logLevel: logLevel.WARN,
});
const producer = kafka.producer();
const customers = ['alice', 'bob', 'carol', 'dave'];

await producer.connect();
for (let n = 1; n <= 5; n++) {
  for (const customer of customers) {
    const [meta] = await producer.send({ topic: 'orders', messages: [{ partition: n % 3, key: customer, value: `${customer}:${n}` }] });
    console.log(`${customer}:${n} → partition ${meta!.partition}, offset ${meta!.baseOffset}`);
  }
}
await producer.disconnect();
