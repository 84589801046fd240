import { labSuite } from './lab-harness.ts';

labSuite('sending-styles');
