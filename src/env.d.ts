// Types for checking the site's TypeScript with `tsc -p src` (Astro's own tooling knows these already).
/// <reference types="astro/client" />
/// <reference path="../node_modules/@astrojs/starlight/dist/global.d.ts" />

declare module '*.astro' {
	const Component: (props: Record<string, unknown>) => unknown;
	export default Component;
}
