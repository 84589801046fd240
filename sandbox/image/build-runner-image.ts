/**
 * Builds the image lab programs run in: Node and the packages a lab may import, nothing else (no shell,
 * no package manager). Where the host's Node is a Linux binary of the engine's architecture (Linux
 * hosts, CI), the base is that binary plus the libraries `ldd` names, imported offline; elsewhere
 * (macOS) it is a pulled node:<major>-slim. Both bases then get the same kafkajs layer.
 */
import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import { readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type Dockerode from 'dockerode';
import { pack, type Pack } from 'tar-stream';
import type { ContainerRuntimeClient } from 'testcontainers';
import { SandboxError } from '../docker/sandbox-error.ts';

type Progress = (line: string) => void;

/** What goes into the runner image; see runner-image.ts. */
export interface RunnerImageSpec {
  name: string;
  versions: { node: string; kafkajs: string };
  user: { name: string; uid: number };
  workDir: string;
  /** Package name → its folder on this machine. */
  packages: ReadonlyMap<string, string>;
  labels: { node: string; kafkajs: string };
}

export async function buildRunnerImage(
  client: ContainerRuntimeClient,
  image: RunnerImageSpec,
  progress: Progress = (line) => process.stderr.write(`${line}\n`),
): Promise<void> {
  const docker = client.container.dockerode;
  const local = await hostNodeFitsEngine(docker);
  const base = local ? `${image.name}-base` : `node:${image.versions.node.split('.')[0]}-slim`;
  if (local) {
    progress(`[1/2] Importing this machine's Node ${image.versions.node} and its libraries as ${base}`);
    await importHostNode(docker, base, image);
  } else {
    progress(`[1/2] Pulling ${base} (this machine's Node is not a Linux binary for the Docker engine)`);
    await pull(docker, base);
  }
  progress(`[2/2] Adding kafkajs ${image.versions.kafkajs} and committing ${image.name}`);
  await addPackagesLayer(docker, base, image);
  if (local) await docker.getImage(base).remove().catch(() => undefined); // an intermediate step only
  progress(`Built ${image.name}`);
}

async function hostNodeFitsEngine(docker: Dockerode): Promise<boolean> {
  if (process.platform !== 'linux') return false;
  const { Architecture } = (await docker.info()) as { Architecture: string };
  const engineArch: Record<string, string> = { x86_64: 'x64', amd64: 'x64', aarch64: 'arm64', arm64: 'arm64' };
  return engineArch[Architecture] === process.arch;
}

/** The base: /usr/local/bin/node, the shared libraries it loads (as ldd resolves them), users, and an empty /tmp. */
async function importHostNode(docker: Dockerode, tag: string, image: RunnerImageSpec): Promise<void> {
  const libraries = await sharedLibraries(process.execPath);
  const archive = pack();
  const writing = (async () => {
    for (const dir of ['etc', 'tmp', 'usr', 'usr/local', 'usr/local/bin', image.workDir.slice(1)]) {
      await entry(archive, { name: dir, type: 'directory', mode: dir === 'tmp' ? 0o1777 : 0o755 });
    }
    await entry(archive, { name: 'etc/passwd', mode: 0o644 }, `root:x:0:0:root:/root:/sbin/nologin\n${image.user.name}:x:${image.user.uid}:${image.user.uid}::/tmp:/sbin/nologin\n`);
    await entry(archive, { name: 'etc/group', mode: 0o644 }, `root:x:0:\n${image.user.name}:x:${image.user.uid}:\n`);
    await addFile(archive, process.execPath, 'usr/local/bin/node', 0o755);
    const dirs = new Set<string>();
    for (const library of libraries) {
      for (let dir = dirname(library); dir !== '/' && !dirs.has(dir); dir = dirname(dir)) dirs.add(dir);
    }
    for (const dir of [...dirs].sort()) await entry(archive, { name: dir.slice(1), type: 'directory', mode: 0o755 });
    for (const library of libraries) await addFile(archive, await realpath(library), library.slice(1), 0o755);
    archive.finalize();
  })();
  const [repo, version] = splitTag(tag);
  await followProgress(docker, await docker.importImage(asNodeStream(archive), { repo, tag: version }));
  await writing;
}

/** Paths of the libraries a dynamically linked binary loads, the loader included, from `ldd`. */
async function sharedLibraries(binary: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)('ldd', [binary]).catch((error: unknown) => {
    throw new SandboxError(
      `Cannot list the libraries of ${binary} with ldd (${error instanceof Error ? error.message : String(error)}).`,
      'Install ldd (Debian: libc-bin), or build the image on a machine with a Docker registry (it then uses node:slim).',
    );
  });
  // "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x…)" or "/lib64/ld-linux-x86-64.so.2 (0x…)"; vdso has no file.
  return [...stdout.matchAll(/(?:=>\s*)?(\/\S+)\s+\(0x[0-9a-f]+\)/g)].map((match) => match[1]!);
}

