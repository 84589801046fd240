/**
 * The lab format: what a lab's lab.ts and checks.ts export, with the verdict constructors and the broker
 * settings every lab shares. See labs/README.md.
 */
import type { ClusterSpec, TopicSpec } from '../cluster/cluster-spec.ts';
import type { KafkaCluster } from '../cluster/kafka-cluster.ts';

/** Text in both of the course's languages. */
export interface Localized {
  ko: string;
  en: string;
}

/** A broker the scenario stops: a fixed node, or whichever node holds a role for a partition when the outage begins. */
export type OutageTarget = number | { role: 'leader' | 'follower'; topic: string; partition: number };

/** Something the lab does to the cluster while the learner's program runs. */
export interface BrokerOutage {
  kind: 'broker-outage';
  broker: OutageTarget;
  /** Seconds after the program starts. */
  afterSeconds: number;
  /** The broker starts again this many seconds after it stopped; it stays down until the run ends when absent. */
  downForSeconds?: number;
}

/** Records the lab produces before the program runs (e.g. history for a consumer to read). */
export interface SeedRecords {
  topic: string;
  messages: Array<{ key?: string; value: string }>;
}

/**
 * Another run of the learner's program under conditions it does not control (other partition counts,
 * another fault time), graded by the same checks. Variations run when grading, like hidden checks.
 */
export interface LabVariation {
  /** What differs, as the report says it: "orders has 5 partitions". */
  label: Localized;
  /** Topics that replace the cluster spec's topics of the same name for this run. */
  topics?: TopicSpec[];
  /** Replaces the lab's scenario for this run. */
  scenario?: BrokerOutage;
}

export interface LabDefinition {
  id: string;
  title: Localized;
  cluster: ClusterSpec;
  /** Reset the cluster (topics, groups, configs, every node up) before each run. */
  cleanSlate: boolean;
  /** Wall-clock limit of the learner's program. */
  timeLimitSeconds: number;
  seed?: SeedRecords;
  scenario?: BrokerOutage;
  /**
   * What the sandbox records while the program runs, for checks that need the broker's own view:
   * `brokerRequests` turns on each broker's request log and hands the program's requests to the checks.
   */
  observe?: { brokerRequests?: boolean };
  variations?: LabVariation[];
}

/**
 * One request a broker completed while the program ran, from the broker's request log
 * (kafka.request.logger): its API, header, body and response as the broker saw them.
 */
export interface BrokerRequest {
  /** Epoch ms the broker logged the request's completion. */
  at: number;
  nodeId: number;
  /** PRODUCE, FETCH, JOIN_GROUP, OFFSET_COMMIT, ... */
  api: string;
  clientId: string;
  /** The broker's listener: PLAINTEXT for programs on the cluster's network, HOST for clients on the host. */
  listener: string;
  /** The broker's id of the TCP connection: the requests of one client object share it. */
  connection: string;
  request: Record<string, unknown>;
  response: Record<string, unknown>;
}

/** When the scenario acted, in epoch milliseconds, so checks can look at what happened during an outage. */
export interface OutageRecord {
  nodeId: number;
  /** The broker had finished stopping (controlled shutdown done). */
  stoppedAt: number;
  /** The restart was requested; absent when the broker stayed down. */
  restartedAt?: number;
}

/** How the learner's program ended. */
export interface ProgramResult {
  /** Why it ended: on its own, or stopped by the sandbox. */
  ending: 'exited' | 'timeout' | 'output-limit' | 'memory-limit' | 'cancelled';
  exitCode: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** What a check can look at: the real cluster after the run, and what the run did. */
export interface CheckContext {
  cluster: KafkaCluster;
  program: ProgramResult;
  outages: OutageRecord[];
  /** The program's requests as the brokers logged them; empty unless the lab observes brokerRequests. */
  requests: BrokerRequest[];
  /** The variation this run is, when it is not the lab's own run. */
  variation?: LabVariation;
}

/** A check's verdict; expected/actual are short plain strings shown side by side. */
export interface CheckVerdict {
  passed: boolean;
  /** Why it failed, in both languages; absent when it passed. */
  message?: Localized;
  expected?: string;
  actual?: string;
  /**
   * What the program printed that the cluster refutes (acknowledgements of records the topic does not
   * hold, consumption by a group that never had a member): flagged in the grading report.
   */
  contradiction?: Localized;
}

/** A verdict's evidence: what was expected and found, and a printed claim the cluster refutes. */
export type VerdictDetails = Pick<CheckVerdict, 'expected' | 'actual' | 'contradiction'>;

export interface LabCheck {
  id: string;
  title: Localized;
  /**
   * One line: what the check verified and how, e.g. "Read every record of orders back from the broker
   * and compared each record's partition with murmur2 of its key modulo the partition count". Shown to
   * instructors in the grading report and to learners after a pass.
   */
  verifies: Localized;
  /** Shown when the check fails: a nudge, not the answer. */
  hint: Localized;
  points: number;
  /** Hidden checks run when grading but are not shown in the page. */
  hidden?: boolean;
  run(context: CheckContext): Promise<CheckVerdict>;
}

export function pass(details: VerdictDetails = {}): CheckVerdict {
  return { passed: true, ...details };
}

export function fail(message: Localized, details: VerdictDetails = {}): CheckVerdict {
  return { passed: false, message, ...details };
}

/**
 * Broker settings every lab cluster shares: a new consumer group joins at once instead of after Kafka's
 * 3 s initial rebalance delay, so learners' consumers and the checks' readers start without waiting.
 */
export const labBrokerConfig = { 'group.initial.rebalance.delay.ms': 0 } as const;
