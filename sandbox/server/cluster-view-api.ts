/**
 * The live view of a learner's cluster, beside a lab or a terminal exercise:
 *   GET /api/cluster?token=…&lab=<id>        → { snapshot }   the cluster the learner's lab runs use
 *   GET /api/cluster?token=…&exercise=<id>   → { snapshot }   the cluster of the learner's shell for that exercise
 * `snapshot` is a ClusterSnapshot (sandbox/cluster/cluster-snapshot.ts), or null while the learner has no
 * cluster there: asking never starts one. A learner only ever reaches their own clusters: both are found
 * from their token, never named by the request. The token, the origin and the rate limit are checked as on
 * every other route of the sandbox; errors are JSON ({ error, message: { ko, en } }).
 */
import { readClusterSnapshot, type ClusterSnapshot } from '../cluster/cluster-snapshot.ts';
import type { KafkaCluster } from '../cluster/kafka-cluster.ts';
import { isCodeLab } from '../lab/lab-catalog.ts';
import { isTerminalExercise } from '../terminal/exercise-catalog.ts';
import type { TerminalSessions } from '../terminal/terminal-sessions.ts';
import type { CourseServer } from './course-server.ts';
import type { LearnerSessions } from './learner-sessions.ts';
import { refusals } from './refusals.ts';

export const CLUSTER_VIEW_PATH = '/api/cluster';

/** What the route answers. */
export interface ClusterViewAnswer {
  snapshot: ClusterSnapshot | null;
}

const ID = { type: 'string', maxLength: 100 } as const;
const querySchema = {
  querystring: {
    type: 'object',
    required: ['token'],
    properties: { token: ID, lab: ID, exercise: ID },
    // Exactly one of the two: which hands-on part's cluster to show.
    oneOf: [{ required: ['lab'] }, { required: ['exercise'] }],
  },
} as const;

/** A read at most this old is answered again: several pages of one learner, or two views, cost one read. */
const FRESH_MS = 1000;

export function mountClusterView(server: CourseServer, sources: { learners: LearnerSessions; terminals: TerminalSessions }): void {
  const reads = new WeakMap<KafkaCluster, { startedAt: number; snapshot: Promise<ClusterSnapshot> }>();
  /** The cluster's latest read when it is fresh or still under way; otherwise a new one. */
  const snapshotOf = (cluster: KafkaCluster): Promise<ClusterSnapshot> => {
    const latest = reads.get(cluster);
    if (latest && Date.now() - latest.startedAt < FRESH_MS) return latest.snapshot;
    const read = { startedAt: Date.now(), snapshot: readClusterSnapshot(cluster) };
    reads.set(cluster, read);
    return read.snapshot;
  };

  server.addRoutes((app) => app.get<{ Querystring: { token: string; lab?: string; exercise?: string } }>(CLUSTER_VIEW_PATH, { schema: querySchema }, async (request, reply) => {
    const { token, lab, exercise } = request.query;
    const learner = sources.learners.lookup(token);
    if (!learner) throw refusals.unknownSession();
    if (lab !== undefined && !isCodeLab(lab)) throw refusals.unknownLab(lab);
    if (exercise !== undefined && !isTerminalExercise(exercise)) throw refusals.unknownExercise(exercise);
    await server.rateLimits.take('view', { address: request.ip, learner: learner.learnerId });
    const cluster = exercise !== undefined ? sources.terminals.clusterOf(learner.learnerId, exercise) : learner.labCluster;
    const answer: ClusterViewAnswer = { snapshot: cluster ? await snapshotOf(cluster) : null };
    return reply.header('cache-control', 'no-store').send(answer);
  }));
}
