/**
 * Wrong route: Stops after 60 payments.
 * @fails all-acknowledged
 * @message Only \d+ of 80 payments are in the topic \(payment-\d+, payment-\d+, payment-\d+, …\); the exit code was
 */
import { Kafka, logLevel } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'payments',
  brokers: process.env.BOOTSTRAP_SERVERS!.split(','),
  logLevel: logLevel.ERROR,
});
// NOT_ENOUGH_REPLICAS is retriable: retry long enough to outlast the outage.
const producer = kafka.producer({ retry: { retries: 30, initialRetryTime: 100, maxRetryTime: 1000 } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await producer.connect();
for (let i = 1; i <= 60; i++) {
  // acks: -1 (all): acknowledged only once every in-sync replica has the record, and at least min.insync.replicas are in sync.
  await producer.send({ topic: 'payments', acks: -1, messages: [{ key: `payment-${i}`, value: `payment-${i}` }] });
  console.log(`acked payment-${i}`);
  await sleep(100);
}
await producer.disconnect();
