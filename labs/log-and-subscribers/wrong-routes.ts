import type { WrongRoute } from '../../sandbox/lab-kit/index.ts';

const create = 'kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic signups --partitions 1';
const producer = 'kafka-console-producer --bootstrap-server $BOOTSTRAP_SERVERS --topic signups';
const consumer = 'kafka-console-consumer --bootstrap-server $BOOTSTRAP_SERVERS --topic signups';
const groups = 'kafka-consumer-groups --bootstrap-server $BOOTSTRAP_SERVERS';
/** The first two steps done right, and dave and erin sent: where the last step's routes start. */
const laterSent = [
  create,
  `printf 'alice\\nbob\\ncarol\\n' | ${producer}`,
  `${consumer} --group email-service --from-beginning --max-messages 3`,
  `${consumer} --group analytics --from-beginning --max-messages 3`,
  `printf 'dave\\nerin\\n' | ${producer}`,
];

/** Ways to seem to have done a step of log-and-subscribers without doing it; each fails the check it names. */
export const wrongRoutes: WrongRoute[] = [
  {
    name: 'Sends the events in another order',
    step: 'publish',
    commands: [create, `printf 'bob\\nalice\\ncarol\\n' | ${producer}`],
    fails: 'signups-in-order',
    message: /^signups' log starts with bob, alice, carol\.$/,
  },
  {
    name: 'Lets the producer create the topic (auto-creation) under another name',
    step: 'publish',
    commands: [`printf 'alice\\nbob\\ncarol\\n' | kafka-console-producer --bootstrap-server $BOOTSTRAP_SERVERS --topic signup`],
    fails: 'signups-in-order',
    message: /^There is no topic signups\.$/,
  },
  {
    name: 'Reads twice with the same group instead of once per service',
    step: 'subscribe',
    commands: [create, `printf 'alice\\nbob\\ncarol\\n' | ${producer}`, `${consumer} --group email-service --from-beginning --max-messages 3`, `${consumer} --group email-service --from-beginning --max-messages 3 --timeout-ms 5000`],
    fails: 'both-groups-read',
    message: /^Group analytics has no committed offsets on signups\.$/,
  },
  {
    name: 'Sets analytics\' offsets by hand instead of reading',
    step: 'subscribe',
    commands: [create, `printf 'alice\\nbob\\ncarol\\n' | ${producer}`, `${consumer} --group email-service --from-beginning --max-messages 3`, `${groups} --group analytics --topic signups --reset-offsets --to-latest --execute`],
    fails: 'both-groups-read',
    message: /^Group analytics never had a consumer/,
  },
  {
    name: 'Reads the new events with a new group instead of email-service',
    step: 'resume',
    commands: [...laterSent, `${consumer} --group email-service-2 --from-beginning --max-messages 5`],
    answers: { 'analytics-lag': '2' },
    fails: 'email-service-resumed',
    message: /^Group email-service has not read everything yet in partitions 0\.$/,
  },
  {
    name: 'Answers the log end offset instead of the lag',
    step: 'resume',
    commands: [...laterSent, `${consumer} --group email-service --max-messages 2`],
    answers: { 'analytics-lag': '5' },
    fails: 'analytics-lag',
    message: /^"5" is not the analytics group's LAG\.$/,
  },
  {
    name: 'Answers the current offset instead of the lag',
    step: 'resume',
    commands: [...laterSent, `${consumer} --group email-service --max-messages 2`],
    answers: { 'analytics-lag': '3' },
    fails: 'analytics-lag',
    message: /^"3" is not the analytics group's LAG\.$/,
  },
  {
    name: 'Reads the new events with analytics too, and answers 0',
    step: 'resume',
    commands: [...laterSent, `${consumer} --group email-service --max-messages 2`, `${consumer} --group analytics --max-messages 2`],
    answers: { 'analytics-lag': '0' },
    fails: 'analytics-lag',
    message: /^analytics has already read everything, so its LAG is 0/,
  },
];
