import type { WrongRoute } from '../../sandbox/lab-kit/index.ts';
import { exercise } from './exercise.ts';

const solution = (step: string) => exercise.steps.find((s) => s.id === step)!.solution;
const server = '--bootstrap-server $BOOTSTRAP_SERVERS';
const [create, round1] = solution('roll');
const [wait, round4] = solution('predict');
const indexed = [...solution('roll'), ...solution('indexes')];
const wrongIndexAnswer = (what: string, answer: string) => new RegExp(`^${what}: "${answer}" is not what segment 0's index holds\\.$`);

/**
 * Ways to seem to have done a step of segments-and-retention without doing it; each fails the check it names.
 * The index answers below are what segment 0 holds when the rounds are sent as in the solution: every
 * record a 77-byte batch of its own, so with index.interval.bytes=200 an entry every third batch (3 → 231, 6 → 462, ...).
 */
export const wrongRoutes: WrongRoute[] = [
  {
    name: 'Makes segments roll with the cluster-wide log.roll.ms instead of the topic\'s segment.ms',
    step: 'roll',
    commands: [
      `kafka-configs ${server} --alter --entity-type brokers --entity-default --add-config log.roll.ms=5000`,
      `kafka-topics ${server} --create --topic clicks --config index.interval.bytes=200`,
      ...solution('roll').slice(1),
    ],
    fails: 'segment-ms',
    message: /^topic clicks does not have segment\.ms=5000 set dynamically\.$/,
  },
  {
    name: 'Writes all 120 records in one go: nothing rolls the first segment',
    step: 'roll',
    commands: [create!, round1!.replace('1 40', '1 120')],
    fails: 'segments-rolled',
    message: /^clicks-0 has had only 1 segment\(s\)\.$/,
  },
  {
    name: 'Takes the first index entry above offset 31 (33 → 2541) instead of the last one at or below it',
    step: 'indexes',
    commands: indexed,
    answers: { 'fetch-position': '2541' },
    fails: 'fetch-position',
    message: wrongIndexAnswer('Where a fetch from offset 31 starts', '2541'),
  },
  {
    name: 'Copies the entry\'s offset column (30) instead of its position',
    step: 'indexes',
    commands: indexed,
    answers: { 'fetch-position': '30' },
    fails: 'fetch-position',
    message: wrongIndexAnswer('Where a fetch from offset 31 starts', '30'),
  },
  {
    name: 'Gives the last .timeindex entry\'s offset (39) instead of its timestamp',
    step: 'indexes',
    commands: indexed,
    answers: { 'newest-timestamp': '39' },
    fails: 'newest-timestamp',
    message: wrongIndexAnswer("Segment 0's newest timestamp", '39'),
  },
  {
    name: 'Lowers retention for every topic (the cluster-wide log.retention.ms) instead of on clicks',
    step: 'predict',
    commands: [
      ...solution('roll'),
      wait!,
      round4!,
      `kafka-configs ${server} --alter --entity-type brokers --entity-default --add-config log.retention.ms=30000`,
    ],
    answers: { 'deleted-segments': '0, 40, 80' },
    fails: 'retention-lowered',
    message: /^topic clicks does not have retention\.ms=30000 set dynamically\.$/,
  },
  {
    name: 'Predicts that every segment goes, the active one with its fresh records too',
    step: 'predict',
    commands: [...solution('roll'), ...solution('predict')],
    answers: { 'deleted-segments': '0, 40, 80, 120' },
    fails: 'prediction',
    message: /^The prediction "0, 40, 80, 120" is not what retention deleted\.$/,
  },
  {
    name: 'Deletes the first three rounds with kafka-delete-records instead of letting retention delete them',
    step: 'predict',
    commands: [
      ...solution('roll'),
      'sleep 6',
      round4!,
      `echo '{"partitions":[{"topic":"clicks","partition":0,"offset":120}]}' > /tmp/delete.json`,
      `kafka-delete-records ${server} --offset-json-file /tmp/delete.json`,
    ],
    answers: { 'deleted-segments': '0, 40, 80' },
    fails: 'prediction',
    message: /^The log start offset of clicks-0 is 120, but retention deleted no segment/,
  },
];
