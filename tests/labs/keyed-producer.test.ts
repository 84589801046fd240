import { labSuite } from './lab-harness.ts';

labSuite('keyed-producer');
