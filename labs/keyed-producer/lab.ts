import { labBrokerConfig, type LabDefinition } from '../../sandbox/lab-kit/index.ts';

export const TOPIC = 'orders';

export const lab: LabDefinition = {
  id: 'keyed-producer',
  title: { ko: '키가 있는 메시지 보내기', en: 'Sending keyed messages' },
  cluster: { nodes: 1, brokerConfig: labBrokerConfig, topics: [{ name: TOPIC, partitions: 3 }] },
  cleanSlate: true,
  timeLimitSeconds: 20,
  // The key's hash chooses the partition whatever their number: partitions picked by hand for 3 do not follow.
  variations: [{ label: { ko: 'orders의 파티션이 5개', en: 'orders has 5 partitions' }, topics: [{ name: TOPIC, partitions: 5 }] }],
};
