import { labBrokerConfig, type LabDefinition } from '../../sandbox/lab-kit/index.ts';

export const TOPIC = 'events';

export const lab: LabDefinition = {
  id: 'consumer-group-basics',
  title: { ko: '컨슈머 그룹 기초: 처음부터, 새것만, 이어서 읽기', en: 'Consumer group basics: from the beginning, only new, and resuming' },
  // One node: the group coordinator also leads both partitions, so the request log ties each fetch to a member.
  cluster: { nodes: 1, brokerConfig: labBrokerConfig, topics: [{ name: TOPIC, partitions: 2 }] },
  cleanSlate: true,
  timeLimitSeconds: 30,
  seed: {
    topic: TOPIC,
    messages: Array.from({ length: 6 }, (_, i) => ({ value: `old-${i + 1}` })),
  },
  // The brokers' request log: who joined each group, what each member fetched and committed.
  observe: { brokerRequests: true },
};
