import type { WrongRoute } from '../../sandbox/lab-kit/index.ts';
import { exercise } from './exercise.ts';

const solution = (step: string) => exercise.steps.find((s) => s.id === step)!.solution;
const wrongAnswer = (what: string) => new RegExp(`^${what}: ".*" is not what the segment holds\\.$`);

/** Ways to answer dump-log's questions without reading them from the dump; each fails the check it names. */
export const wrongRoutes: WrongRoute[] = [
  {
    name: 'Answers before sending anything: the segment is empty',
    step: 'uncompressed',
    commands: ['kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic dump-demo'],
    answers: { 'batch-count': '1' },
    fails: 'batch-count',
    message: /^The segment of dump-demo-0 is empty\.$/,
  },
  {
    name: 'Answers -1, as for a producer without an id, instead of reading producerId',
    step: 'uncompressed',
    commands: solution('uncompressed'),
    answers: { 'producer-id': '-1' },
    fails: 'producer-id',
    message: wrongAnswer("The first batch's producerId"),
  },
  {
    name: "Types the answer box's placeholder for CreateTime",
    step: 'uncompressed',
    commands: solution('uncompressed'),
    answers: { 'create-time': '1700000000000' },
    fails: 'create-time',
    message: wrongAnswer('CreateTime of offset 0'),
  },
  {
    name: 'Reads the codec from the first batch (none) instead of the last',
    step: 'gzip',
    commands: [...solution('uncompressed'), ...solution('gzip')],
    answers: { 'last-codec': 'none' },
    fails: 'last-codec',
    message: wrongAnswer("The last batch's compression codec"),
  },
  {
    name: "Gives the last batch's lastOffset as its baseOffset",
    step: 'gzip',
    commands: [...solution('uncompressed'), ...solution('gzip')],
    answers: { 'last-base-offset': '4' },
    fails: 'last-base-offset',
    message: wrongAnswer("The last batch's baseOffset"),
  },
  {
    name: "Gives the last record's offset as the batch's lastSequence (each producer counts its own sequence from 0)",
    step: 'gzip',
    commands: [...solution('uncompressed'), ...solution('gzip')],
    answers: { 'last-sequence': '4' },
    fails: 'last-sequence',
    message: wrongAnswer("The last batch's lastSequence"),
  },
];
