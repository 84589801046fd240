import type { WrongRoute } from '../../sandbox/lab-kit/index.ts';

const consumer = 'kafka-console-consumer --bootstrap-server $BOOTSTRAP_SERVERS --topic invoices';
const invoices = [
  'kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic invoices --partitions 3',
  "printf 'inv-1\\ninv-2\\ninv-3\\n' | kafka-console-producer --bootstrap-server $BOOTSTRAP_SERVERS --topic invoices",
];
/** A consumer of the group in the background, given time to join. */
const joined = (group: string) => [`${consumer} --group ${group} > /dev/null 2>&1 &`, 'sleep 12'];

/** Ways to seem to have done a step of group-liveness without doing it; each fails the check it names. */
export const wrongRoutes: WrongRoute[] = [
  {
    name: 'Stops billing\'s consumer cleanly (kill without -9) instead of crashing it',
    step: 'crash',
    commands: [...invoices, ...joined('billing'), 'kill $!', 'sleep 3'],
    fails: 'billing-crashed',
    message: /^billing's member left \d+ s after it was last heard from: it sent LeaveGroup and exited cleanly\./,
  },
  {
    name: 'Checks right after kill -9, before the session has expired',
    step: 'crash',
    commands: [...invoices, ...joined('billing'), 'kill -9 $!', 'sleep 3'],
    fails: 'billing-crashed',
    message: /^billing's consumer is still a member of the group/,
  },
  {
    name: 'Runs the consumer without a group',
    step: 'crash',
    commands: [...invoices, `${consumer} > /dev/null 2>&1 &`, 'sleep 12', 'kill -9 $!'],
    fails: 'billing-crashed',
    message: /^No consumer ever joined billing/,
  },
  {
    name: 'Kills shipping\'s consumer with kill -9 and checks at once',
    step: 'clean',
    commands: [...invoices, ...joined('shipping'), 'kill -9 $!', 'sleep 3'],
    fails: 'shipping-left-cleanly',
    message: /^shipping's consumer is still a member of the group/,
  },
  {
    name: 'Kills shipping\'s consumer with kill -9 and waits for its session to expire',
    step: 'clean',
    commands: [...invoices, ...joined('shipping'), 'kill -9 $!', 'sleep 55'],
    fails: 'shipping-left-cleanly',
    message: /^shipping's member was removed by the session timeout, \d+ s after it was last heard from: a crash\./,
  },
  {
    name: 'Sets shipping\'s offsets by hand instead of running a consumer',
    step: 'clean',
    commands: [...invoices, 'kafka-consumer-groups --bootstrap-server $BOOTSTRAP_SERVERS --group shipping --topic invoices --reset-offsets --to-latest --execute'],
    fails: 'shipping-left-cleanly',
    message: /^No consumer ever joined shipping/,
  },
];
