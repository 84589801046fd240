/**
 * The lab format: what a lab's lab.ts and checks.ts export, with the verdict constructors and the broker
 * settings every lab shares. See labs/README.md.
 */
import type { ClusterSpec } from '../cluster/cluster-spec.ts';
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
}

/** A check's verdict; expected/actual are short plain strings shown side by side. */
export interface CheckVerdict {
  passed: boolean;
  /** Why it failed, in both languages; absent when it passed. */
  message?: Localized;
  expected?: string;
  actual?: string;
}

export interface LabCheck {
  id: string;
  title: Localized;
  /** Shown when the check fails: a nudge, not the answer. */
  hint: Localized;
  points: number;
  /** Hidden checks run when grading but are not shown in the page. */
  hidden?: boolean;
  run(context: CheckContext): Promise<CheckVerdict>;
}

export function pass(details: { expected?: string; actual?: string } = {}): CheckVerdict {
  return { passed: true, ...details };
}

export function fail(message: Localized, details: { expected?: string; actual?: string } = {}): CheckVerdict {
  return { passed: false, message, ...details };
}

/**
 * Broker settings every lab cluster shares: a new consumer group joins at once instead of after Kafka's
 * 3 s initial rebalance delay, so learners' consumers and the checks' readers start without waiting.
 */
export const labBrokerConfig = { 'group.initial.rebalance.delay.ms': 0 } as const;
