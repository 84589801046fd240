/**
 * Wrong route: Sends all 80 payments at once before the follower stops, then idles through the outage: nothing to refuse, nothing survived.
 * @fails sent-during-outage
 * @message No produce request for payments reached the brokers during the [\d.]+ s broker \d was down
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
const payments = Array.from({ length: 80 }, (_, i) => `payment-${i + 1}`);
await producer.send({ topic: 'payments', acks: -1, messages: payments.map((p) => ({ key: p, value: p })) });
for (const p of payments) console.log(`acked ${p}`);
await sleep(15_000); // the outage comes and goes while nothing is sent
await producer.disconnect();
