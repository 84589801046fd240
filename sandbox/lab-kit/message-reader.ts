/**
 * Reads Kafka's message encoding, the one its generated messages and records use (__consumer_offsets'
 * keys and values, __cluster_metadata's records): big-endian integers; classic versions with int16-length
 * strings and int32-count arrays, flexible ones with compact (length + 1, unsigned varint) lengths and
 * tagged fields. A field that runs past the end of the bytes is an error, never a short read.
 */
export class MessageReader {
  private at = 0;
  private readonly buffer: Buffer;
  private readonly flexible: boolean;

  constructor(buffer: Buffer, flexible = false) {
    this.buffer = buffer;
    this.flexible = flexible;
  }

  int8(): number {
    return this.buffer.readInt8(this.take(1));
  }

  int16(): number {
    return this.buffer.readInt16BE(this.take(2));
  }

  int32(): number {
    return this.buffer.readInt32BE(this.take(4));
  }

  int64(): number {
    return Number(this.buffer.readBigInt64BE(this.take(8)));
  }

  uvarint(): number {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      if (shift > 28) throw new Error('a varint longer than 5 bytes');
      const byte = this.buffer.readUInt8(this.take(1));
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  }

  nullableString(): string | null {
    const length = this.length(() => this.int16());
    if (length < 0) return null;
    const start = this.take(length);
    return this.buffer.toString('utf8', start, start + length);
  }

  string(): string {
    return this.nullableString() ?? '';
  }

  bytes(): Buffer | null {
    const length = this.length(() => this.int32());
    if (length < 0) return null;
    const start = this.take(length);
    return this.buffer.subarray(start, start + length);
  }

  array<T>(item: () => T): T[] {
    return Array.from({ length: Math.max(this.length(() => this.int32()), 0) }, item);
  }

  /** As Kafka prints a UUID (a topic id): URL-safe base64 without padding. */
  uuid(): string {
    const start = this.take(16);
    return this.buffer.subarray(start, start + 16).toString('base64url');
  }

  /** A flexible struct ends with its tagged fields: their bytes by tag. */
  taggedFields(): Map<number, Buffer> {
    const fields = new Map<number, Buffer>();
    for (let count = this.flexible ? this.uvarint() : 0; count > 0; count--) {
      const tag = this.uvarint();
      const size = this.uvarint();
      const start = this.take(size);
      fields.set(tag, this.buffer.subarray(start, start + size));
    }
    return fields;
  }

  /** A length or count; -1 stands for null (flexible versions store it plus one, unsigned). */
  private length(classic: () => number): number {
    return this.flexible ? this.uvarint() - 1 : classic();
  }

  private take(bytes: number): number {
    if (this.at + bytes > this.buffer.length) throw new Error('a field runs past the end of the message');
    const start = this.at;
    this.at += bytes;
    return start;
  }
}
