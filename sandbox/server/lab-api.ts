/**
 * The lab API under /api/labs/:
 *   POST /api/labs/session                 → { token }            one per browser
 *   POST /api/labs/run  { token, labId, source }  → NDJSON stream of LabRunEvents; a new run cancels the session's previous one
 *   GET  /api/labs/solution?lab=<id>&token=…      → the reference solution, once the session has run that lab
 * Errors are JSON ({ error, message: { ko, en } }, sandbox/server/refusals.ts).
 */
import { PassThrough } from 'node:stream';
import { trackForShutdown } from '../cluster/shutdown.ts';
import { chooseRunner } from '../runner/choose-runner.ts';
import { isCodeLab, loadLab } from '../lab/lab-catalog.ts';
import type { LabRunEvent } from '../lab/lab-run.ts';
import { MAX_BODY_BYTES, type CourseServer } from './course-server.ts';
import { LearnerSessions } from './learner-sessions.ts';
import { refusals } from './refusals.ts';

/** One line of a run's stream: the run's events, or an error the sandbox hit while running it. */
export type LabStreamEvent = LabRunEvent | { type: 'error'; message: string };

const line = (event: LabStreamEvent) => `${JSON.stringify(event)}\n`;

const TOKEN = { type: 'string', maxLength: 100 } as const;
const LAB_ID = { type: 'string', maxLength: 100 } as const;

const runSchema = {
  body: {
    type: 'object',
    required: ['token', 'labId', 'source'],
    properties: { token: TOKEN, labId: LAB_ID, source: { type: 'string', maxLength: MAX_BODY_BYTES } },
  },
} as const;

const solutionSchema = {
  querystring: { type: 'object', required: ['lab', 'token'], properties: { lab: LAB_ID, token: TOKEN } },
} as const;

/** Registers the lab API on the course server; its sessions' clusters are removed on shutdown. */
export function mountLabApi(server: CourseServer, sessions = new LearnerSessions({ runner: chooseRunner() })): LearnerSessions {
  trackForShutdown(sessions);
  const { rateLimits } = server;
  server.addRoutes((app) => {
    app.post('/api/labs/session', async (request, reply) => {
      await rateLimits.take('session', { address: request.ip });
      return reply.header('cache-control', 'no-store').send({ token: sessions.create(request.ip) });
    });

    app.get<{ Querystring: { lab: string; token: string } }>('/api/labs/solution', { schema: solutionSchema }, async (request, reply) => {
      const { lab: labId, token } = request.query;
      if (!isCodeLab(labId)) throw refusals.unknownLab(labId);
      if (!sessions.hasAttempted(token, labId)) throw refusals.solutionLocked();
      return reply.header('cache-control', 'no-store').send({ solution: (await loadLab(labId)).solution });
    });

    app.post<{ Body: { token: string; labId: string; source: string } }>('/api/labs/run', { schema: runSchema }, async (request, reply) => {
      const { token, labId, source } = request.body;
      if (!sessions.has(token)) throw refusals.unknownSession();
      if (!isCodeLab(labId)) throw refusals.unknownLab(labId);
      await rateLimits.take('run', { address: request.ip, learner: token });
      const lab = await loadLab(labId);
      const stream = new PassThrough();
      // The learner closed the page or the connection: stop the program.
      const closed = new AbortController();
      reply.raw.on('close', () => closed.abort());
      // Once the learner is gone the stream may be closed: what is left to say goes nowhere.
      const send = (event: LabStreamEvent) => stream.writable && stream.write(line(event));
      void sessions
        .run(token, lab, source, send, closed.signal)
        .catch((error: unknown) => send({ type: 'error', message: error instanceof Error ? error.message : String(error) }))
        .finally(() => stream.end());
      return reply.type('application/x-ndjson; charset=utf-8').header('cache-control', 'no-store').send(stream);
    });
  });

  return sessions;
}
