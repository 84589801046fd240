/**
 * Wrong route: Prints an acknowledgement for a payment it never sent.
 * @fails nothing-lost
 * @message Acknowledged but not in the topic: lost: payment-999
 * @flagged
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
console.log('acked payment-999');
for (let i = 1; i <= 80; i++) {
  // acks: -1 (all): acknowledged only once every in-sync replica has the record, and at least min.insync.replicas are in sync.
  await producer.send({ topic: 'payments', acks: -1, messages: [{ key: `payment-${i}`, value: `payment-${i}` }] });
  console.log(`acked payment-${i}`);
  await sleep(100);
}
await producer.disconnect();
