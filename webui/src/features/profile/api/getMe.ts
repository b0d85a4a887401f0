import { apiGet, type Freshness } from '../../../lib/api-client';
import type { ExternalUrls, SpotifyImage } from '../../../lib/spotify';

// Spotify's field names, as the BFF serves them; development-mode apps lack several of them.
export type Profile = {
  id: string;
  display_name?: string | null;
  email?: string;
  country?: string;
  product?: string;
  followers?: { total?: number };
  images?: SpotifyImage[];
  external_urls?: ExternalUrls;
  uri?: string;
};

export function getMe(signal?: AbortSignal): Promise<Profile & Freshness> {
  return apiGet<Profile>('api/me', signal);
}
