import { labSuite } from './lab-harness.ts';

labSuite('traced-sends');
