/**
 * Wrong route: Lowers the topic's min.insync.replicas to 1 so that the outage refuses nothing.
 * @fails topic-untouched
 * @message The topic's settings were changed: min\.insync\.replicas=1 \(topic\)
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
await admin.alterConfigs({ validateOnly: false, resources: [{ type: 2, name: 'payments', configEntries: [{ name: 'min.insync.replicas', value: '1' }] }] });
await admin.disconnect();
await producer.connect();
for (let i = 1; i <= 80; i++) {
  // acks: -1 (all): acknowledged only once every in-sync replica has the record, and at least min.insync.replicas are in sync.
  await producer.send({ topic: 'payments', acks: -1, messages: [{ key: `payment-${i}`, value: `payment-${i}` }] });
  console.log(`acked payment-${i}`);
  await sleep(100);
}
await producer.disconnect();
