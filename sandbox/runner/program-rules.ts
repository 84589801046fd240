/**
 * What a lab program may load: node: built-ins and the lab packages, by bare static or literal dynamic
 * import. Everything else that loads code (require, createRequire, a computed import(), a file path or
 * URL, native bindings) is refused before anything runs, with a message in both languages at the line
 * and column where it is written. The runner's container holds nothing else anyway; the rule is there so
 * the learner hears why at once, and so the compiler never opens a file the learner names.
 */
import { isBuiltin } from 'node:module';
import ts from 'typescript';
import type { Localized } from '../lab-kit/lab-format.ts';
import { RUNNER } from '../image/runner-image.ts';

const PACKAGES = [...RUNNER.packages.keys()].join(', ');

/** node:module loads files by path (createRequire, register); a lab has no use for it. */
const LOADER_MODULES = new Set(['module', 'node:module']);
/** process members that load native code. */
const NATIVE_LOADERS = new Set(['binding', '_linkedBinding', 'dlopen']);

/** Why `specifier` may not be imported, or undefined when it may. */
export function importProblem(specifier: string): Localized | undefined {
  if (LOADER_MODULES.has(specifier)) {
    return {
      ko: `"${specifier}"는 파일 경로로 코드를 불러오는 모듈이라 실습 프로그램에서 쓸 수 없습니다. ${PACKAGES}와 node: 모듈은 import로 불러오세요.`,
      en: `"${specifier}" loads code by file path, which a lab program cannot do: import ${PACKAGES} and node: modules instead.`,
    };
  }
  if (isBuiltin(specifier) || RUNNER.packages.has(specifier)) return undefined;
  if (/^[./\\]|^[a-z][a-z0-9+.-]*:/i.test(specifier)) {
    return {
      ko: `"${specifier}": 실습 프로그램은 파일이나 URL을 import할 수 없습니다. 프로그램 전체를 한 파일에 작성하세요.`,
      en: `"${specifier}": a lab program cannot import files or URLs; write the whole program in one file.`,
    };
  }
  return {
    ko: `"${specifier}"는 여기서 import할 수 없습니다: 실습 프로그램은 ${PACKAGES}와 node: 모듈만 import할 수 있습니다.`,
    en: `"${specifier}" cannot be imported here: a lab program can import ${PACKAGES} and node: modules only.`,
  };
}

const REQUIRE: Localized = {
  ko: `require()는 실습 프로그램에서 쓸 수 없습니다: import { Kafka } from 'kafkajs'처럼 import 문을 쓰세요.`,
  en: `require() is not available in a lab program: use an import statement, like import { Kafka } from 'kafkajs'.`,
};
const CREATE_REQUIRE: Localized = {
  ko: 'createRequire는 파일 경로로 코드를 불러오므로 실습 프로그램에서 쓸 수 없습니다: import 문을 쓰세요.',
  en: 'createRequire loads code by file path, which a lab program cannot do: use an import statement.',
};
const COMPUTED_IMPORT: Localized = {
  ko: `import()에는 'kafkajs'처럼 따옴표로 쓴 모듈 이름만 쓸 수 있습니다(변수나 계산된 값은 안 됩니다).`,
  en: `import() takes a module name written in quotes, like 'kafkajs', not a variable or a computed value.`,
};
const NATIVE: Localized = {
  ko: 'process.binding과 process.dlopen은 네이티브 코드를 불러오므로 실습 프로그램에서 쓸 수 없습니다.',
  en: 'process.binding and process.dlopen load native code, which a lab program cannot do.',
};

export interface RuleProblem {
  /** 1-based, in the learner's file. */
  line: number;
  /** 1-based. */
  column: number;
  message: Localized;
  lineText: string;
}

/** Every breach of the rules in the program, in source order. */
export function ruleProblems(source: string, fileName: string): RuleProblem[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const problems: RuleProblem[] = [];
  const report = (node: ts.Node, message: Localized) => {
    const start = node.getStart(file);
    const { line, character } = file.getLineAndCharacterOfPosition(start);
    const lineText = source.split(/\r?\n/)[line] ?? '';
    problems.push({ line: line + 1, column: character + 1, message, lineText });
  };
  const checkSpecifier = (node: ts.Expression) => {
    if (!ts.isStringLiteralLike(node)) return report(node, COMPUTED_IMPORT);
    const problem = importProblem(node.text);
    if (problem) report(node, problem);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) checkSpecifier(node.moduleSpecifier);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) checkSpecifier(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) report(node, REQUIRE);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [specifier] = node.arguments;
      if (specifier) checkSpecifier(specifier);
    } else if (ts.isIdentifier(node)) {
      if (node.text === 'createRequire') report(node, CREATE_REQUIRE);
      else if (node.text === 'require' && !isPropertyName(node)) report(node, REQUIRE);
    } else if (isProcessMember(node)) report(node, NATIVE);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** `x.require` or `{ require: … }`: a property called require, not the CommonJS function. */
function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isPropertyAccessExpression(parent) && parent.name === node)
    || ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent)) && parent.name === node);
}

/** process.binding, process['dlopen'] and the like. */
function isProcessMember(node: ts.Node): boolean {
  if (ts.isPropertyAccessExpression(node)) {
    return ts.isIdentifier(node.expression) && node.expression.text === 'process' && NATIVE_LOADERS.has(node.name.text);
  }
  if (ts.isElementAccessExpression(node)) {
    const key = node.argumentExpression;
    return ts.isIdentifier(node.expression) && node.expression.text === 'process' && ts.isStringLiteralLike(key) && NATIVE_LOADERS.has(key.text);
  }
  return false;
}
