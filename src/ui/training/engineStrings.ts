/** The training room's own strings for the engine's state: the backend picker and the busy line. */
import type { BackendName, ReadyInfo } from '../../train/protocol';
import { BACKEND_NAMES } from './backendWords';

const en = {
  pickerLabel: 'Train on',
  statusName: 'Engine',
  epochBar: 'Epoch progress',
  starting: 'Starting the training engine: building the toy world and the three models…',
  switching: (b: BackendName | undefined) =>
    b
      ? `Switching to ${BACKEND_NAMES[b]}: handing over the weights…`
      : 'Switching backend: handing over the weights…',
  evaluating: 'Evaluating the first weights on the test set…',
  compiling: (b: BackendName) =>
    `First step on ${BACKEND_NAMES[b]}: compiling its GPU programs, which takes a few seconds…`,
  stepping: 'Training…',
  epochProgress: (done: number, total: number) => `Epoch: step ${done} of ${total}`,
  kernelsOn: 'Fused recurrent kernels: on',
  kernelsOff: 'Fused recurrent kernels: off (per-step path)',
  kernelsPerStep: (b: BackendName) =>
    `Fused kernels: on; the recurrence runs per step at this embedding size (faster on ${BACKEND_NAMES[b]})`,
  kernelsMissing: (b: BackendName) =>
    `Fused recurrent kernels: not available on ${BACKEND_NAMES[b]}`,
};

export type EngineStrings = typeof en;

const zh: EngineStrings = {
  pickerLabel: '训练后端',
  statusName: '引擎',
  epochBar: '本轮进度',
  starting: '正在启动训练引擎：构建玩具世界和三个模型…',
  switching: (b) => (b ? `正在切换到 ${BACKEND_NAMES[b]}：交接权重…` : '正在切换后端：交接权重…'),
  evaluating: '正在用测试集评估初始权重…',
  compiling: (b) => `${BACKEND_NAMES[b]} 上的第一步：正在编译 GPU 程序，需要几秒钟…`,
  stepping: '训练中…',
  epochProgress: (done, total) => `本轮：第 ${done} / ${total} 步`,
  kernelsOn: '融合循环内核：开',
  kernelsOff: '融合循环内核：关（逐步计算）',
  kernelsPerStep: (b) => `融合内核：开；此嵌入维度下循环逐步计算（在 ${BACKEND_NAMES[b]} 上更快）`,
  kernelsMissing: (b) => `融合循环内核：${BACKEND_NAMES[b]} 上没有`,
};

export const ENGINE_STRINGS = { en, zh };

/**
 * What the engine line says of the fused recurrent kernels (`?kernels=off` switches them off):
 * nothing before the worker is ready or from a worker that does not say.
 */
export function kernelsText(
  t: EngineStrings,
  info: Pick<ReadyInfo, 'backend' | 'fusedKernels'> | null | undefined,
): string {
  const k = info?.fusedKernels;
  if (!k) return '';
  if (k.active) return k.recurrence === false ? t.kernelsPerStep(info.backend.name) : t.kernelsOn;
  return k.on ? t.kernelsMissing(info.backend.name) : t.kernelsOff;
}
