import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { glossaryPath } from './sidebar.ts';

/** Previous/next links follow the lessons only: the glossary sits in the sidebar but is not a lesson. */
export const onRequest = defineRouteMiddleware(({ locals }) => {
	const { pagination } = locals.starlightRoute;
	const isGlossary = (link: { href: string } | undefined) => link?.href.endsWith(glossaryPath) ?? false;
	if (isGlossary(pagination.next)) pagination.next = undefined;
	if (isGlossary(pagination.prev)) pagination.prev = undefined;
});
