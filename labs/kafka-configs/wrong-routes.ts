import type { WrongRoute } from '../../sandbox/lab-kit/index.ts';

const configs = 'kafka-configs --bootstrap-server $BOOTSTRAP_SERVERS';
const demo = `${configs} --entity-type topics --entity-name configs-demo`;
const createDemo = 'kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic configs-demo';

/** Ways to seem to have done a step of kafka-configs without doing it; each fails the check it names. */
export const wrongRoutes: WrongRoute[] = [
  {
    name: 'Copies the value from the line next to it (log.segment.delete.delay.ms)',
    step: 'describe-all',
    commands: [`${configs} --entity-type brokers --entity-name 1 --describe --all | grep log.segment`],
    answers: { 'log-segment-bytes': '60000' },
    fails: 'log-segment-bytes',
    message: /^"60000" is not broker 1's log\.segment\.bytes\.$/,
  },
  {
    name: "Types the answer box's placeholder",
    step: 'describe-all',
    commands: [],
    answers: { 'log-segment-bytes': '123456' },
    fails: 'log-segment-bytes',
    message: /^"123456" is not broker 1's log\.segment\.bytes\.$/,
  },
  {
    name: "Sets the broker's message.max.bytes instead of the topic's max.message.bytes",
    step: 'topic-override',
    commands: [createDemo, `${configs} --entity-type brokers --entity-name 1 --alter --add-config message.max.bytes=2000000`],
    fails: 'max-message-bytes',
    message: /^topic configs-demo does not have max\.message\.bytes=2000000 set dynamically\.$/,
  },
  {
    name: 'Sets max.message.bytes one zero short',
    step: 'topic-override',
    commands: [createDemo, `${demo} --alter --add-config max.message.bytes=200000`],
    fails: 'max-message-bytes',
    message: /^topic configs-demo does not have max\.message\.bytes=2000000 set dynamically\.$/,
  },
  {
    name: 'Prints the confirmation kafka-configs would show, three times, and never sets retention.ms',
    step: 'back-to-default',
    commands: [createDemo, ...Array.from({ length: 3 }, () => "echo 'Completed updating config for topic configs-demo.'")],
    fails: 'retention-default',
    message: /^The metadata log has no record of retention\.ms being set on configs-demo\.$/,
  },
  {
    name: 'Sets retention.ms and leaves it',
    step: 'back-to-default',
    commands: [createDemo, `${demo} --alter --add-config retention.ms=60000`],
    fails: 'retention-default',
    message: /^topic configs-demo's retention\.ms is not back to its default\.$/,
  },
  {
    name: "Sets retention.ms back to the default's value instead of removing the override",
    step: 'back-to-default',
    commands: [createDemo, `${demo} --alter --add-config retention.ms=60000`, `${demo} --alter --add-config retention.ms=604800000`],
    fails: 'retention-default',
    message: /^topic configs-demo's retention\.ms is not back to its default\.$/,
  },
  {
    name: 'Sets retention.ms, then deletes configs-demo and creates it again',
    step: 'back-to-default',
    commands: [
      createDemo,
      `${demo} --alter --add-config retention.ms=60000`,
      'kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --delete --topic configs-demo',
      'sleep 1',
      createDemo,
    ],
    fails: 'retention-default',
    message: /^retention\.ms was set on an earlier configs-demo, since deleted: deleting the topic is not removing the override\.$/,
  },
  {
    name: "Sets and removes the broker's log.retention.ms instead of the topic's retention.ms",
    step: 'back-to-default',
    commands: [
      createDemo,
      `${configs} --entity-type brokers --entity-name 1 --alter --add-config log.retention.ms=60000`,
      `${configs} --entity-type brokers --entity-name 1 --alter --delete-config log.retention.ms`,
    ],
    fails: 'retention-default',
    message: /^The metadata log has no record of retention\.ms being set on configs-demo\.$/,
  },
  {
    name: 'Sets log.cleaner.threads for every broker (--entity-default) instead of broker 1',
    step: 'dynamic-broker-config',
    commands: [`${configs} --entity-type brokers --entity-default --alter --add-config log.cleaner.threads=2`],
    fails: 'log-cleaner-threads',
    message: /^broker 1 does not have log\.cleaner\.threads=2 set dynamically\.$/,
  },
];
