/**
 * Adam's per-variable update (src/model/kernels/fusedAdam.ts) on webgpu: three elementwise
 * programs (m', v', then x' from them) instead of tfjs's ~8 dispatches. The rates arrive as
 * uniforms, so a learning-rate change compiles nothing new.
 */
import type { KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend, WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';

class AdamProgram implements WebGPUProgram {
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [64, 1, 1];
  variableNames: string[];
  uniforms = 'lr : f32, beta1 : f32, beta2 : f32, eps : f32,';
  size = true;

  constructor(
    private what: 'm' | 'v' | 'x',
    shape: number[],
  ) {
    this.outputShape = shape;
    this.shaderKey = `fusedAdam_${what}`;
    this.dispatchLayout = { x: shape.map((_, i) => i) };
    const n = shape.reduce((a, b) => a * b, 1);
    this.dispatch = [Math.ceil(n / 64), 1, 1];
    this.variableNames = what === 'x' ? ['x', 'm1', 'v1', 'c1', 'c2'] : ['s', 'g'];
  }

  getUserCode(): string {
    const body = {
      m: 'uniforms.beta1 * s[index] + (1.0 - uniforms.beta1) * g[index]',
      v: 'uniforms.beta2 * s[index] + (1.0 - uniforms.beta2) * g[index] * g[index]',
      x: 'x[index] - uniforms.lr * (m1[index] / c1[0]) / (sqrt(v1[index] / c2[0]) + uniforms.eps)',
    }[this.what];
    return `fn main(index : i32) {
  if (index < uniforms.size) { result[index] = ${body}; }
}`;
  }
}

export const adamWebgpu: KernelFunc = ({ inputs, backend, attrs }) => {
  const gpu = backend as WebGPUBackend;
  const { x, g, m, v, c1, c2 } = inputs as Record<string, TensorInfo>;
  const a = attrs as NamedAttrMap;
  const uniforms = ['lr', 'beta1', 'beta2', 'eps'].map((k) => ({
    type: 'float32',
    data: [Number(a[k])],
  }));
  const m1 = gpu.runWebGPUProgram(new AdamProgram('m', x.shape), [m, g], 'float32', uniforms);
  const v1 = gpu.runWebGPUProgram(new AdamProgram('v', x.shape), [v, g], 'float32', uniforms);
  const x1 = gpu.runWebGPUProgram(
    new AdamProgram('x', x.shape),
    [x, m1, v1, c1, c2],
    'float32',
    uniforms,
  );
  return [x1, m1, v1];
};
