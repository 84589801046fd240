import type { Duplex } from 'node:stream';
import type Dockerode from 'dockerode';

export interface TtyExecOptions {
  cols?: number;
  rows?: number;
  env?: Record<string, string>;
  user?: string;
  workingDir?: string;
}

/** A process attached to a pseudo-terminal inside a container: what an in-browser terminal talks to. */
export interface TtySession {
  /** Raw terminal bytes both ways: keystrokes in, screen output out (one stream, as a TTY has). */
  readonly stream: Duplex;
  resize(cols: number, rows: number): Promise<void>;
  /** The process's exit code, once it has ended. */
  readonly exited: Promise<number>;
}

/**
 * Runs a command with a TTY, which testcontainers' exec does not offer: its dockerode client does.
 * Ctrl+C, window size and line editing then behave as in a real terminal.
 */
export async function execTty(container: Dockerode.Container, command: string[], options: TtyExecOptions = {}): Promise<TtySession> {
  const exec = await container.exec({
    Cmd: command,
    Tty: true,
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    Env: Object.entries({ TERM: 'xterm-256color', ...options.env }).map(([key, value]) => `${key}=${value}`),
    User: options.user,
    WorkingDir: options.workingDir,
  });
  const stream = (await exec.start({ hijack: true, stdin: true, Tty: true })) as Duplex;
  const resize = (cols: number, rows: number) => exec.resize({ w: cols, h: rows }).then(() => undefined);
  await resize(options.cols ?? 80, options.rows ?? 24);

  const exited = new Promise<number>((resolve, reject) => {
    stream.once('close', () => exec.inspect().then((info) => resolve(info.ExitCode ?? -1), reject));
  });
  return { stream, resize, exited };
}
