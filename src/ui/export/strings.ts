/** The export panel's words. */
const en = {
  heading: 'Take it with you',
  weights: 'Download weights (.safetensors)',
  curves: 'Download curves and metrics (.csv)',
  hint: 'The weights of all three models at the live step, in the format PyTorch loads with safetensors.torch.load_file (tensor names in the README); the curves in long form: step, model, metric, value.',
  failed: (why: string) => `The weights could not be exported: ${why}`,
  busy: 'Exporting…',
};

export type ExportStrings = typeof en;

const zh: ExportStrings = {
  heading: '带走它',
  weights: '下载权重（.safetensors）',
  curves: '下载曲线和指标（.csv）',
  hint: '三个模型在实时步数的权重，格式可用 PyTorch 的 safetensors.torch.load_file 读取（张量名见 README）；曲线为长表：步、模型、指标、值。',
  failed: (why) => `无法导出权重：${why}`,
  busy: '正在导出…',
};

export const EXPORT_STRINGS = { en, zh };
