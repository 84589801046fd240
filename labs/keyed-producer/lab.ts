import { labBrokerConfig, type LabDefinition } from '../../sandbox/lab-kit/index.ts';

export const lab: LabDefinition = {
  id: 'keyed-producer',
  title: { ko: '키가 있는 메시지 보내기', en: 'Sending keyed messages' },
  cluster: { nodes: 1, brokerConfig: labBrokerConfig, topics: [{ name: 'orders', partitions: 3 }] },
  cleanSlate: true,
  timeLimitSeconds: 20,
};
