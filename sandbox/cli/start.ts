/**
 * `npm start`: the course at http://127.0.0.1:4321/ — the site, built fresh, and the sandbox behind it.
 * Docker and the Kafka image are checked (and the image built) first; without Docker the lessons are
 * still served and the error says how to get the hands-on parts working.
 */
import { build } from 'astro';
import { join, resolve } from 'node:path';
import { shutDown, trackForShutdown } from '../cluster/shutdown.ts';
import { dockerClient } from '../docker/docker-client.ts';
import { SandboxError } from '../docker/sandbox-error.ts';
import { kafkaImage } from '../image/kafka-image.ts';
import { runnerImage } from '../image/runner-image.ts';
import { parsePublicOrigins } from '../server/allowed-origins.ts';
import { CourseServer } from '../server/course-server.ts';
import { keepServingThroughStrayErrors } from '../server/keep-serving.ts';
import { mountClusterView } from '../server/cluster-view-api.ts';
import { ClusterPool } from '../cluster/cluster-pool.ts';
import { chooseRunner, runnerAnnouncement, runnerKind } from '../runner/choose-runner.ts';
import { mountLabApi } from '../server/lab-api.ts';
import { LearnerSessions } from '../server/learner-sessions.ts';
import { mountTerminal } from '../terminal/mount-terminal.ts';

const root = join(import.meta.dirname, '..', '..');
keepServingThroughStrayErrors();

try {
  console.error(`Kafka image: ${await kafkaImage(await dockerClient())}`);
  if (runnerKind() === 'container') console.error(`Lab runner image: ${await runnerImage(await dockerClient())}`);
} catch (error) {
  if (!(error instanceof SandboxError)) throw error;
  console.error(`${error.message}\nThe lessons are served anyway; labs and terminals need Docker.`);
}

try {
  await build({ root, logLevel: 'warn' });
} catch (error) {
  console.error(`The course site did not build: ${error instanceof Error ? error.message : String(error)}`);
  console.error('Fix what is named above (content/README.md explains the lesson format), then run npm start again.');
  await shutDown(1);
}

const server = new CourseServer({
  siteDir: resolve(root, process.env.COURSE_SITE_OUT_DIR ?? 'dist'), // where astro.config.mjs builds it
  host: process.env.HOST,
  port: process.env.PORT ? Number(process.env.PORT) : undefined,
  publicOrigins: parsePublicOrigins(process.env.COURSE_PUBLIC_ORIGIN),
});
// Features of the sandbox register their routes and WebSockets here. Labs and terminals share one warm
// pool, and one learner session per browser.
const pool = new ClusterPool();
const runner = chooseRunner();
trackForShutdown(runner); // its waiting containers go at shutdown, even one still being created
const learners = mountLabApi(server, new LearnerSessions({ runner, pool }));
const terminals = mountTerminal(server, { pool, verifyToken: learners.learnerId, attemptsDir: join(root, '.course-data', 'attempts') });
trackForShutdown(terminals);
mountClusterView(server, { learners, terminals });
trackForShutdown({ dispose: () => server.close() });
console.error(runnerAnnouncement());
try {
  console.error(`The course is running at ${await server.listen()} (Ctrl+C stops it)`);
} catch (error) {
  if (!(error instanceof SandboxError)) throw error;
  console.error(error.message);
  await shutDown(1);
}
