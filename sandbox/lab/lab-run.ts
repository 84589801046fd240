/**
 * One run of a lab: compile the learner's program, bring the cluster to the lab's starting state, run the
 * program (with the lab's scenario alongside), then run the checks against the cluster. The page, the
 * grader and the benchmark all go through here, and follow it through its events.
 */
import type { KafkaCluster } from '../cluster/kafka-cluster.ts';
import type { LabCheck, LabVariation, Localized, OutageRecord, ProgramResult } from '../lab-kit/lab-format.ts';
import { combineRuns, failAll, runChecks, type CheckResult } from '../checks/run-checks.ts';
import { startOutage } from './broker-outage.ts';
import { enableRequestLog, readRequests } from './request-log.ts';
import { replaceTopics } from './replace-topics.ts';
import { compileProgram, type CompileProblem } from '../runner/compile.ts';
import { describeEnding } from '../runner/describe-ending.ts';
import type { LoadedLab } from './lab-catalog.ts';
import { defaultRunLimits, type ProgramRunner, type RunLimits } from '../runner/program-runner.ts';

export type LabRunEvent =
  | { type: 'phase'; phase: 'compiling' | 'preparing' | 'running' | 'checking' }
  | { type: 'compile-error'; problems: CompileProblem[] }
  | { type: 'output'; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'exit'; ending: ProgramResult['ending']; exitCode: number | null; durationMs: number; message: Localized }
  | { type: 'checks'; results: CheckResult[] }
  /** A step of the lab's scenario failed after the exit event told the ones before it. */
  | { type: 'scenario-problem'; message: Localized };

export interface LabRunOptions {
  lab: LoadedLab;
  source: string;
  cluster: KafkaCluster;
  runner: ProgramRunner;
  /** Graders see hidden checks; the page does not. */
  includeHidden: boolean;
  onEvent?: (event: LabRunEvent) => void;
  /**
   * The cluster's preparation for this lab when the caller started it ahead of the Run (see
   * prepareCluster); without it the run prepares the cluster itself.
   */
  prepared?: Promise<void>;
  /** Aborting cancels the program and skips the checks. */
  signal?: AbortSignal;
}

export interface LabRunReport {
  compileProblems?: CompileProblem[];
  program?: ProgramResult;
  outages: OutageRecord[];
  /** Steps of the lab's scenario that could not be done (the program deleted its topic, say). */
  scenarioProblems?: Localized[];
  checks: CheckResult[];
}

export async function runLab(options: LabRunOptions): Promise<LabRunReport> {
  const { lab, cluster, signal } = options;
  const emit = (event: LabRunEvent) => options.onEvent?.(event);
  const checks = lab.checks.filter((check) => options.includeHidden || !check.hidden);

  emit({ type: 'phase', phase: 'compiling' });
  const compiled = await compileProgram(options.source);
  if (!compiled.ok) {
    emit({ type: 'compile-error', problems: compiled.problems });
    const first = compiled.problems[0]!;
    const where = `${first.line}:${first.column}`;
    const said = first.localized ?? { ko: first.message, en: first.message };
    return {
      compileProblems: compiled.problems,
      outages: [],
      checks: failAll(checks, { ko: `프로그램이 컴파일되지 않았습니다(${where} ${said.ko}).`, en: `The program did not compile (${where} ${said.en}).` }),
    };
  }

  emit({ type: 'phase', phase: 'preparing' });
  await (options.prepared ?? prepareCluster(cluster, lab));
  if (signal?.aborted) return { outages: [], checks: [] };

  const own = await runOnce(options, checks, compiled.code, undefined, emit);
  if (!own.program || own.program.ending === 'cancelled') return own;
  // Variations exercise the program under conditions it does not control; like hidden checks, they are graded, not shown.
  const variations = options.includeHidden ? lab.definition.variations ?? [] : [];
  const runs = [own.checks];
  for (const variation of variations) {
    if (signal?.aborted) break;
    await prepareCluster(cluster, lab, variation);
    runs.push((await runOnce(options, checks, compiled.code, variation, () => undefined)).checks);
  }
  const results = combineRuns(runs);
  emit({ type: 'checks', results });
  return { ...own, checks: results };
}

