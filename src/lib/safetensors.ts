/**
 * The safetensors file format (huggingface/safetensors): an 8-byte little-endian header length
 * N, N bytes of JSON naming each tensor's dtype, shape and byte range, then the raw
 * little-endian data. PyTorch loads it with `safetensors.torch.load_file`. Float32 only: every
 * weight of the models here is float32. Plain TypeScript, no dependency.
 */

export interface NamedTensor {
  name: string;
  shape: number[];
  values: Float32Array;
}

interface HeaderEntry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

/** The largest header the reader accepts (the format's own reference reader caps it at 100 MB). */
const MAX_HEADER = 100_000_000;

export function encodeSafetensors(
  tensors: readonly NamedTensor[],
  metadata: Record<string, string> = {},
): Uint8Array<ArrayBuffer> {
  const header: Record<string, HeaderEntry | Record<string, string>> = {};
  if (Object.keys(metadata).length > 0) header.__metadata__ = metadata;
  let offset = 0;
  for (const t of tensors) {
    if (t.name === '__metadata__' || t.name in header)
      throw new Error(`duplicate tensor name ${t.name}`);
    const size = t.shape.reduce((a, b) => a * b, 1);
    if (size !== t.values.length)
      throw new Error(
        `${t.name}: shape ${t.shape.join('×')} does not hold ${t.values.length} values`,
      );
    header[t.name] = {
      dtype: 'F32',
      shape: [...t.shape],
      data_offsets: [offset, offset + 4 * size],
    };
    offset += 4 * size;
  }
  let json = new TextEncoder().encode(JSON.stringify(header));
  // The data starts 8-byte aligned: the header is padded with spaces, as the reference writer does.
  const padded = Math.ceil(json.length / 8) * 8;
  if (padded !== json.length) {
    const p = new Uint8Array(padded).fill(0x20);
    p.set(json);
    json = p;
  }
  const out = new Uint8Array(8 + json.length + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  let at = 8 + json.length;
  for (const t of tensors) {
    for (let i = 0; i < t.values.length; i++) view.setFloat32(at + 4 * i, t.values[i], true);
    at += 4 * t.values.length;
  }
  return out;
}

/**
 * Read a safetensors file of float32 tensors, checking what the format requires: a header that
 * fits the file, byte ranges that match each shape and tile the data exactly. Throws an Error
 * that says what is wrong.
 */
export function decodeSafetensors(bytes: Uint8Array): {
  tensors: NamedTensor[];
  metadata: Record<string, string>;
} {
  if (bytes.length < 8)
    throw new Error('not a safetensors file: shorter than its 8-byte header length');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = Number(view.getBigUint64(0, true));
  if (n > MAX_HEADER || 8 + n > bytes.length)
    throw new Error(
      `not a safetensors file: a header of ${n} bytes does not fit in ${bytes.length}`,
    );
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + n)));
  } catch {
    throw new Error('not a safetensors file: its header is not JSON');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    throw new Error('not a safetensors file: its header is not a JSON object');
  const dataStart = 8 + n;
  const dataLength = bytes.length - dataStart;
  const metadata: Record<string, string> = {};
  const entries: [string, HeaderEntry][] = [];
  for (const [name, e] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      for (const [k, v] of Object.entries((e ?? {}) as Record<string, unknown>))
        if (typeof v === 'string') metadata[k] = v;
      continue;
    }
    const entry = e as Partial<HeaderEntry>;
    if (entry?.dtype !== 'F32')
      throw new Error(`${name}: dtype ${String(entry?.dtype)}, only F32 is read here`);
    const shape = entry.shape;
    const range = entry.data_offsets;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0))
      throw new Error(`${name}: bad shape`);
    if (!Array.isArray(range) || range.length !== 2) throw new Error(`${name}: bad data_offsets`);
    const size = shape.reduce((a, b) => a * b, 1);
    if (range[1] - range[0] !== 4 * size)
      throw new Error(`${name}: ${range[1] - range[0]} bytes for a shape of ${size} values`);
    entries.push([name, entry as HeaderEntry]);
  }
  // The byte ranges must tile the data: no gap, no overlap, nothing past the end.
  const sorted = [...entries].sort((a, b) => a[1].data_offsets[0] - b[1].data_offsets[0]);
  let expect = 0;
  for (const [name, e] of sorted) {
    if (e.data_offsets[0] !== expect)
      throw new Error(`${name}: its data does not follow the previous tensor's`);
    expect = e.data_offsets[1];
  }
  if (expect !== dataLength) throw new Error(`the tensors cover ${expect} bytes of ${dataLength}`);
  const tensors = entries.map(([name, e]) => {
    const values = new Float32Array(e.shape.reduce((a, b) => a * b, 1));
    const at = dataStart + e.data_offsets[0];
    for (let i = 0; i < values.length; i++) values[i] = view.getFloat32(at + 4 * i, true);
    return { name, shape: [...e.shape], values };
  });
  return { tensors, metadata };
}
