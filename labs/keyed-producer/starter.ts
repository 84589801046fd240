// Send five orders for each customer to the "orders" topic (3 partitions), so that every order of a
// customer lands in the same partition, in the order it was placed.
// 고객마다 주문 다섯 개를 "orders" 토픽(파티션 3개)으로 보내되, 한 고객의 주문은 모두 같은 파티션에, 보낸 순서대로 들어가야 합니다.
import { Kafka, logLevel } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'keyed-producer',
  brokers: process.env.BOOTSTRAP_SERVERS!.split(','),
  logLevel: logLevel.WARN,
});
const producer = kafka.producer();
const customers = ['alice', 'bob', 'carol', 'dave'];

await producer.connect();
for (let n = 1; n <= 5; n++) {
  for (const customer of customers) {
    // TODO: give the message a key / 메시지에 키를 붙이세요
    const [meta] = await producer.send({ topic: 'orders', messages: [{ value: `${customer}:${n}` }] });
    console.log(`${customer}:${n} → partition ${meta!.partition}, offset ${meta!.baseOffset}`);
  }
}
await producer.disconnect();
