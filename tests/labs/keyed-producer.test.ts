import { labSuite } from './lab-harness.ts';

labSuite('keyed-producer', [
  {
    name: 'picks partitions by turn instead of by key',
    replace: 'messages: [{ key: customer,',
    with: 'messages: [{ partition: n % 3, key: customer,',
    fails: 'key-one-partition',
    message: /spread over several partitions: \w+ → \d, \d/,
  },
  {
    name: 'sends each customer\'s orders newest first',
    replace: /for \(let n = 1; n <= 5; n\+\+\) \{\n  for \(const customer of customers\) \{\n    const \[meta\] = await producer\.send/,
    with: 'for (let n = 5; n >= 1; n--) {\n  for (const customer of customers) {\n    const [meta] = await producer.send',
    fails: 'order-per-key',
    message: /out of order or incomplete: alice: 5,4,3,2,1/,
  },
  {
    name: 'sends only one order per customer',
    replace: 'n <= 5',
    with: 'n <= 1',
    fails: 'all-sent',
    message: /holds 4 records/,
  },
  {
    name: 'keys each order by its own number',
    replace: 'messages: [{ key: customer,',
    with: 'messages: [{ key: `${customer}-${n}`,',
    fails: 'every-record-keyed',
    message: /20 of 20 records do not have a customer name as their key/,
  },
  {
    name: 'pins every order to partition 0',
    replace: 'messages: [{ key: customer,',
    with: 'messages: [{ partition: 0, key: customer,',
    fails: 'keys-spread',
    message: /The records use only 1 partition\(s\)/,
  },
]);
