import { readFile } from 'node:fs/promises';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;

/**
 * The class names a jar holds, read from its zip central directory (so a host without a JDK's `jar`
 * tool can still build the image). `org/apache/kafka/tools/TopicCommand.class` → `org.apache.kafka.tools.TopicCommand`.
 */
export async function classesInJar(path: string): Promise<string[]> {
  const zip = await readFile(path);
  const end = zip.lastIndexOf(uint32(END_OF_CENTRAL_DIRECTORY));
  if (end < 0) throw new Error(`${path} is not a zip file`);
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);

  const classes: string[] = [];
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) throw new Error(`${path}: corrupt central directory`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (name.endsWith('.class')) classes.push(name.slice(0, -'.class'.length).replaceAll('/', '.'));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return classes;
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);
  return bytes;
}
