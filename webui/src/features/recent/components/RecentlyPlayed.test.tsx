import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { stubApi } from '../../../test/fetchStub';
import { RecentlyPlayed } from './RecentlyPlayed';

describe('RecentlyPlayed', () => {
  it('lists plays with how long ago each was', async () => {
    const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000).toISOString();
    stubApi({
      'api/me/player/recently-played': {
        status: 200,
        body: { items: [{ track: { id: 't', name: 'Neon Rain' }, played_at: fiveMinutesAgo }], limit: 20 },
      },
    });
    render(<RecentlyPlayed />);
    expect(await screen.findByText('Neon Rain')).toBeInTheDocument();
    expect(screen.getByText('5 minutes ago')).toBeInTheDocument();
  });
});
