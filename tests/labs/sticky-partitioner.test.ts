import { labSuite } from './lab-harness.ts';

labSuite('sticky-partitioner', [
  {
    name: 'always picks partition 0',
    replace: 'current = others[Math.floor(Math.random() * others.length)] ?? available[0]!;',
    with: 'current = 0;',
    fails: 'partition-changes',
    message: /Consecutive batches used the same partition: 0 → 0/,
  },
  {
    name: 'picks a new partition for every message',
    replace: 'if (current === undefined) {',
    with: 'if (true) {',
    fails: 'batch-one-partition',
    message: /^Some batches are split over several partitions: batch 1 → \d(, \d)+; batch 2 → /,
  },
  {
    name: 'makes keyed messages sticky too',
    replace: 'if (message.key != null || message.partition != null) return',
    with: 'if (message.partition != null) return',
    fails: 'keyed-unchanged',
    message: /Keyed messages away from their key's partition: user-/,
  },
  {
    name: 'never sends the keyed messages',
    replace: "const results = await producer.send({ topic: 'clicks', messages: keyed });",
    with: 'const results = keyed.map(() => ({ partition: -1 }));',
    fails: 'all-delivered',
    message: /The clicks topic holds \d+ records/,
  },
]);
