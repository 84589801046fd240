// Send five records in each of three styles to "send-styles" (3 partitions) and print where each landed.
// 세 가지 방식으로 다섯 개씩 "send-styles"(파티션 3개)에 보내고, 각 레코드가 어디에 저장됐는지 출력합니다.
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

// 2. Synchronous: send sync-1 … sync-5, waiting for each send before the next, and print
//    "sync-1 partition=<p> offset=<o> timestamp=<t>" for each.
//    동기: sync-1 … sync-5를 하나씩 기다리며 보내고, 위 형식으로 출력하세요.

// 3. Asynchronous: start async-1 … async-5 at once, print each result as it arrives (same format),
//    then wait for all of them.
//    비동기: async-1 … async-5를 한꺼번에 시작하고, 결과가 올 때마다 출력한 뒤 모두 기다리세요.

// Nobody waited for the fire-and-forget sends; they must still finish before the connection closes.
await Promise.allSettled(inFlight);
await producer.disconnect();
