// Send payment-1 … payment-80 to "payments" one at a time, 100 ms apart, printing "acked payment-N" for
// each acknowledged one. Two seconds in, the lab stops the partition's follower for six seconds.
// payment-1 … payment-80을 100 ms 간격으로 하나씩 "payments"에 보내고, 확인(ack)될 때마다 "acked payment-N"을
// 출력하세요. 2초 뒤 실습이 파티션의 팔로워를 6초 동안 멈춥니다.
import { Kafka, logLevel } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'payments',
  brokers: process.env.BOOTSTRAP_SERVERS!.split(','),
  logLevel: logLevel.ERROR,
});
// NOT_ENOUGH_REPLICAS is retriable: retry long enough to outlast the outage and the follower's return
// to the ISR (about 50 s at most here, inside the lab's 60 s limit).
const producer = kafka.producer({ retry: { retries: 50, initialRetryTime: 100, maxRetryTime: 1000 } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A payment is done only once acknowledged: when kafkajs gives up (its retries spent, or an error it does not
// retry, such as a lost connection to a broker that is shutting down), send it again until the deadline.
const deadline = Date.now() + 50_000;
async function sendUntilAcknowledged(payment: string): Promise<void> {
  for (;;) {
    try {
      // acks: -1 (all): acknowledged only once every in-sync replica has the record, and at least min.insync.replicas are in sync.
      await producer.send({ topic: 'payments', acks: -1, messages: [{ key: payment, value: payment }] });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(500);
    }
  }
}

await producer.connect();
for (let i = 1; i <= 80; i++) {
  await sendUntilAcknowledged(`payment-${i}`);
  console.log(`acked payment-${i}`);
  await sleep(100);
}
await producer.disconnect();
