import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface BuildResult {
	readonly exitCode: number;
	/** stdout and stderr, interleaved as printed. */
	readonly output: string;
}

/**
 * Runs `astro build` in a child process (the way `npm run build:site` does), writing to `outDir`.
 * `contentDir` points the build at another content folder (COURSE_CONTENT_DIR).
 */
export async function buildSite(options: { outDir: string; contentDir?: string }): Promise<BuildResult> {
	// Test files run in parallel, and two astro builds at once trip over each other's generated assets.
	await acquireBuildLock();
	try {
		return await runAstroBuild(options);
	} finally {
		await rm(BUILD_LOCK, { recursive: true, force: true });
	}
}

const BUILD_LOCK = join(tmpdir(), 'kafka-course-site-build.lock');

const OWNER_FILE = join(BUILD_LOCK, 'pid');

async function acquireBuildLock(): Promise<void> {
	const deadline = Date.now() + 300_000;
	for (;;) {
		try {
			await mkdir(BUILD_LOCK);
			await writeFile(OWNER_FILE, String(process.pid));
			return;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || Date.now() > deadline) throw error;
			// A run stopped mid-build (Ctrl+C, a killed CI job) leaves its lock behind: take it over once its owner is gone.
			if (!(await ownerAlive())) await rm(BUILD_LOCK, { recursive: true, force: true });
			else await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}
}

/** Whether the process that holds the lock still runs; a lock just made, with no owner written yet, counts as held. */
async function ownerAlive(): Promise<boolean> {
	const owner = Number(await readFile(OWNER_FILE, 'utf8').catch(() => '0'));
	if (!owner) {
		// Made a moment ago, its owner not written yet (or left by a run from before owners were written).
		const made = await stat(BUILD_LOCK).then((lock) => lock.mtimeMs, () => 0);
		return Date.now() - made < 5_000;
	}
	try {
		process.kill(owner, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function runAstroBuild(options: { outDir: string; contentDir?: string }): Promise<BuildResult> {
	const env: NodeJS.ProcessEnv = { ...process.env, COURSE_SITE_OUT_DIR: options.outDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
	if (options.contentDir) env['COURSE_CONTENT_DIR'] = options.contentDir;
	else delete env['COURSE_CONTENT_DIR'];
	const astroCli = join(repoRoot, 'node_modules/astro/bin/astro.mjs');
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [astroCli, 'build'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ exitCode: code ?? 1, output }));
	});
}
