import { labSuite } from './lab-harness.ts';

labSuite('acks-min-isr');
