import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeMissing, missingPackages } from '../../../scripts/demo/prerequisites';

const ok = {
  nodeVersion: 'v22.3.0',
  browserPath: '/usr/bin/chromium',
  browser: 'chromium' as const,
  missingPackages: [],
};

describe('describeMissing', () => {
  it('is null when everything is there', () => {
    expect(describeMissing(ok)).toBeNull();
  });

  it('says in one line what is missing and how to get it', () => {
    const line = describeMissing({
      nodeVersion: 'v20.20.2',
      browserPath: null,
      browser: 'firefox',
      missingPackages: ['wxt', 'msw'],
    });
    expect(line).not.toContain('\n');
    expect(line).toContain('Node v20.20.2 trop ancien');
    expect(line).toContain('npm ci');
    expect(line).toContain('wxt, msw');
    expect(line).toContain('apt-get install -y firefox-esr');
    expect(line).toContain('FIREFOX_PATH');
  });

  it('names only what is missing', () => {
    const line = describeMissing({ ...ok, browserPath: null });
    expect(line).toContain('chromium introuvable');
    expect(line).not.toContain('Node');
    expect(line).not.toContain('npm ci');
  });
});

describe('missingPackages', () => {
  it('lists the packages without a package.json in node_modules', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mla-pre-'));
    try {
      await mkdir(join(root, 'node_modules/@playwright/test'), { recursive: true });
      await writeFile(join(root, 'node_modules/@playwright/test/package.json'), '{}');
      expect(missingPackages(root, ['@playwright/test', 'wxt'])).toEqual(['wxt']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
