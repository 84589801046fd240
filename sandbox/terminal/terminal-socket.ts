import type { FastifyRequest } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import type {} from '@fastify/websocket'; // the `websocket: true` route option
import { SandboxError } from '../docker/sandbox-error.ts';
import type { CourseServer } from '../server/course-server.ts';
import { Refusal, refusals } from '../server/refusals.ts';
import type { AttemptLog } from './attempt-log.ts';
import { isTerminalExercise, loadExercise } from './exercise-catalog.ts';
import { gradeExercise } from './exercise-grader.ts';
import type { TerminalLocale } from './greeting.ts';
import { parseClientMessage, type ServerMessage } from './protocol.ts';
import type { ShellSession, TerminalClient } from './shell-session.ts';
import type { TerminalSessions } from './terminal-sessions.ts';
import { transcriptText } from './transcript-text.ts';

/** Where the page's terminal connects: /api/terminal?exercise=<id>&token=<learner token>&lang=ko|en. */
export const TERMINAL_PATH = '/api/terminal';

/** The learner a session token belongs to, or undefined for a token that is not one (or expired). */
export type VerifyLearnerToken = (token: string) => string | undefined;

export interface TerminalSocketOptions {
  sessions: TerminalSessions;
  verifyToken: VerifyLearnerToken;
  attempts: AttemptLog;
}

interface TerminalQuery {
  exercise?: string;
  token?: string;
  lang?: string;
}

const querySchema = {
  type: 'object',
  properties: { exercise: { type: 'string', maxLength: 100 }, token: { type: 'string', maxLength: 100 }, lang: { type: 'string', maxLength: 10 } },
} as const;

/** Whom a connection serves, decided before the upgrade. */
interface Connection {
  learnerId: string;
  exerciseId: string;
  locale: TerminalLocale;
  address: string;
}

/**
 * The terminal's WebSocket on the course server. Refuses, before any WebSocket exists, a missing,
 * unknown or expired learner token (401) and an unknown exercise (404); the server has already refused
 * pages of other origins (403). Checks, resets and step actions count against the learner's rate limits;
 * an action acts on the cluster of this connection's own shell, the only one it can name.
 */
export function registerTerminalSocket(server: CourseServer, options: TerminalSocketOptions): void {
  const connections = new WeakMap<FastifyRequest, Connection>();
  server.addRoutes((app) => app.get<{ Querystring: TerminalQuery }>(TERMINAL_PATH, {
    websocket: true,
    schema: { querystring: querySchema },
    preHandler: async (request) => {
      const learnerId = options.verifyToken(request.query.token ?? '');
      if (!learnerId) throw refusals.unknownSession();
      const exerciseId = request.query.exercise ?? '';
      if (!isTerminalExercise(exerciseId)) throw refusals.unknownExercise(exerciseId);
      connections.set(request, { learnerId, exerciseId, locale: request.query.lang === 'en' ? 'en' : 'ko', address: request.ip });
    },
  }, (socket, request) => {
    const connection = connections.get(request)!;
    const opening = options.sessions.session(connection.learnerId, connection.exerciseId, connection.locale);
    return serve(socket, opening, { ...options, ...connection, server });
  }));
}

async function serve(ws: WebSocket, opening: Promise<ShellSession>, context: TerminalSocketOptions & Connection & { server: CourseServer }): Promise<void> {
  const client: TerminalClient = {
    output: (bytes) => ws.send(bytes, { binary: true }),
    backlog: () => ws.bufferedAmount,
    control: (message) => ws.send(JSON.stringify(message)),
    close: (code, reason) => ws.close(code, reason),
  };
  // Messages may arrive while the cluster starts: handle them in order once the shell exists.
  let pending: Promise<unknown> = opening;
  ws.on('message', (data: RawData, isBinary: boolean) => {
    pending = pending
      .then(async () => handle(await opening, data, isBinary))
      .catch((error: unknown) => client.control(errorMessage(error, context.locale)))
      .catch(() => undefined); // the socket is gone: nothing left to tell
  });
  ws.on('close', () => {
    opening.then((session) => session.detach(client)).catch(() => undefined);
  });
  // A frame over maxPayload or a broken frame: ws closes the connection (1009, 1002) and reports it here.
  // Unheard, that report would be an uncaught exception: one bad client would take the server down.
  ws.on('error', () => undefined);

  let session: ShellSession;
  try {
    session = await opening;
  } catch (error) {
    client.control(errorMessage(error, context.locale));
    ws.close(1011, 'the sandbox could not start');
    return;
  }
  if (ws.readyState === ws.OPEN) session.attach(client);

  async function handle(session: ShellSession, data: RawData, isBinary: boolean): Promise<void> {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    if (isBinary) return session.input(bytes);
    const message = parseClientMessage(bytes.toString('utf8'));
    if (!message) return client.control({ type: 'error', message: context.locale === 'ko' ? '형식이 잘못된 메시지입니다.' : 'malformed message' });
    if (message.type === 'resize') return session.resize(message.cols, message.rows);
    const requester = { address: context.address, learner: context.learnerId };
    if (message.type === 'reset') {
      await context.server.rateLimits.take('reset', requester);
      return session.reset(message.step);
    }
    if (message.type === 'action') {
      await context.server.rateLimits.take('action', requester);
      const acting = session.act(message.step); // a step without an action is refused before anything is said
      client.control({ type: 'acting', step: message.step });
      const done = await acting;
      return client.control({ type: 'acted', step: message.step, message: done[context.locale] });
    }
    await context.server.rateLimits.take('check', requester);
    client.control({ type: 'checking' });
    const exercise = await loadExercise(context.exerciseId);
    const transcript = transcriptText(session.transcript());
    const results = await gradeExercise(exercise, session.cluster, { answers: message.answers, since: session.cleanSince });
    await context.attempts.record({
      learnerId: context.learnerId,
      exerciseId: context.exerciseId,
      at: new Date().toISOString(),
      answers: message.answers,
      results,
      transcript,
    });
    client.control({ type: 'results', results });
  }
}

function errorMessage(error: unknown, locale: TerminalLocale): ServerMessage {
  if (error instanceof Refusal) return { type: 'error', message: error.text[locale] };
  if (error instanceof SandboxError) return { type: 'error', message: error.message, hint: error.hint };
  return { type: 'error', message: error instanceof Error ? error.message : String(error) };
}
