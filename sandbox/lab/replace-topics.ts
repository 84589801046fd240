import type { KafkaCluster } from '../cluster/kafka-cluster.ts';
import type { TopicSpec } from '../cluster/cluster-spec.ts';

/** Deletes the named topics where they exist and creates them as given (a variation's other partition count, say). */
export async function replaceTopics(cluster: KafkaCluster, topics: TopicSpec[]): Promise<void> {
  const admin = await cluster.adminClient();
  const names = topics.map((topic) => topic.name);
  const existing = (await admin.listTopics()).filter((name) => names.includes(name));
  if (existing.length > 0) await admin.deleteTopics({ topics: existing, timeout: 30_000 });
  // A deleted topic's metadata lingers a moment; a topic of the same name cannot be created before it goes.
  for (let attempt = 0; ; attempt++) {
    const remaining = new Set(await admin.listTopics());
    if (!existing.some((name) => remaining.has(name))) break;
    if (attempt === 200) throw new Error(`topics still present after deletion: ${existing.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await cluster.createTopics(topics);
}
