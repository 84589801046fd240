/**
 * Wrong route: Keeps acks=1 and avoids the fault instead of surviving it: it sends nothing while the partition's ISR is short, so nothing is appended with one replica.
 * @fails acks-all
 * @message The brokers received \d+ produce request\(s\) for payments with acks=1
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

const admin = kafka.admin();
await admin.connect();
const inSync = async () => (await admin.fetchTopicMetadata({ topics: ['payments'] })).topics[0]!.partitions[0]!.isr.length;
await producer.connect();
for (let i = 1; i <= 80; i++) {
  while ((await inSync()) < 2) await sleep(50); // sit the outage out
  // acks: -1 (all): acknowledged only once every in-sync replica has the record, and at least min.insync.replicas are in sync.
  await producer.send({ topic: 'payments', acks: 1, messages: [{ key: `payment-${i}`, value: `payment-${i}` }] });
  console.log(`acked payment-${i}`);
  await sleep(100);
}
await producer.disconnect();
await admin.disconnect();
