import { labBrokerConfig, type LabDefinition } from '../../sandbox/lab-kit/index.ts';

export const lab: LabDefinition = {
  id: 'traced-sends',
  title: { ko: '모든 전송에 추적 헤더 달기', en: 'Tracing headers on every send' },
  cluster: {
    nodes: 1,
    brokerConfig: labBrokerConfig,
    topics: [{ name: 'orders', partitions: 3 }, { name: 'payments', partitions: 1 }],
  },
  cleanSlate: true,
  timeLimitSeconds: 20,
};
