import { describe, expect, it } from 'vitest';

import { ApiError } from './api-client';
import { shouldRetry } from './queryClient';

describe('shouldRetry', () => {
  it('never retries an answer of the BFF in the 4xx range', () => {
    for (const status of [400, 401, 403, 404, 429]) {
      expect(shouldRetry(0, new ApiError(status, 'x', 'x'))).toBe(false);
    }
  });

  it('retries a server error or a lost connection twice, then gives up', () => {
    const unavailable = new ApiError(502, 'spotify_unavailable', 'x');
    expect([0, 1, 2].map((n) => shouldRetry(n, unavailable))).toEqual([true, true, false]);
    expect(shouldRetry(0, new ApiError(0, 'network_error', 'x'))).toBe(true);
  });
});
