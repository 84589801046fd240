import type { SpawnOptions } from 'node:child_process';

/** Runs `command`, forwards stop signals to it, and exits with its status once it ends. */
export function handOver(command: string, args: readonly string[], options?: SpawnOptions): void;
