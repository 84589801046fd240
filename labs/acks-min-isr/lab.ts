import { labBrokerConfig, type LabDefinition } from '../../sandbox/lab-kit/index.ts';

export const TOPIC = 'payments';

export const lab: LabDefinition = {
  id: 'acks-min-isr',
  title: { ko: 'acks와 min.insync.replicas 실험', en: 'Experimenting with acks and min.insync.replicas' },
  cluster: {
    nodes: 3,
    brokerConfig: labBrokerConfig,
    // Two replicas and min.insync.replicas=2: losing either replica leaves too few in sync for acks=all.
    // LogAppendTime: the broker stamps each record, so a check can tell when it was written.
    topics: [{ name: TOPIC, partitions: 1, replicationFactor: 2, config: { 'min.insync.replicas': '2', 'message.timestamp.type': 'LogAppendTime' } }],
  },
  cleanSlate: true,
  timeLimitSeconds: 60,
  scenario: { kind: 'broker-outage', broker: { role: 'follower', topic: TOPIC, partition: 0 }, afterSeconds: 2, downForSeconds: 6 },
};
