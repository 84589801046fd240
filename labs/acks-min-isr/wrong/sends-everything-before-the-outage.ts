/**
 * Wrong route: Sends all 80 payments with acks=all at once, before the follower stops, then idles through the outage: every check that looks at the outage holds vacuously.
 * @fails sent-through-the-outage
 * @message Every payment was written before broker \d+ stopped: the program sent nothing through the outage\.
 */
import { Kafka, logLevel } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'payments',
  brokers: process.env.BOOTSTRAP_SERVERS!.split(','),
  logLevel: logLevel.ERROR,
});
const producer = kafka.producer();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await producer.connect();
const payments = Array.from({ length: 80 }, (_, i) => `payment-${i + 1}`);
// One request for all of them: done long before the outage starts.
await producer.send({ topic: 'payments', acks: -1, messages: payments.map((payment) => ({ key: payment, value: payment })) });
for (const payment of payments) console.log(`acked ${payment}`);
await producer.disconnect();
await sleep(20_000); // still running while the follower is down, and after it is back
