import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReference } from '../charter/reference.ts';
import { loadCharter } from '../charter/load.ts';
import { openDocument } from '../ingest/index.ts';
import { logoSpec, writeSingleLogoPage } from '../../test/synth/single.ts';
import { buildScoreGrid, scoreLogo } from './register.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logo-check-register-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('whole-logo score', () => {
  it('finds an inverted logo on white paper like itself where it lies, the @ included', async () => {
    const ref = await buildReference(await loadCharter());
    const width = 160;
    const drawn = join(dir, 'inverted.png');
    await writeSingleLogoPage(logoSpec(width, { violation: 'colour-invert', colourOp: 'invert' }), drawn, { at: [120, 150] });
    const file = join(dir, 'inverted.jpg');
    await sharp(drawn).blur(0.8).jpeg({ quality: 50 }).toFile(file);
    const doc = await openDocument(file, {});
    const page = await doc.renderPage(1);
    await doc.close();
    const s = width / ref.width;
    const score = scoreLogo(page, [s, 0, 120, 0, s, 150, 0, 0, 1], buildScoreGrid(ref, 4));
    expect(score.elements.at).toBeGreaterThan(0.6);
    expect(score.inverted).toBe(true);
  });
});
