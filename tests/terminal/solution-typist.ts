/** Types an exercise step's solution into a scripted terminal, as a learner would, and asks for a check. */
import assert from 'node:assert/strict';
import type { ExerciseCheck, ExerciseDefinition, WrongRoute } from '../../sandbox/lab-kit/exercise-format.ts';
import type { ExerciseCheckResult } from '../../sandbox/terminal/exercise-grader.ts';
import type { ScriptedTerminal } from './terminal-harness.ts';

const CONTROL_KEYS: Record<string, string> = { '^C': '\x03', '^D': '\x04' };
let marker = 0;

/**
 * Types line by line, each once the shell's prompt or the console producer's `>` is back: bytes typed
 * ahead while bash's readline holds the terminal in raw mode would reach a console producer as raw
 * bytes (^D as a character, not end of input). A marker command at the end says when all of it has run.
 */
export async function typeCommands(terminal: ScriptedTerminal, lines: string[], timeoutMs = 90_000): Promise<string> {
  const from = terminal.text().length;
  for (const line of lines) {
    const typedFrom = terminal.text().length;
    const control = CONTROL_KEYS[line];
    if (control) terminal.keys(control);
    else terminal.type(line);
    await terminal.waitForText(/(\$ |>)$/, { from: typedFrom + 1, timeoutMs });
  }
  const done = `step-done-${++marker}`;
  terminal.type(`echo ${done}`);
  await terminal.waitForText(new RegExp(`\\n${done}\\n`), { from, timeoutMs });
  return terminal.text().slice(from);
}

/** Types a step's solution as a learner would, pressing the step's action button first when it has one. */
export async function typeSolution(terminal: ScriptedTerminal, exercise: ExerciseDefinition, stepId: string, timeoutMs = 90_000): Promise<string> {
  const step = exercise.steps.find((s) => s.id === stepId);
  if (!step) throw new Error(`no step ${stepId}`);
  if (step.action) await takeAction(terminal, stepId);
  return typeCommands(terminal, step.solution, timeoutMs);
}

/** Presses a step's action button and waits until the sandbox has done it; returns what it said it did. */
export async function takeAction(terminal: ScriptedTerminal, stepId: string): Promise<string> {
  terminal.send({ type: 'action', step: stepId });
  return (await terminal.control('acted', 180_000)).message;
}

/**
 * Takes a wrong route on a clean sandbox of its step's cluster, presses Check and asserts that the check it
 * names failed with the route's English message and has a Korean one too.
 */
export async function assertRouteFails(terminal: ScriptedTerminal, checks: ExerciseCheck[], route: WrongRoute): Promise<void> {
  assert.equal(checks.find((c) => c.id === route.fails)?.step, route.step, `"${route.name}" names check ${route.fails} of its own step`);
  terminal.send({ type: 'reset', step: route.step });
  await terminal.control('ready', 180_000);
  for (const step of route.actions ?? []) await takeAction(terminal, step);
  const typed = await typeCommands(terminal, route.commands);
  const results = await check(terminal, route.answers);
  const result = results.get(route.fails);
  assert.equal(result?.status, 'failed', `"${route.name}" must fail ${route.fails}:\n${summary(results)}\n--- typed:\n${typed}`);
  assert.match(result.message?.en ?? '', route.message, `"${route.name}"`);
  assert.match(result.message?.ko ?? '', /[가-힣]/, `"${route.name}": the message in Korean`);
}

export async function check(terminal: ScriptedTerminal, answers: Record<string, string> = {}): Promise<Map<string, ExerciseCheckResult>> {
  terminal.send({ type: 'check', answers });
  const { results } = await terminal.control('results', 120_000);
  return new Map(results.map((result) => [result.id, result]));
}

/** "id: status (message)" per check, for assertion messages. */
export function summary(results: Map<string, ExerciseCheckResult>): string {
  return [...results.values()].map((r) => `${r.id}: ${r.status}${r.message ? ` (${r.message.en})` : ''}`).join('\n');
}
