import { LineCounter, parseDocument, isNode, type Document } from 'yaml';

/** A heading as written in the MDX source. `id` is the explicit `{#id}`, if any. */
export interface ScannedHeading {
	readonly level: number;
	readonly id: string | undefined;
	readonly text: string;
	readonly line: number;
}

/** A course component used in the lesson body, with its string attributes. */
export interface ScannedComponent {
	readonly name: 'Lab' | 'TerminalExercise' | 'Term' | 'KafkaDefault' | 'LessonLink' | 'KnowledgeCheck';
	readonly attributes: Readonly<Record<string, string>>;
	readonly line: number;
}

export interface ScannedFrontmatter {
	/** The parsed YAML, or undefined when there is none or it does not parse. */
	readonly data: unknown;
	/** Why the frontmatter is unusable, with its line. */
	readonly error: { readonly message: string; readonly line: number } | undefined;
	/** The line where a value (by its path, e.g. ["objectives", 2]) starts; falls back to its key or the block. */
	lineOf(path: readonly PropertyKey[]): number;
}

/** A Markdown image, e.g. a diagram: ![alt](./diagrams/name.svg) */
export interface ScannedImage {
	readonly alt: string;
	readonly src: string;
	readonly line: number;
}

/** Bold text that CommonMark leaves as literal `**`, e.g. **`linger.ms`**의 (punctuation, then a letter). */
export interface ScannedBrokenBold {
	readonly text: string;
	readonly line: number;
}

/** Prose that points the reader somewhere they cannot follow: "lesson 6", or the study notes learners never see. */
export interface ScannedReaderReference {
	readonly kind: 'lesson-number' | 'study-notes';
	readonly text: string;
	readonly line: number;
}

export interface LessonScan {
	readonly frontmatter: ScannedFrontmatter;
	readonly headings: readonly ScannedHeading[];
	readonly components: readonly ScannedComponent[];
	readonly images: readonly ScannedImage[];
	readonly brokenBold: readonly ScannedBrokenBold[];
	readonly readerReferences: readonly ScannedReaderReference[];
	/** The number of lines in the file, to point at its end. */
	readonly lineCount: number;
}

