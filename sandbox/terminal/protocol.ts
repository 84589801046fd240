import type { ExerciseCheckResult } from './exercise-grader.ts';

/**
 * What the in-browser terminal and the sandbox say over the WebSocket. Keystrokes and screen output
 * travel as binary frames (raw terminal bytes, UTF-8 for text); everything else as small JSON text frames.
 */

/** Control messages from the page. */
export type ClientMessage =
  | { type: 'resize'; cols: number; rows: number }
  /** A clean cluster and a fresh shell; `step` picks the cluster that step runs on, when it names its own. */
  | { type: 'reset'; step?: string }
  /** Grade the exercise now; `answers` are the answer fields' contents by id. */
  | { type: 'check'; answers: Record<string, string> }
  /** Do to the learner's cluster what this step's `action` says (the exercise's data, never the page's). */
  | { type: 'action'; step: string };

/** Control messages to the page. */
export type ServerMessage =
  /** The shell is attached; what follows on the binary channel is its whole screen so far. */
  | { type: 'ready'; host: string; bootstrapServers: string; nodes: number }
  | { type: 'resetting' }
  | { type: 'checking' }
  /** The step's action has begun; it may take a minute (a node stopping, an election). */
  | { type: 'acting'; step: string }
  /** The step's action is done: what was done, in the learner's language. */
  | { type: 'acted'; step: string; message: string }
  | { type: 'results'; results: ExerciseCheckResult[] }
  /** The shell ended (exit, idle limit, server shutdown); the page offers to start a new one. */
  | { type: 'ended'; reason: 'exit' | 'idle' | 'shutdown' | 'replaced' }
  | { type: 'error'; message: string; hint?: string };

/** Close codes beyond the WebSocket standard's, so the page can tell why it was let go. */
export const CLOSE_CODE = {
  /** Another tab (or a reload) took over this shell. */
  replaced: 4000,
  /** The shell ended. */
  ended: 4001,
} as const;

const MAX_COLS = 500;
const MAX_ROWS = 200;
const MAX_ANSWERS = 50;
const MAX_ANSWER_LENGTH = 2000;
const MAX_STEP_ID_LENGTH = 100;

/** Parses a JSON control frame from the page; undefined for anything malformed or out of range. */
export function parseClientMessage(text: string): ClientMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const message = value as Record<string, unknown>;
  if (message.type === 'resize') {
    const { cols, rows } = message;
    if (isSize(cols, MAX_COLS) && isSize(rows, MAX_ROWS)) return { type: 'resize', cols, rows };
    return undefined;
  }
  if (message.type === 'reset') {
    if (message.step === undefined) return { type: 'reset' };
    return typeof message.step === 'string' ? { type: 'reset', step: message.step } : undefined;
  }
  if (message.type === 'action') {
    return typeof message.step === 'string' && message.step.length <= MAX_STEP_ID_LENGTH ? { type: 'action', step: message.step } : undefined;
  }
  if (message.type === 'check') {
    const answers = message.answers ?? {};
    if (!answers || typeof answers !== 'object' || Array.isArray(answers)) return undefined;
    const entries = Object.entries(answers);
    if (entries.length > MAX_ANSWERS || entries.some(([, v]) => typeof v !== 'string' || v.length > MAX_ANSWER_LENGTH)) return undefined;
    return { type: 'check', answers: Object.fromEntries(entries.map(([k, v]) => [k, (v as string).trim()])) };
  }
  return undefined;
}

function isSize(value: unknown, max: number): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= max;
}
