/**
 * What the controller says about CreateTopics requests it answered: a refused creation leaves nothing in
 * the metadata log, and its only trace on the cluster is the controller's own log line,
 *   [time] INFO [QuorumController id=1] CreateTopics result(s): CreatableTopic(name='payments',
 *   numPartitions=3, replicationFactor=2, assignments=[], configs=[]): INVALID_REPLICATION_FACTOR (Unable
 *   to replicate ...) (org.apache.kafka.controller.ReplicationControlManager)
 * read back from each node's log as Docker recorded it; nothing the learner prints reaches that log.
 */
import type { KafkaCluster } from '../cluster/kafka-cluster.ts';

/** One topic of a CreateTopics request, as the controller answered it. */
export interface TopicCreationResult {
  /** When the node logged the answer (Docker's time), epoch ms. */
  at: number;
  topic: string;
  /** -1: the broker's default. */
  partitions: number;
  replicationFactor: number;
  /** SUCCESS, or the error's name (INVALID_REPLICATION_FACTOR, TOPIC_ALREADY_EXISTS, ...). */
  result: string;
  message?: string;
}

export interface CreateTopicsLog {
  results: TopicCreationResult[];
  /**
   * Result lines that do not read as the controller writes them. The controller logs names and config values
   * as sent, unescaped. Kafka's CLI never sends what could forge a result (it refuses illegal topic names,
   * and config values with '='), but a client of one's own could send a name with a line break and a
   * forged line after it: a check that finds any such line trusts none of the log. (A raw request that
   * forges a whole readable line is still possible in principle; the attempt's transcript shows the tool.)
   */
  unreadable: string[];
}

const RESULT_LINE = /^\[[\d-]+ [\d:,.]+\] INFO \[QuorumController id=\d+\] CreateTopics result\(s\): (.*) \(org\.apache\.kafka\.controller\.ReplicationControlManager\)$/;
const ENTRY = /^CreatableTopic\(name='([A-Za-z0-9._-]+)', numPartitions=(-?\d+), replicationFactor=(-?\d+), assignments=\[.*\], configs=\[.*\]\): ([A-Z_]+)(?: \((.*)\))?$/;

/** Every CreateTopics answer the cluster's controllers logged after `sinceMs`, oldest first. */
export async function createTopicsLog(cluster: KafkaCluster, sinceMs: number): Promise<CreateTopicsLog> {
  const log: CreateTopicsLog = { results: [], unreadable: [] };
  for (const broker of cluster.brokers) {
    for (const { at, text } of await broker.logSince(sinceMs)) {
      if (at <= sinceMs || !text.includes('CreateTopics result(s):')) continue;
      const entries = RESULT_LINE.exec(text)?.[1]?.split(/, (?=CreatableTopic\(name=')/).map((entry) => ENTRY.exec(entry));
      if (!entries || entries.some((entry) => !entry)) {
        log.unreadable.push(text);
        continue;
      }
      for (const entry of entries as RegExpExecArray[]) {
        const [, topic, partitions, replicationFactor, result, message] = entry;
        log.results.push({ at, topic: topic!, partitions: Number(partitions), replicationFactor: Number(replicationFactor), result: result!, message });
      }
    }
  }
  log.results.sort((a, b) => a.at - b.at);
  return log;
}
