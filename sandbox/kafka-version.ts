/**
 * The Apache Kafka release the course runs. One setting switches it: KAFKA_VERSION picks both the
 * official image's tag and the jars Maven resolves for the offline image.
 *
 * 4.3.1 is the newest release whose artifacts are all on Maven Central (4.4.0's kafka-tools is not
 * published there) and the tests prove kafkajs 2.2.4 against it.
 */
export const KAFKA_VERSION = process.env.KAFKA_VERSION ?? '4.3.1';
