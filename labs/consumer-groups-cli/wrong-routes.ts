import type { WrongRoute } from '../../sandbox/lab-kit/index.ts';

const server = '--bootstrap-server $BOOTSTRAP_SERVERS';
const groups = `kafka-consumer-groups ${server}`;
const consumer = `kafka-console-consumer ${server} --topic payments`;
const reset = `${groups} --group reports --topic payments --reset-offsets`;
/** The first step done right: payments holds six records and reports has read them all. */
const sent = [
  `kafka-topics ${server} --create --topic payments --partitions 3`,
  `printf 'pay-1\\npay-2\\npay-3\\npay-4\\npay-5\\npay-6\\n' | kafka-console-producer ${server} --topic payments`,
];
const read = [...sent, `${consumer} --group reports --from-beginning --max-messages 6`];
/** A re-read that gives up when nothing comes, as it does when the offsets were not moved back. */
const readAgain = `${consumer} --group reports --max-messages 6 --timeout-ms 8000`;

/** Ways to seem to have done a step of consumer-groups-cli without doing it; each fails the check it names. */
export const wrongRoutes: WrongRoute[] = [
  {
    name: "Sets reports' offsets to the end with --reset-offsets --to-latest instead of reading",
    step: 'read',
    commands: [...sent, `${reset} --to-latest --execute`],
    fails: 'reports-read',
    message: /^Group reports never had a consumer: its offsets were committed by hand/,
  },
  {
    name: 'Reads everything without --group, then echoes the describe output it expected',
    step: 'read',
    commands: [
      ...sent,
      `${consumer} --from-beginning --max-messages 6`,
      "echo 'reports         payments        0          6               6               0'",
    ],
    fails: 'reports-read',
    message: /^Group reports has no committed offsets on payments\.$/,
  },
  {
    name: 'Reads everything under another group name (report)',
    step: 'read',
    commands: [...sent, `${consumer} --group report --from-beginning --max-messages 6`],
    fails: 'reports-read',
    message: /^Group reports has no committed offsets on payments\.$/,
  },
  {
    name: 'Stops the consumer after two of the six records',
    step: 'read',
    commands: [...sent, `${consumer} --group reports --from-beginning --max-messages 2`],
    fails: 'reports-read',
    message: /^Group reports has not read everything yet in partitions [\d, ]+\.$/,
  },
  {
    name: 'Reads two of the six records with reports, then moves the group to the end with --reset-offsets --to-latest',
    step: 'read',
    commands: [...sent, `${consumer} --group reports --from-beginning --max-messages 2`, `${reset} --to-latest --execute`],
    fails: 'reports-read',
    message: /^reports' commits of the end of partitions [\d, ]+ were made by hand \(--reset-offsets\), not by a consumer that read the records\.$/,
  },
  {
    name: 'Runs the reset with --dry-run only, never --execute',
    step: 'reset',
    commands: [...read, `${reset} --to-earliest --dry-run`, `${reset} --to-earliest`, readAgain],
    fails: 'reports-rewound',
    message: /^No commit set reports back to the start of payments after it had read to the end/,
  },
  {
    name: 'Resets with --to-latest instead of --to-earliest',
    step: 'reset',
    commands: [...read, `${reset} --to-latest --execute`, readAgain],
    fails: 'reports-rewound',
    message: /^No commit set reports back to the start of payments after it had read to the end/,
  },
  {
    name: 'Deletes the group and reads again from the beginning instead of resetting its offsets',
    step: 'reset',
    commands: [...read, `${groups} --delete --group reports`, `${consumer} --group reports --from-beginning --max-messages 6`],
    fails: 'reports-rewound',
    message: /^No commit set reports back to the start of payments after it had read to the end/,
  },
  {
    name: 'Deletes payments, creates it again with the six records and reads them again with reports',
    step: 'reset',
    commands: [
      ...read,
      `kafka-topics ${server} --delete --topic payments`,
      'sleep 2',
      ...sent,
      `${consumer} --group reports --from-beginning --max-messages 6 --timeout-ms 8000`,
    ],
    fails: 'reports-rewound',
    message: /^No commit set reports back to the start of payments after it had read to the end/,
  },
  {
    name: 'Deletes scratch without ever creating it',
    step: 'delete',
    commands: [...read, `${groups} --delete --group scratch`],
    fails: 'scratch-deleted',
    message: /^No consumer ever joined the group scratch/,
  },
  {
    name: 'Creates scratch with --reset-offsets instead of a consumer, then deletes it',
    step: 'delete',
    commands: [...read, `${groups} --group scratch --topic payments --reset-offsets --to-earliest --execute`, `${groups} --delete --group scratch`],
    fails: 'scratch-deleted',
    message: /^No consumer ever joined the group scratch/,
  },
  {
    name: 'Reads with scratch and leaves the group in place',
    step: 'delete',
    commands: [...read, `${consumer} --group scratch --from-beginning --max-messages 6`, `${groups} --list`],
    fails: 'scratch-deleted',
    message: /^The group scratch still exists\.$/,
  },
];
