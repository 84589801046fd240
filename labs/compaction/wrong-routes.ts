import type { WrongRoute } from '../../sandbox/lab-kit/index.ts';
import { exercise } from './exercise.ts';

const solution = (step: string) => exercise.steps.find((s) => s.id === step)!.solution;
const createPlain = 'kafka-topics --bootstrap-server $BOOTSTRAP_SERVERS --create --topic user-emails';
const notCompact = /^topic user-emails does not have cleanup\.policy=compact set dynamically\.$/;

/** Ways to seem to have done a step of compaction without doing it; each fails the check it names. */
export const wrongRoutes: WrongRoute[] = [
  {
    name: 'Creates user-emails without cleanup.policy=compact',
    step: 'compacted-topic',
    commands: [createPlain],
    fails: 'cleanup-policy',
    message: notCompact,
  },
  {
    name: 'Makes compact the default of every broker (log.cleanup.policy) instead of a setting of the topic',
    step: 'compacted-topic',
    commands: [
      'kafka-configs --bootstrap-server $BOOTSTRAP_SERVERS --entity-type brokers --entity-default --alter --add-config log.cleanup.policy=compact',
      createPlain,
    ],
    fails: 'cleanup-policy',
    message: notCompact,
  },
  {
    name: 'Sends the five records but not the sixth: the segment never closes, so nothing is compacted',
    step: 'updates-and-tombstone',
    commands: [...solution('compacted-topic'), solution('updates-and-tombstone')[0]!],
    answers: { 'surviving-keys': 'u1, u3, u2' },
    fails: 'compacted',
    message: /^The first segment has not been compacted yet\.$/,
  },
  {
    name: 'Answers with every key sent, as if nothing had been compacted',
    step: 'updates-and-tombstone',
    commands: [...solution('compacted-topic'), ...solution('updates-and-tombstone')],
    answers: { 'surviving-keys': 'u1, u2, u1, u3, u2' },
    fails: 'compacted',
    message: /^Keys of the surviving records: "u1, u2, u1, u3, u2" is not what the segment holds\.$/,
  },
  {
    name: "Gives the offset of u2's first record as the tombstone's",
    step: 'updates-and-tombstone',
    commands: [...solution('compacted-topic'), ...solution('updates-and-tombstone')],
    answers: { 'tombstone-offset': '1' },
    fails: 'tombstone-offset',
    message: /^The tombstone's offset: "1" is not what the segment holds\.$/,
  },
];
