/** A course server with the terminal (and the live view of its clusters) mounted, and a scripted terminal client that types and reads the screen. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { WebSocket } from 'ws';
import { ClusterPool } from '../../sandbox/cluster/cluster-pool.ts';
import { mountClusterView } from '../../sandbox/server/cluster-view-api.ts';
import { CourseServer, type CourseServerOptions } from '../../sandbox/server/course-server.ts';
import { mountLabApi } from '../../sandbox/server/lab-api.ts';
import { LearnerSessions } from '../../sandbox/server/learner-sessions.ts';
import { chooseRunner } from '../../sandbox/runner/choose-runner.ts';
import { mountTerminal } from '../../sandbox/terminal/mount-terminal.ts';
import type { ServerMessage } from '../../sandbox/terminal/protocol.ts';
import { TERMINAL_PATH } from '../../sandbox/terminal/terminal-socket.ts';
import type { TerminalSessions } from '../../sandbox/terminal/terminal-sessions.ts';
import { transcriptText } from '../../sandbox/terminal/transcript-text.ts';

export interface TerminalServer {
  url: string;
  attemptsDir: string;
  sessions: TerminalSessions;
  newToken(): Promise<string>;
  /** The learner a token belongs to, as the server knows them (TerminalSessions is keyed by it). */
  learnerOf(token: string): string | undefined;
  close(): Promise<void>;
}

/** `siteDir`: a built site to serve (browser tests); an empty one otherwise. */
export async function startTerminalServer(options: { idleLimitMs?: number; siteDir?: string; rateLimits?: CourseServerOptions['rateLimits'] } = {}): Promise<TerminalServer> {
  const siteDir = options.siteDir ?? mkdtempSync(join(tmpdir(), 'terminal-site-'));
  const attemptsDir = mkdtempSync(join(tmpdir(), 'terminal-attempts-'));
  const pool = new ClusterPool({ maxIdle: 2 });
  const server = new CourseServer({ siteDir, port: 0, rateLimits: options.rateLimits });
  // As `npm start` mounts it: the terminal takes the labs' learner tokens.
  const learners = mountLabApi(server, new LearnerSessions({ runner: chooseRunner(), pool }));
  const sessions = mountTerminal(server, { pool, attemptsDir, verifyToken: learners.learnerId, idleLimitMs: options.idleLimitMs });
  mountClusterView(server, { learners, terminals: sessions });
  const url = await server.listen();
  return {
    url,
    attemptsDir,
    sessions,
    async newToken() {
      const response = await fetch(new URL('/api/labs/session', url), { method: 'POST' });
      return ((await response.json()) as { token: string }).token;
    },
    learnerOf: (token) => learners.learnerId(token),
    async close() {
      await sessions.dispose();
      await learners.dispose(); // and the shared pool
      await server.close();
      if (!options.siteDir) rmSync(siteDir, { recursive: true, force: true });
      rmSync(attemptsDir, { recursive: true, force: true });
    },
  };
}

export function terminalUrl(serverUrl: string, query: Record<string, string>): string {
  const url = new URL(TERMINAL_PATH, serverUrl.replace(/^http/, 'ws'));
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.href;
}

/** One page's terminal: what it typed and what the screen showed, as plain text. */
export class ScriptedTerminal {
  readonly socket: WebSocket;
  private screen = Buffer.alloc(0);
  readonly controls: ServerMessage[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(socket: WebSocket) {
    this.socket = socket;
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) this.screen = Buffer.concat([this.screen, data]);
      else this.controls.push(JSON.parse(data.toString()) as ServerMessage);
      for (const wake of this.waiters) wake();
    });
    socket.on('close', () => {
      for (const wake of this.waiters) wake();
    });
  }

  static async connect(serverUrl: string, query: Record<string, string>): Promise<ScriptedTerminal> {
    const socket = new WebSocket(terminalUrl(serverUrl, query));
    // Listening before 'open': the replay can arrive in the same packet as the upgrade's answer.
    const terminal = new ScriptedTerminal(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    await terminal.control('ready', 90_000);
    // The screen so far (the replayed scrollback) follows 'ready' as one message: wait for all of it.
    await terminal.until(() => (terminal.screen.length > 0 ? true : undefined), 30_000, 'the replayed screen');
    // Wide enough that readline never wraps a typed command, so its echo reads back as typed.
    terminal.send({ type: 'resize', cols: 400, rows: 40 });
    return terminal;
  }

  text(): string {
    return transcriptText(this.screen);
  }

  /** Types a line and presses Enter, as a learner would. */
  type(line: string): void {
    this.socket.send(Buffer.from(`${line}\r`), { binary: true });
  }

  keys(bytes: string): void {
    this.socket.send(Buffer.from(bytes), { binary: true });
  }

  send(message: object): void {
    this.socket.send(JSON.stringify(message));
  }

  /** Waits until the screen matches, counting only output after `from` characters of the plain text. */
  async waitForText(pattern: RegExp, { from = 0, timeoutMs = 30_000 } = {}): Promise<string> {
    const found = await this.until(() => {
      const match = this.text().slice(from).match(pattern);
      return match ? match[0] : undefined;
    }, timeoutMs, `screen to show ${pattern}`);
    return found;
  }

  /** Runs a command and waits for the next prompt, returning the command's output. */
  async run(command: string, timeoutMs = 60_000): Promise<string> {
    const from = this.text().length;
    this.type(command);
    const marker = /\n[^\n]*@kafka-\d:[^\n]*\$ $/;
    await this.until(() => (marker.test(this.text().slice(from)) ? true : undefined), timeoutMs, `the prompt after: ${command}`);
    return this.text().slice(from);
  }

  /** The next control message of this type (one already received counts once). */
  async control<T extends ServerMessage['type']>(type: T, timeoutMs = 60_000): Promise<Extract<ServerMessage, { type: T }>> {
    return this.until(() => {
      const index = this.controls.findIndex((m) => m.type === type || m.type === 'error');
      if (index < 0) return undefined;
      const [message] = this.controls.splice(index, 1) as [ServerMessage];
      if (message.type === 'error' && type !== 'error') throw new Error(`server error: ${message.message}`);
      return message as Extract<ServerMessage, { type: T }>;
    }, timeoutMs, `a "${type}" message`);
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }

  private until<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        try {
          const value = probe();
          if (value === undefined) return;
          finish();
          resolve(value);
        } catch (error) {
          finish();
          reject(error);
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out waiting for ${what}; screen ends with:\n${this.text().slice(-1500)}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }
}

export interface ExerciseSession {
  server: TerminalServer;
  terminal: ScriptedTerminal;
}

/** An exercise's test resets and checks once per wrong route, far more often than a learner may. */
const EXERCISE_TEST_LIMITS = {
  reset: { perToken: { points: 1000, seconds: 60 }, perAddress: { points: 1000, seconds: 60 } },
  check: { perToken: { points: 1000, seconds: 60 }, perAddress: { points: 1000, seconds: 60 } },
};

/** For a describe block: before its tests a server and a terminal on the exercise (in English), after them neither. */
export function exerciseSession(exerciseId: string): ExerciseSession {
  const session = {} as ExerciseSession;
  before(async () => {
    session.server = await startTerminalServer({ rateLimits: EXERCISE_TEST_LIMITS });
    session.terminal = await ScriptedTerminal.connect(session.server.url, { exercise: exerciseId, token: await session.server.newToken(), lang: 'en' });
  });
  after(async () => {
    await session.terminal?.close();
    await session.server?.close();
  });
  return session;
}
