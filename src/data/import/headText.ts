/** A file's first bytes as the text of its whole records, or a named refusal (detect.ts reads it). */
import { lastRecordEnd } from './records';
import { ImportError } from './types';

/**
 * The head as text, cut at its last whole record (`complete`: the head is the whole file).
 * Refuses what is not a text log: nothing, a compressed archive, binary or invalid UTF-8.
 */
export function headText(head: Uint8Array, complete: boolean): string {
  if (head.byteLength >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    throw new ImportError({
      code: 'compressed',
      message: 'This is a gzip file: unpack it first (gunzip) and import the .csv inside.',
    });
  }
  if (
    head.byteLength >= 4 &&
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    head[2] === 3 &&
    head[3] === 4
  ) {
    throw new ImportError({
      code: 'compressed',
      message: 'This is a zip archive: unpack it first and import the .csv inside.',
    });
  }
  let text: string;
  try {
    // stream: the head may end inside a multi-byte character.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
  } catch {
    throw new ImportError({
      code: 'binary',
      message: 'This file is not UTF-8 text (it looks binary): export the log as CSV or TSV.',
    });
  }
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) {
      throw new ImportError({
        code: 'binary',
        message: 'This file contains NUL bytes: it is binary, not a CSV or TSV log.',
      });
    }
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) controls++;
  }
  if (controls > text.length / 100) {
    throw new ImportError({
      code: 'binary',
      message: 'This file is mostly control characters: it is binary, not a CSV or TSV log.',
    });
  }
  if (text.trim() === '') throw new ImportError({ code: 'empty', message: 'The file is empty.' });
  if (!complete) {
    const end = lastRecordEnd(text);
    if (end > 0) text = text.slice(0, end);
  }
  return text;
}
