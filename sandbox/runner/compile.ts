/**
 * Turns a learner's TypeScript into one ES module Node can run from anywhere: node: built-ins stay
 * imports, kafkajs is pointed at the project's copy by absolute URL (so the program may sit in a temp
 * directory), and any other package is a compile error, since the sandbox has only kafkajs to offer.
 */
import { createRequire, isBuiltin } from 'node:module';
import { pathToFileURL } from 'node:url';
import { build, type Message, type Plugin } from 'esbuild';

export interface CompileProblem {
  /** 1-based, in the learner's file. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
  /** The offending source line, for display. */
  lineText: string;
}

export type CompileResult = { ok: true; code: string } | { ok: false; problems: CompileProblem[] };

/** The packages a lab program may import besides node: built-ins. */
const IMPORTABLE = new Map([['kafkajs', pathToFileURL(createRequire(import.meta.url).resolve('kafkajs')).href]]);

const resolveImports: Plugin = {
  name: 'lab-imports',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path }) => {
      if (isBuiltin(path)) return { path, external: true };
      const url = IMPORTABLE.get(path);
      if (url) return { path: url, external: true };
      return { errors: [{ text: `"${path}" cannot be imported here: a lab program can import kafkajs and node: modules only` }] };
    });
  },
};

export async function compileProgram(source: string, fileName = 'program.ts'): Promise<CompileResult> {
  try {
    const result = await build({
      stdin: { contents: source, loader: 'ts', sourcefile: fileName, resolveDir: '/' },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      target: 'node24',
      // Inline source map: with --enable-source-maps, runtime stack traces point at the learner's lines.
      sourcemap: 'inline',
      logLevel: 'silent',
      plugins: [resolveImports],
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
