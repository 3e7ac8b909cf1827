import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * How the browser will be shown. Decision (docs/qa.md): with no display the demo runs headless —
 * predictable, and nothing is left running — unless `--xvfb` asks for a virtual screen, which is
 * then started and stopped by the demo itself (used to check headed rendering and by CI).
 */
export type DisplayPlan =
  | { mode: 'headed'; display: string }
  | { mode: 'xvfb' }
  | { mode: 'headless'; reason: 'asked' | 'no-display' | 'no-browser' };

export function planDisplay(input: {
  display: string | undefined;
  headless: boolean;
  xvfb: boolean;
  noBrowser: boolean;
  xvfbAvailable: boolean;
}): DisplayPlan {
  if (input.noBrowser) return { mode: 'headless', reason: 'no-browser' };
  if (input.headless) return { mode: 'headless', reason: 'asked' };
  if (input.display) return { mode: 'headed', display: input.display };
  if (input.xvfb && input.xvfbAvailable) return { mode: 'xvfb' };
  return { mode: 'headless', reason: 'no-display' };
}

export function which(command: string, path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter)) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return null;
}

/** The first X display number whose lock file and socket are both free. */
export function freeDisplayNumber(from = 99, exists: (path: string) => boolean = existsSync): number {
  for (let n = from; n < from + 100; n++) {
    if (!exists(`/tmp/.X${n}-lock`) && !exists(`/tmp/.X11-unix/X${n}`)) return n;
  }
  throw new Error(`Aucun écran X libre entre :${from} et :${from + 99}.`);
}

export interface VirtualScreen {
  display: string;
  stop(): void;
}

/** Starts `Xvfb :N` and waits for its socket (it has no readiness signal otherwise). */
export async function startXvfb(): Promise<VirtualScreen> {
  const number = freeDisplayNumber();
  const child: ChildProcess = spawn(
    'Xvfb',
    [`:${number}`, '-screen', '0', '1440x900x24', '-nolisten', 'tcp'],
    {
      stdio: 'ignore',
    },
  );
  const socket = `/tmp/.X11-unix/X${number}`;
  const deadline = Date.now() + 10_000;
  while (!existsSync(socket)) {
    if (child.exitCode !== null) throw new Error(`Xvfb :${number} s'est arrêté (code ${child.exitCode}).`);
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`Xvfb :${number} n'a pas démarré en 10 s.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    display: `:${number}`,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
    },
  };
}