/** Runs the compiled program once beside the scenario (the variation's when given), then the checks. */
async function runOnce(
  options: LabRunOptions,
  checks: LabCheck[],
  code: string,
  variation: LabVariation | undefined,
  emit: (event: LabRunEvent) => void,
): Promise<LabRunReport> {
  const { lab, cluster, signal } = options;
  const scenario = variation?.scenario ?? lab.definition.scenario;
  const observeRequests = lab.definition.observe?.brokerRequests ?? false;

  emit({ type: 'phase', phase: 'running' });
  const limits: RunLimits = { ...defaultRunLimits, timeLimitMs: lab.definition.timeLimitSeconds * 1000 };
  const startedAt = Date.now();
  // A restarted broker logs at its configured level again: turn its request log back on as soon as it serves.
  const afterRestart = observeRequests ? () => enableRequestLog(cluster) : undefined;
  const outage = scenario ? startOutage(cluster, scenario, { afterRestart }) : undefined;
  let program: ProgramResult;
  try {
    const run = options.runner.start({
      code,
      cluster,
      // The partitioner warning is about kafkajs 1.x migrations, not the learner's code.
      env: { KAFKAJS_NO_PARTITIONER_WARNING: '1' },
      limits,
      onOutput: (stream, text) => emit({ type: 'output', stream, text }),
    });
    const cancel = () => run.cancel();
    signal?.addEventListener('abort', cancel, { once: true });
    program = await run.done.finally(() => signal?.removeEventListener('abort', cancel));
  } catch (error) {
    await outage?.finish(); // the sandbox failed, not the program: leave no broker stopped
    throw error;
  }
  const reported = outage?.problems.length ?? 0;
  emit({ type: 'exit', ending: program.ending, exitCode: program.exitCode, durationMs: program.durationMs, message: withProblems(describeEnding(program, limits), outage?.problems ?? []) });
  if (program.ending !== 'cancelled') emit({ type: 'phase', phase: 'checking' });
  await outage?.finish(); // a stopped broker is back in sync before anything reads the cluster
  for (const problem of outage?.problems.slice(reported) ?? []) emit({ type: 'scenario-problem', message: problem });
  const outages = outage?.records ?? [];
  const scenarioProblems = outage?.problems ?? [];
  if (program.ending === 'cancelled') return { program, outages, scenarioProblems, checks: [] };

  const requests = observeRequests ? await readRequests(cluster, startedAt) : [];
  const results = await runChecks(checks, { cluster, program, outages, requests, variation });
  return { program, outages, scenarioProblems, checks: results };
}

/** The ending's message, followed by what went wrong with the lab's scenario so far. */
function withProblems(message: Localized, problems: Localized[]): Localized {
  return {
    ko: [message.ko, ...problems.map((p) => p.ko)].join(' '),
    en: [message.en, ...problems.map((p) => p.en)].join(' '),
  };
}

/**
 * Brings the cluster to the lab's starting state: reset (clean-slate labs, and always before a
 * variation, whose topics then replace the spec's), the brokers' request log on where the lab observes
 * it, then the seed records.
 */
export async function prepareCluster(cluster: KafkaCluster, lab: LoadedLab, variation?: LabVariation): Promise<void> {
  if (lab.definition.cleanSlate || variation) await cluster.reset();
  if (variation?.topics) await replaceTopics(cluster, variation.topics);
  // Here rather than at the Run: the first time on a cluster it takes Kafka's own tool a few seconds.
  if (lab.definition.observe?.brokerRequests) await enableRequestLog(cluster);
  const records = lab.definition.seed;
  if (!records) return;
  // Idempotent: kafkajs retries a whole request when one partition of a just-created topic is not ready
  // yet, which would otherwise write the other partition's records twice.
  const producer = cluster.kafka().producer({ idempotent: true });
  await producer.connect();
  try {
    await producer.send({ topic: records.topic, messages: records.messages });
  } finally {
    await producer.disconnect();
  }
}
