// Spotify's shapes as the BFF serves them (Spotify's field names; absent fields may be missing).

export type SpotifyImage = { url: string; height?: number | null; width?: number | null };
export type ExternalUrls = { spotify?: string };

export type Artist = {
  id: string;
  name: string;
  genres?: string[];
  images?: SpotifyImage[];
  external_urls?: ExternalUrls;
};

export type Track = {
  id?: string;
  name: string;
  type?: string;
  artists?: Artist[];
  album?: { id?: string; name?: string; images?: SpotifyImage[] };
  duration_ms?: number;
  external_urls?: ExternalUrls;
};

/** A page from the BFF; next is the BFF's own URL for the following page. */
export type Page<T> = { items: T[]; total?: number; limit: number; offset?: number; next?: string | null };

/** The smallest image at least `size` pixels wide, for crisp thumbnails without big downloads. */
export function pickImage(images: SpotifyImage[] | undefined, size: number): string | undefined {
  if (!images || images.length === 0) return undefined;
  const sorted = [...images].sort((a, b) => (a.width ?? 0) - (b.width ?? 0));
  return (sorted.find((image) => (image.width ?? 0) >= size) ?? sorted[sorted.length - 1])?.url;
}
