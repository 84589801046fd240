import type Dockerode from 'dockerode';
import { extract } from 'tar-stream';
import { DATA_DIR } from './node-storage.ts';

/** One file of a partition's log directory: a .log segment, its .index and .timeindex, checkpoints. */
export interface LogFile {
  name: string;
  bytes: Buffer;
}

/**
 * The files of one partition's log directory on a node, copied out of the container (it may be
 * stopped): what kafka-dump-log reads, for checks that compare its output with the real bytes.
 */
export async function readPartitionFiles(
  container: Dockerode.Container,
  topic: string,
  partition: number,
  wanted: (name: string) => boolean = () => true,
): Promise<LogFile[]> {
  const archive = await container.getArchive({ path: `${DATA_DIR}/${topic}-${partition}` }).catch((error: unknown) => {
    // A topic created a moment ago may have no directory on the node yet (or a deleted one none any more): no files.
    if (isMissingPath(error)) return undefined;
    throw error;
  });
  if (!archive) return [];
  const files: LogFile[] = [];
  const unpack = extract();
  unpack.on('entry', (header, body, next) => {
    const name = header.name.split('/').pop() ?? header.name;
    const keep = header.type === 'file' && wanted(name);
    const chunks: Buffer[] = [];
    // Unwanted files are drained, not kept: an active segment's .index and .timeindex are preallocated (10 MiB each).
    body.on('data', (chunk: unknown) => keep && chunks.push(chunk as Buffer));
    body.on('end', () => {
      if (keep) files.push({ name, bytes: Buffer.concat(chunks) });
      next();
    });
  });
  await new Promise<void>((resolve, reject) => {
    unpack.on('finish', resolve);
    unpack.on('error', reject);
    archive.on('error', reject);
    archive.pipe(unpack);
  });
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

/** Docker's answer for a path that is not in the container (the container itself exists). */
function isMissingPath(error: unknown): boolean {
  return (error as { statusCode?: number }).statusCode === 404 && /Could not find the file/.test((error as Error).message);
}
