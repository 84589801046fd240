/**
 * The sandbox's API for labs and terminal exercises: the formats their files export, and the helpers
 * their checks read the cluster with. Files under labs/ import from here and nowhere else in the sandbox;
 * the sandbox, in turn, finds labs only through its catalogs.
 */
export * from './lab-format.ts';
export * from './exercise-format.ts';
export * from './cluster-state.ts';
export * from './broker-requests.ts';
export * from './config-checks.ts';
export * from './topic-checks.ts';
export * from './record-checks.ts';
export * from './dump-log-checks.ts';
export * from './segment-files.ts';
export * from './retention-log.ts';
export { createTopicsLog, type CreateTopicsLog, type TopicCreationResult } from './controller-log.ts';
export { CONFIG_RESOURCE, metadataChanges, quorumElections, topicLives, type MetadataChange, type QuorumElection } from './metadata-log.ts';
export { quorumView, type QuorumView } from '../cluster/controller-quorum.ts';
export type { CompressionCodec, RecordBatch, SegmentRecord } from './record-batches.ts';
export { coordinatorLog, type ClassicMember, type ConsumerGroupRecordType, type CoordinatorRecord } from './coordinator-log.ts';
