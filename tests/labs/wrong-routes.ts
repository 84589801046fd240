/**
 * A code lab's wrong routes: labs/<id>/wrong/<route>.ts, each a whole submission that reaches the lab's
 * end state without the thing taught, with a header naming the check it must fail and what that check
 * must say (see labs/README.md):
 *
 *   /**
 *    * Wrong route: <what the learner does instead of the lesson's point>
 *    * @fails <check-id>
 *    * @message <a regular expression the check's English message must match>
 *    * @flagged            (optional: the grading report must flag its output as contradicting the cluster)
 *    *\/
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { labsDir } from '../../sandbox/lab-folders.ts';

export interface WrongRoute {
  /** The file's name without .ts. */
  name: string;
  file: string;
  description: string;
  fails: string;
  message: RegExp;
  /** The route prints a claim the cluster refutes, and the report must say so. */
  flagged: boolean;
}

export function wrongRoutes(labId: string): WrongRoute[] {
  const dir = join(labsDir, labId, 'wrong');
  const names = readdirSync(dir).filter((name) => name.endsWith('.ts')).sort();
  return names.map((name) => parseHeader(join(dir, name), readFileSync(join(dir, name), 'utf8')));
}

function parseHeader(file: string, source: string): WrongRoute {
  const header = /^\/\*\*([\s\S]*?)\*\//.exec(source)?.[1];
  if (!header) throw new Error(`${file}: no header comment (/** Wrong route: … @fails … @message … */) at the top`);
  const lines = header.split('\n').map((line) => line.replace(/^\s*\*\s?/, '').trim());
  const field = (pattern: RegExp) => {
    const value = lines.map((line) => pattern.exec(line)?.[1]?.trim()).find((v) => v);
    if (!value) throw new Error(`${file}: the header has no ${pattern.source}`);
    return value;
  };
  return {
    name: file.split('/').at(-1)!.replace(/\.ts$/, ''),
    file,
    description: field(/^Wrong route:\s*(.+)$/),
    fails: field(/^@fails\s+(\S+)$/),
    message: new RegExp(field(/^@message\s+(.+)$/)),
    flagged: lines.includes('@flagged'),
  };
}
