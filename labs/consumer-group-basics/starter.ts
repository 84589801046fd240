// The "events" topic (2 partitions) already holds old-1 … old-6.
// 1. Group "replay" reads from the beginning and commits after processing each message.
// 2. Group "live" reads only what arrives after it joined: new-1 … new-3, which this program then sends.
// 3. Group "replay" starts again and must resume where it left off: only the three new messages.
// "events" 토픽(파티션 2개)에는 old-1 … old-6이 이미 있습니다. replay 그룹은 처음부터 읽고 처리할 때마다 커밋하고,
// live 그룹은 참여한 뒤에 들어온 new-1 … new-3만 읽으며, 다시 시작한 replay 그룹은 멈춘 곳부터 이어 읽습니다.
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
        // TODO: commit after processing / 처리한 뒤 커밋하세요
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
// TODO: group "live" reads only new-1 … new-3 (send them once it has joined)
// TODO: "live" 그룹은 new-1 … new-3만 읽습니다(참여한 뒤에 보내세요)
// TODO: start "replay" again; it must read only the three new messages
// TODO: "replay" 그룹을 다시 시작하세요. 새 메시지 세 개만 읽어야 합니다
