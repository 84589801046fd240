/**
 * Wrong route: Keeps kafkajs's default retries (about 10 s in all): enough for a short outage, not for a longer one at another time.
 * @fails all-acknowledged
 * @message Only \d+ of 80 payments are in the topic
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
for (let i = 1; i <= 80; i++) {
  // acks: -1 (all): acknowledged only once every in-sync replica has the record, and at least min.insync.replicas are in sync.
  await producer.send({ topic: 'payments', acks: -1, messages: [{ key: `payment-${i}`, value: `payment-${i}` }] });
  console.log(`acked payment-${i}`);
  await sleep(100);
}
await producer.disconnect();
