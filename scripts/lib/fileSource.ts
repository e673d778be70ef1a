/** A file on disk as the import pipeline's ByteSource (1 MB reads), for Node scripts and tests. */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ByteSource } from '../../src/data/import/types';

export function fileSource(path: string): ByteSource {
  return {
    name: basename(path),
    size: statSync(path).size,
    chunks: () => createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>,
  };
}
