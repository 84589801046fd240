import { labBrokerConfig, type LabDefinition } from '../../sandbox/lab-kit/index.ts';

export const lab: LabDefinition = {
  id: 'sending-styles',
  title: { ko: '전송 방식 비교: fire-and-forget, 동기, 비동기', en: 'Send styles: fire-and-forget, synchronous, asynchronous' },
  cluster: { nodes: 1, brokerConfig: labBrokerConfig, topics: [{ name: 'send-styles', partitions: 3 }] },
  cleanSlate: true,
  timeLimitSeconds: 20,
  // The brokers' request log: offsets printed from a read-back (FETCH, LIST_OFFSETS) instead of RecordMetadata show there.
  observe: { brokerRequests: true },
};
