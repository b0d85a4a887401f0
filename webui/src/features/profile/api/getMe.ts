import { apiGet } from '../../../lib/api-client';

// Spotify's field names, as the BFF serves them; development-mode apps lack several of them.
export type SpotifyImage = { url: string; height?: number | null; width?: number | null };

export type Profile = {
  id: string;
  display_name?: string | null;
  email?: string;
  country?: string;
  product?: string;
  followers?: { total?: number };
  images?: SpotifyImage[];
  external_urls?: { spotify?: string };
  uri?: string;
};

export function getMe(): Promise<Profile> {
  return apiGet<Profile>('api/me');
}
