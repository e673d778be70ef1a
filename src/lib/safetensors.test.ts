import { describe, expect, it } from 'vitest';
import { decodeSafetensors, encodeSafetensors, type NamedTensor } from './safetensors';

const TENSORS: NamedTensor[] = [
  { name: 'din.embeddings', shape: [3, 2], values: new Float32Array([1, -2, 0.5, 3.25, -0, 7]) },
  { name: 'din.head.out.b', shape: [1], values: new Float32Array([Math.fround(0.1)]) },
  { name: 'scalar', shape: [], values: new Float32Array([42]) },
];

/**
 * An independent reading of the format's spec (github.com/huggingface/safetensors, "Format"):
 * u64 little-endian header size, a UTF-8 JSON header, then the byte buffer the offsets index.
 */
function specRead(bytes: Uint8Array) {
  const n = Number(new DataView(bytes.buffer).getBigUint64(0, true));
  const header = JSON.parse(new TextDecoder().decode(bytes.slice(8, 8 + n))) as Record<
    string,
    { dtype: string; shape: number[]; data_offsets: [number, number] }
  >;
  const buffer = bytes.slice(8 + n);
  return { n, header, buffer };
}

describe('safetensors', () => {
  it('writes what the spec says: header size, JSON header, aligned F32 little-endian data', () => {
    const bytes = encodeSafetensors(TENSORS, { format: 'pt', step: '12' });
    const { n, header, buffer } = specRead(bytes);
    expect(n % 8).toBe(0);
    expect(header.__metadata__).toEqual({ format: 'pt', step: '12' });
    expect(header['din.embeddings']).toEqual({
      dtype: 'F32',
      shape: [3, 2],
      data_offsets: [0, 24],
    });
    expect(header['din.head.out.b'].data_offsets).toEqual([24, 28]);
    expect(header.scalar).toEqual({ dtype: 'F32', shape: [], data_offsets: [28, 32] });
    expect(buffer.length).toBe(32);
    const data = new DataView(buffer.buffer);
    expect(data.getFloat32(4, true)).toBe(-2);
    expect(data.getFloat32(12, true)).toBe(3.25);
    expect(data.getFloat32(28, true)).toBe(42);
  });

  it('round-trips bit for bit', () => {
    const back = decodeSafetensors(encodeSafetensors(TENSORS));
    expect(back.tensors.map((t) => t.name)).toEqual(TENSORS.map((t) => t.name));
    back.tensors.forEach((t, i) => {
      expect(t.shape).toEqual(TENSORS[i].shape);
      expect(new Uint32Array(t.values.buffer)).toEqual(new Uint32Array(TENSORS[i].values.buffer));
    });
  });

  it('refuses what would write a broken file', () => {
    expect(() =>
      encodeSafetensors([{ name: 'a', shape: [2], values: new Float32Array(3) }]),
    ).toThrow(/does not hold 3 values/);
    expect(() => encodeSafetensors([TENSORS[1], TENSORS[1]])).toThrow(/duplicate/);
  });

  it('says what is wrong with a broken file', () => {
    const good = encodeSafetensors(TENSORS);
    expect(() => decodeSafetensors(good.slice(0, 5))).toThrow(/shorter than/);
    expect(() => decodeSafetensors(good.slice(0, 40))).toThrow(/does not fit|cover/);
    expect(() => decodeSafetensors(good.slice(0, good.length - 4))).toThrow(/cover 32 bytes of 28/);
    const notJson = good.slice();
    notJson[8] = 0x7b + 1;
    expect(() => decodeSafetensors(notJson)).toThrow(/not JSON/);
    const f16 = new TextEncoder().encode('{"x":{"dtype":"F16","shape":[1],"data_offsets":[0,2]}}');
    const file = new Uint8Array(8 + f16.length + 2);
    new DataView(file.buffer).setBigUint64(0, BigInt(f16.length), true);
    file.set(f16, 8);
    expect(() => decodeSafetensors(file)).toThrow(/only F32/);
  });
});
