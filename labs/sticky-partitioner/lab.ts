import { labBrokerConfig, type LabDefinition } from '../../sandbox/lab-kit/index.ts';

export const TOPIC = 'clicks';

export const lab: LabDefinition = {
  id: 'sticky-partitioner',
  title: { ko: '키 없는 메시지는 어느 파티션으로 갈까', en: 'Where keyless messages land' },
  cluster: { nodes: 1, brokerConfig: labBrokerConfig, topics: [{ name: TOPIC, partitions: 4 }] },
  cleanSlate: true,
  timeLimitSeconds: 20,
  // The partitioner is the method: it must choose among the partitions it is given, whatever their number.
  variations: [{ label: { ko: 'clicks의 파티션이 3개', en: 'clicks has 3 partitions' }, topics: [{ name: TOPIC, partitions: 3 }] }],
};
