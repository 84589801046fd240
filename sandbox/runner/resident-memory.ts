import { readFile } from 'node:fs/promises';

/**
 * Resident memory of a process in MB, from /proc (Linux). V8's --max-old-space-size bounds only the
 * JavaScript heap; Buffers and native allocations are caught by watching this. undefined where /proc
 * is missing or the process is gone.
 */
export async function residentMemoryMb(pid: number): Promise<number | undefined> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  const kb = status?.match(/^VmRSS:\s+(\d+)\s+kB/m)?.[1];
  return kb === undefined ? undefined : Number(kb) / 1024;
}
