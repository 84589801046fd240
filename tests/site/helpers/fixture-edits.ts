/** A lesson source without its knowledge check: no questions in the frontmatter, no heading for it and no <KnowledgeCheck />. */
export function withoutKnowledgeCheck(source: string): string {
	return source.replace(/^knowledgeCheck:\n(?: .*\n)+/m, '').replace(/\n## [^\n]*\{#knowledge-check\}\n\n<KnowledgeCheck \/>\n/, '');
}
