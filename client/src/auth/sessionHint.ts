/**
 * Whether a session may be restored: the server sets a readable `tb_session`
 * hint next to the httpOnly refresh cookie.
 */
export function hasSessionHint(): boolean {
  return document.cookie.split(';').some((c) => c.trim().startsWith('tb_session='));
}
