/**
 * Wrong route: Spreads the caller's headers last, so order-5 keeps source-service=legacy-cart.
 * @fails every-record-traced
 * @message Some records lack the headers or carry wrong ones \(source-service: orders/order-5 \(legacy-cart\)\)
 */
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
    const messages = record.messages.map((message) => ({
      ...message,
      headers: { 'trace-id': randomUUID(), 'source-service': 'checkout', ...message.headers },
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
