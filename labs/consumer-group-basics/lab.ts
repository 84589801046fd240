import { labBrokerConfig, type LabDefinition } from '../../sandbox/lab-kit/index.ts';

export const lab: LabDefinition = {
  id: 'consumer-group-basics',
  title: { ko: '컨슈머 그룹 기초: 처음부터, 새것만, 이어서 읽기', en: 'Consumer group basics: from the beginning, only new, and resuming' },
  cluster: { nodes: 1, brokerConfig: labBrokerConfig, topics: [{ name: 'events', partitions: 2 }] },
  cleanSlate: true,
  timeLimitSeconds: 30,
  seed: {
    topic: 'events',
    messages: Array.from({ length: 6 }, (_, i) => ({ value: `old-${i + 1}` })),
  },
};
