import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failingFile, passingFile, unreadableFile } from '../report/testing/fixtures.ts';
import { run } from './testing.ts';

describe('--format html', () => {
  it('prints one HTML page with the checker results and the exit code of the check', async () => {
    const r = await run(['samples', '--format', 'html'], { results: { 'samples/flyer ok.png': passingFile(), 'samples/brochure.pdf': failingFile('fr') } });
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(r.stdout).toContain('<span class="verdict fail">Non conforme</span>samples/brochure.pdf');
    // The fake files cannot be decoded again: outlines on a blank page, no pictures.
    expect(r.stdout).toContain('class="blank"');
    expect(r.closed).toBe(1);
  });

  it('writes the report to --output in English, unreadable files explained, exit code 3', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'logo-check-html-'));
    const out = join(dir, 'report.html');
    const r = await run(['samples', '--format', 'html', '--lang', 'en', '--output', out], { results: { 'samples/scan.tif': unreadableFile('en') } });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`logo-check: report written to ${out}\n`);
    const page = await readFile(out, 'utf8');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<span class="verdict error">Unreadable</span>samples/scan.tif');
  });

  it('shows a progress bar while it draws the pictures, on a terminal', async () => {
    const r = await run(['samples', '--format', 'html'], { results: { 'samples/flyer ok.png': passingFile(), 'samples/brochure.pdf': failingFile('fr') }, stderrTTY: true });
    expect(r.stderr).toContain('pictures');
    expect(r.stderr).toContain('2/2');
  });

  it('makes the same page from merged results', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'logo-check-html-'));
    const results = join(dir, 'results.jsonl');
    await run(['samples', '--format', 'jsonl', '--output', results], { results: { 'samples/brochure.pdf': failingFile('fr') } });
    const merged = await run(['merge', results, '--format', 'html']);
    expect(merged.code).toBe(1);
    expect(merged.stdout.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(merged.stdout).toContain('<rect class="outline fail" data-logo="1" x="60.4" y="1200" width="400" height="150"/>');
  });

  it('stops with the check command own usage errors', async () => {
    const r = await run(['samples', '--format', 'html', '--category', 'nope'], { results: { 'samples/flyer ok.png': passingFile() } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--category');
  });
});
