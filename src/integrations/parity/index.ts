import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { resolveCoursePaths } from '../../course/paths.ts';
import { checkCourse, formatProblem } from './check-course.ts';

/**
 * Fails `astro build` (and `astro dev` start-up) before any page is rendered when the course
 * sources break the parity rules, listing every problem as file:line: message.
 */
export function courseParity(): AstroIntegration {
	return {
		name: 'course-parity',
		hooks: {
			'astro:config:setup': ({ config, logger }) => {
				const root = fileURLToPath(config.root);
				const problems = checkCourse(resolveCoursePaths(root), root);
				if (problems.length === 0) {
					logger.info('lessons, twins, labs and glossary references are consistent');
					return;
				}
				const list = problems.map(formatProblem).join('\n');
				throw new AstroError(`The course content has ${problems.length} problem(s):\n${list}`, 'See content/README.md for the lesson format and the parity rules.');
			},
		},
	};
}
