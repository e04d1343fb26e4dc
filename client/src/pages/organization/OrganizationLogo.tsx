import { useState } from 'react';
import { initials } from '../../lib/initials';

/**
 * The organisation's logo (uploaded, or the server's generated initials);
 * the initials drawn here when there is no URL or the image fails to load.
 * Decorative: the name is always written next to it.
 */
export function OrganizationLogo({
  name,
  logoUrl,
  size = 'lg',
}: {
  name: string;
  logoUrl: string;
  size?: 'md' | 'lg';
}) {
  const [failed, setFailed] = useState<string | null>(null);
  if (logoUrl && failed !== logoUrl) {
    return (
      <img
        className={`org-logo org-logo--${size}`}
        src={logoUrl}
        alt=""
        width={size === 'lg' ? 96 : 64}
        height={size === 'lg' ? 96 : 64}
        onError={() => setFailed(logoUrl)}
      />
    );
  }
  return (
    <span className={`org-logo org-logo--${size} org-logo--initials`} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
