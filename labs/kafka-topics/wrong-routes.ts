import type { WrongRoute } from '../../sandbox/lab-kit/index.ts';

const bs = 'kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS';
const noRefusal = /^The controller's log shows no attempt to create payments refused for a replication factor larger than the cluster\.$/;

/** Ways to seem to have done a step of kafka-topics without doing it; each fails the check it names. */
export const wrongRoutes: WrongRoute[] = [
  {
    name: 'Creates welcome-topik, a typo of the name',
    step: 'create-and-list',
    commands: [`${bs} --create --topic welcome-topik`],
    fails: 'welcome-topic-default',
    message: /^There is no topic welcome-topic\.$/,
  },
  {
    name: 'Prints what kafka-topics would say instead of creating the topic',
    step: 'create-and-list',
    commands: ["echo 'Created topic welcome-topic.'"],
    fails: 'welcome-topic-default',
    message: /^There is no topic welcome-topic\.$/,
  },
  {
    name: 'Creates welcome-topic with three partitions instead of the defaults',
    step: 'create-and-list',
    commands: [`${bs} --create --topic welcome-topic --partitions 3`],
    fails: 'welcome-topic-default',
    message: /^welcome-topic has 3 partitions; it should have 1\.$/,
  },
  {
    name: 'Creates orders with two partitions',
    step: 'three-partitions',
    commands: [`${bs} --create --topic orders --partitions 2`],
    fails: 'orders-three-partitions',
    message: /^orders has 2 partitions; it should have 3\.$/,
  },
  {
    name: 'Creates orders with three partitions, then deletes it and creates it again with the defaults',
    step: 'three-partitions',
    commands: [`${bs} --create --topic orders --partitions 3`, `${bs} --delete --topic orders`, 'sleep 1', `${bs} --create --topic orders`],
    fails: 'orders-three-partitions',
    message: /^orders has 1 partition; it should have 3\.$/,
  },
  {
    name: 'Creates payments with replication factor 1, which works, and leaves it',
    step: 'replication-factor-too-large',
    commands: [`${bs} --create --topic payments --replication-factor 1`],
    fails: 'payments-refused',
    message: /^The topic payments still exists\.$/,
  },
  {
    name: 'Creates payments with replication factor 1, deletes it, then tries factor 2 so the error shows too',
    step: 'replication-factor-too-large',
    commands: [
      `${bs} --create --topic payments --replication-factor 1`,
      `${bs} --delete --topic payments`,
      'sleep 1',
      `${bs} --create --topic payments --replication-factor 2`,
    ],
    fails: 'payments-refused',
    message: /^payments was created at some point \(a TopicRecord in the metadata log\)/,
  },
  {
    // Right after a route that was refused for payments: what a previous session did does not count.
    name: 'Never tries payments: prints the error kafka-topics would show',
    step: 'replication-factor-too-large',
    commands: ["echo 'Error while executing topic command : Unable to replicate the partition 2 time(s): The target replication factor of 2 cannot be reached because only 1 broker(s) are registered.'"],
    fails: 'payments-refused',
    message: noRefusal,
  },
  {
    name: 'Tries replication factor 2 on another name (payment)',
    step: 'replication-factor-too-large',
    commands: [`${bs} --create --topic payment --replication-factor 2`],
    fails: 'payments-refused',
    message: noRefusal,
  },
  {
    name: 'Creates scratch and never deletes it',
    step: 'delete',
    commands: [`${bs} --create --topic scratch`, `${bs} --list`],
    fails: 'scratch-deleted',
    message: /^The topic scratch still exists\.$/,
  },
  {
    // Right after the route above, whose scratch the reset deleted: that deletion is not this session's.
    name: 'Prints "Created topic scratch." instead of creating it, then lists the topics',
    step: 'delete',
    commands: ["echo 'Created topic scratch.'", `${bs} --list`],
    fails: 'scratch-deleted',
    message: /^The metadata log has no record of scratch being created: it was never created on this sandbox\.$/,
  },
  {
    name: 'Creates scratch, deletes it, then creates it again',
    step: 'delete',
    commands: [`${bs} --create --topic scratch`, `${bs} --delete --topic scratch`, 'sleep 1', `${bs} --create --topic scratch`],
    fails: 'scratch-deleted',
    message: /^The topic scratch still exists\.$/,
  },
  {
    name: 'Creates orders-replicated with replication factor 2 on the three-broker cluster',
    step: 'replication-factor-three',
    commands: [`${bs} --create --topic orders-replicated --partitions 3 --replication-factor 2`],
    fails: 'orders-replicated',
    message: /^orders-replicated has replication factor 2; it should be 3\.$/,
  },
];
