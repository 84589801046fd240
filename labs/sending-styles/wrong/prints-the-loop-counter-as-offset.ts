/**
 * Wrong route: Prints the loop counter as the offset of a synchronous send instead of the offset the broker returned.
 * @fails sync-reported
 * @message What was printed for sync-1 does not match the stored record
 * @flagged
 */
import { Kafka, logLevel } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'sending-styles',
  brokers: process.env.BOOTSTRAP_SERVERS!.split(','),
  logLevel: logLevel.WARN,
});
const producer = kafka.producer();
const topic = 'send-styles';
const report = (value: string, partition: number, offset: string | undefined, timestamp: string) =>
  console.log(`${value} partition=${partition} offset=${offset} timestamp=${timestamp}`);

await producer.connect();

// 1. Fire-and-forget: start the sends and move on; only failures get a handler.
console.time('fire-and-forget');
const inFlight = [1, 2, 3, 4, 5].map((i) =>
  producer.send({ topic, messages: [{ value: `ff-${i}` }] }).catch((error) => console.error(`ff-${i} failed:`, error.message)),
);
console.timeEnd('fire-and-forget');

// 2. Synchronous: wait for each send before starting the next.
console.time('synchronous');
for (let i = 1; i <= 5; i++) {
  const timestamp = String(Date.now());
  const [meta] = await producer.send({ topic, messages: [{ value: `sync-${i}`, timestamp }] });
  report(`sync-${i}`, meta!.partition, String(i - 1), timestamp);
}
console.timeEnd('synchronous');

// 3. Asynchronous: start them all, handle each result as it arrives, then wait for all of them.
console.time('asynchronous');
await Promise.allSettled([1, 2, 3, 4, 5].map((i) => {
  const timestamp = String(Date.now());
  return producer
    .send({ topic, messages: [{ value: `async-${i}`, timestamp }] })
    .then(([meta]) => report(`async-${i}`, meta!.partition, meta!.baseOffset, timestamp))
    .catch((error) => console.error(`async-${i} failed:`, error.message));
}));
console.timeEnd('asynchronous');

// Nobody waited for the fire-and-forget sends; they must still finish before the connection closes.
await Promise.allSettled(inFlight);
await producer.disconnect();
