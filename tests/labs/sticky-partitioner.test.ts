import { labSuite } from './lab-harness.ts';

labSuite('sticky-partitioner');
