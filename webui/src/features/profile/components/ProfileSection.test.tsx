import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { answer, page, renderApp } from '../../../test/bff';
import { server } from '../../../test/server';
import { TopItems } from '../../top/components/TopItems';
import { ProfileSection } from './ProfileSection';

const profile = { id: 'wizzler', display_name: 'Wizzler' };
const stale = { 'Cache-Status': 'spotify-bff; hit; stale', Age: '180' };

describe('an answer the BFF served stale', () => {
  it('says quietly how old the profile is', async () => {
    server.use(answer('api/me', profile, { headers: stale }));
    renderApp(<ProfileSection />);

    expect(await screen.findByText('3 minutes ago')).toBeInTheDocument();
    expect(screen.getByText(/Updated/)).toHaveTextContent('Updated 3 minutes ago');
  });

  it('says nothing of a fresh one, from the cache or from Spotify', async () => {
    server.use(answer('api/me', profile, { headers: { 'Cache-Status': 'spotify-bff; hit', Age: '20' } }));
    renderApp(<ProfileSection />);

    expect(await screen.findByText('Wizzler')).toBeInTheDocument();
    expect(screen.queryByText(/Updated/)).not.toBeInTheDocument();
  });

  it('says how old a stale list of top tracks is', async () => {
    const track = { id: 't', name: 'Neon Rain', artists: [{ id: 'a', name: 'Some Artist' }], duration_ms: 201000 };
    server.use(answer('api/me/top/tracks', page([track]), { headers: { ...stale, Age: '7200' } }));
    renderApp(<TopItems kind="tracks" />);

    expect(await screen.findByText('Neon Rain')).toBeInTheDocument();
    expect(screen.getByText(/Updated/)).toHaveTextContent('Updated 2 hours ago');
  });
});
