import { spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';

const TAIL_LINES = 20;

/**
 * The image build's own output (Maven, debootstrap, the first broker start) goes to one file instead of
 * the terminal: the person waiting sees the build's steps, and a failure shows the last lines and where
 * the rest is.
 */
export class BuildLog {
  readonly path: string;
  private readonly file: WriteStream;

  constructor(path: string) {
    this.path = path;
    this.file = createWriteStream(path, { flags: 'w' });
  }

  /** A stream into the log, for output that is not a child process's (a container's logs). */
  get stream(): WriteStream {
    return this.file;
  }

  /** Runs a command with its output in the log; `onLine` sees each line as it comes. */
  run(command: string, args: readonly string[], onLine?: (line: string) => void): Promise<void> {
    this.file.write(`$ ${command} ${args.join(' ')}\n`);
    return new Promise((done, fail) => {
      const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      for (const output of [child.stdout, child.stderr]) {
        output.pipe(this.file, { end: false });
        if (onLine) createInterface({ input: output }).on('line', onLine);
      }
      child.on('error', fail);
      child.on('close', (code) => (code === 0 ? done() : this.failure(`${command} exited with ${code}`).then(fail)));
    });
  }

  /** An error that carries the log's last lines and its path. */
  async failure(what: string): Promise<Error> {
    await new Promise<void>((flushed) => this.file.write('', () => flushed()));
    const lines = (await readFile(this.path, 'utf8')).trimEnd().split('\n').slice(-TAIL_LINES);
    return new Error(`${what}. The last lines of ${this.path}:\n${lines.map((line) => `    ${line}`).join('\n')}`);
  }

  close(): Promise<void> {
    return new Promise((closed) => this.file.end(closed));
  }
}
