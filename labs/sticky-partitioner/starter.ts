// A sticky partitioner for kafkajs: keyless messages of one send() call share a partition, and the next
// call moves to another one. Keyed messages keep the default (murmur2 of the key).
// kafkajs용 스티키 파티셔너: 한 번의 send()에 담긴 키 없는 메시지는 한 파티션에, 다음 send()는 다른 파티션으로.
import { Kafka, logLevel, Partitioners, type ICustomPartitioner } from 'kafkajs';

// TODO: keep every keyless message of one send() in one partition, and change partition between
// send() calls. For now this is kafkajs' default: keyless messages go round-robin.
// TODO: 한 send()의 키 없는 메시지는 한 파티션에 모으고, send()마다 파티션을 바꾸세요. 지금은 kafkajs 기본(라운드 로빈)입니다.
const stickyPartitioner: ICustomPartitioner = () => {
  const byKey = Partitioners.DefaultPartitioner();
  return ({ topic, partitionMetadata, message }) => byKey({ topic, partitionMetadata, message });
};

const kafka = new Kafka({
  clientId: 'sticky-partitioner',
  brokers: process.env.BOOTSTRAP_SERVERS!.split(','),
  logLevel: logLevel.WARN,
});
const producer = kafka.producer({ createPartitioner: stickyPartitioner });
await producer.connect();

for (let batch = 1; batch <= 5; batch++) {
  const messages = Array.from({ length: 10 }, (_, i) => ({ value: `batch-${batch}-${i + 1}`, headers: { batch: String(batch) } }));
  const results = await producer.send({ topic: 'clicks', messages });
  console.log(`batch ${batch} → partitions ${results.map((r) => r.partition).join(', ')}`);
}
const keyed = Array.from({ length: 6 }, (_, i) => ({ key: `user-${i + 1}`, value: `keyed-${i + 1}` }));
const results = await producer.send({ topic: 'clicks', messages: keyed });
console.log(`keyed → partitions ${results.map((r) => r.partition).join(', ')}`);

await producer.disconnect();