const componentNames = new Set(['Lab', 'TerminalExercise', 'Term', 'KafkaDefault', 'LessonLink', 'KnowledgeCheck']);
const headingPattern = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const explicitIdPattern = /[ \t]*\{[ \t]*#([^\s}]+)[ \t]*\}$/;
const fencePattern = /^ {0,3}(`{3,}|~{3,})/;
const componentTagPattern = /<([A-Z][A-Za-z]*)\b([^>]*?)\/?>/g;
// A closing ** right after punctuation (a backtick, a tag's >) and right before a letter is not
// "right-flanking" in CommonMark, so it does not close: common in Korean, where particles follow.
const brokenBoldPattern = /\*\*(?=\S)[^*\n]*?[\p{P}\p{S}]\*\*(?=[\p{L}\p{N}])/gu;
const readerReferencePatterns = {
	'lesson-number': /\b[Ll]esson \d+\b|\d+ ?번째 레슨|레슨 \d+/g,
	'study-notes': /\bstudy notes?\b|\bthe notes\b|\bnotes? \d{3}\b|스터디 노트|노트 \d{3}/g,
} as const;
const imagePattern = /!\[([^\]]*)\]\(\s*([^)\s]+)[^)]*\)/g;
const attributePattern = /([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Reads what the parity check compares from one lesson's MDX source: frontmatter, headings and
 * course components. Fenced code and inline code are skipped, so examples in code never count.
 */
export function scanLesson(source: string): LessonScan {
	const lines = source.split(/\r?\n/);
	const frontmatterEnd = findFrontmatterEnd(lines);
	const frontmatter = scanFrontmatter(frontmatterEnd === undefined ? undefined : lines.slice(1, frontmatterEnd).join('\n'));

	// Blank out everything that is not prose, keeping line numbers.
	const prose: string[] = [];
	const headings: ScannedHeading[] = [];
	const brokenBold: ScannedBrokenBold[] = [];
	const readerReferences: ScannedReaderReference[] = [];
	let openFence: string | undefined;
	lines.forEach((line, index) => {
		const fence = fencePattern.exec(line)?.[1];
		if (frontmatterEnd !== undefined && index <= frontmatterEnd) {
			prose.push('');
		} else if (openFence !== undefined) {
			if (fence && fence[0] === openFence[0] && fence.length >= openFence.length && line.trim() === fence) openFence = undefined;
			prose.push('');
		} else if (fence) {
			openFence = fence;
			prose.push('');
		} else {
			const heading = headingPattern.exec(line);
			if (heading?.[1] && heading[2] !== undefined) {
				const id = explicitIdPattern.exec(heading[2])?.[1];
				const text = heading[2].replace(explicitIdPattern, '');
				headings.push({ level: heading[1].length, id, text, line: index + 1 });
			}
			for (const bold of line.matchAll(brokenBoldPattern)) brokenBold.push({ text: bold[0], line: index + 1 });
			const withoutCode = line.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
			for (const [kind, pattern] of Object.entries(readerReferencePatterns) as [ScannedReaderReference['kind'], RegExp][]) {
				for (const found of withoutCode.matchAll(pattern)) readerReferences.push({ kind, text: found[0], line: index + 1 });
			}
			prose.push(withoutCode);
		}
	});

	const proseText = prose.join('\n');
	return { frontmatter, headings, components: scanComponents(proseText), images: scanImages(proseText), brokenBold, readerReferences, lineCount: lines.length };
}

function findFrontmatterEnd(lines: readonly string[]): number | undefined {
	if (lines[0]?.trim() !== '---') return undefined;
	const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
	return end === -1 ? undefined : end;
}

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

function scanImages(prose: string): ScannedImage[] {
	return [...prose.matchAll(imagePattern)].map((image) => ({ alt: image[1]?.trim() ?? '', src: image[2] ?? '', line: lineAt(prose, image.index) }));
}

function scanComponents(prose: string): ScannedComponent[] {
	const components: ScannedComponent[] = [];
	for (const tag of prose.matchAll(componentTagPattern)) {
		const name = tag[1];
		if (!name || !componentNames.has(name)) continue;
		const attributes: Record<string, string> = {};
		for (const attribute of (tag[2] ?? '').matchAll(attributePattern)) {
			if (attribute[1]) attributes[attribute[1]] = attribute[2] ?? attribute[3] ?? '';
		}
		components.push({ name: name as ScannedComponent['name'], attributes, line: lineAt(prose, tag.index) });
	}
	return components;
}

/** Frontmatter starts on line 2 of the file (line 1 is the opening ---). */
const frontmatterFirstLine = 2;

function scanFrontmatter(yamlText: string | undefined): ScannedFrontmatter {
	if (yamlText === undefined) {
		return { data: undefined, error: { message: 'missing frontmatter (a --- block at the top)', line: 1 }, lineOf: () => 1 };
	}
	const lineCounter = new LineCounter();
	const document = parseDocument(yamlText, { lineCounter, prettyErrors: false });
	const toFileLine = (offset: number) => lineCounter.linePos(offset).line + frontmatterFirstLine - 1;
	const firstError = document.errors[0];
	if (firstError) {
		return {
			data: undefined,
			error: { message: `frontmatter is not valid YAML: ${firstError.message.split('\n')[0]}`, line: toFileLine(firstError.pos[0]) },
			lineOf: () => 1,
		};
	}
	return { data: document.toJS(), error: undefined, lineOf: (path) => lineOfPath(document, path, toFileLine) };
}

function lineOfPath(document: Document, path: readonly PropertyKey[], toFileLine: (offset: number) => number): number {
	for (let length = path.length; length > 0; length--) {
		const node = document.getIn(path.slice(0, length) as unknown[], true);
		if (isNode(node) && node.range) return toFileLine(node.range[0]);
	}
	return 1;
}
