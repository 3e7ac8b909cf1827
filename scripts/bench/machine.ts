import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, type as osType, release, totalmem } from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  freeMemoryGiB: number;
  /** 1-minute load average when the bench started: how busy the shared machine was. */
  loadAverage1m: number;
  os: string;
  node: string;
  browsers: Record<string, string>;
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) return `${pretty} (${osType()} ${release()})`;
  } catch {
    // Not a Linux with os-release: the kernel name is all there is.
  }
  return `${osType()} ${release()}`;
}

/** `chromium --version` and the like; a browser that is missing is reported, not fatal. */
export function browserVersion(executable: string): string {
  try {
    return execFileSync(executable, ['--version'], {
      encoding: 'utf8',
      timeout: 15_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch (error) {
    return `indisponible (${(error as Error).message.split('\n')[0]})`;
  }
}

const gib = (bytes: number) => Math.round((bytes / 1024 ** 3) * 10) / 10;

export function machineInfo(browsers: Record<string, string>): MachineInfo {
  const cpuList = cpus();
  return {
    cpuModel: cpuList[0]?.model.trim() ?? 'inconnu',
    cores: cpuList.length,
    memoryGiB: gib(totalmem()),
    freeMemoryGiB: gib(freemem()),
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
    os: osName(),
    node: process.version,
    browsers,
  };
}

/** One line for the table's header and the README. */
export function describeMachine(machine: MachineInfo): string {
  const browsers = Object.values(machine.browsers).join(', ');
  return (
    `${machine.cpuModel}, ${machine.cores} cœurs, ${machine.memoryGiB} GiB, ${machine.os}, ` +
    `Node ${machine.node}, ${browsers} (charge ${machine.loadAverage1m})`
  );
}
