/**
 * Wrong route: Never consumes: prints the lines a consumer would print and commits the end offsets through the admin API.
 * @fails replay-from-beginning
 * @message Group replay never had a member that fetched events
 * @flagged
 */
import { Kafka, logLevel } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'consumer-group-basics',
  brokers: process.env.BOOTSTRAP_SERVERS!.split(','),
  logLevel: logLevel.WARN,
});
const topic = 'events';
const admin = kafka.admin();
await admin.connect();

/** What a consumer would have printed, and the offsets it would have committed: the end of each partition. */
async function pretendToRead(groupId: string, values: string[]): Promise<void> {
  for (const value of values) console.log(`${groupId} ${value}`);
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.setOffsets({ groupId, topic, partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })) });
}

await pretendToRead('replay', [1, 2, 3, 4, 5, 6].map((i) => `old-${i}`));
const producer = kafka.producer();
await producer.connect();
await producer.send({ topic, messages: [1, 2, 3].map((i) => ({ value: `new-${i}` })) });
await producer.disconnect();
await pretendToRead('live', ['new-1', 'new-2', 'new-3']);
await pretendToRead('replay', ['new-1', 'new-2', 'new-3']);
await admin.disconnect();
