import { labSuite } from './lab-harness.ts';

labSuite('consumer-group-basics');