/** /app/node_modules/<package> for every package a lab may import, owned by root: the program reads them, never writes. */
async function addPackagesLayer(docker: Dockerode, base: string, image: RunnerImageSpec): Promise<void> {
  const container = await docker.createContainer({ Image: base, Cmd: ['node'], User: '0' });
  try {
    const archive = pack();
    const writing = (async () => {
      await entry(archive, { name: image.workDir.slice(1), type: 'directory', mode: 0o755 });
      await entry(archive, { name: `${image.workDir.slice(1)}/node_modules`, type: 'directory', mode: 0o755 });
      for (const [name, dir] of image.packages) await addTree(archive, dir, `${image.workDir.slice(1)}/node_modules/${name}`);
      archive.finalize();
    })();
    await container.putArchive(asNodeStream(archive), { path: '/' });
    await writing;
    const [repo, tag] = splitTag(image.name);
    const previous = await docker.getImage(image.name).inspect().then((info) => info.Id, () => undefined);
    await container.commit({
      repo,
      tag,
      changes: [
        `USER ${image.user.uid}:${image.user.uid}`,
        `WORKDIR ${image.workDir}`,
        'ENV PATH=/usr/local/bin:/usr/bin:/bin',
        'CMD ["node"]',
        `LABEL ${image.labels.node}=${image.versions.node} ${image.labels.kafkajs}=${image.versions.kafkajs}`,
      ],
    });
    // A rebuild would otherwise leave the last build behind as an untagged image.
    if (previous) await docker.getImage(previous).remove().catch(() => undefined);
  } finally {
    await container.remove({ force: true });
  }
}

async function addTree(archive: Pack, from: string, to: string): Promise<void> {
  await entry(archive, { name: to, type: 'directory', mode: 0o755 });
  for (const item of (await readdir(from, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(from, item.name);
    if (item.isDirectory()) await addTree(archive, path, `${to}/${item.name}`);
    else if (item.isFile()) await addFile(archive, path, `${to}/${item.name}`, 0o644);
  }
}

async function addFile(archive: Pack, from: string, to: string, mode: number): Promise<void> {
  const { size } = await stat(from);
  await new Promise<void>((resolve, reject) => {
    const body = archive.entry({ name: to, size, mode, uid: 0, gid: 0 }, (error) => (error ? reject(error) : resolve()));
    createReadStream(from).on('error', reject).pipe(body);
  });
}

function entry(archive: Pack, header: { name: string; type?: 'directory'; mode: number }, content?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    archive.entry({ uid: 0, gid: 0, ...header }, content ?? '', (error) => (error ? reject(error) : resolve()));
  });
}

async function pull(docker: Dockerode, image: string): Promise<void> {
  try {
    await followProgress(docker, await docker.pull(image));
  } catch (error) {
    throw new SandboxError(
      `Cannot pull ${image} for the lab runner image (${error instanceof Error ? error.message : String(error)}).`,
      'Connect to a registry once to build the runner image, or build it on a Linux machine, which needs no registry.',
      { cause: error },
    );
  }
}

/** tar-stream's packs are streamx streams; dockerode takes Node's. */
function asNodeStream(archive: Pack): PassThrough {
  return archive.pipe(new PassThrough());
}

function followProgress(docker: Dockerode, stream: NodeJS.ReadableStream): Promise<void> {
  return new Promise((resolve, reject) => docker.modem.followProgress(stream, (error: Error | null) => (error ? reject(error) : resolve())));
}

function splitTag(image: string): [string, string] {
  const colon = image.lastIndexOf(':');
  return [image.slice(0, colon), image.slice(colon + 1)];
}
