/** The machine the benchmark ran on, for the report's Machine table. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, release, totalmem, type as osType } from 'node:os';

/** A command's trimmed stdout, or '' if it fails. */
export function sh(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '';
  }
}

/** The 1-, 5- and 15-minute load averages. */
export const loadAvg = () => sh('cat', ['/proc/loadavg']).split(' ').slice(0, 3).join(' ');

export function machine(): Record<string, string | number> {
  const osRelease = existsSync('/etc/os-release')
    ? (/PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? '')
    : '';
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${osRelease || osType()} (kernel ${release()})`,
    node: process.version,
    loadAvgAtStart: loadAvg(),
  };
}
