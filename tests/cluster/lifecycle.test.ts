import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { startKafkaCluster } from '../../sandbox/cluster/kafka-cluster.ts';
import { dockerClient } from '../../sandbox/docker/docker-client.ts';
import { LABEL } from '../../sandbox/docker/labels.ts';
import { PUBLISHED_NETWORK } from '../../sandbox/docker/published-network.ts';
import { SandboxError } from '../../sandbox/docker/sandbox-error.ts';
import { sweepOrphans } from '../../sandbox/docker/sweep.ts';

const FIXTURE = new URL('./fixtures/start-cluster-and-wait.ts', import.meta.url).pathname;

function startChild(env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(process.execPath, [FIXTURE], { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function clusterIdFrom(child: ChildProcess): Promise<string> {
  for await (const line of createInterface({ input: child.stdout! })) return (JSON.parse(line) as { clusterId: string }).clusterId;
  throw new Error('the child exited before starting its cluster');
}

async function resourcesOf(clusterId: string): Promise<{ containers: string[]; networks: string[]; volumes: string[] }> {
  const docker = (await dockerClient()).container.dockerode;
  const filters = JSON.stringify({ label: [`${LABEL.cluster}=${clusterId}`] });
  return {
    containers: (await docker.listContainers({ all: true, filters })).map((c) => c.Id),
    networks: (await docker.listNetworks({ filters })).map((n) => n.Id),
    volumes: ((await docker.listVolumes({ filters })).Volumes ?? []).map((v) => v.Name),
  };
}

const NOTHING = { containers: [], networks: [], volumes: [] };

describe('cluster lifecycle', () => {
  it('sweeps away the containers, network and volumes of a process that was killed', async () => {
    const child = startChild();
    const clusterId = await clusterIdFrom(child);
    child.kill('SIGKILL');
    await once(child, 'exit');
    const left = await resourcesOf(clusterId);
    assert.equal(left.containers.length, 2, 'SIGKILL leaves the node and its data holder behind');
    assert.equal(left.networks.length, 1);
    assert.equal(left.volumes.length, 1, 'and the node\'s data volume');

    const swept = await sweepOrphans(await dockerClient());
    assert.ok(left.containers.every((id) => swept.containers.includes(id)), 'the orphaned containers were swept');
    assert.ok(left.volumes.every((name) => swept.volumes.includes(name)), 'the orphaned volume was swept');
    assert.deepEqual(await resourcesOf(clusterId), NOTHING);
    const shared = await (await dockerClient()).container.dockerode.getNetwork(PUBLISHED_NETWORK).inspect();
    assert.equal(shared.Name, PUBLISHED_NETWORK, 'the network every process shares stays');
  });

  it('leaves the clusters of live processes alone', async () => {
    const child = startChild();
    try {
      const clusterId = await clusterIdFrom(child);
      await sweepOrphans(await dockerClient());
      assert.equal((await resourcesOf(clusterId)).containers.length, 2);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('disposes its cluster on SIGTERM and on SIGINT', async () => {
    for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
      const child = startChild();
      const clusterId = await clusterIdFrom(child);
      child.kill(signal);
      const [exitCode] = await once(child, 'exit');
      assert.equal(exitCode, code);
      assert.deepEqual(await resourcesOf(clusterId), NOTHING, `nothing left after ${signal}`);
    }
  });

  it('says the Docker engine is unreachable, quickly, instead of hanging', async () => {
    const child = startChild({ ...process.env, DOCKER_HOST: 'unix:///tmp/kafka-course-no-docker.sock' });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const [exitCode] = await once(child, 'exit');
    assert.equal(exitCode, 1);
    assert.match(stderr, /The Docker engine is not reachable at unix:\/\/\/tmp\/kafka-course-no-docker\.sock/);
    assert.match(stderr, /→ Start Docker/);
  });

  it('says the image is missing and cannot be built, when neither pulling nor building can give one', async () => {
    const buildImage = new URL('../../sandbox/cli/build-image.ts', import.meta.url).pathname;
    // A version no registry has, and a PATH without debootstrap or Maven.
    const env = { ...process.env, KAFKA_VERSION: '0.0.0-missing', PATH: dirname(process.execPath) };
    const child = spawn(process.execPath, [buildImage, '--if-missing'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const [exitCode] = await once(child, 'exit');
    assert.equal(exitCode, 1);
    assert.match(stderr, /The Kafka image is missing and cannot be built here: building it needs debootstrap .*Maven/);
    assert.match(stderr, /→ Where a registry is reachable, `docker pull apache\/kafka`/);
  });

  it('publishes host ports on the engine\'s 127.0.0.1 also when the engine may be on another machine', async () => {
    // An engine the sandbox cannot tell is local: this machine's own, through a proxy on another loopback address.
    const proxy = createServer((client) => {
      const engine = connect('/var/run/docker.sock');
      client.pipe(engine).pipe(client);
      for (const socket of [client, engine]) socket.on('error', () => { client.destroy(); engine.destroy(); });
    }).listen(0, '127.0.0.2');
    await once(proxy, 'listening');
    const child = startChild({ ...process.env, DOCKER_HOST: `tcp://127.0.0.2:${(proxy.address() as { port: number }).port}` });
    try {
      const clusterId = await clusterIdFrom(child);
      const docker = (await dockerClient()).container.dockerode;
      const [node] = await docker.listContainers({ filters: JSON.stringify({ label: [`${LABEL.cluster}=${clusterId}`, `${LABEL.node}=1`] }) });
      assert.ok(node?.Ports.length, 'the node publishes its host port');
      assert.deepEqual([...new Set(node.Ports.filter((p) => p.PublicPort).map((p) => p.IP))], ['127.0.0.1']);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
      proxy.close();
    }
  });

  it('says which port is taken when a node cannot have it', async () => {
    const squatter = createServer().listen(0, '127.0.0.1');
    await once(squatter, 'listening');
    const port = (squatter.address() as { port: number }).port;
    try {
      await assert.rejects(startKafkaCluster({ nodes: 1, hostPorts: [port] }), (error: unknown) => {
        assert.ok(error instanceof SandboxError);
        assert.match(error.message, new RegExp(`Port ${port} is already in use`));
        return true;
      });
    } finally {
      squatter.close();
    }
  });

  it('explains a broker that never becomes ready with the end of its log, and leaves nothing behind', async () => {
    const docker = (await dockerClient()).container.dockerode;
    const filters = JSON.stringify({ label: [`${LABEL.ownerPid}=${process.pid}`] });
    const ours = async () => (await docker.listContainers({ all: true, filters })).length + ((await docker.listVolumes({ filters })).Volumes ?? []).length;
    const before = await ours();
    await assert.rejects(startKafkaCluster({ nodes: 1, brokerConfig: { 'num.partitions': 'many' } }), (error: unknown) => {
      assert.ok(error instanceof SandboxError);
      assert.match(error.message, /Kafka node 1 did not become ready/);
      assert.match(error.message, /--- kafka-1 ---[\s\S]*num\.partitions/, 'the log tail names the bad setting');
      return true;
    });
    assert.equal(await ours(), before);
  });
});
