/**
 * A terminal transcript as plain text, for checks and instructors: escape sequences (colours, cursor
 * moves, titles) removed, CR LF as LF, backspaced characters taken out.
 */
export function transcriptText(bytes: Buffer): string {
  const text = bytes
    .toString('utf8')
    .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, '') // OSC: window titles
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '') // CSI: colours, cursor, erase
    .replace(/\x1b[@-Z\\-_]/g, '') // other two-byte escapes
    .replace(/\r\n/g, '\n');
  // Line editing echoes "x\b \b" to erase a character: apply it.
  let previous: string;
  let current = text;
  do {
    previous = current;
    current = current.replace(/[^\n\b]\x08/g, '');
  } while (current !== previous);
  return current.replace(/\r/g, '');
}
