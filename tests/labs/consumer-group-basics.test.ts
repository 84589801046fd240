import { labSuite } from './lab-harness.ts';

labSuite('consumer-group-basics', [
  {
    name: 'lets group live start from the beginning',
    replace: "readWithGroup('live', false,",
    with: "readWithGroup('live', true,",
    fails: 'live-only-new',
    message: /Group live read messages from before it joined: old-/,
  },
  {
    name: 'never commits',
    replace: /\n\s*await consumer\.commitOffsets\(.*\n/,
    with: '\n',
    fails: 'replay-committed',
    message: /Group replay committed none, not the end of each partition \(p0=\d+ p1=\d+\)/,
  },
  {
    name: 'restarts under a new group id',
    replace: "await readWithGroup('replay', true, 3);",
    with: "await readWithGroup('replay-again', true, 3);",
    fails: 'replay-resumed',
    message: /Group replay did not read every message exactly once: new-1 ×0/,
  },
  {
    name: 'skips old-1 without processing it',
    replace: 'console.log(`${groupId} ${message.value}`);',
    with: "if (String(message.value) !== 'old-1') console.log(`${groupId} ${message.value}`);",
    fails: 'replay-from-beginning',
    message: /Group replay never read old-1/,
  },
  {
    name: 'commits only for group replay',
    replace: 'await consumer.commitOffsets(',
    with: "if (groupId !== 'live') await consumer.commitOffsets(",
    fails: 'live-committed',
    message: /Group live committed none, not the end of each partition/,
  },
]);
