// The components lessons import: `import { Lab, TerminalExercise, Term, KafkaDefault } from '@course/components';`
export { default as Lab } from './Lab.astro';
export { default as TerminalExercise } from './TerminalExercise.astro';
export { default as Term } from './Term.astro';
export { default as KafkaDefault } from './KafkaDefault.astro';
