import type { WrongRoute } from '../../sandbox/lab-kit/index.ts';

const quorum = 'kafka-metadata-quorum --bootstrap-server kafka-1:9092 describe';
const dumpLog = 'kafka-dump-log --cluster-metadata-decoder --files /var/lib/kafka/data/__cluster_metadata-0/00000000000000000000.log';
const createTopic = (name: string) => `kafka-topics --bootstrap-server kafka-1:9092 --create --topic ${name} --partitions 3 --replication-factor 3`;

/**
 * Ways to seem to have done a step of controller-failover without doing it; each fails the check it names.
 * Answers that depend on the cluster's own elections (the old controller given as the new, the epoch before
 * the failover, an epoch off by one, the stopped node) are taken from the real history in
 * tests/terminal/controller-failover.test.ts.
 */
export const wrongRoutes: WrongRoute[] = [
  {
    name: 'Answers kafka-1, the node the shell runs in and the first in --bootstrap-server, as the active controller',
    step: 'read-quorum',
    commands: [`${quorum} --status`],
    answers: { 'leader-before': '1', 'epoch-before': '1' },
    fails: 'controller-before',
    message: /^Node 1 was not the active controller before the failover\./,
  },
  {
    name: 'Creates the topic under another name (failover_demo) and answers with its record',
    step: 'metadata-log',
    commands: [createTopic('failover_demo'), `${dumpLog} | grep failover_demo`],
    answers: { 'topic-record-offset': '40' },
    fails: 'topic-record',
    message: /^No TopicRecord for failover-demo in the metadata log since your cluster was clean/,
  },
  {
    name: 'Answers the first offset of the log, which is a LeaderChange record, not the TOPIC_RECORD',
    step: 'metadata-log',
    commands: [createTopic('failover-demo'), `${dumpLog} | head -3`],
    answers: { 'topic-record-offset': '0' },
    fails: 'topic-record',
    message: /^Offset 0 of the metadata log is not failover-demo's TOPIC_RECORD\./,
  },
  {
    name: 'Reads the quorum again without asking the platform to stop the active controller',
    step: 'failover',
    commands: [`${quorum} --status`],
    answers: { 'leader-after': '2', 'epoch-after': '2', 'leader-change-offset': '0' },
    fails: 'controller-after',
    message: /^No controller election in the metadata log since your cluster was clean/,
  },
  {
    name: "Takes the first LeaderChange of the log, the cluster's first election, as the failover's",
    step: 'failover',
    actions: ['failover'],
    commands: [`${dumpLog} | grep -m1 LeaderChange`],
    answers: { 'leader-change-offset': '0' },
    fails: 'leader-change-record',
    message: /^Offset 0 is the LeaderChange of an earlier election \(epoch \d+\), not this failover's\./,
  },
  {
    name: 'Looks for the LeaderChange before any failover',
    step: 'failover',
    commands: [`${dumpLog} | grep LeaderChange`],
    answers: { 'leader-change-offset': '0' },
    fails: 'leader-change-record',
    message: /^No controller election in the metadata log since your cluster was clean/,
  },
  {
    name: 'Checks without starting the stopped node again',
    step: 'rejoin',
    actions: ['failover'],
    commands: [`${quorum} --replication`],
    fails: 'rejoined',
    message: /^kafka-[23], the active controller before the failover, is still stopped: start it again\./,
  },
];
