/**
 * Learner sessions: a token per browser, each owning at most one cluster (from a shared warm pool) and at
 * most one run. A new run cancels the session's current one first, so outputs never interleave. The
 * terminal accepts the same tokens (learnerId), so a browser is one learner across labs and exercises.
 *
 * Tokens expire (after a day without use, and a week after they were issued) and are bounded in number.
 * When every place is taken, a new learner is told so (503) rather than an existing one evicted: anyone
 * who can ask for sessions could otherwise end other learners' work. Only one address's own tokens make
 * room for each other: past its share, that address's least recently used idle token goes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { ClusterPool } from '../cluster/cluster-pool.ts';
import { specKey } from '../cluster/cluster-spec.ts';
import type { KafkaCluster } from '../cluster/kafka-cluster.ts';
import type { LoadedLab } from '../lab/lab-catalog.ts';
import { prepareCluster, runLab, type LabRunEvent, type LabRunReport } from '../lab/lab-run.ts';
import type { ProgramRunner } from '../runner/program-runner.ts';
import { refusals } from './refusals.ts';

interface LearnerSession {
  /** The client address that asked for the token. */
  address: string;
  issuedAt: number;
  lastSeen: number;
  cluster?: KafkaCluster;
  /** The cluster being brought back to a lab's starting state after a run, so the next Run need not wait for it. */
  prepared?: { labId: string; done: Promise<void> };
  run?: { abort: AbortController; done: Promise<unknown> };
  /** Labs this session has run at least once: their solutions may be shown. */
  attempted: Set<string>;
}

export interface SessionLimits {
  /** Live tokens at most; 1000 unless told otherwise. */
  maxSessions: number;
  /** Live tokens from one client address at most; 20 unless told otherwise. */
  maxSessionsPerAddress: number;
  /** A token unused this long expires; 24 hours unless told otherwise. */
  idleExpiryMs: number;
  /** A token expires this long after it was issued, used or not; 7 days unless told otherwise. */
  absoluteExpiryMs: number;
}

const DEFAULT_LIMITS: SessionLimits = {
  maxSessions: 1000,
  maxSessionsPerAddress: 20,
  idleExpiryMs: 24 * 3600_000,
  absoluteExpiryMs: 7 * 24 * 3600_000,
};

/** A session's cluster goes back to the pool after this long without a run; its token stays valid. */
const CLUSTER_IDLE_MS = 30 * 60 * 1000;

const learnerDigest = (token: string): string => createHash('sha256').update(token).digest('hex').slice(0, 16);

export class LearnerSessions {
  private readonly sessions = new Map<string, LearnerSession>();
  private readonly pool: ClusterPool;
  private readonly runner: ProgramRunner;
  private readonly limits: SessionLimits;
  private readonly sweeper: NodeJS.Timeout;
  /** Sessions being ended (expired, evicted): dispose waits for their clusters. */
  private readonly ending = new Set<Promise<void>>();

  constructor(options: { runner: ProgramRunner; pool?: ClusterPool; limits?: Partial<SessionLimits> }) {
    this.runner = options.runner;
    this.pool = options.pool ?? new ClusterPool();
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.sweeper = setInterval(() => this.sweep(), 60_000).unref();
  }

  /** A new token for a browser at `address`; throws a 503 Refusal when every place is taken. */
  create(address: string): string {
    this.endExpired();
    const own = [...this.sessions].filter(([, session]) => session.address === address);
    if (own.length >= this.limits.maxSessionsPerAddress) {
      const oldestIdle = own.filter(([, session]) => !session.run).sort(([, a], [, b]) => a.lastSeen - b.lastSeen)[0];
      if (!oldestIdle) throw refusals.full();
      this.end(oldestIdle[0]);
    }
    if (this.sessions.size >= this.limits.maxSessions) throw refusals.full();
    const token = randomBytes(18).toString('base64url');
    const now = Date.now();
    this.sessions.set(token, { address, issuedAt: now, lastSeen: now, attempted: new Set() });
    return token;
  }

  has(token: string): boolean {
    return this.live(token) !== undefined;
  }

  /**
   * The learner a token belongs to, or undefined for a token this server never issued or that expired.
   * The id is a digest, so records that name the learner (terminal attempts) do not hold their credential.
   */
  readonly learnerId = (token: string): string | undefined => {
    const session = this.live(token);
    if (!session) return undefined;
    session.lastSeen = Date.now();
    return learnerDigest(token);
  };

  /**
   * The learner's id and the cluster their lab runs use (if they hold one now), for a live token; looking
   * does not count as use, so a page left open does not keep a cluster from going back to the pool.
   */
  lookup(token: string): { learnerId: string; labCluster?: KafkaCluster } | undefined {
    const session = this.live(token);
    return session && { learnerId: learnerDigest(token), labCluster: session.cluster };
  }

  hasAttempted(token: string, labId: string): boolean {
    return this.live(token)?.attempted.has(labId) ?? false;
  }

  /** Runs a lab for the session, after cancelling and waiting out its previous run. */
  async run(token: string, lab: LoadedLab, source: string, onEvent: (event: LabRunEvent) => void, signal: AbortSignal): Promise<LabRunReport | undefined> {
    const session = this.live(token);
    if (!session) throw refusals.unknownSession();
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
      // runLab awaits the preparation only once the program compiles, and not at all after a cancel: a
      // failure it never awaits must not become an unhandled rejection (that used to end the process).
      prepared?.catch(() => undefined);
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

  /** The session of a token that has not expired; an expired one is ended on the way. */
  private live(token: string): LearnerSession | undefined {
    const session = this.sessions.get(token);
    if (!session || !this.expired(session)) return session;
    this.end(token);
    return undefined;
  }

  private expired(session: LearnerSession): boolean {
    const now = Date.now();
    return now - session.lastSeen > this.limits.idleExpiryMs || now - session.issuedAt > this.limits.absoluteExpiryMs;
  }

  private sweep(): void {
    this.endExpired();
    this.releaseIdleClusters().catch((error: unknown) => console.error('Giving idle clusters back failed:', error));
  }

  private endExpired(): void {
    for (const [token, session] of this.sessions) if (this.expired(session)) this.end(token);
  }

  /** Forgets a token at once; its run stops and its cluster goes back to the pool in the background. */
  private end(token: string): void {
    const session = this.sessions.get(token);
    if (!session) return;
    this.sessions.delete(token);
    session.run?.abort.abort();
    const ended = (async () => {
      await Promise.allSettled([session.run?.done, session.prepared?.done]);
      if (session.cluster) await this.pool.release(session.cluster);
    })().catch((error: unknown) => console.error('Ending a learner session failed:', error));
    this.ending.add(ended);
    void ended.then(() => this.ending.delete(ended));
  }

  /** An idle session gives its cluster back; its token stays valid (the learner may be at the terminal). */
  private async releaseIdleClusters(): Promise<void> {
    for (const session of this.sessions.values()) {
      if (!session.cluster || session.run || Date.now() - session.lastSeen < CLUSTER_IDLE_MS) continue;
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
    await Promise.allSettled([...sessions.flatMap((s) => [s.run?.done, s.prepared?.done]), ...this.ending]);
    await Promise.allSettled(sessions.map((s) => s.cluster?.dispose()));
    await this.pool.dispose();
  }
}
