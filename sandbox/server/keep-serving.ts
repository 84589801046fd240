/**
 * The last line of defence of `npm start`: an error that escaped every handler is logged and the server
 * keeps serving. Ending the process would end every learner's session and shell for one failure. Known
 * sources are fixed where they arise; this only keeps an unknown one from taking the course down.
 */
export function keepServingThroughStrayErrors(): void {
  process.on('unhandledRejection', (reason) => console.error('An unhandled rejection (the course keeps serving):', reason));
  process.on('uncaughtException', (error) => console.error('An uncaught exception (the course keeps serving):', error));
}
