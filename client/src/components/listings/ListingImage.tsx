import { useEffect, useState } from 'react';
import { apiFetchBlob } from '../../api/http';

/**
 * The source of a listing image. A published listing's images are public
 * (cached by the browser for a year); an unpublished one's are served only
 * with the session's token, which an `<img src>` cannot send, so they are
 * fetched and shown from a blob URL.
 */
export function useImageSrc(url: string, isPrivate: boolean): string | undefined {
  const [blobUrl, setBlobUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!isPrivate) return;
    const controller = new AbortController();
    let objectUrl: string | undefined;
    apiFetchBlob(url, { signal: controller.signal })
      .then((blob) => {
        objectUrl = URL.createObjectURL(blob);
        setBlobUrl(objectUrl);
      })
      .catch(() => setBlobUrl(undefined));
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url, isPrivate]);
  return isPrivate ? blobUrl : url;
}

export interface ListingImgProps {
  src: string;
  alt: string;
  width: number;
  height: number;
  /** Fetched with the session's token (the listing is not published). */
  isPrivate?: boolean;
  className?: string;
  /** Lazy unless it is what the page shows first. */
  eager?: boolean;
}

/** A listing image with its size set (no layout shift), lazy-loaded, with its text alternative. */
export function ListingImg({ src, alt, width, height, isPrivate = false, className, eager = false }: ListingImgProps) {
  const resolved = useImageSrc(src, isPrivate);
  if (!resolved)
    return (
      <span
        className={`${className ?? ''} listing-img--loading`}
        style={{ aspectRatio: `${width} / ${height}` }}
        aria-hidden="true"
      />
    );
  return (
    <img
      className={className}
      src={resolved}
      alt={alt}
      width={width}
      height={height}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
    />
  );
}
