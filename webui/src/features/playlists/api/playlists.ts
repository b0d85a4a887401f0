import { apiGet } from '../../../lib/api-client';
import type { ExternalUrls, SpotifyImage, Track } from '../../../lib/spotify';

export type Playlist = {
  id: string;
  name: string;
  description?: string;
  images?: SpotifyImage[];
  owner?: { id?: string; display_name?: string | null };
  items?: { total?: number };
  external_urls?: ExternalUrls;
};

/** item is null when the track was removed from Spotify or is a local file. */
export type PlaylistItem = { added_at?: string; item?: Track | null };

export const MY_PLAYLISTS_URL = 'api/me/playlists?limit=20';

export function getPlaylist(id: string, signal?: AbortSignal): Promise<Playlist> {
  return apiGet<Playlist>(`api/playlists/${encodeURIComponent(id)}`, signal);
}

export function playlistItemsUrl(id: string): string {
  return `api/playlists/${encodeURIComponent(id)}/items?limit=50`;
}
