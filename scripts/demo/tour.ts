/**
 * Plays the tour (tour-steps.ts): for each step, caption on screen → action → caption again (the page
 * may have navigated) → expectation → highlight → screenshots → pause. Stops at the first failed
 * expectation: later steps build on it, and the error names the step.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Locator, Page } from '@playwright/test';
import { highlight, setOverlayVisible, showCaption } from './overlay';
import type { TourContext, TourStep } from './tour-steps';
import { TOUR_STEPS } from './tour-steps';

export interface StepOutcome {
  id: string;
  caption: string;
  ms: number;
  screenshots: string[];
}

export class TourStepError extends Error {
  constructor(
    readonly step: TourStep,
    readonly index: number,
    cause: unknown,
  ) {
    super(
      `Étape ${index + 1} « ${step.id} » (${step.caption}) : ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}

/** Human-pace reading times, in ms at pace 1. */
const READ_BEFORE = 1_800;
const READ_AFTER = 2_200;

/** The smallest document area holding every locator, in document coordinates (for a full-page clip). */
async function unionOf(locators: Locator[]) {
  const boxes = [];
  for (const locator of locators) {
    const box = await locator.evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return {
        x: rect.x + window.scrollX,
        y: rect.y + window.scrollY,
        width: rect.width,
        height: rect.height,
      };
    });
    if (box.width === 0 || box.height === 0)
      throw new Error(`rien à photographier : ${locator} n’est pas affiché`);
    boxes.push(box);
  }
  const margin = 8;
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + margin;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + margin;
  return { x, y, width: right - x, height: bottom - y };
}

async function takeScreenshots(ctx: TourContext, step: TourStep, index: number, outputDir: string) {
  const shot = step.screenshot;
  if (!shot) return [];
  const page = shot.page?.(ctx) ?? ctx.page;
  const number = String(index + 1).padStart(2, '0');
  const full = join(outputDir, 'screenshots', `${number}-${shot.name}.png`);
  const readme = join(outputDir, 'readme', `${shot.name}.png`);
  await page.screenshot({ path: full });
  if (page === ctx.page) await setOverlayVisible(page, false);
  try {
    const crop = shot.crop?.(ctx);
    if (!crop) await page.screenshot({ path: readme, animations: 'disabled' });
    else if (!Array.isArray(crop)) await crop.screenshot({ path: readme, animations: 'disabled' });
    else
      await page.screenshot({
        path: readme,
        animations: 'disabled',
        fullPage: true,
        clip: await unionOf(crop),
      });
  } finally {
    if (page === ctx.page) await setOverlayVisible(page, true);
  }
  return [full, readme];
}

export async function playStep(
  ctx: TourContext,
  step: TourStep,
  index: number,
  total: number,
  outputDir: string,
): Promise<StepOutcome> {
  const started = performance.now();
  const progress = `étape ${index + 1} / ${total}`;
  try {
    // A step may have opened another tab (the popup): the journey goes on in the portal's.
    await ctx.page.bringToFront();
    await showCaption(ctx.page, step.caption, progress).catch(() => {}); // before the first page: nothing to show on
    await ctx.pause(READ_BEFORE);
    await step.action(ctx);
    await ctx.page.waitForLoadState();
    await showCaption(ctx.page, step.caption, progress);
    await step.expectation(ctx);
    await highlight(ctx.page, step.highlight?.(ctx) ?? null);
    const screenshots = await takeScreenshots(ctx, step, index, outputDir);
    await ctx.pause(READ_AFTER);
    return { id: step.id, caption: step.caption, ms: performance.now() - started, screenshots };
  } catch (error) {
    throw new TourStepError(step, index, error);
  }
}

/** The context the steps get, over a demo session (scripts/demo/session.ts). */
export function tourContext(
  session: { page: Page; openPopup(): Promise<Page> },
  portalUrl: string,
  credentials: TourContext['credentials'],
  pace: number,
): TourContext {
  const ctx: TourContext = {
    page: session.page,
    portalUrl: portalUrl.replace(/\/$/, ''),
    credentials,
    pace,
    pause: (ms) => new Promise((done) => setTimeout(done, ms * pace)),
    popup: null,
    async openPopup() {
      ctx.popup = await session.openPopup();
      return ctx.popup;
    },
  };
  return ctx;
}

export async function playTour(
  ctx: TourContext,
  outputDir: string,
  options: { steps?: readonly TourStep[]; onStep?: (outcome: StepOutcome, index: number) => void } = {},
): Promise<StepOutcome[]> {
  const steps = options.steps ?? TOUR_STEPS;
  await mkdir(join(outputDir, 'screenshots'), { recursive: true });
  await mkdir(join(outputDir, 'readme'), { recursive: true });
  const outcomes: StepOutcome[] = [];
  for (const [index, step] of steps.entries()) {
    const outcome = await playStep(ctx, step, index, steps.length, outputDir);
    outcomes.push(outcome);
    options.onStep?.(outcome, index);
  }
  return outcomes;
}
