import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { answer, renderApp } from '../../../test/bff';
import { server } from '../../../test/server';
import { RecentlyPlayed } from './RecentlyPlayed';

describe('RecentlyPlayed', () => {
  it('lists plays with how long ago each was', async () => {
    const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000).toISOString();
    server.use(
      answer('api/me/player/recently-played', {
        items: [{ track: { id: 't', name: 'Neon Rain' }, played_at: fiveMinutesAgo }],
        limit: 20,
      }),
    );
    renderApp(<RecentlyPlayed />);
    expect(await screen.findByText('Neon Rain')).toBeInTheDocument();
    expect(screen.getByText('5 minutes ago')).toBeInTheDocument();
  });
});
