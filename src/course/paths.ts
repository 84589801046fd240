import { resolve } from 'node:path';

/** Where the course's sources live. One place decides, so the site, the parity check and tests agree. */
export interface CoursePaths {
	/** The content folder: course.yaml, lessons/, glossary/, facts/. */
	readonly contentDir: string;
	readonly courseFile: string;
	readonly lessonsDir: string;
	readonly glossaryDir: string;
	readonly factsFile: string;
	/** The known-lab registry: labs/<id>/meta.json. */
	readonly labsDir: string;
}

/**
 * Resolves the course paths under a repository root. COURSE_CONTENT_DIR replaces the content
 * folder (tests build the site from a broken copy of the content to prove the build fails).
 */
export function resolveCoursePaths(root: string, env: NodeJS.ProcessEnv = process.env): CoursePaths {
	const contentDir = resolve(root, env['COURSE_CONTENT_DIR'] ?? 'content');
	return {
		contentDir,
		courseFile: resolve(contentDir, 'course.yaml'),
		lessonsDir: resolve(contentDir, 'lessons'),
		glossaryDir: resolve(contentDir, 'glossary'),
		factsFile: resolve(contentDir, 'facts/kafka-4.3.1.json'),
		labsDir: resolve(root, 'labs'),
	};
}
