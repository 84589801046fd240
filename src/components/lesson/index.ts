// The components lessons import: `import { Lab, TerminalExercise, Term, KafkaDefault, KafkaVersion, LessonLink, KnowledgeCheck } from '@course/components';`
export { default as Lab } from './Lab.astro';
export { default as TerminalExercise } from './TerminalExercise.astro';
export { default as Term } from './Term.astro';
export { default as KafkaDefault } from './KafkaDefault.astro';
export { default as KafkaVersion } from './KafkaVersion.astro';
export { default as LessonLink } from './LessonLink.astro';
export { default as KnowledgeCheck } from './KnowledgeCheck.astro';
