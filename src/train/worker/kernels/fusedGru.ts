/**
 * The fused recurrence kernels (src/model/kernels/names.ts) for the cpu and wasm backends: the
 * whole time loop of gruLoop.ts on the backend's own memory, one kernel forward and one backward
 * per layer. cpu: the backend's typed arrays; wasm: views on the heap, as wasmSlice.ts reads them
 * (taken after every output is allocated: a malloc may grow the heap and detach older views).
 * Also Adam's per-variable update (src/model/kernels/fusedAdam.ts). WebGPU has its own programs
 * (fusedGruWebgpu.ts); other backends keep the per-step path.
 */
import {
  registerKernel,
  getKernel,
  type DataType,
  type KernelFunc,
  type NamedAttrMap,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { CACHE_SLOTS, gruBackward, gruForward, type GruDims } from '../../../model/kernels/gruLoop';
import { FUSED_ADAM, FUSED_GRU_BACKWARD, FUSED_GRU_FORWARD } from '../../../model/kernels/names';
import { adamUpdate } from '../../../model/kernels/adamLoop';

/** The two ways these kernels reach a backend's memory. */
interface Memory {
  alloc(shape: number[]): TensorInfo;
  /** A Float32Array over the tensor's values (call only after the last alloc). */
  view(t: TensorInfo): Float32Array;
}

interface CpuBackend {
  data: { get(id: object): { values?: unknown } };
  makeTensorInfo(shape: number[], dtype: DataType, values?: Float32Array): TensorInfo;
}

interface WasmBackend {
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): unknown;
}

function cpuMemory(backend: CpuBackend): Memory {
  const fresh = new Map<object, Float32Array>();
  return {
    alloc(shape) {
      const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
      const t = backend.makeTensorInfo(shape, 'float32', values);
      fresh.set(t.dataId, values);
      return t;
    },
    view(t) {
      const values = fresh.get(t.dataId) ?? backend.data.get(t.dataId).values;
      if (!(values instanceof Float32Array)) throw new Error('fused GRU: float32 input expected');
      return values;
    },
  };
}

function wasmMemory(backend: WasmBackend): Memory {
  return {
    alloc: (shape) => backend.makeOutput(shape, 'float32'),
    view(t) {
      const values = backend.typedArrayFromHeap(t);
      if (!(values instanceof Float32Array)) throw new Error('fused GRU: float32 input expected');
      return values;
    },
  };
}

function dims(xs: TensorInfo): GruDims {
  const [T, , B, H] = xs.shape;
  return { T, B, H };
}

function forward(mem: Memory, inputs: Record<string, TensorInfo>, useU: boolean): TensorInfo[] {
  const { xs, U, g, o } = inputs;
  const d = dims(xs);
  const states = mem.alloc([d.T, d.B, d.H]);
  const cache = mem.alloc([d.T, CACHE_SLOTS, d.B, d.H]);
  gruForward(
    d,
    mem.view(xs),
    mem.view(U),
    mem.view(g),
    o ? mem.view(o) : null,
    useU,
    mem.view(states),
    mem.view(cache),
  );
  return [states, cache];
}

function backward(mem: Memory, inputs: Record<string, TensorInfo>, useU: boolean): TensorInfo[] {
  const { dy, states, cache, g, U, o } = inputs;
  const [T, B, H] = states.shape;
  const dxs = mem.alloc([T, 3, B, H]);
  const dU = mem.alloc([3, H, H]);
  const dg = mem.alloc([T, B, H]);
  const dE = o ? mem.alloc([T, B, H]) : null;
  gruBackward(
    { T, B, H },
    mem.view(dy),
    mem.view(states),
    mem.view(cache),
    mem.view(g),
    mem.view(U),
    o ? mem.view(o) : null,
    useU,
    { dxs: mem.view(dxs), dU: mem.view(dU), dg: mem.view(dg), dE: dE ? mem.view(dE) : null },
  );
  return dE ? [dxs, dU, dg, dE] : [dxs, dU, dg];
}

/** Adam's update of one variable (src/model/kernels/fusedAdam.ts). */
function adam(mem: Memory, inputs: Record<string, TensorInfo>, attrs: NamedAttrMap): TensorInfo[] {
  const { x, g, m, v, c1, c2 } = inputs;
  const out = [mem.alloc(x.shape), mem.alloc(x.shape), mem.alloc(x.shape)];
  const num = (k: string) => Number(attrs[k]);
  adamUpdate(
    {
      lr: num('lr'),
      beta1: num('beta1'),
      beta2: num('beta2'),
      eps: num('eps'),
      c1: mem.view(c1)[0],
      c2: mem.view(c2)[0],
    },
    mem.view(x),
    mem.view(g),
    mem.view(m),
    mem.view(v),
    ...(out.map((t) => mem.view(t)) as [Float32Array, Float32Array, Float32Array]),
  );
  return out;
}

function kernel(run: typeof forward, memoryOf: (backend: unknown) => Memory): KernelFunc {
  return ({ inputs, backend, attrs }) =>
    run(
      memoryOf(backend),
      inputs as Record<string, TensorInfo>,
      Boolean((attrs as NamedAttrMap).useU),
    );
}

/** Register the recurrence's two kernels and Adam's for cpu and wasm (idempotent; harmless where a backend is absent). */
export function installFusedGru(): void {
  const memories: Record<string, (backend: unknown) => Memory> = {
    cpu: (b) => cpuMemory(b as CpuBackend),
    wasm: (b) => wasmMemory(b as WasmBackend),
  };
  for (const [backendName, memoryOf] of Object.entries(memories)) {
    for (const [kernelName, run] of [
      [FUSED_GRU_FORWARD, forward],
      [FUSED_GRU_BACKWARD, backward],
    ] as const) {
      if (getKernel(kernelName, backendName)) continue;
      registerKernel({ kernelName, backendName, kernelFunc: kernel(run, memoryOf) });
    }
    if (!getKernel(FUSED_ADAM, backendName))
      registerKernel({
        kernelName: FUSED_ADAM,
        backendName,
        kernelFunc: ({ inputs, backend, attrs }) =>
          adam(memoryOf(backend), inputs as Record<string, TensorInfo>, attrs as NamedAttrMap),
      });
  }
}
