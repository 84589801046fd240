import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Whether a command is installed: found in one of the PATH directories. */
export function commandOnPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, command)));
}
