import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { access, chmod, cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ContainerRuntimeClient } from 'testcontainers';
import { commandOnPath } from '../command-on-path.ts';
import { SandboxError } from '../docker/sandbox-error.ts';
import { BuildLog } from './build-log.ts';
import { classesInJar } from './jar-classes.ts';
import { debianSource } from './debian-mirror.ts';
import { BROKER_HEAP_OPTS, BROKER_JVM_PERFORMANCE_OPTS, CDS_ARCHIVES } from './jvm-options.ts';
import { resolveToolClasses, toolScript } from './kafka-cli-tools.ts';

const IMAGE_DIR = import.meta.dirname;
const CACHE_DIR = resolve(IMAGE_DIR, '../../.cache/kafka-image');
const APP_USER = { name: 'appuser', uid: 1000 }; // as in the official image

type Progress = (line: string) => void;

/**
 * Builds the course's own Kafka image without any registry: a Debian root file system (debootstrap,
 * with Debian's openjdk-17-jre-headless), the Kafka jars Maven resolves, and the distribution's
 * layout (/opt/kafka/bin, libs, config), so the sandbox drives it exactly like apache/kafka.
 */
export async function buildKafkaImage(
  client: ContainerRuntimeClient,
  image: { name: string; kafkaVersion: string },
  progress: Progress = (line) => process.stderr.write(`${line}\n`),
): Promise<void> {
  await checkBuildable();
  const rootfs = join(CACHE_DIR, 'rootfs');
  await mkdir(CACHE_DIR, { recursive: true });
  const log = new BuildLog(join(CACHE_DIR, 'build.log'));
  progress(`Building ${image.name} (a few minutes the first time; the tools' own output goes to ${log.path})`);
  try {
    progress(`[1/5] Resolving the Apache Kafka ${image.kafkaVersion} jars with Maven`);
    const libs = join(CACHE_DIR, `kafka-${image.kafkaVersion}-libs`);
    await resolveKafkaJars(log, image.kafkaVersion, libs);

    progress('[2/5] Building the Debian root file system with a Java runtime (debootstrap; cached after the first build)');
    await ensureRootfs(log, rootfs, progress);

    progress('[3/5] Laying out /opt/kafka: jars, launch scripts and the CLI tools');
    await layOutKafka(log, rootfs, libs);

    progress(`[4/5] Importing the root file system as ${image.name}-base`);
    await importRootfs(client, rootfs, `${image.name}-base`, image.kafkaVersion);

    progress('[5/5] Creating class-data-sharing archives from a first broker start');
    await commitWithCdsArchives(log, client, `${image.name}-base`, image.name, image.kafkaVersion);
    progress(`Built ${image.name}`);
  } finally {
    await log.close();
  }
}

async function checkBuildable(): Promise<void> {
  const missing = [];
  if (process.getuid?.() !== 0) missing.push('root (debootstrap and chroot need it)');
  if (!commandOnPath('debootstrap')) missing.push('debootstrap (apt-get install debootstrap)');
  if (!commandOnPath('mvn')) missing.push('Maven (apt-get install maven)');
  if (!commandOnPath('tar')) missing.push('tar');
  if (missing.length > 0) {
    throw new SandboxError(
      `The Kafka image is missing and cannot be built here: building it needs ${missing.join(', ')}.`,
      'Where a registry is reachable, `docker pull apache/kafka` with the course\'s Kafka version is enough; otherwise run `npm run image` as root on a Debian machine with debootstrap and Maven.',
    );
  }
}

async function resolveKafkaJars(log: BuildLog, kafkaVersion: string, libs: string): Promise<void> {
  await rm(libs, { recursive: true, force: true });
  await log.run('mvn', [
    '--batch-mode', '--no-transfer-progress', '--quiet', '-Dstyle.color=never',
    '-f', join(IMAGE_DIR, 'pom.xml'),
    `-Dkafka.version=${kafkaVersion}`,
    'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${libs}`,
  ]);
}

/** debootstrap's log lines that start each of its phases, as the person waiting would name them. */
const DEBOOTSTRAP_PHASES: ReadonlyArray<[RegExp, string]> = [
  [/^I: Retrieving /, 'downloading packages'],
  [/^I: Extracting /, 'extracting'],
  [/^I: Unpacking /, 'installing'],
  [/^I: Configuring /, 'configuring'],
];

