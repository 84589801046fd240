/**
 * Wrong route: Reads with the consumer but commits through the admin API (setOffsets) instead of the consumer's own commits.
 * @fails live-committed
 * @message Group live's offsets were committed without consuming
 */
import { Kafka, logLevel } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'consumer-group-basics',
  brokers: process.env.BOOTSTRAP_SERVERS!.split(','),
  logLevel: logLevel.WARN,
});
const topic = 'events';

/** Reads `count` messages with a consumer of `groupId`, printing and committing each; calls `whenJoined` once it is ready to receive. */
async function readWithGroup(groupId: string, fromBeginning: boolean, count: number, whenJoined = async () => {}): Promise<void> {
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning });
  let processed = 0;
  await new Promise<void>((resolve, reject) => {
    consumer.on(consumer.events.GROUP_JOIN, () => {
      // A new group without commits starts at the end: give it a moment to look the end up before anything is sent.
      setTimeout(() => whenJoined().catch(reject), 1000);
    });
    consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        console.log(`${groupId} ${message.value}`); // "processing"
        if (groupId !== 'live') await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
        if (++processed === count) resolve();
      },
    }).catch(reject);
  });
  await consumer.disconnect();
}

async function sendNewEvents(): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: [1, 2, 3].map((i) => ({ value: `new-${i}` })) });
  await producer.disconnect();
}

await readWithGroup('replay', true, 6);
await readWithGroup('live', false, 3, sendNewEvents);
// Overwrite live's commits with ones made by the admin API, after its consumer has left.
const admin = kafka.admin();
await admin.connect();
await admin.setOffsets({ groupId: 'live', topic, partitions: (await admin.fetchTopicOffsets(topic)).map((p) => ({ partition: p.partition, offset: p.high })) });
await admin.disconnect();
await readWithGroup('replay', true, 3);
