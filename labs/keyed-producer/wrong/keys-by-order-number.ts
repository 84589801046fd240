/**
 * Wrong route: Keys each order by its own number instead of by customer.
 * @fails every-record-keyed
 * @message 20 of 20 records do not have a customer name as their key
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
    const [meta] = await producer.send({ topic: 'orders', messages: [{ key: `${customer}-${n}`, value: `${customer}:${n}` }] });
    console.log(`${customer}:${n} → partition ${meta!.partition}, offset ${meta!.baseOffset}`);
  }
}
await producer.disconnect();
