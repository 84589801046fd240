import type { ClusterPool } from '../cluster/cluster-pool.ts';
import type { KafkaCluster } from '../cluster/kafka-cluster.ts';
import { loadExercise } from './exercise-catalog.ts';
import type { TerminalLocale } from './greeting.ts';
import { ShellSession } from './shell-session.ts';

export interface TerminalSessionsOptions {
  pool: ClusterPool;
  /** A shell ends after this long without a keystroke; 30 minutes unless told otherwise. */
  idleLimitMs?: number;
}

/** Every learner's live shells, one per learner and exercise, so a reconnect finds its shell again. */
export class TerminalSessions {
  private readonly sessions = new Map<string, Promise<ShellSession>>();
  /** The same sessions once their shell has started, for what must never start one (the live view). */
  private readonly open = new Map<string, ShellSession>();
  /** Sessions that are ending: dispose waits until their clusters are back in the pool. */
  private readonly ending = new Set<Promise<void>>();
  private readonly options: Required<TerminalSessionsOptions>;

  constructor(options: TerminalSessionsOptions) {
    this.options = { pool: options.pool, idleLimitMs: options.idleLimitMs ?? 30 * 60_000 };
  }

  /** The learner's shell for the exercise: the live one, or a new one on a fresh cluster. */
  session(learnerId: string, exerciseId: string, locale: TerminalLocale): Promise<ShellSession> {
    const key = `${learnerId}/${exerciseId}`;
    let session = this.sessions.get(key);
    if (!session) {
      session = loadExercise(exerciseId).then(({ definition }) =>
        ShellSession.open({
          exercise: definition,
          pool: this.options.pool,
          locale,
          idleLimitMs: this.options.idleLimitMs,
          onEnd: (finished) => {
            if (this.sessions.get(key) === session) this.sessions.delete(key);
            this.open.delete(key);
            this.ending.add(finished);
            // A shell that ended badly is logged where it ends; here it only leaves the set.
            void finished.catch(() => undefined).then(() => this.ending.delete(finished));
          },
        }),
      );
      this.sessions.set(key, session);
      session.then(
        (opened) => {
          if (this.sessions.get(key) === session) this.open.set(key, opened);
        },
        () => this.sessions.delete(key), // a failed start is retried by the next connect
      );
    }
    return session;
  }

  /** The cluster of the learner's shell for the exercise, when that shell is open; never starts one. */
  clusterOf(learnerId: string, exerciseId: string): KafkaCluster | undefined {
    return this.open.get(`${learnerId}/${exerciseId}`)?.cluster;
  }

  /** Ends every shell (server shutdown); the clusters go back to the pool, which its owner disposes. */
  async dispose(): Promise<void> {
    const all = [...this.sessions.values()];
    this.sessions.clear();
    this.open.clear();
    await Promise.allSettled([...all.map(async (session) => (await session).end('shutdown')), ...this.ending]);
  }
}