async function ensureRootfs(log: BuildLog, rootfs: string, progress: Progress): Promise<void> {
  const complete = join(rootfs, '.kafka-course-rootfs-complete');
  if (await exists(complete)) return progress('  using the cached root file system');
  await rm(rootfs, { recursive: true, force: true });
  const { mirror, suite } = await debianSource();
  progress(`  Debian ${suite} from ${mirror}`);
  let phase: string | undefined;
  const showPhase = (line: string) => {
    const next = DEBOOTSTRAP_PHASES.find(([start]) => start.test(line))?.[1];
    if (next && next !== phase) progress(`  ${(phase = next)} ...`);
  };
  await log.run('debootstrap', ['--variant=minbase', '--include=openjdk-17-jre-headless,procps,less', suite, rootfs, mirror], showPhase);
  await log.run('chroot', [rootfs, 'useradd', '--create-home', '--uid', String(APP_USER.uid), '--shell', '/bin/bash', APP_USER.name]);
  // Package caches and documentation are a third of the size and nobody reads them in a broker.
  for (const dir of ['var/cache/apt/archives', 'var/lib/apt/lists', 'usr/share/doc', 'usr/share/man', 'usr/share/locale']) {
    await rm(join(rootfs, dir), { recursive: true, force: true });
    await mkdir(join(rootfs, dir), { recursive: true });
  }
  await writeFile(complete, '');
}

async function layOutKafka(log: BuildLog, rootfs: string, libs: string): Promise<void> {
  const kafka = join(rootfs, 'opt/kafka');
  await rm(kafka, { recursive: true, force: true });
  await cp(join(IMAGE_DIR, 'rootfs/opt/kafka'), kafka, { recursive: true });
  await cp(libs, join(kafka, 'libs'), { recursive: true });

  const classes = new Set<string>();
  for (const jar of await readdir(libs)) {
    for (const name of await classesInJar(join(libs, jar))) classes.add(name);
  }
  for (const [tool, mainClass] of resolveToolClasses(classes)) {
    const script = join(kafka, 'bin', `kafka-${tool}.sh`);
    await writeFile(script, toolScript(mainClass));
    await chmod(script, 0o755);
  }
  await mkdir(join(rootfs, 'var/lib/kafka/data'), { recursive: true });
  const owner = `${APP_USER.uid}:${APP_USER.uid}`;
  await log.run('chown', ['-R', owner, kafka, join(rootfs, 'var/lib/kafka')]);
}

const IMAGE_CHANGES = (kafkaVersion: string): string[] => [
  'ENV PATH=/opt/kafka/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  `USER ${APP_USER.name}`,
  `WORKDIR /home/${APP_USER.name}`,
  'EXPOSE 9092',
  'CMD ["/opt/kafka/bin/kafka-server-start.sh", "/opt/kafka/config/server.properties"]',
  `LABEL org.kafka-course.kafka-version=${kafkaVersion}`,
];

async function importRootfs(client: ContainerRuntimeClient, rootfs: string, tag: string, kafkaVersion: string): Promise<void> {
  const tar = spawn('tar', ['--numeric-owner', '--exclude=./.kafka-course-rootfs-complete', '-C', rootfs, '-cf', '-', '.'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const tarClosed = once(tar, 'close');
  const [repo, version] = splitTag(tag);
  const docker = client.container.dockerode;
  const response = await docker.importImage(tar.stdout, { repo, tag: version, changes: IMAGE_CHANGES(kafkaVersion) });
  await new Promise<void>((done, fail) =>
    docker.modem.followProgress(response, (error: Error | null) => (error ? fail(error) : done())),
  );
  const [code] = await tarClosed;
  if (code !== 0) throw new Error(`tar of the root file system exited with ${code}`);
}

async function commitWithCdsArchives(
  log: BuildLog,
  client: ContainerRuntimeClient,
  baseImage: string,
  image: string,
  kafkaVersion: string,
): Promise<void> {
  const docker = client.container.dockerode;
  const container = await docker.createContainer({
    Image: baseImage,
    // Settings go in the command, not the container's environment, which a commit would keep.
    Cmd: ['/bin/sh', '-c', [
      `export KAFKA_HEAP_OPTS='${BROKER_HEAP_OPTS}' KAFKA_JVM_PERFORMANCE_OPTS='${BROKER_JVM_PERFORMANCE_OPTS}'`,
      `export BROKER_ARCHIVE=${CDS_ARCHIVES.broker} STORAGE_ARCHIVE=${CDS_ARCHIVES.storageTool}`,
      await readFile(join(IMAGE_DIR, 'create-cds-archives.sh'), 'utf8'),
    ].join('\n')],
  });
  try {
    await container.start();
    const logs = await container.logs({ follow: true, stdout: true, stderr: true });
    docker.modem.demuxStream(logs, log.stream, log.stream);
    const { StatusCode } = (await container.wait()) as { StatusCode: number };
    if (StatusCode !== 0) throw await log.failure(`creating the class-data-sharing archives failed (exit ${StatusCode})`);
    const [repo, tag] = splitTag(image);
    const previous = await docker.getImage(image).inspect().then((info) => info.Id, () => undefined);
    await container.commit({ repo, tag, changes: IMAGE_CHANGES(kafkaVersion) });
    // A rebuild would otherwise leave the last build behind as an untagged image.
    if (previous) await docker.getImage(previous).remove().catch(() => undefined);
  } finally {
    await container.remove({ force: true });
  }
}

function splitTag(image: string): [string, string] {
  const colon = image.lastIndexOf(':');
  return [image.slice(0, colon), image.slice(colon + 1)];
}

function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}
