import { labSuite } from './lab-harness.ts';

labSuite('sending-styles', [
  {
    name: 'prints the loop counter as the offset of a synchronous send',
    replace: 'report(`sync-${i}`, meta!.partition, meta!.baseOffset, timestamp)',
    with: 'report(`sync-${i}`, meta!.partition, String(i - 1), timestamp)',
    fails: 'sync-reported',
    message: /What was printed for sync-1 does not match the stored record/,
  },
  {
    name: 'handles no asynchronous result',
    replace: /\n    \.then\(\(\[meta\]\) => report\(`async-\$\{i\}`.*\n/,
    with: '\n',
    fails: 'async-reported',
    message: /async-1 was not printed with its partition, offset and timestamp/,
  },
  {
    name: 'sends one fire-and-forget record twice',
    replace: "messages: [{ value: `ff-${i}` }]",
    with: "messages: i === 2 ? [{ value: 'ff-2' }, { value: 'ff-2' }] : [{ value: `ff-${i}` }]",
    fails: 'all-delivered',
    message: /Records not stored exactly once: ff-2 ×2/,
  },
]);
