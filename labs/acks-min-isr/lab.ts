import { labBrokerConfig, type LabDefinition } from '../../sandbox/lab-kit/index.ts';

export const TOPIC = 'payments';
const follower = { role: 'follower', topic: TOPIC, partition: 0 } as const;

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
  scenario: { kind: 'broker-outage', broker: follower, afterSeconds: 2, downForSeconds: 6 },
  // The brokers' request log: the acks each produce request carried, and what the leader answered during the outage.
  observe: { brokerRequests: true },
  // Retry settings that just outlast a 6 s outage are not the method: a longer one, at another time, must pass too.
  variations: [{
    label: { ko: '팔로워가 3초 뒤에 12초 동안 멈춤', en: 'the follower stops 3 s in, for 12 s' },
    scenario: { kind: 'broker-outage', broker: follower, afterSeconds: 3, downForSeconds: 12 },
  }],
};
