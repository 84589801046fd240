import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { SandboxError } from '../docker/sandbox-error.ts';
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

/** The learner a session token belongs to, or undefined for a token that is not one. */
export type VerifyLearnerToken = (token: string) => string | undefined;

export interface TerminalSocketOptions {
  sessions: TerminalSessions;
  verifyToken: VerifyLearnerToken;
  attempts: AttemptLog;
}

/**
 * The terminal's WebSocket, for CourseServer.addUpgrade(TERMINAL_PATH, ...). Refuses, before any
 * WebSocket exists, a missing or unknown learner token, a page of another origin and an unknown exercise.
 */
export function terminalSocket(options: TerminalSocketOptions) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  return (req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void => {
    const learnerId = options.verifyToken(url.searchParams.get('token') ?? '');
    if (!learnerId) return refuse(socket, 401, 'Unauthorized');
    if (!sameOrigin(req)) return refuse(socket, 403, 'Forbidden');
    const exerciseId = url.searchParams.get('exercise') ?? '';
    if (!isTerminalExercise(exerciseId)) return refuse(socket, 404, 'Not Found');
    const locale: TerminalLocale = url.searchParams.get('lang') === 'en' ? 'en' : 'ko';
    wss.handleUpgrade(req, socket, head, (ws) => {
      void serve(ws, options.sessions.session(learnerId, exerciseId, locale), { ...options, learnerId, exerciseId });
    });
  };
}

async function serve(ws: WebSocket, opening: Promise<ShellSession>, context: TerminalSocketOptions & { learnerId: string; exerciseId: string }): Promise<void> {
  const client: TerminalClient = {
    output: (bytes) => ws.send(bytes, { binary: true }),
    backlog: () => ws.bufferedAmount,
    control: (message) => ws.send(JSON.stringify(message)),
    close: (code, reason) => ws.close(code, reason),
  };
  // Messages may arrive while the cluster starts: handle them in order once the shell exists.
  let pending: Promise<unknown> = opening;
  ws.on('message', (data: RawData, isBinary: boolean) => {
    pending = pending.then(async () => handle(await opening, data, isBinary)).catch((error: unknown) => client.control(errorMessage(error)));
  });
  ws.on('close', () => void opening.then((session) => session.detach(client), () => undefined));
  // A frame over maxPayload or a broken frame: ws closes the connection (1009, 1002) and reports it here.
  // Unheard, that report would be an uncaught exception: one bad client would take the server down.
  ws.on('error', () => undefined);

  let session: ShellSession;
  try {
    session = await opening;
  } catch (error) {
    client.control(errorMessage(error));
    ws.close(1011, 'the sandbox could not start');
    return;
  }
  if (ws.readyState === ws.OPEN) session.attach(client);

  async function handle(session: ShellSession, data: RawData, isBinary: boolean): Promise<void> {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    if (isBinary) return session.input(bytes);
    const message = parseClientMessage(bytes.toString('utf8'));
    if (!message) return client.control({ type: 'error', message: 'malformed message' });
    if (message.type === 'resize') return session.resize(message.cols, message.rows);
    if (message.type === 'reset') return session.reset(message.step);
    client.control({ type: 'checking' });
    const exercise = await loadExercise(context.exerciseId);
    const transcript = transcriptText(session.transcript());
    const results = await gradeExercise(exercise, session.cluster, { answers: message.answers, transcript });
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

function errorMessage(error: unknown): ServerMessage {
  if (error instanceof SandboxError) return { type: 'error', message: error.message, hint: error.hint };
  return { type: 'error', message: error instanceof Error ? error.message : String(error) };
}

/** Browsers send Origin on every WebSocket: one naming another site is a page the learner did not mean to give a shell. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // not a browser (tests, tools): the token alone decides
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}
