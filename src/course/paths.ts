import { resolve } from 'node:path';
import { kafkaVersion } from '../../sandbox/kafka-version.ts';

/** Where the course's sources live. One place decides, so the site, the parity check and tests agree. */
export interface CoursePaths {
	/** The content folder: course.yaml, lessons/, glossary/, facts/. */
	readonly contentDir: string;
	readonly courseFile: string;
	readonly lessonsDir: string;
	readonly glossaryDir: string;
	/** The Kafka release the course runs (KAFKA_VERSION), whose defaults the lessons state. */
	readonly kafkaVersion: string;
	/** That release's defaults: facts/kafka-<version>.json. */
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
	const version = kafkaVersion(env);
	return {
		contentDir,
		courseFile: resolve(contentDir, 'course.yaml'),
		lessonsDir: resolve(contentDir, 'lessons'),
		glossaryDir: resolve(contentDir, 'glossary'),
		kafkaVersion: version,
		factsFile: resolve(contentDir, 'facts', `kafka-${version}.json`),
		labsDir: resolve(root, 'labs'),
	};
}
