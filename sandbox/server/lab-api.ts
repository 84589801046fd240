/**
 * The lab API under /api/labs/:
 *   POST /api/labs/session                 → { token }            one per browser
 *   POST /api/labs/run  { token, labId, source }  → NDJSON stream of LabRunEvents; a new run cancels the session's previous one
 *   GET  /api/labs/solution?lab=<id>&token=…      → the reference solution, once the session has run that lab
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { trackForShutdown } from '../cluster/shutdown.ts';
import { chooseRunner } from '../runner/choose-runner.ts';
import { isCodeLab, loadLab } from '../lab/lab-catalog.ts';
import type { LabRunEvent } from '../lab/lab-run.ts';
import type { CourseServer } from './course-server.ts';
import { LearnerSessions } from './learner-sessions.ts';

const MAX_BODY_BYTES = 256 * 1024;

/** One line of a run's stream: the run's events, or an error the sandbox hit while running it. */
export type LabStreamEvent = LabRunEvent | { type: 'error'; message: string };

const line = (event: LabStreamEvent) => `${JSON.stringify(event)}\n`;

/** Registers the lab API on the course server; its sessions' clusters are removed on shutdown. */
export function mountLabApi(server: CourseServer, sessions = new LearnerSessions({ runner: chooseRunner() })): LearnerSessions {
  trackForShutdown(sessions);
  server.addRoute('/api/labs/', (req, res, url) => handle(sessions, req, res, url));
  return sessions;
}

async function handle(sessions: LearnerSessions, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const route = `${req.method} ${url.pathname}`;
  if (route === 'POST /api/labs/session') return json(res, 200, { token: sessions.create() });
  if (route === 'GET /api/labs/solution') {
    const labId = url.searchParams.get('lab') ?? '';
    const token = url.searchParams.get('token') ?? '';
    if (!isCodeLab(labId)) return json(res, 404, { error: `unknown lab "${labId}"` });
    if (!sessions.hasAttempted(token, labId)) return json(res, 403, { error: 'run the lab once before asking for its solution' });
    return json(res, 200, { solution: (await loadLab(labId)).solution });
  }
  if (route === 'POST /api/labs/run') return run(sessions, req, res);
  return json(res, 404, { error: `no such endpoint: ${route}` });
}

async function run(sessions: LearnerSessions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(req);
  if (!body || typeof body.token !== 'string' || typeof body.labId !== 'string' || typeof body.source !== 'string') {
    return json(res, 400, { error: 'expected { token, labId, source } of at most 256 kB' });
  }
  if (!sessions.has(body.token)) return json(res, 401, { error: 'unknown session: ask POST /api/labs/session for a new token' });
  if (!isCodeLab(body.labId)) return json(res, 404, { error: `unknown lab "${body.labId}"` });
  const lab = await loadLab(body.labId);
  res.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' });
  // The learner closed the page or the connection: stop the program.
  const closed = new AbortController();
  res.on('close', () => closed.abort());
  try {
    await sessions.run(body.token, lab, body.source, (event) => res.write(line(event)), closed.signal);
  } catch (error) {
    res.write(line({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
  }
  res.end();
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
}
