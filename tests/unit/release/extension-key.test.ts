// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_EXTENSION_ID, CHROMIUM_PUBLIC_KEY } from '../../../lib/extension-key';

const ROOT = resolve(import.meta.dirname, '../../..');
const POLICIES = join(ROOT, 'docs/deploiement');

/** Chromium's id: the first 128 bits of the key's SHA-256, each hex digit written a–p. */
function extensionId(publicKeyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

const geckoId = /gecko:\s*\{\s*id:\s*'([^']+)'/.exec(readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8'))?.[1];

describe('the stable extension ids and the deployment policies', () => {
  it('derives the documented Chromium id from the committed public key', () => {
    expect(extensionId(CHROMIUM_PUBLIC_KEY)).toBe(CHROMIUM_EXTENSION_ID);
  });

  it('names, in every policy file and the deployment guide, those ids and no other', () => {
    const files = readdirSync(POLICIES).map((name) => join(POLICIES, name));
    for (const file of [...files, join(ROOT, 'docs/deploiement.md')]) {
      const text = readFileSync(file, 'utf8');
      const chromiumIds = text.match(/\b[a-p]{32}\b/g) ?? [];
      expect(new Set(chromiumIds), file).toEqual(
        new Set(file.includes('firefox') ? [] : [CHROMIUM_EXTENSION_ID]),
      );
      if (file.endsWith('.json')) expect(() => JSON.parse(text), file).not.toThrow();
    }
    const firefox = JSON.parse(readFileSync(join(POLICIES, 'firefox-policies.json'), 'utf8'));
    expect(Object.keys(firefox.policies.ExtensionSettings)).toEqual([geckoId]);
    expect(firefox.policies.ExtensionSettings[geckoId!]).toMatchObject({
      installation_mode: 'force_installed',
    });
  });

  it('keeps every private key out of the repository', () => {
    // Built here so that this file does not match itself.
    const marker = ['PRIVATE', 'KEY-----'].join(' ');
    const grep = spawnSync('git', ['grep', '-l', '-I', '-F', '-e', marker], { cwd: ROOT, encoding: 'utf8' });
    expect(grep.stdout).toBe('');
    expect(grep.status).toBe(1); // git grep: nothing found
  });
});
