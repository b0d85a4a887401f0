import { describe, expect, it } from 'vitest';

import { duration, relativeTime } from './time';

describe('time', () => {
  const now = new Date('2026-06-01T12:00:00Z');

  it('says how long ago something happened in words', () => {
    expect(relativeTime('2026-06-01T11:59:50Z', now)).toBe('just now');
    expect(relativeTime('2026-06-01T11:57:00Z', now)).toBe('3 minutes ago');
    expect(relativeTime('2026-06-01T09:00:00Z', now)).toBe('3 hours ago');
    expect(relativeTime('2026-05-31T12:00:00Z', now)).toBe('yesterday');
    expect(relativeTime('not a date', now)).toBe('');
  });

  it('formats a track length as minutes and seconds', () => {
    expect(duration(201_000)).toBe('3:21');
    expect(duration(59_400)).toBe('0:59');
    expect(duration(undefined)).toBe('');
  });
});
