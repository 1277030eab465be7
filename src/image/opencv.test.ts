import { describe, expect, it } from 'vitest';
import { getCv } from './opencv.ts';

describe('getCv', () => {
  it('loads OpenCV without leaving process-wide handlers behind (an unrelated rejection must not abort the process)', () => {
    const before = [process.listeners('unhandledRejection').length, process.listeners('uncaughtException').length];
    const cv = getCv();
    expect(typeof cv.Mat).toBe('function');
    expect([process.listeners('unhandledRejection').length, process.listeners('uncaughtException').length]).toEqual(before);
  });
});
