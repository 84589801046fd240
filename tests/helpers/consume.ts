import type { KafkaCluster } from '../../sandbox/cluster/kafka-cluster.ts';

export interface ConsumedRecord {
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** Reads `count` records of `topic` from the beginning with a fresh consumer group, then leaves. */
export async function consumeFromBeginning(cluster: KafkaCluster, topic: string, count: number, groupId = `test-${topic}-${Date.now()}`): Promise<ConsumedRecord[]> {
  const consumer = cluster.kafka().consumer({ groupId });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    const records: ConsumedRecord[] = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${records.length} of ${count} records of ${topic} arrived`)), 60_000);
      consumer.run({
        eachMessage: async ({ partition, message }) => {
          records.push({
            partition,
            offset: Number(message.offset),
            key: message.key?.toString() ?? null,
            value: message.value?.toString() ?? null,
            headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
          });
          if (records.length === count) {
            clearTimeout(timer);
            resolve();
          }
        },
      }).catch(reject);
    });
    return records;
  } finally {
    await consumer.disconnect();
  }
}
