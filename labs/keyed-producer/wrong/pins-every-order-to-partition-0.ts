/**
 * Wrong route: Pins every order to partition 0: one partition per key, trivially.
 * @fails keys-spread
 * @message The records use only 1 partition\(s\)
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
    const [meta] = await producer.send({ topic: 'orders', messages: [{ partition: 0, key: customer, value: `${customer}:${n}` }] });
    console.log(`${customer}:${n} → partition ${meta!.partition}, offset ${meta!.baseOffset}`);
  }
}
await producer.disconnect();
