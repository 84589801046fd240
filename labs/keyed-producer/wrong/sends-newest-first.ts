/**
 * Wrong route: Sends each customer's orders newest first.
 * @fails order-per-key
 * @message out of order or incomplete: alice: 5,4,3,2,1
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
for (let n = 5; n >= 1; n--) {
  for (const customer of customers) {
    const [meta] = await producer.send({ topic: 'orders', messages: [{ key: customer, value: `${customer}:${n}` }] });
    console.log(`${customer}:${n} → partition ${meta!.partition}, offset ${meta!.baseOffset}`);
  }
}
await producer.disconnect();
