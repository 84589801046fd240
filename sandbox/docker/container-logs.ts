import { PassThrough } from 'node:stream';
import { createInterface } from 'node:readline';
import type Dockerode from 'dockerode';

/** The last lines a container wrote (stdout and stderr), for error messages. */
export async function logTail(container: Dockerode.Container, lines = 40): Promise<string> {
  const raw = (await container.logs({ stdout: true, stderr: true, tail: lines, follow: false })) as Buffer;
  return demuxFrames(raw).trimEnd();
}

/** The lines a container wrote (stdout and stderr) at or after `sinceMs`, each with the time Docker stamped on it. */
export async function logLinesSince(container: Dockerode.Container, sinceMs: number): Promise<Array<{ at: number; text: string }>> {
  const raw = (await container.logs({ stdout: true, stderr: true, timestamps: true, follow: false, since: Math.floor(sinceMs / 1000) })) as Buffer;
  return demuxFrames(raw)
    .split('\n')
    .map((line) => {
      const space = line.indexOf(' ');
      return { at: Date.parse(line.slice(0, space)), text: line.slice(space + 1) };
    })
    .filter((line) => line.at >= sinceMs);
}

/**
 * Waits for a line matching `pattern` written at or after `sinceMs`, and returns the time Docker
 * stamped on it (so boot times come from the log itself, whatever the image's log format).
 * Rejects when the container stops first or `timeoutMs` passes.
 */
export async function waitForLogLine(
  container: Dockerode.Container,
  pattern: RegExp,
  sinceMs: number,
  timeoutMs: number,
): Promise<number> {
  const logs = (await container.logs({
    follow: true, stdout: true, stderr: true, timestamps: true, since: Math.floor(sinceMs / 1000),
  })) as NodeJS.ReadableStream & { destroy(): void };
  const text = new PassThrough();
  container.modem.demuxStream(logs, text, text);
  logs.on('end', () => text.end());

  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no "${pattern.source}" in the log within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  const found = (async () => {
    for await (const line of createInterface({ input: text })) {
      const space = line.indexOf(' ');
      const stamp = Date.parse(line.slice(0, space));
      if (stamp >= sinceMs && pattern.test(line.slice(space + 1))) return stamp;
    }
    throw new Error(`the container stopped before logging "${pattern.source}"`);
  })();
  try {
    return await Promise.race([found, timedOut]);
  } finally {
    clearTimeout(timer);
    logs.destroy();
  }
}

/** Docker multiplexes a non-TTY container's stdout and stderr in frames: an 8-byte header, then the payload. */
function demuxFrames(raw: Buffer): string {
  const parts: Buffer[] = [];
  for (let offset = 0; offset + 8 <= raw.length; ) {
    const size = raw.readUInt32BE(offset + 4);
    parts.push(raw.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  return Buffer.concat(parts).toString('utf8');
}
