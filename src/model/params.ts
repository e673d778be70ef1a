import * as tf from '@tensorflow/tfjs-core';

/**
 * A named bag of tfjs variables for one model, with deterministic initialisation.
 * Initial values come from our own seeded generator (not tf.random*) so the same seed gives
 * the same weights on every backend.
 */
export class ParamStore {
  private readonly vars = new Map<string, tf.Variable>();
  private state: number;

  constructor(seed: number) {
    // mulberry32 state; the salt keeps seed 0 from being degenerate.
    this.state = (seed ^ 0x9e3779b9) >>> 0;
  }

  private uniform(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  private add(name: string, shape: number[], values: Float32Array, trainable = true): tf.Variable {
    if (this.vars.has(name)) throw new Error(`duplicate parameter ${name}`);
    // The variable shares the initial tensor's data; the tensor itself must go, or every model
    // built leaves one tensor per weight behind after its dispose.
    const initial = tf.tensor(values, shape, 'float32');
    const v = tf.variable(initial, trainable, `${name}_${uid++}`);
    initial.dispose();
    this.vars.set(name, v);
    return v;
  }

  /**
   * Glorot-uniform matrix [fanIn, fanOut], or a stack of `count` of them [count, fanIn, fanOut]
   * (one per GRU gate); keeps activations in range for the small nets used here.
   */
  glorot(name: string, fanIn: number, fanOut: number, count?: number): tf.Variable {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const vals = new Float32Array((count ?? 1) * fanIn * fanOut);
    for (let i = 0; i < vals.length; i++) vals[i] = (2 * this.uniform() - 1) * limit;
    return this.add(name, count === undefined ? [fanIn, fanOut] : [count, fanIn, fanOut], vals);
  }

  /** Embedding table: small uniform values (padding rows are masked out, never read as data). */
  embedding(name: string, rows: number, dim: number, scale = 0.05): tf.Variable {
    const vals = new Float32Array(rows * dim);
    for (let i = 0; i < vals.length; i++) vals[i] = (2 * this.uniform() - 1) * scale;
    return this.add(name, [rows, dim], vals);
  }

  constant(name: string, shape: number[], value: number, trainable = true): tf.Variable {
    const size = shape.reduce((a, b) => a * b, 1);
    return this.add(name, shape, new Float32Array(size).fill(value), trainable);
  }

  /** A new trainable variable starting as a copy of `source` (draws nothing from the generator). */
  copyOf(name: string, source: tf.Variable): tf.Variable {
    if (this.vars.has(name)) throw new Error(`duplicate parameter ${name}`);
    // No readback (a GPU backend's sync read would block): the variable shares the values, and
    // training assigns it new ones without touching the source's.
    const v = tf.variable(source, true, `${name}_${uid++}`);
    this.vars.set(name, v);
    return v;
  }

  get(name: string): tf.Variable {
    const v = this.vars.get(name);
    if (!v) throw new Error(`unknown parameter ${name}`);
    return v;
  }

  entries(): [string, tf.Variable][] {
    return [...this.vars.entries()];
  }

  trainable(): tf.Variable[] {
    return [...this.vars.values()].filter((v) => v.trainable);
  }

  /** Copies of every variable's values (trainable and moving statistics). */
  async export(): Promise<{ name: string; shape: number[]; values: Float32Array }[]> {
    const entries = [...this.vars.entries()];
    if (entries.length === 0) return [];
    // One readback of every variable flattened end to end: on a GPU backend each separate read
    // is a round trip to the device, and a model has dozens of variables.
    const flat = tf.tidy(() => tf.concat(entries.map(([, v]) => tf.reshape(v, [-1]))));
    const all = (await flat.data()) as Float32Array;
    flat.dispose();
    let offset = 0;
    return entries.map(([name, v]) => {
      const values = all.slice(offset, offset + v.size);
      offset += v.size;
      return { name, shape: [...v.shape], values };
    });
  }

  import(weights: { name: string; shape: number[]; values: Float32Array }[]): void {
    for (const w of weights) {
      const v = this.get(w.name);
      if (v.shape.join() !== w.shape.join()) {
        throw new Error(`shape mismatch for ${w.name}: ${v.shape} vs ${w.shape}`);
      }
      tf.tidy(() => v.assign(tf.tensor(w.values, w.shape, 'float32')));
    }
  }

  dispose(): void {
    for (const v of this.vars.values()) v.dispose();
    this.vars.clear();
  }
}

// tfjs variable names must be unique per engine; several models share an engine.
let uid = 0;
