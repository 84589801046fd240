import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import kafkajs from 'kafkajs';
import { startKafkaCluster, type KafkaCluster } from '../../sandbox/cluster/kafka-cluster.ts';
import { BROKER_USER, dockerUser } from '../../sandbox/cluster/node-users.ts';
import { CONFIG_RESOURCE, metadataChanges, topicLives, type MetadataChange } from '../../sandbox/lab-kit/metadata-log.ts';

const { ConfigResourceTypes } = kafkajs;

/** What Kafka's own decoder (kafka-dump-log --cluster-metadata-decoder) reads from the same files, as the broker's user. */
async function kafkaDecoded(cluster: KafkaCluster): Promise<Array<{ offset: number; type: string; data: Record<string, unknown> }>> {
  const broker = cluster.broker(1);
  const listing = await broker.exec(['sh', '-c', 'ls /var/lib/kafka/data/__cluster_metadata-0/*.log'], { user: dockerUser(BROKER_USER) });
  const files = listing.stdout.trim().split('\n').join(',');
  const dump = await broker.exec(['kafka-dump-log', '--cluster-metadata-decoder', '--files', files], { user: dockerUser(BROKER_USER) });
  assert.equal(dump.exitCode, 0, dump.stderr);
  return dump.stdout.split('\n').flatMap((line) => {
    const match = line.match(/^\| offset: (\d+) .* payload: (\{.*\})$/);
    if (!match) return [];
    const payload = JSON.parse(match[2]!) as { type: string; data: Record<string, unknown> };
    return [{ offset: Number(match[1]), type: payload.type, data: payload.data }];
  });
}

describe('the metadata log reader', () => {
  let cluster: KafkaCluster;
  before(async () => {
    cluster = await startKafkaCluster({ nodes: 1 });
  });
  after(() => cluster?.dispose());

  it('reads topics created and deleted and configs set and removed after a moment, as Kafka decodes them', async () => {
    const admin = await cluster.adminClient();
    await admin.createTopics({ topics: [{ topic: 'before-the-session' }], waitForLeaders: true });
    // Further apart than the controller's append linger, the reader's precision.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const since = Date.now();
    await admin.createTopics({ topics: [{ topic: 'scratch' }], waitForLeaders: true });
    await admin.deleteTopics({ topics: ['scratch'] });
    await admin.createTopics({ topics: [{ topic: 'configs-demo' }], waitForLeaders: true });
    await admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: 'configs-demo', configEntries: [{ name: 'retention.ms', value: '60000' }] }] });
    await admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: 'configs-demo', configEntries: [] }] });

    const changes = await metadataChanges(cluster, since);
    const topics = changes.filter((c): c is Extract<MetadataChange, { type: 'topic' }> => c.type === 'topic').map((c) => c.name);
    assert.deepEqual(topics, ['scratch', 'configs-demo'], 'a topic created before the moment is not read');
    const [scratch] = topicLives(changes, 'scratch');
    assert.ok(scratch?.removed, 'scratch was created, then removed');
    assert.ok(scratch.removed.offset > scratch.created.offset);
    assert.equal(topicLives(changes, 'configs-demo')[0]?.removed, undefined);
    const retention = changes.filter((c) => c.type === 'config' && c.resourceType === CONFIG_RESOURCE.topic && c.name === 'retention.ms');
    assert.deepEqual(retention.map((c) => c.type === 'config' && c.value), ['60000', null], 'set, then removed');

    // The same records, field by field, as Kafka's own decoder prints them.
    const decoded = (await kafkaDecoded(cluster)).filter((r) => ['TOPIC_RECORD', 'REMOVE_TOPIC_RECORD', 'CONFIG_RECORD'].includes(r.type));
    const mine = new Map(changes.map((c) => [c.offset, c]));
    const theirs = decoded.filter((r) => r.offset >= Math.min(...mine.keys()));
    assert.equal(theirs.length, changes.length);
    for (const record of theirs) {
      const change = mine.get(record.offset);
      if (record.type === 'TOPIC_RECORD') assert.deepEqual(change && { name: 'name' in change && change.name, topicId: 'topicId' in change && change.topicId }, record.data);
      if (record.type === 'REMOVE_TOPIC_RECORD') assert.deepEqual(change && { topicId: 'topicId' in change && change.topicId }, record.data);
      if (record.type === 'CONFIG_RECORD' && change?.type === 'config') {
        assert.deepEqual({ resourceType: change.resourceType, resourceName: change.resourceName, name: change.name, value: change.value }, record.data);
      }
      assert.ok(change, `offset ${record.offset} (${record.type}) read by both`);
    }
  });
});
