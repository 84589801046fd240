import { createServer } from 'node:net';
import { SandboxError } from './sandbox-error.ts';

/** Ports the OS says are free now on `bindIp`; Docker then publishes the nodes on exactly these. */
export async function freePorts(count: number, bindIp: string): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, () => listen(0, bindIp)));
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  return ports;
}

/** Fails with what to do when a port someone asked for is taken, before Docker half-creates a cluster. */
export async function ensurePortsFree(ports: number[], bindIp: string): Promise<void> {
  for (const port of ports) {
    const server = await listen(port, bindIp).catch(() => {
      throw portTaken(port);
    });
    await new Promise((done) => server.close(done));
  }
}

export function portTaken(port: number | string, cause?: unknown): SandboxError {
  return new SandboxError(
    `Port ${port} is already in use on this machine, so a Kafka node cannot listen on it.`,
    'Stop whatever uses that port (`ss -ltnp` shows it), or choose other ports (leave them unset to have free ones picked).',
    { cause },
  );
}

function listen(port: number, host: string): Promise<ReturnType<typeof createServer>> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => resolve(server));
  });
}
