/**
 * The two Kafka requests the live view of a cluster makes for its partitions, Metadata (v5) and ListOffsets
 * (v2), sent over a socket of their own and read without failing on a partition's error code. kafkajs's
 * admin client cannot serve here: it throws away a whole Metadata answer as soon as one partition in it has
 * no leader (LEADER_NOT_AVAILABLE), which is exactly when a learner who stopped a broker wants to see it.
 * Only non-flexible versions that Kafka 4 still serves (KIP-896 removed Metadata v0-v3, ListOffsets v0).
 */
import { connect } from 'node:net';

export interface PartitionMetadata {
  partition: number;
  /** -1: no leader (every replica is down, or an election is under way). */
  leader: number;
  replicas: number[];
  isr: number[];
  offline: number[];
}

export interface TopicMetadata {
  name: string;
  internal: boolean;
  partitions: PartitionMetadata[];
}

export interface PartitionOffsets {
  partition: number;
  logStartOffset: number;
  /** The high watermark: the offset the next record gets once every in-sync replica has it, as consumers and lag see it. */
  logEndOffset: number;
}

const API = { metadata: 3, listOffsets: 2 } as const;
const EARLIEST = -2n;
const LATEST = -1n;
const CLIENT_ID = 'kafka-course-cluster-view';

/** Every topic with its partitions, as the broker at `address` (host:port) knows them. */
export async function readTopicMetadata(address: string, timeoutMs: number): Promise<TopicMetadata[]> {
  const body = new Writer().int32(-1).bool(false); // all topics (a null array); never create one
  const answer = await request(address, API.metadata, 5, body.bytes(), timeoutMs);
  answer.int32(); // throttle time
  answer.array(() => [answer.int32(), answer.string(), answer.int32(), answer.nullableString()]); // brokers
  answer.nullableString(); // cluster id
  answer.int32(); // controller
  return answer.array(() => {
    answer.int16(); // the topic's error (one being deleted, say): its partitions still read as they are
    const name = answer.string();
    const internal = answer.bool();
    const partitions = answer.array(() => {
      answer.int16();
      return { partition: answer.int32(), leader: answer.int32(), replicas: answer.int32s(), isr: answer.int32s(), offline: answer.int32s() };
    });
    return { name, internal, partitions: partitions.sort((a, b) => a.partition - b.partition) };
  });
}

/** The first and next offsets of these partitions, asked of their leader at `address`; partitions it does not lead are left out. */
export async function readPartitionOffsets(address: string, partitions: Array<{ topic: string; partition: number }>, timeoutMs: number): Promise<Map<string, PartitionOffsets>> {
  const ask = async (timestamp: bigint) => {
    const byTopic = Map.groupBy(partitions, (p) => p.topic);
    const body = new Writer().int32(-1).int8(0).int32(byTopic.size); // a consumer's request, read_uncommitted
    for (const [topic, list] of byTopic) {
      body.string(topic).int32(list.length);
      for (const { partition } of list) body.int32(partition).int64(timestamp);
    }
    const answer = await request(address, API.listOffsets, 2, body.bytes(), timeoutMs);
    answer.int32(); // throttle time
    const offsets = new Map<string, number>();
    answer.array(() => {
      const topic = answer.string();
      answer.array(() => {
        const partition = answer.int32();
        const error = answer.int16();
        answer.int64(); // timestamp
        const offset = answer.int64();
        if (error === 0) offsets.set(partitionKey(topic, partition), Number(offset));
      });
    });
    return offsets;
  };
  const [starts, ends] = await Promise.all([ask(EARLIEST), ask(LATEST)]);
  const read = new Map<string, PartitionOffsets>();
  for (const { topic, partition } of partitions) {
    const key = partitionKey(topic, partition);
    const [logStartOffset, logEndOffset] = [starts.get(key), ends.get(key)];
    if (logStartOffset !== undefined && logEndOffset !== undefined) read.set(key, { partition, logStartOffset, logEndOffset });
  }
  return read;
}

export const partitionKey = (topic: string, partition: number): string => `${topic}/${partition}`;

/** Sends one request on a new connection and returns its answer's body; fails after `timeoutMs` (a paused node never answers). */
function request(address: string, apiKey: number, version: number, body: Buffer, timeoutMs: number): Promise<Reader> {
  const [host, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))];
  const header = new Writer().int16(apiKey).int16(version).int32(1).string(CLIENT_ID).bytes();
  const message = Buffer.concat([header, body]);
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const chunks: Buffer[] = [];
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`no answer from ${address} within ${timeoutMs} ms`)));
    socket.on('error', fail);
    socket.on('connect', () => socket.write(Buffer.concat([new Writer().int32(message.length).bytes(), message])));
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      const received = Buffer.concat(chunks);
      if (received.length < 4 || received.length < 4 + received.readInt32BE(0)) return;
      socket.destroy();
      const answer = new Reader(received.subarray(4, 4 + received.readInt32BE(0)));
      answer.int32(); // correlation id: one request per connection
      resolve(answer);
    });
    socket.on('end', () => fail(new Error(`${address} closed the connection before answering`)));
  });
}

class Writer {
  private readonly parts: Buffer[] = [];

  int8(value: number): this {
    return this.push(1, (b) => b.writeInt8(value));
  }
  int16(value: number): this {
    return this.push(2, (b) => b.writeInt16BE(value));
  }
  int32(value: number): this {
    return this.push(4, (b) => b.writeInt32BE(value));
  }
  int64(value: bigint): this {
    return this.push(8, (b) => b.writeBigInt64BE(value));
  }
  bool(value: boolean): this {
    return this.int8(value ? 1 : 0);
  }
  string(value: string): this {
    const text = Buffer.from(value, 'utf8');
    this.int16(text.length);
    this.parts.push(text);
    return this;
  }
  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
  private push(size: number, write: (buffer: Buffer) => void): this {
    const buffer = Buffer.alloc(size);
    write(buffer);
    this.parts.push(buffer);
    return this;
  }
}

class Reader {
  private offset = 0;
  private readonly buffer: Buffer;

  constructor(buffer: Buffer) {
    this.buffer = buffer;
  }

  int16(): number {
    return this.advance(2, (at) => this.buffer.readInt16BE(at));
  }
  int32(): number {
    return this.advance(4, (at) => this.buffer.readInt32BE(at));
  }
  int64(): bigint {
    return this.advance(8, (at) => this.buffer.readBigInt64BE(at));
  }
  bool(): boolean {
    return this.advance(1, (at) => this.buffer.readInt8(at)) !== 0;
  }
  string(): string {
    return this.nullableString() ?? '';
  }
  nullableString(): string | null {
    const length = this.int16();
    if (length < 0) return null;
    return this.advance(length, (at) => this.buffer.toString('utf8', at, at + length));
  }
  array<T>(item: () => T): T[] {
    const length = this.int32();
    return Array.from({ length: Math.max(0, length) }, item);
  }
  int32s(): number[] {
    return this.array(() => this.int32());
  }
  private advance<T>(size: number, read: (at: number) => T): T {
    if (this.offset + size > this.buffer.length) throw new Error('a truncated answer from the broker');
    const value = read(this.offset);
    this.offset += size;
    return value;
  }
}
