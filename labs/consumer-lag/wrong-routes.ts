import type { WrongRoute } from '../../sandbox/lab-kit/index.ts';

const server = '--bootstrap-server $BOOTSTRAP_SERVERS';
const groups = `kafka-consumer-groups ${server}`;
const consumer = `kafka-console-consumer ${server} --topic clicks-burst`;
const create = `kafka-topics ${server} --create --topic clicks-burst --partitions 3`;
const burstTo = (topic: string) => `kafka-producer-perf-test --bootstrap-server $BOOTSTRAP_SERVERS --topic ${topic} --num-records 900 --record-size 1000 --throughput -1`;
const burst = [create, burstTo('clicks-burst')];
/** The step's slow consumer of dashboard, in the background. */
const slowDashboard = `${consumer} --group dashboard --from-beginning --max-messages 900 --command-property max.poll.records=20 | while read -r click; do sleep 0.03; done &`;
/** The second step done right: audit read 250 records of the burst and stopped. */
const auditRead = [...burst, `${consumer} --group audit --from-beginning --max-messages 250 > /dev/null`];

/** Ways to seem to have done a step of consumer-lag without doing it; each fails the check it names. */
export const wrongRoutes: WrongRoute[] = [
  {
    name: 'Sends the burst to another topic (clicks)',
    step: 'burst',
    commands: [create, burstTo('clicks')],
    fails: 'burst-sent',
    message: /^clicks-burst holds 0 records; the burst is 900\.$/,
  },
  {
    name: "Moves dashboard's offsets to the end with --reset-offsets --to-latest instead of consuming",
    step: 'burst',
    commands: [...burst, `${groups} --group dashboard --topic clicks-burst --reset-offsets --to-latest --execute`],
    fails: 'dashboard-drained',
    message: /^Group dashboard never had a consumer: its offsets were committed by hand/,
  },
  {
    name: 'Reads the burst with a consumer that is not slowed down: the lag drops at once',
    step: 'burst',
    commands: [...burst, `${consumer} --group dashboard --from-beginning --max-messages 900 > /dev/null`],
    fails: 'dashboard-drained',
    message: /^The group coordinator's record shows dashboard's commits stopping partway through the burst [01] times?;/,
  },
  {
    name: 'Kills the slow consumer before it has caught up',
    step: 'burst',
    commands: [create, slowDashboard, burstTo('clicks-burst'), 'sleep 10', 'kill %1', 'sleep 2'],
    fails: 'dashboard-drained',
    message: /^Group dashboard has (not read everything yet in partitions [\d, ]+|no committed offsets on clicks-burst)\.$/,
  },
  {
    name: "Sets audit's offsets with --reset-offsets --to-offset instead of reading",
    step: 'partway',
    commands: [...burst, `${groups} --group audit --topic clicks-burst --reset-offsets --to-offset 100 --execute`],
    fails: 'audit-stopped',
    message: /^Group audit never had a consumer: its offsets were committed by hand/,
  },
  {
    name: 'Reads the whole burst with audit instead of stopping at 250',
    step: 'partway',
    commands: [...burst, `${consumer} --group audit --from-beginning --timeout-ms 8000 > /dev/null`],
    fails: 'audit-stopped',
    message: /^audit's committed offsets add up to 900 records read, not 250/,
  },
  {
    name: 'Reads 250 records under another group name (audits)',
    step: 'partway',
    commands: [...burst, `${consumer} --group audits --from-beginning --max-messages 250 > /dev/null`],
    fails: 'audit-stopped',
    message: /^Group audit has no committed offsets on clicks-burst\.$/,
  },
  {
    name: 'Adds up the CURRENT-OFFSET column instead of LAG',
    step: 'partway',
    commands: auditRead,
    answers: { 'audit-total-lag': '250' },
    fails: 'audit-total-lag',
    message: /^audit's total lag: 250 is not what the group's offsets give\.$/,
  },
  {
    name: "Gives dashboard's lag (0) instead of audit's",
    step: 'partway',
    commands: auditRead,
    answers: { 'audit-total-lag': '0' },
    fails: 'audit-total-lag',
    message: /^audit's total lag: 0 is not what the group's offsets give\.$/,
  },
  {
    name: "Numbers partitions from 1 and gives the group's total lag as the partition's",
    step: 'partway',
    commands: auditRead,
    answers: { 'audit-furthest-partition': '3', 'audit-furthest-lag': '650' },
    fails: 'audit-furthest',
    message: /^Partition 3 is not where audit is furthest behind\. 650 is not the largest LAG among audit's partitions\.$/,
  },
];
