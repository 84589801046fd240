/**
 * Wrong route: Sends in all three styles, but prints each record's partition and offset as a consumer reads them back from the topic, not from send()'s RecordMetadata.
 * @fails offsets-from-the-producer
 * @message The program read the topic back \(requests: FETCH ×\d+
 */
import { Kafka, logLevel } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'sending-styles',
  brokers: process.env.BOOTSTRAP_SERVERS!.split(','),
  logLevel: logLevel.WARN,
});
const producer = kafka.producer();
const topic = 'send-styles';
const timestamps = new Map<string, string>();
const send = (value: string) => {
  const timestamp = String(Date.now());
  timestamps.set(value, timestamp);
  return producer.send({ topic, messages: [{ value, timestamp }] });
};

await producer.connect();
const inFlight = [1, 2, 3, 4, 5].map((i) => send(`ff-${i}`));
for (let i = 1; i <= 5; i++) await send(`sync-${i}`);
await Promise.all([1, 2, 3, 4, 5].map((i) => send(`async-${i}`)));
await Promise.all(inFlight);
await producer.disconnect();

// Where did they land? Read them back.
const consumer = kafka.consumer({ groupId: 'read-back' });
await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
let seen = 0;
await new Promise<void>((resolve) => {
  void consumer.run({
    eachMessage: async ({ partition, message }) => {
      const value = message.value!.toString();
      if (!value.startsWith('ff-')) console.log(`${value} partition=${partition} offset=${message.offset} timestamp=${timestamps.get(value)}`);
      if (++seen === 15) resolve();
    },
  });
});
await consumer.disconnect();
