import type { WrongRoute } from '../../sandbox/lab-kit/index.ts';

const server = '--bootstrap-server $BOOTSTRAP_SERVERS';
const consumer = `kafka-console-consumer ${server} --topic events`;
const cooperative = '--command-property partition.assignment.strategy=org.apache.kafka.clients.consumer.CooperativeStickyAssignor';
const settle = 'sleep 15';
const topic = `kafka-topics ${server} --create --topic events --partitions 6`;
/** Two consumers of `group`, the second started once the first has settled, then both stopped. */
const pair = (group: string, first: string, second = first): string[] => [
  `${consumer} --group ${group} ${first} > /dev/null 2>&1 & A=$!`,
  settle,
  `${consumer} --group ${group} ${second} > /dev/null 2>&1 & B=$!`,
  settle,
  'kill $A $B',
  'sleep 2',
];
const staticMember = (id: string): string => `${consumer} --group static-demo --command-property group.instance.id=${id} > /dev/null 2>&1 &`;
const newProtocol = '--command-property group.protocol=consumer';

/** Ways to seem to have done a step of group-protocols without doing it; each fails the check it names. */
export const wrongRoutes: WrongRoute[] = [
  {
    name: 'Runs a single consumer in eager-demo',
    step: 'eager-cooperative',
    commands: [topic, `${consumer} --group eager-demo > /dev/null 2>&1 & A=$!`, settle, 'kill $A'],
    fails: 'eager-demo-range',
    message: /^eager-demo never had two consumers at once/,
  },
  {
    name: 'Gives the consumers of eager-demo the cooperative assignor too',
    step: 'eager-cooperative',
    commands: [topic, ...pair('eager-demo', cooperative)],
    fails: 'eager-demo-range',
    message: /^eager-demo used the assignor cooperative-sticky: it should be range/,
  },
  {
    name: 'Runs coop-demo with the default assignor (range, eager)',
    step: 'eager-cooperative',
    commands: [topic, ...pair('coop-demo', '')],
    fails: 'coop-demo-cooperative',
    message: /^coop-demo used the assignor range, which rebalances eagerly/,
  },
  {
    name: 'Gives the cooperative assignor to the second consumer of coop-demo only: the group agrees on cooperative-sticky, but the first rebalances eagerly',
    step: 'eager-cooperative',
    commands: [topic, ...pair('coop-demo', '', cooperative)],
    fails: 'coop-demo-cooperative',
    message: /^coop-demo's first consumer gave up all its partitions before rejoining/,
  },
  {
    name: 'Creates coop-demo by committing offsets with --reset-offsets, no consumer',
    step: 'eager-cooperative',
    commands: [topic, `kafka-consumer-groups ${server} --group coop-demo --topic events --reset-offsets --to-earliest --execute`],
    fails: 'coop-demo-cooperative',
    message: /^No consumer ever joined coop-demo/,
  },
  {
    name: 'Runs the cooperative pair under another group name (coop_demo)',
    step: 'eager-cooperative',
    commands: [topic, ...pair('coop_demo', cooperative)],
    fails: 'coop-demo-cooperative',
    message: /^No consumer ever joined coop-demo/,
  },
  {
    name: 'Answers what an eager consumer revokes (all six partitions) for coop-demo',
    step: 'eager-cooperative',
    commands: [topic, ...pair('coop-demo', cooperative)],
    answers: { 'coop-revoked': 'events-0, events-1, events-2, events-3, events-4, events-5' },
    fails: 'coop-revoked',
    message: /^That is not what the first consumer of coop-demo revoked when the second joined\.$/,
  },
  {
    name: 'Runs static-demo with dynamic members (no group.instance.id) and restarts one',
    step: 'static',
    commands: [topic, ...pair('static-demo', ''), `${consumer} --group static-demo > /dev/null 2>&1 & A=$!`, settle, 'kill $A'],
    fails: 'static-rejoin',
    message: /^static-demo never had billing-a and billing-b as static members at once\.$/,
  },
  {
    name: 'Starts billing-a and billing-b and never restarts billing-a',
    step: 'static',
    commands: [topic, `${staticMember('billing-a')} A=$!`, `${staticMember('billing-b')} B=$!`, settle, 'kill $A $B'],
    fails: 'static-rejoin',
    message: /^billing-a never came back to static-demo without a rebalance/,
  },
  {
    name: 'Restarts billing-a under another instance id (billing-c)',
    step: 'static',
    commands: [topic, `${staticMember('billing-a')} A=$!`, `${staticMember('billing-b')} B=$!`, settle, 'kill $A', 'sleep 3', `${staticMember('billing-c')} C=$!`, settle, 'kill $B $C'],
    fails: 'static-rejoin',
    message: /^billing-a never came back to static-demo without a rebalance/,
  },
  {
    name: 'Runs new-demo with the classic protocol (no group.protocol=consumer)',
    step: 'new-protocol',
    commands: [topic, ...pair('new-demo', '')],
    fails: 'new-demo-consumer-protocol',
    message: /^new-demo is a classic group: its consumers joined with JoinGroup/,
  },
  {
    name: 'Gives group.protocol=consumer to the first consumer of new-demo only',
    step: 'new-protocol',
    commands: [topic, ...pair('new-demo', newProtocol, '')],
    fails: 'new-demo-consumer-protocol',
    message: /^A member of new-demo joined with the classic protocol/,
  },
  {
    name: 'Runs a single consumer with group.protocol=consumer in new-demo',
    step: 'new-protocol',
    commands: [topic, `${consumer} --group new-demo ${newProtocol} > /dev/null 2>&1 & A=$!`, settle, 'kill $A'],
    fails: 'new-demo-consumer-protocol',
    message: /^new-demo never had two members at once/,
  },
  {
    name: 'Answers Consumer for a new-demo run with the classic protocol',
    step: 'new-protocol',
    commands: [topic, ...pair('new-demo', '')],
    answers: { 'new-demo-type': 'Consumer' },
    fails: 'new-demo-type',
    message: /^That is not the type the group coordinator's record gives new-demo\.$/,
  },
];
