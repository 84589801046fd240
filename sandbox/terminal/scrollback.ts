/**
 * The last bytes a shell printed, kept server-side so a reloaded page sees its screen again. Bounded:
 * the oldest bytes go first, as in a terminal's own scrollback.
 */
export class Scrollback {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private readonly limit: number;

  constructor(limitBytes = 256 * 1024) {
    this.limit = limitBytes;
  }

  append(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size - (this.chunks[0]?.length ?? 0) >= this.limit) this.size -= this.chunks.shift()!.length;
  }

  /** Everything kept, oldest first (may start mid-line: the terminal copes, as after a long scroll). */
  contents(): Buffer {
    return Buffer.concat(this.chunks);
  }

  clear(): void {
    this.chunks.length = 0;
    this.size = 0;
  }
}
