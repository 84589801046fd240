// kafkajs has no producer interceptors: write tracedSend, a wrapper every send of the application goes through.
// It must give each record its own "trace-id" header (a random UUID) unless the caller already set one, set
// "source-service" to "checkout" on every record, and leave everything else the caller sent as it is.
// kafkajs에는 프로듀서 인터셉터가 없습니다. 애플리케이션의 모든 전송이 거쳐 가는 래퍼 tracedSend를 작성하세요.
// 레코드마다 자기만의 "trace-id" 헤더(무작위 UUID)를 붙이되 호출한 쪽이 이미 정했다면 그 값을 두고, 모든 레코드의
// "source-service"를 "checkout"으로 정하고, 호출한 쪽이 보낸 나머지는 그대로 두어야 합니다.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer, type ProducerRecord, type RecordMetadata } from 'kafkajs';

const kafka = new Kafka({
  clientId: 'checkout',
  brokers: process.env.BOOTSTRAP_SERVERS!.split(','),
  logLevel: logLevel.WARN,
});

const tracedSend =
  (producer: Producer) =>
  async (record: ProducerRecord): Promise<RecordMetadata[]> => {
    // What onSend does in Java: one new trace id per record unless the caller set one (it comes first, so the
    // caller's headers override it), and source-service last, so it is always ours.
    const messages = record.messages.map((message) => ({
      ...message,
      headers: { 'trace-id': randomUUID(), ...message.headers, 'source-service': 'checkout' },
    }));
    return producer.send({ ...record, messages });
  };

// ---- The application: leave it as it is. / 애플리케이션: 고치지 마세요. ----
const producer = kafka.producer();
await producer.connect();
const send = tracedSend(producer);
const json = { 'content-type': 'application/json' };

const orders = [
  { id: 'order-1', item: 'book', amount: 12 },
  { id: 'order-2', item: 'lamp', amount: 30 },
  { id: 'order-3', item: 'desk', amount: 250 },
  { id: 'order-4', item: 'pen', amount: 2 },
  { id: 'order-5', item: 'chair', amount: 80 },
];
for (const order of orders) {
  const headers: Record<string, string> = { ...json };
  // order-3 came in with a request that is already traced upstream; order-5 from an old client.
  if (order.id === 'order-3') headers['trace-id'] = '4bf92f35-77b3-4da6-a3ce-929d0e0e4736';
  if (order.id === 'order-5') headers['source-service'] = 'legacy-cart';
  await send({ topic: 'orders', messages: [{ key: order.id, value: JSON.stringify(order), headers }] });
}
// The payments of three orders, in one send() call.
const payments = ['order-1', 'order-2', 'order-3'].map((id) => ({ key: id, value: JSON.stringify({ order: id, status: 'paid' }), headers: { ...json } }));
await send({ topic: 'payments', messages: payments });
console.log('sent 5 orders and 3 payments');
await producer.disconnect();
