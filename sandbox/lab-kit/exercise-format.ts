/**
 * The terminal exercise format: what labs/<id>/exercise.ts (steps, hints, solution commands, answer
 * fields: plain data the site renders) and labs/<id>/checks.ts (what the grader reads from the real
 * cluster) export. See "Terminal exercises" in labs/README.md.
 */
import type { ClusterSpec } from '../cluster/cluster-spec.ts';
import type { KafkaCluster } from '../cluster/kafka-cluster.ts';
import type { CheckVerdict, Localized } from './lab-format.ts';

/** A read-only task's answer box: the learner types what a tool showed them (e.g. kafka-dump-log). */
export interface AnswerField {
  /** Unique within the exercise; checks read the answer under this id. */
  id: string;
  label: Localized;
  /** Shown greyed in the empty box: the expected shape, never the answer. */
  placeholder?: string;
}

/**
 * Something the learner asks the sandbox to do to their own cluster at a step, from a button on the page:
 * what they cannot do from their shell (it runs as an unprivileged user inside node 1). Plain data: the
 * sandbox performs only these kinds, and only on the cluster of the learner who asks.
 */
export type StepAction =
  /**
   * Stop the quorum's leader so that the other voters elect a new one. The node the shell runs in is never
   * stopped: when it leads, it is frozen until another node has taken over, then thawed (it follows). A
   * session of an exercise with this action starts with another node leading, so the stop is the rule.
   */
  | { kind: 'stop-active-controller' }
  /** Start every stopped node again and wait until it follows the quorum's leader. */
  | { kind: 'start-stopped-nodes' };

export interface ExerciseStep {
  /** Unique within the exercise, kebab-case. */
  id: string;
  title: Localized;
  /** What to do, one paragraph per array item; `code` spans in backticks. */
  body: Localized[];
  /** Nudges shown one at a time on request, weakest first. */
  hints: Localized[];
  /** The solution: commands as typed at the prompt (console tools' input lines included, `^C` for Ctrl+C). Revealed on request. */
  solution: string[];
  answers?: AnswerField[];
  /** The cluster this step runs on when it differs from the exercise's (e.g. three brokers for replication factor 3). */
  cluster?: ClusterSpec;
  /** What the page offers to do to the learner's cluster at this step; the solution takes it before its commands. */
  action?: StepAction;
}

export interface ExerciseDefinition {
  id: string;
  title: Localized;
  /** The cluster the exercise starts on; a reset brings it back to this state. */
  cluster: ClusterSpec;
  steps: ExerciseStep[];
}

/**
 * What a check can look at: the learner's real cluster and their answers. Not the terminal's transcript:
 * anything can be printed or typed there, so it is kept with each attempt for instructors and proves nothing.
 */
export interface ExerciseCheckContext {
  cluster: KafkaCluster;
  /** Answer field id → what the learner typed (trimmed). */
  answers: Record<string, string>;
  /**
   * Epoch ms when the learner last got this cluster clean (a new shell or a reset): the cluster's history
   * (its metadata log, the controller's log) counts from then on, not a previous learner's or session's.
   */
  since: number;
}

export interface ExerciseCheck {
  id: string;
  /** The step it grades: it runs only while the learner's cluster is that step's. */
  step: string;
  title: Localized;
  /**
   * One line: what the check verified and how, e.g. "Read configs-demo's retention.ms from the broker
   * (DescribeConfigs) and its ConfigRecords in the metadata log: set, then removed". Shown to instructors
   * with each attempt and to learners after a pass.
   */
  verifies: Localized;
  /** Shown when the check fails: a nudge, not the answer. */
  hint: Localized;
  run(context: ExerciseCheckContext): Promise<CheckVerdict>;
}

/**
 * A way a learner could reach, or seem to reach, a step's end state without doing the step: typing the
 * text a check once looked for, another tool, the wrong entity, an answer copied from the wrong place.
 * labs/<id>/wrong-routes.ts lists them; the exercise's test types each one on a clean sandbox and
 * expects the named check to fail with this message.
 */
export interface WrongRoute {
  /** One sentence: what the learner does instead. */
  name: string;
  /** The step whose cluster the route runs on. */
  step: string;
  /** Steps whose action (`ExerciseStep.action`) the route takes, in this order, before typing its commands. */
  actions?: string[];
  /** Typed at the prompt like a step's solution: console tools' input lines follow their command; `^C`, `^D`. */
  commands: string[];
  /** Answer fields as the learner fills them, by id. */
  answers?: Record<string, string>;
  /** The id of the check that must fail. */
  fails: string;
  /** Its English failure message. */
  message: RegExp;
}

/** The cluster a step runs on. */
export function stepCluster(exercise: ExerciseDefinition, stepId: string | undefined): ClusterSpec {
  const step = stepId === undefined ? undefined : exercise.steps.find((s) => s.id === stepId);
  if (stepId !== undefined && !step) throw new Error(`exercise ${exercise.id} has no step "${stepId}"`);
  return step?.cluster ?? exercise.cluster;
}
