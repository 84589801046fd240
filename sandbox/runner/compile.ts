/**
 * Turns a learner's TypeScript into one ES module that imports only what the runner image has: node:
 * built-ins and the lab packages (kafkajs), as bare imports that resolve wherever the program runs. The
 * program's own rules come first (program-rules.ts): no require, no computed import(), no file imports,
 * each with its line and column; esbuild then type-strips and bundles, and never reads a path the
 * learner names.
 */
import { build, type Message, type Plugin } from 'esbuild';
import type { Localized } from '../lab-kit/lab-format.ts';
import { importProblem, ruleProblems } from './program-rules.ts';

export interface CompileProblem {
  /** 1-based, in the learner's file. */
  line: number;
  /** 1-based. */
  column: number;
  /** In English, as compilers say it. */
  message: string;
  /** Both languages, for the sandbox's own rules (esbuild's syntax errors are English only). */
  localized?: Localized;
  /** The offending source line, for display. */
  lineText: string;
}

export type CompileResult = { ok: true; code: string } | { ok: false; problems: CompileProblem[] };

/** Every import esbuild meets is checked here; none is ever resolved on this machine's file system. */
const labImports: Plugin = {
  name: 'lab-imports',
  setup(build) {
    build.onResolve({ filter: /.*/ }, ({ path }) => {
      const problem = importProblem(path);
      return problem ? { errors: [{ text: problem.en }] } : { path, external: true };
    });
  },
};

export async function compileProgram(source: string, fileName = 'program.ts'): Promise<CompileResult> {
  const broken = ruleProblems(source, fileName);
  if (broken.length > 0) return { ok: false, problems: broken.map(({ message, ...at }) => ({ ...at, message: message.en, localized: message })) };
  try {
    const result = await build({
      stdin: { contents: source, loader: 'ts', sourcefile: fileName },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      target: 'node24',
      // Inline source map: with --enable-source-maps, runtime stack traces point at the learner's lines.
      sourcemap: 'inline',
      logLevel: 'silent',
      plugins: [labImports],
    });
    return { ok: true, code: result.outputFiles[0]!.text };
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors;
    if (!errors) throw error;
    return { ok: false, problems: errors.map(toProblem) };
  }
}

function toProblem(message: Message): CompileProblem {
  return {
    line: message.location?.line ?? 1,
    column: (message.location?.column ?? 0) + 1,
    message: message.text,
    lineText: message.location?.lineText ?? '',
  };
}
