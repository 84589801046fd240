/**
 * The brokers' own record of the program's requests. With kafka.request.logger at DEBUG, a broker logs
 * every request it completes (API, client id, listener, connection, the request's fields and the
 * response's) to its standard output; the sandbox reads those lines back from the node's log for the
 * time the program ran, without the sandbox's own clients and the brokers' own traffic. What the program
 * prints never enters this evidence.
 */
import kafkajs from 'kafkajs';
import { SANDBOX_CLIENT_ID, type KafkaCluster } from '../cluster/kafka-cluster.ts';
import { LISTENER } from '../cluster/node-properties.ts';
import type { BrokerRequest } from '../lab-kit/lab-format.ts';

const { ConfigResourceTypes } = kafkajs;
const REQUEST_LOGGER = 'kafka.request.logger';
const LOG_LINE = /Completed request:(\{.*\}) \(kafka\.request\.logger\)\s*$/;

/**
 * Sets the request logger of every running node to DEBUG, unless it is already. A node that restarts
 * (a scenario's outage) logs at its configured level again until the next run enables it.
 */
export async function enableRequestLog(cluster: KafkaCluster): Promise<void> {
  const running = [];
  for (const broker of cluster.brokers) if ((await broker.state()) === 'running') running.push(broker);
  await Promise.all(running.map(async (broker) => {
    if ((await loggerLevel(cluster, broker.nodeId)) === 'DEBUG') return;
    // kafkajs has no IncrementalAlterConfigs, the only request that sets a broker's loggers: Kafka's own tool does it.
    const result = await broker.exec([
      'kafka-configs', '--bootstrap-server', cluster.internalBootstrapServers, '--alter',
      '--entity-type', 'broker-loggers', '--entity-name', String(broker.nodeId), '--add-config', `${REQUEST_LOGGER}=DEBUG`,
    ]);
    if (result.exitCode !== 0) throw new Error(`could not turn on node ${broker.nodeId}'s request log: ${result.stderr.trim().split('\n')[0]}`);
  }));
}

async function loggerLevel(cluster: KafkaCluster, nodeId: number): Promise<string | undefined> {
  const admin = await cluster.adminClient();
  const { resources } = await admin
    .describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.BROKER_LOGGER, name: String(nodeId), configNames: [REQUEST_LOGGER] }] })
    .catch(() => ({ resources: [] }));
  return resources[0]?.configEntries.find((entry) => entry.configName === REQUEST_LOGGER)?.configValue;
}

/** The requests every node completed at or after `sinceMs`, the sandbox's own and the cluster's own left out, in time order. */
export async function readRequests(cluster: KafkaCluster, sinceMs: number): Promise<BrokerRequest[]> {
  const perNode = await Promise.all(cluster.brokers.map(async (broker) => {
    const lines = await broker.logSince(sinceMs);
    return lines.flatMap(({ at, text }) => {
      const request = parseRequest(broker.nodeId, at, text);
      return request ? [request] : [];
    });
  }));
  return perNode
    .flat()
    .filter((r) => !(r.listener === LISTENER.host && r.clientId === SANDBOX_CLIENT_ID) && !isClusterOwn(r))
    .sort((a, b) => a.at - b.at);
}

/** The cluster's own traffic: the KRaft quorum's listener, and followers fetching from leaders. */
function isClusterOwn(request: BrokerRequest): boolean {
  return request.listener === LISTENER.controller || /^broker-\d+-fetcher-\d+$/.test(request.clientId);
}

function parseRequest(nodeId: number, at: number, text: string): BrokerRequest | undefined {
  const json = LOG_LINE.exec(text)?.[1];
  if (!json) return undefined;
  try {
    const entry = JSON.parse(json) as {
      requestHeader?: { requestApiKeyName?: string; clientId?: string };
      listener?: string;
      connection?: string;
      request?: Record<string, unknown>;
      response?: Record<string, unknown>;
    };
    return {
      at,
      nodeId,
      api: entry.requestHeader?.requestApiKeyName ?? 'UNKNOWN',
      clientId: entry.requestHeader?.clientId ?? '',
      listener: entry.listener ?? '',
      connection: entry.connection ?? '',
      request: entry.request ?? {},
      response: entry.response ?? {},
    };
  } catch {
    return undefined; // a line cut short
  }
}
