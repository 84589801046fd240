import { labSuite } from './lab-harness.ts';

labSuite('acks-min-isr', [
  {
    name: 'waits for the leader only (acks=1)',
    replace: 'acks: -1,',
    with: 'acks: 1,',
    fails: 'refused-below-min-isr',
    message: /\d+ records were appended while only one replica was in sync \(broker \d was down\)/,
  },
  {
    // Not "retries: 0": whether that fails depends on timing (an acks=all request waits in purgatory, and
    // succeeds, when it arrives before the controller has shrunk the ISR).
    name: 'stops before the last payments',
    replace: 'i <= 80;',
    with: 'i <= 60;',
    fails: 'all-acknowledged',
    message: /Only 60 of 80 payments were acknowledged; the exit code was 0/,
  },
  {
    name: 'lowers min.insync.replicas to get through',
    replace: 'await producer.connect();',
    with: "const admin = kafka.admin();\nawait admin.connect();\nawait admin.alterConfigs({ validateOnly: false, resources: [{ type: 2, name: 'payments', configEntries: [{ name: 'min.insync.replicas', value: '1' }] }] });\nawait admin.disconnect();\nawait producer.connect();",
    fails: 'topic-untouched',
    message: /The topic's settings were changed: min\.insync\.replicas=1 \(topic\)/,
  },
  {
    name: 'reports a payment it never sent as acknowledged',
    replace: 'await producer.connect();',
    with: "await producer.connect();\nconsole.log('acked payment-999');",
    fails: 'nothing-lost',
    message: /Acknowledged but not in the topic: lost: payment-999/,
  },
]);
