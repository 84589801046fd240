/**
 * Learner sessions: a token per browser, each owning at most one cluster (from a shared warm pool) and at
 * most one run. A new run cancels the session's current one first, so outputs never interleave. The
 * terminal accepts the same tokens (learnerId), so a browser is one learner across labs and exercises.
 */
import { createHash, randomBytes } from 'node:crypto';
import { ClusterPool } from '../cluster/cluster-pool.ts';
import { specKey } from '../cluster/cluster-spec.ts';
import type { KafkaCluster } from '../cluster/kafka-cluster.ts';
import type { LoadedLab } from '../lab/lab-catalog.ts';
import { prepareCluster, runLab, type LabRunEvent, type LabRunReport } from '../lab/lab-run.ts';
import type { ProgramRunner } from '../runner/program-runner.ts';

interface LearnerSession {
  cluster?: KafkaCluster;
  /** The cluster being brought back to a lab's starting state after a run, so the next Run need not wait for it. */
  prepared?: { labId: string; done: Promise<void> };
  run?: { abort: AbortController; done: Promise<unknown> };
  /** Labs this session has run at least once: their solutions may be shown. */
  attempted: Set<string>;
  lastSeen: number;
}

const IDLE_MS = 30 * 60 * 1000;

export class LearnerSessions {
  private readonly sessions = new Map<string, LearnerSession>();
  private readonly pool: ClusterPool;
  private readonly runner: ProgramRunner;
  private readonly sweeper: NodeJS.Timeout;

  constructor(options: { runner: ProgramRunner; pool?: ClusterPool }) {
    this.runner = options.runner;
    this.pool = options.pool ?? new ClusterPool();
    this.sweeper = setInterval(() => void this.endIdleSessions(), 60_000).unref();
  }

  create(): string {
    const token = randomBytes(18).toString('base64url');
    this.sessions.set(token, { attempted: new Set(), lastSeen: Date.now() });
    return token;
  }

  has(token: string): boolean {
    return this.sessions.has(token);
  }

  /**
   * The learner a token belongs to, or undefined for a token this server never issued. The id is a digest,
   * so records that name the learner (terminal attempts) do not hold their credential.
   */
  readonly learnerId = (token: string): string | undefined => {
    if (!this.sessions.has(token)) return undefined;
    return createHash('sha256').update(token).digest('hex').slice(0, 16);
  };

  hasAttempted(token: string, labId: string): boolean {
    return this.sessions.get(token)?.attempted.has(labId) ?? false;
  }

  /** Runs a lab for the session, after cancelling and waiting out its previous run. */
  async run(token: string, lab: LoadedLab, source: string, onEvent: (event: LabRunEvent) => void, signal: AbortSignal): Promise<LabRunReport | undefined> {
    const session = this.sessions.get(token);
    if (!session) throw new Error('unknown session');
    session.lastSeen = Date.now();
    session.attempted.add(lab.definition.id);
    if (session.run) {
      session.run.abort.abort();
      await session.run.done.catch(() => undefined);
    }
    const abort = new AbortController();
    signal.addEventListener('abort', () => abort.abort(), { once: true });
    const done = (async () => {
      const cluster = await this.clusterFor(session, lab);
      const pending = session.prepared;
      session.prepared = undefined;
      // Another lab's preparation may still be busy with the cluster: let it finish, then prepare for this one.
      const prepared = pending?.labId === lab.definition.id
        ? pending.done
        : pending?.done.catch(() => undefined).then(() => prepareCluster(cluster, lab));
      if (abort.signal.aborted) return undefined;
      try {
        return await runLab({ lab, source, cluster, runner: this.runner, includeHidden: false, onEvent, signal: abort.signal, prepared });
      } finally {
        // Ready the cluster for the learner's next Run of this lab while they read the results.
        const next = prepareCluster(cluster, lab);
        next.catch(() => undefined); // a failed preparation surfaces when the next run awaits it
        session.prepared = { labId: lab.definition.id, done: next };
      }
    })();
    session.run = { abort, done };
    try {
      return await done;
    } finally {
      if (session.run?.done === done) session.run = undefined;
    }
  }

  /** The session's cluster when it fits the lab; otherwise it goes back to the pool and a fitting one is taken. */
  private async clusterFor(session: LearnerSession, lab: LoadedLab): Promise<KafkaCluster> {
    if (session.cluster && specKey(session.cluster.spec) === specKey(lab.definition.cluster)) return session.cluster;
    if (session.cluster) {
      await session.prepared?.done.catch(() => undefined);
      await this.pool.release(session.cluster);
    }
    session.cluster = undefined;
    session.prepared = undefined;
    // No reset here: the run resets clean-slate labs itself.
    session.cluster = await this.pool.acquire(lab.definition.cluster, { cleanSlate: false });
    return session.cluster;
  }

  /** An idle session gives its cluster back; its token stays valid (the learner may be at the terminal). */
  private async endIdleSessions(): Promise<void> {
    for (const session of this.sessions.values()) {
      if (!session.cluster || session.run || Date.now() - session.lastSeen < IDLE_MS) continue;
      const { cluster, prepared } = session;
      session.cluster = undefined;
      session.prepared = undefined;
      await prepared?.done.catch(() => undefined);
      await this.pool.release(cluster);
    }
  }

  async dispose(): Promise<void> {
    clearInterval(this.sweeper);
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    for (const session of sessions) session.run?.abort.abort();
    await Promise.allSettled(sessions.flatMap((s) => [s.run?.done, s.prepared?.done]));
    await Promise.allSettled(sessions.map((s) => s.cluster?.dispose()));
    await this.pool.dispose();
  }
}
