import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  assetsOfHtml,
  auditCodeOnDetails,
  auditMarkersIn,
  freshestBuild,
  measureBuild,
} from '../../../scripts/bench/size';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mla-size-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function write(path: string, content: string) {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), content);
}

describe('assetsOfHtml', () => {
  it('lists local scripts and stylesheets, resolving absolute and relative paths, once each', () => {
    const html = `<script type="module" crossorigin src="/chunks/popup-abc.js"></script>
      <link rel="modulepreload" href="/chunks/shared-1.js"><link rel="stylesheet" href="../assets/popup.css">
      <script src="/chunks/popup-abc.js"></script><script src="https://cdn.example/x.js"></script>
      <link rel="icon" href="/icon.png">`;
    expect(assetsOfHtml(html, 'popup.html')).toEqual([
      'chunks/popup-abc.js',
      'chunks/shared-1.js',
      '../assets/popup.css',
    ]);
    expect(assetsOfHtml('<script src="./a.js"></script>', 'pages/options.html')).toEqual(['pages/a.js']);
  });
});

describe('measureBuild', () => {
  it('measures what the manifest declares: content scripts, popup and options with their chunks', async () => {
    const content = 'console.log("content");'.repeat(50);
    await write(
      'manifest.json',
      JSON.stringify({
        content_scripts: [{ js: ['content-scripts/portal.js'] }, { js: ['content-scripts/portal.js'] }],
        action: { default_popup: 'popup.html' },
      }),
    );
    await write('content-scripts/portal.js', content);
    await write('popup.html', '<script src="/chunks/popup.js"></script>');
    await write('chunks/popup.js', 'export const a = 1;');
    const parts = await measureBuild(root);
    expect(parts.map((part) => part.part)).toEqual(['content', 'popup']);
    expect(parts[0]).toEqual({
      part: 'content',
      files: ['content-scripts/portal.js'],
      rawBytes: content.length,
      gzipBytes: gzipSync(content, { level: 9 }).length,
    });
    expect(parts[1]?.files).toEqual(['popup.html', 'chunks/popup.js']);
  });

  it('adds the Détails total: the content scripts and the assistant injected where licences show', async () => {
    const detector = 'detect();'.repeat(20);
    const assistant = 'assist();'.repeat(200);
    await write(
      'manifest.json',
      JSON.stringify({ content_scripts: [{ js: ['content-scripts/portal.js'] }] }),
    );
    await write('content-scripts/portal.js', detector);
    await write('licence-assistant.js', assistant);
    const parts = await measureBuild(root);
    expect(parts.map((part) => part.part)).toEqual(['content', 'details']);
    expect(parts[1]).toEqual({
      part: 'details',
      files: ['content-scripts/portal.js', 'licence-assistant.js'],
      rawBytes: detector.length + assistant.length,
      gzipBytes: gzipSync(detector, { level: 9 }).length + gzipSync(assistant, { level: 9 }).length,
    });
  });
  it('adds the services list’s total: the content scripts and the audit’s start button injected there', async () => {
    const detector = 'detect();'.repeat(20);
    const button = 'button();'.repeat(30);
    await write(
      'manifest.json',
      JSON.stringify({ content_scripts: [{ js: ['content-scripts/portal.js'] }] }),
    );
    await write('content-scripts/portal.js', detector);
    await write('licence-assistant.js', 'assist();');
    await write('audit-start.js', button);
    const parts = await measureBuild(root);
    expect(parts.map((part) => part.part)).toEqual(['content', 'details', 'list']);
    expect(parts[2]).toMatchObject({
      files: ['content-scripts/portal.js', 'audit-start.js'],
      rawBytes: detector.length + button.length,
    });
  });
});

describe('the audit’s code on the Détails tab', () => {
  it('finds the button’s message and element and the tab GET’s answer, and nothing in other code', () => {
    expect(auditMarkersIn('sendMessage({type:`mla:open-audit`})')).toEqual(['mla:open-audit']);
    expect(auditMarkersIn('createElement("mla-audit-start")')).toEqual(['mla-audit-start']);
    expect(auditMarkersIn('{ok:!1,error:`other-origin`}')).toEqual(['other-origin']);
    expect(auditMarkersIn('mla-licence mla-summary mla:load-assistant mla:page-status')).toEqual([]);
  });

  it('reads every file the Détails tab loads', async () => {
    await write('content-scripts/portal.js', 'detect();');
    await write('licence-assistant.js', 'x.sendMessage({type:"mla:open-audit"})');
    const details = {
      part: 'details' as const,
      files: ['content-scripts/portal.js', 'licence-assistant.js'],
      rawBytes: 0,
      gzipBytes: 0,
    };
    expect(await auditCodeOnDetails(root, details)).toEqual(['licence-assistant.js: mla:open-audit']);
    await write('licence-assistant.js', 'assist();');
    expect(await auditCodeOnDetails(root, details)).toEqual([]);
  });
});

describe('freshestBuild', () => {
  it('picks the most recently built candidate, and null when none is built', async () => {
    expect(freshestBuild(root, ['a', 'b'])).toBeNull();
    await write('a/manifest.json', '{}');
    await write('b/manifest.json', '{}');
    await utimes(join(root, 'a/manifest.json'), new Date(2000, 1, 1), new Date(2000, 1, 1));
    expect(freshestBuild(root, ['a', 'b'])).toBe(join(root, 'b'));
    await utimes(join(root, 'b/manifest.json'), new Date(1999, 1, 1), new Date(1999, 1, 1));
    expect(freshestBuild(root, ['a', 'b'])).toBe(join(root, 'a'));
  });
});
