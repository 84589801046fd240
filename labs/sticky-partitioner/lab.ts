import { labBrokerConfig, type LabDefinition } from '../../sandbox/lab-kit/index.ts';

export const lab: LabDefinition = {
  id: 'sticky-partitioner',
  title: { ko: '키 없는 메시지는 어느 파티션으로 갈까', en: 'Where keyless messages land' },
  cluster: { nodes: 1, brokerConfig: labBrokerConfig, topics: [{ name: 'clicks', partitions: 4 }] },
  cleanSlate: true,
  timeLimitSeconds: 20,
};
