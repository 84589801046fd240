import type { WrongRoute } from '../../sandbox/lab-kit/index.ts';

const topics = 'kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic';
const producer = 'kafka-console-producer --bootstrap-server $BOOTSTRAP_SERVERS';
const consumer = 'kafka-console-consumer --bootstrap-server $BOOTSTRAP_SERVERS';
const keyed = `${producer} --topic orders --reader-property parse.key=true --reader-property key.separator=:`;
/** The keyed step done right: what the later steps' routes start from. */
const ordersSent = [`${topics} orders --partitions 3`, `printf '01:aaa\\n02:bbb\\n01:ccc\\n02:ddd\\n03:eee\\n' | ${keyed}`];

/** Ways to seem to have done a step of console-producer-consumer without doing it; each fails the check it names. */
export const wrongRoutes: WrongRoute[] = [
  {
    name: 'Prints hello and kafka with echo instead of producing them',
    step: 'keyless',
    commands: [`${topics} welcome-topic`, 'echo hello', 'echo kafka'],
    fails: 'keyless-messages',
    message: /^welcome-topic holds 0 messages without a key; send at least 2\.$/,
  },
  {
    name: 'Sends the two lines with keys (parse.key), so neither is keyless',
    step: 'keyless',
    commands: [`${topics} welcome-topic`, `printf 'a:hello\\nb:kafka\\n' | ${producer} --topic welcome-topic --reader-property parse.key=true`],
    fails: 'keyless-messages',
    message: /^welcome-topic holds 0 messages without a key; send at least 2\.$/,
  },
  {
    name: 'Sends one line only',
    step: 'keyless',
    commands: [`${topics} welcome-topic`, `${producer} --topic welcome-topic`, 'hello', '^D'],
    fails: 'keyless-messages',
    message: /^welcome-topic holds 1 message without a key; send at least 2\.$/,
  },
  {
    name: 'Sends the lines without parse.key: each whole line becomes a value without a key',
    step: 'keyed',
    commands: [`${topics} orders --partitions 3`, `printf '01:aaa\\n02:bbb\\n01:ccc\\n02:ddd\\n03:eee\\n' | ${producer} --topic orders`],
    fails: 'keyed-orders',
    message: /^orders does not hold all of key 01's messages aaa, ccc\.$/,
  },
  {
    name: 'Sends the keyed lines without creating orders first: the broker creates it with one partition',
    step: 'keyed',
    commands: [`printf '01:aaa\\n02:bbb\\n01:ccc\\n02:ddd\\n03:eee\\n' | ${keyed}`],
    fails: 'keyed-orders',
    message: /^orders has 1 partition; it should have 3\.$/,
  },
  {
    name: "Sends key 01's messages in the wrong order (ccc before aaa)",
    step: 'keyed',
    commands: [`${topics} orders --partitions 3`, `printf '01:ccc\\n02:bbb\\n01:aaa\\n02:ddd\\n03:eee\\n' | ${keyed}`],
    fails: 'keyed-orders',
    message: /^Key 01's messages are not in one partition in the order sent\.$/,
  },
  {
    name: "Answers with key 03's partition, read from the wrong line",
    step: 'print-partitions',
    commands: ordersSent,
    answers: { 'partition-of-01': '0' },
    fails: 'partition-of-01',
    message: /^"0" is not the partition holding key 01's messages\.$/,
  },
  {
    name: 'Reads orders to the end without --group: nothing is committed',
    step: 'group',
    commands: [...ordersSent, `${consumer} --topic orders --from-beginning --max-messages 5`],
    fails: 'reader-1-committed',
    message: /^Group reader-1 has no committed offsets on orders\.$/,
  },
  {
    name: 'Reads to the end under another group name (reader1)',
    step: 'group',
    commands: [...ordersSent, `${consumer} --topic orders --group reader1 --from-beginning --max-messages 5`],
    fails: 'reader-1-committed',
    message: /^Group reader-1 has no committed offsets on orders\.$/,
  },
  {
    name: 'Sets reader-1\'s offsets to the end by hand (kafka-consumer-groups --reset-offsets) without reading',
    step: 'group',
    commands: [...ordersSent, 'kafka-consumer-groups --bootstrap-server $BOOTSTRAP_SERVERS --group reader-1 --topic orders --reset-offsets --to-latest --execute'],
    fails: 'reader-1-committed',
    message: /^Group reader-1 never had a consumer: its offsets were committed by hand/,
  },
  {
    name: 'Stops reader-1 after two of the five messages',
    step: 'group',
    commands: [...ordersSent, `${consumer} --topic orders --group reader-1 --from-beginning --max-messages 2`],
    fails: 'reader-1-committed',
    message: /^Group reader-1 has not read everything yet in partitions [\d, ]+\.$/,
  },
];
